package commands

import (
	"testing"
	"time"
)

// TestRoundTableDateErrorKeepsItsHint (left34): the answer to a date
// Lotse cannot read was escaped as one text, message and hint, and cut at
// 200 characters — two times (246 characters in German) lost
// the hint's examples, what to write instead. Fails without the fix: the
// answer ends in „…“ before „jeden Donnerstag 19 Uhr“.
func TestRoundTableDateErrorKeepsItsHint(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	for _, cmd := range []string{
		"!rundertisch Treffen am 3.12. um 19 Uhr 20 Uhr",
	} {
		var got []sentMsg
		for _, m := range e.sayDirect(t, dmOf(coord), coord, cmd) {
			if m.content != nil { // not the ✅ under a preview
				got = append(got, m)
			}
		}
		mustContain(t, got, "nicht eindeutig", "Schreib Datum und Uhrzeit je nur einmal", "„jeden Donnerstag 19 Uhr“.")
		noneContains(t, got, "Vorschau")
	}
}
