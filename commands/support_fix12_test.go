package commands

import (
	"strings"
	"testing"
	"time"
)

// TestSupportLapsedOfferOpenCase: a ✅ on the prompt of an offer that is no
// longer open (the draft expired) while the member has a case open — the
// offer came from a "!ticket" beside that case — says the offer is no
// longer open and that the open case is where to write, not to ask for a
// person (review rvM, "not mended": it suggested „Ich möchte mit einem
// Menschen sprechen“ although a case was open). Nothing reaches the team;
// also after a restart.
func TestSupportLapsedOfferOpenCase(t *testing.T) {
	for _, restart := range []bool{false, true} {
		e := newSupportEnv(t)
		e.openCase(t)
		prompt := offerPrompt(t, e.say(t, dmRoom, member, "!ticket Und mein Kalender synchronisiert nicht", ""))
		e.now = e.now.Add(31 * time.Minute)
		if restart {
			e.reconfigure(func(*Deps) {})
		}
		sent := e.react(t, dmRoom, member, prompt, "✅")
		if team := in(sent, teamRoom); len(team) != 0 {
			t.Fatalf("restart %v: reached the team room:\n%s", restart, bodies(team))
		}
		dm := in(sent, dmRoom)
		if len(dm) != 1 {
			t.Fatalf("restart %v: want one reply, got:\n%s", restart, bodies(dm))
		}
		mustContain(t, dm, "nicht mehr offen", "#1", "Schreib einfach hier")
		if strings.Contains(bodies(dm), "Ich möchte mit einem Menschen sprechen") {
			t.Errorf("restart %v: the reply asks for a person although a case is open:\n%s", restart, bodies(dm))
		}
	}
}
