package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"maunium.net/go/mautrix"
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
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		path := r.URL.Path
		switch {
		case strings.HasSuffix(path, "/state/m.room.join_rules/"):
			for room, jr := range rule {
				if strings.Contains(path, room) && jr != "" {
					_, _ = w.Write([]byte(`{"join_rule":"` + jr + `"}`))
					return
				}
			}
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"errcode":"M_NOT_FOUND","error":"not found"}`))
		case strings.HasSuffix(path, "/state/m.room.encryption/"):
			_, _ = w.Write([]byte(`{"algorithm":"m.megolm.v1.aes-sha2"}`))
		case strings.HasSuffix(path, "/state/m.room.power_levels/"):
			_, _ = w.Write([]byte(`{"users":{"` + botID.String() + `":100}}`))
		default:
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"errcode":"M_NOT_FOUND","error":"not found"}`))
		}
	}))
	t.Cleanup(srv.Close)
	cli, err := mautrix.NewClient(srv.URL, botID, "token")
	if err != nil {
		t.Fatal(err)
	}
	cli.DefaultHTTPRetries = 0
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
		findings := checkRoom(t.Context(), cli, setupRoom{"team_room", room, true, tt.moderator, "Teamraum", "team room"}, true, botID)
		var de, en strings.Builder
		failed := printFindings(&de, findings, "de")
		printFindings(&en, findings, "en")
		if got := failed != 0; got != tt.wantFail {
			t.Errorf("%q (moderator %v): failed %d, want fail %v:\n%s", tt.rule, tt.moderator, failed, tt.wantFail, de.String())
		}
		if tt.wantFail {
			if want := "man kann dem Raum ohne Einladung beitreten (" + tt.rule + ")"; !strings.Contains(de.String(), want) {
				t.Errorf("German report lacks %q:\n%s", want, de.String())
			}
			if want := "one can join the room without an invitation (" + tt.rule + ")"; !strings.Contains(en.String(), want) {
				t.Errorf("English report lacks %q:\n%s", want, en.String())
			}
		}
	}
}
