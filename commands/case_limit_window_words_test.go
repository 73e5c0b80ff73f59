package commands

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/commands/support"
)

// TestCaseLimitSaysTwentyFourHours: the daily bound on cases counts the
// last 24 hours, not the calendar day. A member who opened their cases in
// the evening and asked again after midnight read „Du hast heute schon
// viele Supportfälle geöffnet – einen weiteren lege ich erst morgen an“:
// they had opened none that day, and another case was possible that same
// evening. The answer now says what the bound is.
func TestCaseLimitSaysTwentyFourHours(t *testing.T) {
	e := newSupportEnv(t)
	e.now = time.Date(2026, 3, 2, 21, 0, 0, 0, e.now.Location())
	for i := 1; i <= support.MaxCasesPerDay; i++ {
		e.say(t, dmRoom, member, fmt.Sprintf("!ticket Frage Nummer %d", i), "")
		e.say(t, dmRoom, member, "ja", "")
		e.say(t, dmRoom, member, fmt.Sprintf("!schließen %d", i), "")
	}
	e.now = time.Date(2026, 3, 3, 0, 30, 0, 0, e.now.Location())
	e.say(t, dmRoom, member, "!ticket nach Mitternacht", "")
	sent := in(e.say(t, dmRoom, member, "ja", ""), dmRoom)
	mustContain(t, sent, "in den letzten 24 Stunden schon viele Supportfälle", "wenn seit dem ersten davon 24 Stunden vergangen sind")
	for _, wrong := range []string{"heute", "erst morgen"} {
		if strings.Contains(bodies(sent), wrong) {
			t.Errorf("the answer after midnight says %q: %s", wrong, bodies(sent))
		}
	}
}
