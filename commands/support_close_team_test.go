package commands

import (
	"strings"
	"testing"
)

// TestTeamCloseAnswersTheTeam: `!schließen 1` by the team in the team room
// tells the member their case is closed and answers the team with a text
// for the team — before (lang26's find), the team got the member's own
// text, „Dein Fall #1 ist geschlossen. Danke! …“.
func TestTeamCloseAnswersTheTeam(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	sent := e.say(t, teamRoom, alice, "!schließen 1", "")
	dm, team := in(sent, dmRoom), in(sent, teamRoom)
	if len(dm) != 1 || !strings.Contains(dm[0].content.Body, "Dein Fall") {
		t.Fatalf("member: want the closing text, got:\n%s", bodies(dm))
	}
	if len(team) == 0 {
		t.Fatal("the team got no answer")
	}
	for _, m := range team {
		if strings.Contains(m.content.Body, "Dein Fall") || strings.Contains(m.content.Body, "Danke!") {
			t.Fatalf("the team got the member's text:\n%s", bodies(team))
		}
	}
	mustContain(t, team, "Fall #1 ist geschlossen (Alice)")
}
