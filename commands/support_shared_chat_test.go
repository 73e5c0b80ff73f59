package commands

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"
)

// TestAnswerNotIntoSharedChat: the member invited someone into their chat
// with Lotse (joined or only invited). The team's answer, the resolution
// and the closing notice do not go there — a third person would read the
// member's case and the answering team member's name, and the member's
// replies there reach no case — and the team reads that nothing was sent;
// the member reads once, without the answer or a name, how to get the
// answers again. Before sup34 all of them went into the shared chat. Once
// the chat is the two of them again, answers go there as before.
func TestAnswerNotIntoSharedChat(t *testing.T) {
	for _, tc := range []struct {
		name   string
		invite bool
	}{{"joined", false}, {"invited", true}} {
		t.Run(tc.name, func(t *testing.T) {
			e := newSupportEnv(t)
			root := e.openCase(t)
			e.fm.mu.Lock()
			if tc.invite {
				if e.fm.invited == nil {
					e.fm.invited = map[id.RoomID]map[id.UserID]bool{}
				}
				e.fm.invited[dmRoom] = map[id.UserID]bool{outsider: true}
			} else {
				e.fm.joined[dmRoom][outsider] = true
			}
			e.fm.mu.Unlock()
			for i, cmd := range []string{"!antwort Spenden gehen per Überweisung.", "!erledigt Überweisung", "!schließen"} {
				sent := e.say(t, teamRoom, alice, cmd, root)
				dm := in(sent, dmRoom)
				// The member is told once, without the answer or a name,
				// how to get the answers again; nothing more after that.
				if i == 0 {
					if len(dm) != 1 {
						t.Fatalf("%s: want one note to the member, got:\n%s", cmd, bodies(dm))
					}
					body := dm[0].content.Body
					if !strings.Contains(body, "noch jemand anderes") || !strings.Contains(body, "#1") ||
						strings.Contains(body, "Überweisung") || strings.Contains(body, "Alice") {
						t.Errorf("the member's note: %q", body)
					}
				} else if len(dm) != 0 {
					t.Fatalf("%s reached the shared chat:\n%s", cmd, bodies(dm))
				}
				team := bodies(in(sent, teamRoom))
				if !strings.Contains(team, "nicht mehr nur zwischen uns beiden") && !strings.Contains(team, "keine Nachricht bekommen") {
					t.Errorf("%s: the team is not told that nothing went out:\n%s", cmd, team)
				}
			}
		})
	}
	t.Run("the two of them again", func(t *testing.T) {
		e := newSupportEnv(t)
		root := e.openCase(t)
		e.fm.mu.Lock()
		e.fm.joined[dmRoom][outsider] = true
		e.fm.mu.Unlock()
		if dm := in(e.say(t, teamRoom, alice, "!antwort Erster Versuch.", root), dmRoom); strings.Contains(bodies(dm), "Erster Versuch") {
			t.Fatalf("reached the shared chat:\n%s", bodies(dm))
		}
		e.fm.mu.Lock()
		e.fm.joined[dmRoom][outsider] = false
		e.fm.mu.Unlock()
		mustContain(t, in(e.say(t, teamRoom, alice, "!antwort Zweiter Versuch.", root), dmRoom), "Zweiter Versuch.")
	})
}
