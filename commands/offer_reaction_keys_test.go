package commands

import (
	"testing"

	"maunium.net/go/mautrix/id"
)

// TestOfferAnsweredWithPickerMarks: the offer of a case („✅ oder ❌“)
// takes the other check and cross marks that Element's emoji picker
// offers for „check“ and „cross“ — ✔️ ☑️ open the case, ✖️ ❎ decline it,
// with or without the variation selector. Before phone34 they did nothing
// and the member waited for a case that was never opened.
func TestOfferAnsweredWithPickerMarks(t *testing.T) {
	for _, tc := range []struct {
		key  string
		open bool
	}{{"✔️", true}, {"✔", true}, {"☑️", true}, {"✖️", false}, {"❎", false}} {
		t.Run(tc.key, func(t *testing.T) {
			e := newSupportEnv(t)
			sent := e.say(t, dmRoom, member, "passwort vergessen cloud", "")
			answer := id.EventID("$" + in(sent, dmRoom)[0].txn)
			sent = e.react(t, dmRoom, member, answer, "👎")
			mustContain(t, in(sent, dmRoom), "Supportfall")
			prompt := id.EventID("$" + in(sent, dmRoom)[0].txn)
			sent = e.react(t, dmRoom, member, prompt, tc.key)
			if tc.open {
				mustContain(t, in(sent, teamRoom), "Fall #1")
				mustContain(t, in(sent, dmRoom), "#1")
				return
			}
			if len(in(sent, teamRoom)) != 0 {
				t.Fatalf("%s on the offer reached the team", tc.key)
			}
			mustContain(t, in(sent, dmRoom), "schicke nichts")
		})
	}
}
