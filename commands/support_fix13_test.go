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
			e.offerPending(t, "zwei faktor einrichten")
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
// nothing reaches the team, the member is asked the offer's question
// again (review rvP11, finding 2: a closing „Alles klar!“ left it armed
// for the next "ok"), and a "ja" after it still opens the case offered.
func TestSupportNoProblemLeavesOffer(t *testing.T) {
	for _, msg := range []string{"kein Problem", "no problem", "no worries", "np", "Kein Ding!"} {
		t.Run(msg, func(t *testing.T) {
			e := newSupportEnv(t)
			e.offerPending(t, "zwei faktor einrichten")
			sent := e.say(t, dmRoom, member, msg, "")
			if team := in(sent, teamRoom); len(team) != 0 {
				t.Fatalf("reached the team room:\n%s", bodies(team))
			}
			dm := in(sent, dmRoom)
			if len(dm) != 1 || !strings.Contains(dm[0].content.Body, "Soll ich den Supportfall für das Team öffnen?") {
				t.Fatalf("want the offer's question again alone, got:\n%s", bodies(dm))
			}
			mustContain(t, in(e.say(t, dmRoom, member, "ja", ""), teamRoom), "zwei faktor einrichten")
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
