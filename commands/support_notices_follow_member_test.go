package commands

import (
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/support"
)

// TestCaseNoticesFollowTheMember (relay30): the member left the case's
// chat. The notice that their case waits and `!schließen`'s notice go to
// their newer direct chat with Lotse when they have one; with none (or
// with Lotse removed from the case's chat), nothing goes to the case's
// room, and the team reads in the thread or the confirmation that the
// member got no message — no room or event ID. Fails without noticeRoom:
// both went to the room the member had left.
func TestCaseNoticesFollowTheMember(t *testing.T) {
	const newDM = id.RoomID("!dm2:test")
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, e *supportEnv)
		want  id.RoomID // "" : nowhere
	}{
		{"member left, newer direct chat", func(t *testing.T, e *supportEnv) { e.newDirectChat(t, newDM, member); e.leave(dmRoom, member) }, newDM},
		{"member left, no other chat", func(_ *testing.T, e *supportEnv) { e.leave(dmRoom, member) }, ""},
		{"Lotse removed", func(_ *testing.T, e *supportEnv) { e.leave(dmRoom, botID) }, ""},
		{"member still there", func(*testing.T, *supportEnv) {}, dmRoom},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, step := range []string{"waiting", "close"} {
				e := newSupportEnv(t)
				e.openCase(t)
				tc.setup(t, e)
				var sent []sentMsg
				switch step {
				case "waiting":
					e.now = e.now.Add(support.MemberWaitAfter + time.Hour)
					sent = e.tick(t)
				default:
					sent = e.say(t, teamRoom, alice, "!schließen 1", "")
				}
				for _, r := range []id.RoomID{dmRoom, newDM} {
					if got := in(sent, r); r != tc.want && len(got) != 0 {
						t.Fatalf("%s: a notice went to %s:\n%s", step, r, bodies(got))
					}
				}
				team := in(sent, teamRoom)
				if tc.want != "" {
					mustContain(t, in(sent, tc.want), "#1")
					if step == "close" {
						mustContain(t, team, "Das Mitglied wurde informiert")
					}
					continue
				}
				if step == "close" {
					mustContain(t, team, "Fall #1 ist geschlossen (Alice)", "keine Nachricht bekommen")
				} else {
					mustContain(t, team, "Fall #1 wartet noch", "ging deshalb nicht raus")
				}
				if b := bodies(team); strings.Contains(b, ":test") || strings.Contains(b, "$") {
					t.Errorf("%s: the team's note names a room or event:\n%s", step, b)
				}
			}
		})
	}
}
