package commands

import (
	"strings"
	"testing"
)

// TestSupportPoliteYesAccepts: with a case offer pending, a polite yes
// ("ja, bitte", "ja gerne", "yes please"; Duden, "bitte", "gern";
// Cambridge Dictionary, "yes please") opens the case as "ja" and "ja
// bitte" do (talk11: "yes please" got a "no guide" quoting it and the
// offer again, with the yes added to the question; "ja gerne" got "Alles
// klar!" and the offer stayed open). With nothing pending the member is
// asked what it is about, never given a "no guide" for „ja“.
func TestSupportPoliteYesAccepts(t *testing.T) {
	for _, msg := range []string{"ja bitte", "Ja, bitte!", "ja gerne", "Ja, gerne!", "yes please", "yes, please 🙂", "ja sehr gerne"} {
		t.Run(msg, func(t *testing.T) {
			e := newSupportEnv(t)
			e.say(t, dmRoom, member, "zwei faktor einrichten", "")
			offerPrompt(t, e.say(t, dmRoom, member, "hat nicht geholfen", ""))
			sent := e.say(t, dmRoom, member, msg, "")
			mustContain(t, in(sent, teamRoom), "zwei faktor einrichten")
			for _, m := range in(sent, teamRoom) {
				if strings.Contains(m.content.Body, msg) {
					t.Errorf("the yes reached the case as a question:\n%s", m.content.Body)
				}
			}
			mustContain(t, in(sent, dmRoom), "Supportfall #1")

			e = newSupportEnv(t)
			sent = e.say(t, dmRoom, member, msg, "")
			if team := in(sent, teamRoom); len(team) != 0 {
				t.Fatalf("reached the team room:\n%s", bodies(team))
			}
			dm := in(sent, dmRoom)
			if len(dm) != 1 || !strings.Contains(dm[0].content.Body, "Klar, frag einfach!") {
				t.Fatalf("want the prompt alone, got:\n%s", bodies(dm))
			}
		})
	}
}
