package commands

import (
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/commands/answer"
)

// TestNoneOfTheChoicesFits: a member who answers a rescued choice's "Passt
// keine davon?" in its own words ("keine davon", "none of them") is
// offered a case with the question they asked, like "hat nicht
// geholfen"; the reply is not searched as a new question.
func TestNoneOfTheChoicesFits(t *testing.T) {
	for _, reply := range []string{"keine davon", "Keine davon passt.", "passt keine", "none of them", "None of these fit", "Nein, keine davon."} {
		t.Run(reply, func(t *testing.T) {
			e := newSupportEnv(t)
			q := ""
			for _, c := range []string{"Die Ortsgruppe braucht einen Treffpunkt im Netz für ihre Sitzungen",
				"Zeitmaschine reparieren, das Codewort ist Geheim123"} {
				if answer.Decide(c, e.h.Guides.Current(), answer.Options{Cases: true}).Rescued {
					q = c
					break
				}
			}
			if q == "" {
				t.Fatal("none of the messages gets a rescued choice any more: pick new ones")
			}
			sent := e.say(t, dmRoom, member, q, "")
			mustContain(t, in(sent, dmRoom), "Passt keine davon?")
			sent = e.say(t, dmRoom, member, reply, "")
			mustContain(t, in(sent, dmRoom), "Supportfall", q)
			if b := bodies(in(sent, dmRoom)); strings.Contains(b, "keine passende Anleitung") || strings.Contains(b, "📘") {
				t.Fatalf("%q was searched as a question: %s", reply, b)
			}
		})
	}
}
