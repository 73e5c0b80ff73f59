package commands

import (
	"strings"
	"testing"
)

// TestSupportNoThanksAlone: with a case offer pending, the polite refusal
// alone ("nein danke", "no thanks", "nope, thanks") declines the offer
// like "nein" — also when its "no" is none support reads as one ("nope";
// answer.IsDecline, fix13: it got "Gern geschehen!" and the offer stayed
// open). A "ja" after the decline opens nothing.
func TestSupportNoThanksAlone(t *testing.T) {
	for _, msg := range []string{"nein danke", "no thanks", "no, thank you", "nö danke", "nope, thanks", "Nope, thank you!"} {
		t.Run(msg, func(t *testing.T) {
			e := newSupportEnv(t)
			e.say(t, dmRoom, member, "zwei faktor einrichten", "")
			offerPrompt(t, e.say(t, dmRoom, member, "hat nicht geholfen", ""))
			sent := e.say(t, dmRoom, member, msg, "")
			if team := in(sent, teamRoom); len(team) != 0 {
				t.Fatalf("reached the team room:\n%s", bodies(team))
			}
			dm := in(sent, dmRoom)
			if len(dm) != 1 || !strings.Contains(dm[0].content.Body, "schicke nichts") {
				t.Fatalf("want the decline alone, got:\n%s", bodies(dm))
			}
			if team := in(e.say(t, dmRoom, member, "ja", ""), teamRoom); len(team) != 0 {
				t.Fatalf("a ja after the decline opened a case:\n%s", bodies(team))
			}
		})
	}
}

// TestSupportNoProblemLeavesOffer: with a case offer pending, "kein
// Problem", "no problem", "no worries" are neither yes nor no: the offer
// is not declined (fix13: "no problem" declined it by its "no") nor taken,
// nothing reaches the team, the member gets the acknowledgement (not the
// vague complaint "kein Problem" got), and a "ja" after it still opens
// the case offered.
func TestSupportNoProblemLeavesOffer(t *testing.T) {
	for _, msg := range []string{"kein Problem", "no problem", "no worries", "np", "Kein Ding!"} {
		t.Run(msg, func(t *testing.T) {
			e := newSupportEnv(t)
			e.say(t, dmRoom, member, "zwei faktor einrichten", "")
			offerPrompt(t, e.say(t, dmRoom, member, "hat nicht geholfen", ""))
			sent := e.say(t, dmRoom, member, msg, "")
			if team := in(sent, teamRoom); len(team) != 0 {
				t.Fatalf("reached the team room:\n%s", bodies(team))
			}
			dm := in(sent, dmRoom)
			if len(dm) != 1 || !strings.Contains(dm[0].content.Body, "Alles klar! Wenn noch etwas ist") {
				t.Fatalf("want the acknowledgement alone, got:\n%s", bodies(dm))
			}
			mustContain(t, in(e.say(t, dmRoom, member, "ja", ""), teamRoom), "zwei faktor einrichten")
		})
	}
}
