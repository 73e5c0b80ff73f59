// Tests of acknowledgements and closings with a case offer pending: "kein
// Problem", "no worries", the same asked, "ok?" and "alles klar" are
// neither yes nor no and ask the offer's question again (never a closing
// „Alles klar!“ that leaves the offer armed for the next "ok"); an answer
// "no" beside "no problem", the trouble reported gone and a goodbye
// decline it.

package commands

import (
	"strings"
	"testing"
)

// TestSupportNoProblemLeavesOffer: with a case offer pending, "kein
// Problem", "no problem", "no worries" are neither yes nor no: the offer
// is not declined (fix13: "no problem" declined it by its "no") nor taken,
// nothing reaches the team, the member is asked the offer's question
// again (review rvP11, finding 2: a closing „Alles klar!“ left it armed
// for the next "ok"), and a "ja" after it still opens the case offered.
func TestSupportNoProblemLeavesOffer(t *testing.T) {
	for _, msg := range []string{"kein Problem", "no problem", "no worries", "np", "Kein Ding!"} {
		t.Run(msg, func(t *testing.T) {
			e := newSupportEnv(t)
			e.offerPending(t, "zwei faktor einrichten")
			e.soleReply(t, msg, "Soll ich den Supportfall für das Team öffnen?")
			mustContain(t, in(e.say(t, dmRoom, member, "ja", ""), teamRoom), "zwei faktor einrichten")
		})
	}
}

// TestSupportAskedNoProblem: „kein Problem?“, "no problem?" with a case
// offer pending ask whether it is all right: the offer's question is
// asked again (nothing is declined, nothing reaches the team), and a
// „ja“ after it opens the case; with nothing pending the member is asked
// what it is about, never told „Alles klar!“ (review rvP11, finding 10).
func TestSupportAskedNoProblem(t *testing.T) {
	for _, msg := range []string{"kein problem?", "no problem?", "wirklich kein Problem?"} {
		t.Run(msg, func(t *testing.T) {
			e := newSupportEnv(t)
			e.offerPending(t, "zwei faktor einrichten")
			e.soleReply(t, msg, "Soll ich den Supportfall für das Team öffnen?")
			mustContain(t, in(e.say(t, dmRoom, member, "ja", ""), teamRoom), "zwei faktor einrichten")

			e = newSupportEnv(t)
			dm := in(e.say(t, dmRoom, member, msg, ""), dmRoom)
			if len(dm) != 1 || strings.Contains(dm[0].content.Body, "Alles klar") {
				t.Fatalf("want no acknowledgement, got:\n%s", bodies(dm))
			}
		})
	}
}

// TestSupportNoBeforeNoProblemDeclines: "nein, kein Problem", "nein
// danke, kein Problem", "no thanks, no problem" decline the pending offer
// (their "nein" is the one the offer asks for): an "ok" after them opens
// nothing (review rvP11, finding 2: the case was opened and the question
// sent to the team).
func TestSupportNoBeforeNoProblemDeclines(t *testing.T) {
	for _, msg := range []string{"nein, kein Problem", "nein danke, kein Problem", "no thanks, no problem"} {
		t.Run(msg, func(t *testing.T) {
			e := newSupportEnv(t)
			e.offerPending(t, "zwei faktor einrichten")
			sent := e.say(t, dmRoom, member, msg, "")
			mustContain(t, in(sent, dmRoom), "schicke nichts")
			for _, next := range []string{"ok", "ja"} {
				if team := in(e.say(t, dmRoom, member, next, ""), teamRoom); len(team) != 0 {
					t.Fatalf("%q after the decline opened a case:\n%s", next, bodies(team))
				}
			}
		})
	}
}

// TestSupportNahNoWorries: "nah, no worries" with a case offer pending
// declines it: the "nah" set apart by a comma is the English answer, and
// „no worries“ after it is no „no problem“ alone (IsNoProblem is false
// beside an answer "no"), so the offer is not left armed.
func TestSupportNahNoWorries(t *testing.T) {
	e := newSupportEnv(t)
	e.offerPending(t, "zwei faktor einrichten")
	mustContain(t, in(e.say(t, dmRoom, member, "nah, no worries", ""), dmRoom), "schicke nichts")
	e.opensNothing(t, "ok")
}

// TestSupportOfferAfterClosings (review rvR12, findings 1, 3, 7; rvS12,
// findings 1–3): with a case offer pending, the trouble reported gone or
// a goodbye declines it; an
// acknowledgement, a question ("ok?") or a farewell that looks like
// approval ("ok machs gut") sends nothing and leaves no offer armed
// behind „Alles klar!“ — the member's next plain "ok" must not send the
// question to the team unless the member was asked again and said yes.
func TestSupportOfferAfterClosings(t *testing.T) {
	for _, tt := range []struct {
		msg string
		// want: words of the reply; asked: the offer's question was
		// asked again (a following "ja" opens the case); declined: the
		// offer is gone (a following "ok" opens nothing).
		want     string
		asked    bool
		declined bool
	}{
		{msg: "geht wieder", want: "schicke nichts", declined: true},
		{msg: "hat sich geklärt", want: "schicke nichts", declined: true},
		{msg: "super, jetzt klappt es", want: "schicke nichts", declined: true},
		{msg: "solved it, thanks", want: "schicke nichts", declined: true},
		{msg: "alles klar", want: "Soll ich den Supportfall", asked: true},
		{msg: "ok danke", want: "Soll ich den Supportfall", asked: true},
		{msg: "ok?", want: "Soll ich den Supportfall", asked: true},
		{msg: "ja gut?", want: "Soll ich den Supportfall", asked: true},
		{msg: "ok machs gut", want: "schicke nichts", declined: true},
		{msg: "ok mach es gut", want: "schicke nichts", declined: true},
		{msg: "tschüss", want: "schicke nichts", declined: true},
		{msg: "ok bye", want: "schicke nichts", declined: true},
		{msg: "ok?!", want: "Soll ich den Supportfall", asked: true},
		{msg: "ja? :)", want: "Soll ich den Supportfall", asked: true},
		// A "ne" after another answer particle is the answer (finding 4).
		{msg: "ok, ne danke", want: "schicke nichts", declined: true},
		{msg: "ach ne danke", want: "schicke nichts", declined: true},
		{msg: "ja ok ne danke", want: "schicke nichts", declined: true},
	} {
		t.Run(tt.msg, func(t *testing.T) {
			e := newSupportEnv(t)
			e.offerPending(t, "zwei faktor einrichten")
			sent := e.say(t, dmRoom, member, tt.msg, "")
			if team := in(sent, teamRoom); len(team) != 0 {
				t.Fatalf("%q reached the team room:\n%s", tt.msg, bodies(team))
			}
			dm := in(sent, dmRoom)
			mustContain(t, dm, tt.want)
			if !tt.declined && strings.Contains(bodies(dm), "Alles klar!") {
				t.Fatalf("%q closed with „Alles klar!“ and the offer pending:\n%s", tt.msg, bodies(dm))
			}
			if tt.asked {
				mustContain(t, in(e.say(t, dmRoom, member, "ja", ""), teamRoom), "zwei faktor einrichten")
				return
			}
			if tt.declined {
				if team := in(e.say(t, dmRoom, member, "ok", ""), teamRoom); len(team) != 0 {
					t.Fatalf("an ok after %q opened the declined offer:\n%s", tt.msg, bodies(team))
				}
			}
		})
	}
}
