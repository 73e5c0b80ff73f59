package commands

import (
	"fmt"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/commands/roundtable"
)

// TestRoundTableDraftsBounded (mend33a's Left, left34): `!rundertisch`
// stored a draft and sent a preview for each message, without a bound.
// Now a coordinator with MaxOpenDrafts drafts whose date is ahead is told
// which they are and what to do (announce one or cancel a draft), and no
// preview is sent; announcing or cancelling one makes room again. Fails
// without the bound: the eleventh draft gets its preview.
func TestRoundTableDraftsBounded(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	say := func(body string) []sentMsg { // the messages, not the ✅ under a preview
		var out []sentMsg
		for _, m := range e.sayDirect(t, dmOf(coord), coord, body) {
			if m.content != nil {
				out = append(out, m)
			}
		}
		return out
	}
	for i := 1; i <= roundtable.MaxOpenDrafts; i++ {
		mustContain(t, say(fmt.Sprintf("!rundertisch Entwurf %d am 10.12. um 19 Uhr", i)), "Vorschau")
	}
	got := say("!rundertisch Einer zu viel am 10.12. um 19 Uhr")
	noneContains(t, got, "Vorschau", "Einer zu viel")
	mustContain(t, got, fmt.Sprintf("schon %d geplante Runde Tische", roundtable.MaxOpenDrafts), "#1, #2, #3",
		fmt.Sprintf("#%d)", roundtable.MaxOpenDrafts), "!ankündigen <Nr>", "!absagen <Nr>", "noch einmal")

	// A draft cancelled makes room for one more.
	mustContain(t, say("!absagen 2"), "abgesagt")
	mustContain(t, say("!rundertisch Nachrücker am 10.12. um 19 Uhr"), "Vorschau", "Nachrücker")
	noneContains(t, say("!rundertisch Noch einer am 10.12. um 19 Uhr"), "Vorschau")

	// So does one announced.
	if len(in(say("!ankündigen 1"), annRoom1)) == 0 {
		t.Fatal("draft 1 was not announced")
	}
	mustContain(t, say("!rundertisch Danach am 10.12. um 19 Uhr"), "Vorschau", "Danach")
}
