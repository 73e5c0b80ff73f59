package commands

import (
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/commands/answer"
)

// TestNoneOfTheChoicesFits: a member who answers a rescued choice's "Passt
// keine davon?" in its own words ("keine davon", "none of them") is
// offered a case with the question they asked, like "hat nicht
// geholfen"; the reply is not searched as a new question. The offer is
// in the reply's language when it says one clearly (case32).
func TestNoneOfTheChoicesFits(t *testing.T) {
	replies := []string{"Keine davon passt.", "passt keine", "None of these fit", "Nein, keine davon."}
	// The reply the rescued choice itself names, in both languages; a
	// choice of one guide names „nein“ (ux20): read alike after any
	// choice.
	for _, hint := range []string{answer.German.ChooseOrCase, answer.English.ChooseOrCase, answer.German.ChooseOrCaseOne, answer.English.ChooseOrCaseOne} {
		quoted := quotedIn(hint)
		if quoted == "" {
			t.Fatalf("the rescued choice's line names no reply: %q", hint)
		}
		replies = append(replies, quoted)
	}
	for _, reply := range replies {
		t.Run(reply, func(t *testing.T) {
			e := newSupportEnv(t)
			q := ""
			for _, c := range []string{"Die Ortsgruppe braucht einen Treffpunkt im Netz für ihre Sitzungen und Besprechungen",
				"Die Ortsgruppe braucht einen Treffpunkt im Netz für ihre Sitzungen",
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
			// The offer is in the reply's language when it is clearly
			// written in one („None of these fit“; case32), else in the
			// install's.
			offer := "Supportfall"
			if answer.ClearLang(reply) == "en" {
				offer = "support case"
			}
			mustContain(t, in(sent, dmRoom), offer, q)
			if b := bodies(in(sent, dmRoom)); strings.Contains(b, "keine passende Anleitung") || strings.Contains(b, "📘") {
				t.Fatalf("%q was searched as a question: %s", reply, b)
			}
		})
	}
}

// quotedIn returns the first text of s in German („…“) or English (“…”)
// quotation marks, or "".
func quotedIn(s string) string {
	for _, q := range [][2]string{{"„", "“"}, {"“", "”"}} {
		if _, rest, ok := strings.Cut(s, q[0]); ok {
			if in, _, ok := strings.Cut(rest, q[1]); ok {
				return in
			}
		}
	}
	return ""
}
