package commands

import (
	"strings"
	"testing"
)

// TestSupportDeclineWithoutNo: with a case offer pending, a decline said
// without a "no" ("ich komme klar", "never mind", "hat sich erledigt")
// declines the offer like "nein danke, ich komme klar" (review rvM: it got
// the small-talk "Alles klar!" and the offer stayed open, so the member's
// "ok" to that reply opened a case they had just declined). A question
// in the same words ("can I do it myself", "schaffe ich das?") declines
// nothing, and "danke" leaves the offer open as before.
func TestSupportDeclineWithoutNo(t *testing.T) {
	for _, tt := range []struct {
		msg      string
		declined bool
	}{
		{"ich komme klar", true},
		{"ich krieg das schon hin, danke", true},
		{"never mind", true},
		{"I'll manage", true},
		{"hat sich erledigt", true},
		{"schaffe ich das?", false},
		{"can I do it myself", false},
		{"danke", false},
	} {
		t.Run(tt.msg, func(t *testing.T) {
			e := newSupportEnv(t)
			e.offerPending(t, "zwei faktor einrichten")
			sent := e.say(t, dmRoom, member, tt.msg, "")
			if team := in(sent, teamRoom); len(team) != 0 {
				t.Fatalf("reached the team room:\n%s", bodies(team))
			}
			dm := in(sent, dmRoom)
			if got := len(dm) == 1 && strings.Contains(dm[0].content.Body, "schicke nichts"); got != tt.declined {
				t.Fatalf("declined %v, want %v:\n%s", got, tt.declined, bodies(dm))
			}
			team := in(e.say(t, dmRoom, member, "ok", ""), teamRoom)
			if tt.declined && len(team) != 0 {
				t.Fatalf("an ok after the decline opened a case:\n%s", bodies(team))
			}
		})
	}
}
