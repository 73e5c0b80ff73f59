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
	if len(dm) != 1 || !strings.Contains(dm[0].content.Body, "deinen Fall #1 geschlossen") {
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

// TestTeamCloseToldAsTheTeams: the member whose case the team closed reads
// that the team closed it and how to go on — before (sup34) they got the
// text of their own `!schließen`, „Dein Fall #1 ist geschlossen. Danke!“,
// as if they had closed it themselves, and nothing said that writing again
// opens a new case. Writing again does offer one.
func TestTeamCloseToldAsTheTeams(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	dm := in(e.say(t, teamRoom, alice, "!schließen 1", ""), dmRoom)
	if len(dm) != 1 {
		t.Fatalf("member: want one message, got:\n%s", bodies(dm))
	}
	body := dm[0].content.Body
	for _, want := range []string{"Das Team hat deinen Fall #1 geschlossen", "noch einmal", "neuen Fall"} {
		if !strings.Contains(body, want) {
			t.Errorf("member's message lacks %q:\n%s", want, body)
		}
	}
	for _, not := range []string{"Danke", "Alice", "@alice", "$", "!team"} {
		if strings.Contains(body, not) {
			t.Errorf("member's message holds %q:\n%s", not, body)
		}
	}
	// Writing again: the question is answered anew, with the offer of a
	// new case (a closed case is not reopened, and nothing is lost).
	again := e.say(t, dmRoom, member, "Wie kann ich für den Bürgerschaftswahlkampf spenden?", "")
	noTeam(t, again)
	mustContain(t, in(again, dmRoom), "Supportfall")
}
