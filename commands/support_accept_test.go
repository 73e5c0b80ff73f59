// Tests of a member's yes to a pending case offer: a polite yes ("ja
// bitte", "yes please"), a yes with words of approval ("ja ok", "ok, mach
// das"), and every answer particle as the yes or no it is ("yep", "jo"
// open the case as "ja" does; "nope", "nah" decline it).

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
			e.offerPending(t, "zwei faktor einrichten")
			sent := e.say(t, dmRoom, member, msg, "")
			mustContain(t, in(sent, teamRoom), "zwei faktor einrichten")
			for _, m := range in(sent, teamRoom) {
				if strings.Contains(m.content.Body, msg) {
					t.Errorf("the yes reached the case as a question:\n%s", m.content.Body)
				}
			}
			mustContain(t, in(sent, dmRoom), "Supportfall #1")

			e = newSupportEnv(t)
			e.soleReply(t, msg, "Klar, frag einfach!")
		})
	}
}

// TestSupportAcceptYes: with a case offer pending, a yes with words of
// approval („ja ok“, „jo, passt“, „ok, mach das“, "yes, go ahead";
// chat.SaysYes) opens the case as „ja“ does. Read as neither, it got
// „Alles klar! Wenn noch etwas ist, schreib mir einfach.“ and nothing
// was sent, though the member had said yes.
func TestSupportAcceptYes(t *testing.T) {
	for _, msg := range []string{"ja ok", "jo, passt", "ok, mach das", "yes, go ahead", "ok gerne"} {
		t.Run(msg, func(t *testing.T) {
			e := newSupportEnv(t)
			e.offerPending(t, "zwei faktor einrichten")
			sent := e.say(t, dmRoom, member, msg, "")
			mustContain(t, in(sent, teamRoom), "zwei faktor einrichten")
			mustContain(t, in(sent, dmRoom), "Supportfall #1")
		})
	}
}

// TestSupportParticlesAnswerOffer: every answer particle answers a
// pending case offer as "ja" and "nein" do (review rvP11, finding 6):
// "nope", "nah", "nope, no worries" decline it (an "ok" after them opens
// nothing); "yep", "yeah", "jo", "jap", "ja klar" open the case.
func TestSupportParticlesAnswerOffer(t *testing.T) {
	for _, tt := range []struct {
		msg string
		yes bool
	}{
		{"nope", false}, {"Nah.", false}, {"nee", false}, {"nope, no worries", false},
		{"yep", true}, {"yeah", true}, {"jo", true}, {"jap", true}, {"ja klar", true}, {"Yeah!", true},
	} {
		t.Run(tt.msg, func(t *testing.T) {
			e := newSupportEnv(t)
			e.offerPending(t, "zwei faktor einrichten")
			sent := e.say(t, dmRoom, member, tt.msg, "")
			if tt.yes {
				mustContain(t, in(sent, teamRoom), "zwei faktor einrichten")
				mustContain(t, in(sent, dmRoom), "Supportfall #1")
				return
			}
			noTeam(t, sent)
			mustContain(t, in(sent, dmRoom), "schicke nichts")
			e.opensNothing(t, "ok")
		})
	}
}
