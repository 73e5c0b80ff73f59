//go:build tune

package answer

import (
	"fmt"
	"os"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// TestNamedRows prints, for part A of the tuning pool only, every message
// whose searched part names an off-topic signal (search.Result.OffTopic):
// the outcome, the exit, and per hit whether a passage of it names each
// signal (search.Hit.NamesSignal, as bits), and which signals still veto
// after namedSignals. Part B's rows are never printed (development aid;
// LOTSE_TUNE=1).
func TestNamedRows(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	partADecisions(t, func(s poolSet, q search.Question, opts Options, d Decision) {
		if d.Query == "" {
			return
		}
		res := s.lib.SearchFor(d.Query, 5, opts.Team)
		if len(res.OffTopic) == 0 {
			return
		}
		qv := wordsOf(d.Query)
		off := asideSignals(qv, res.OffTopic) // as decideSearch reads it
		fmt.Printf("NAMED %-6s helped=%-5v exit=%-20s %-12s %q want=%s off=%v veto=%v\n", d.Outcome, Helped(d, q.Expected), exitNames[d.exit], s.name, q.Text, q.Expected, off, namedSignals(res, off, qv))
		for i, h := range res.Hits {
			mark := " "
			if h.ID == q.Expected {
				mark = "*"
			}
			fmt.Printf("   %s%d %-45s s=%.3f st=%.3f ow=%.2f names=%b\n", mark, i, h.ID, h.Score, h.Strong, h.OneWord, h.NamesSignal)
		}
	})
}
