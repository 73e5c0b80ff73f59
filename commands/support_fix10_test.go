package commands

import (
	"strings"
	"testing"
)

// TestSupportNoThanks: with a case offer pending, a "no" with words that
// ask nothing and are no criticism ("nein danke, ich komme klar", "nein,
// passt schon", "no thanks, I'm fine") declines the offer, like a bare
// "nein" (fix10: it was searched as a question, and the offer was made
// again quoting it). "nein, keine davon" still makes the offer again.
func TestSupportNoThanks(t *testing.T) {
	for _, tt := range []struct {
		msg      string
		declined bool
	}{
		{"nein danke, ich komme klar", true},
		{"nein, passt schon", true},
		{"Nein danke, ich komme schon klar.", true},
		{"no thanks, I'm fine", true},
		{"no, all good", true},
		{"nein, keine davon", false},
	} {
		t.Run(tt.msg, func(t *testing.T) {
			e := newSupportEnv(t)
			e.say(t, dmRoom, member, "zwei faktor einrichten", "")
			offerPrompt(t, e.say(t, dmRoom, member, "hat nicht geholfen", ""))
			sent := e.say(t, dmRoom, member, tt.msg, "")
			dm := in(sent, dmRoom)
			if team := in(sent, teamRoom); len(team) != 0 {
				t.Fatalf("reached the team room:\n%s", bodies(team))
			}
			if !tt.declined {
				mustContain(t, dm, "Supportfall", "zwei faktor einrichten")
				return
			}
			if len(dm) != 1 || !strings.Contains(dm[0].content.Body, "schicke nichts") {
				t.Fatalf("want the decline alone, got:\n%s", bodies(dm))
			}
			if team := in(e.say(t, dmRoom, member, "ja", ""), teamRoom); len(team) != 0 {
				t.Fatalf("a ja after the decline opened a case:\n%s", bodies(team))
			}
		})
	}
}
