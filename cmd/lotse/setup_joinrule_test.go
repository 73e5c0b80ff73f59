package main

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"
)

// TestSetupFailsRoomOpenWithoutInvite: the team room and the approvals
// room are where Lotse invites and removes people; one that anyone (or
// any member of a space) can join without an invitation let a removed
// team member back in on their own, and `lotse setup` passed it
// (thirty-first pass, onb31). A lobby room may be open; invite-only,
// knock and no join rule at all pass.
func TestSetupFailsRoomOpenWithoutInvite(t *testing.T) {
	const botID = id.UserID("@lotse:hs")
	rule := map[string]string{}
	cli := setupStateClient(t, botID, func(path string) (string, bool) {
		if strings.HasSuffix(path, "/state/m.room.join_rules/") {
			for room, jr := range rule {
				if strings.Contains(path, room) && jr != "" {
					return `{"join_rule":"` + jr + `"}`, true
				}
			}
		}
		return "", false
	})
	for i, tt := range []struct {
		rule      string
		moderator bool
		wantFail  bool
	}{
		{"public", true, true},
		{"restricted", true, true},
		{"knock_restricted", true, true},
		{"invite", true, false},
		{"knock", true, false},
		{"", true, false},
		{"public", false, false}, // a lobby room
	} {
		room := id.RoomID("!r" + string(rune('a'+i)) + ":hs")
		rule[room.String()] = tt.rule
		failed, de, en := checkRoomReport(t, cli, setupRoom{"team_room", room, true, tt.moderator, "Teamraum", "team room"}, botID)
		if got := failed != 0; got != tt.wantFail {
			t.Errorf("%q (moderator %v): failed %d, want fail %v:\n%s", tt.rule, tt.moderator, failed, tt.wantFail, de)
		}
		if tt.wantFail {
			if want := "man kann dem Raum ohne Einladung beitreten (" + tt.rule + ")"; !strings.Contains(de, want) {
				t.Errorf("German report lacks %q:\n%s", want, de)
			}
			if want := "one can join the room without an invitation (" + tt.rule + ")"; !strings.Contains(en, want) {
				t.Errorf("English report lacks %q:\n%s", want, en)
			}
		}
	}
}
