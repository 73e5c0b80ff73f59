package commands

import (
	"strings"
	"testing"
)

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
