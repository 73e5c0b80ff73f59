package commands

import (
	"strings"
	"testing"
)

// TestSupportNahNearDeclinesNothing: with a case offer pending, a message
// that opens with the German "nah" (near: „nah dran“, „nah an der Tür“;
// Duden, "nah") declines nothing — it was read as the English "nah" and
// the offer declined („Alles klar, ich schicke nichts an das Team.“).
// Only the bare "nah", "nah." declines (chat.NoAlone); "nah, I'm fine"
// declines as a decline without a "no" does.
func TestSupportNahNearDeclinesNothing(t *testing.T) {
	for _, tt := range []struct {
		msg     string
		decline bool
	}{
		{"nah dran, aber die Anmeldung klappt immer noch nicht", false},
		{"nah an der Tür steht der Drucker, wie drucke ich aus der Cloud", false},
		{"nah", true},
		{"nah.", true},
		{"nah, ich komme klar", true},
		{"ne", true},
		{"ne danke", true},
		{"ne, passt schon", true},
	} {
		t.Run(tt.msg, func(t *testing.T) {
			e := newSupportEnv(t)
			e.offerPending(t, "zwei faktor einrichten")
			sent := e.say(t, dmRoom, member, tt.msg, "")
			if team := in(sent, teamRoom); len(team) != 0 {
				t.Fatalf("reached the team room:\n%s", bodies(team))
			}
			declined := false
			for _, m := range in(sent, dmRoom) {
				declined = declined || strings.Contains(m.content.Body, "schicke nichts")
			}
			if declined != tt.decline {
				t.Fatalf("declined = %v, want %v:\n%s", declined, tt.decline, bodies(in(sent, dmRoom)))
			}
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
			sent := e.say(t, dmRoom, member, msg, "")
			if team := in(sent, teamRoom); len(team) != 0 {
				t.Fatalf("reached the team room:\n%s", bodies(team))
			}
			dm := in(sent, dmRoom)
			if len(dm) != 1 || !strings.Contains(dm[0].content.Body, "Soll ich den Supportfall für das Team öffnen?") {
				t.Fatalf("want the offer's question again alone, got:\n%s", bodies(dm))
			}
			mustContain(t, in(e.say(t, dmRoom, member, "ja", ""), teamRoom), "zwei faktor einrichten")

			e = newSupportEnv(t)
			dm = in(e.say(t, dmRoom, member, msg, ""), dmRoom)
			if len(dm) != 1 || strings.Contains(dm[0].content.Body, "Alles klar") {
				t.Fatalf("want no acknowledgement, got:\n%s", bodies(dm))
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
	if team := in(e.say(t, dmRoom, member, "ok", ""), teamRoom); len(team) != 0 {
		t.Fatalf("an „ok“ after the decline opened a case:\n%s", bodies(team))
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
