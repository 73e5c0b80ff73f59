//go:build tune

package answer

import (
	"fmt"
	"os"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// TestNoGuideFitsRows prints one line per part-A choice of the tuning pool
// (never part B, never a held-out set) with the figures the thirty-first
// pass's "no guide fits" gate reads (development aid; LOTSE_TUNE=1).
func TestNoGuideFitsRows(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	partADecisions(t, func(s poolSet, q search.Question, opts Options, d Decision) {
		if d.Outcome != Choose {
			return
		}
		kind := "guide"
		if k := expectedOutcome(q.Expected); k != "" {
			kind = string(k)
		}
		res := s.lib.SearchFor(d.Query, 5, opts.Team)
		h := d.Hits[0]
		if len(res.Hits) > 0 {
			h = res.Hits[0]
		}
		rest := 0.0
		for i, x := range res.Hits {
			if i < maxChoices {
				rest = max(rest, x.Score*(1-x.Thing))
			}
		}
		fmt.Printf("THING\t%s\t%v\tth=%.2f\ts=%.2f\trest=%.2f\ttopic=%v\ttool=%v\talone=%v\t%q\t%q\n", kind, Helped(d, q.Expected), h.Thing, h.Score, rest, thingIsTopic(res.Hits), namesTool(wordsOf(d.Query).ws), onThingAlone(res.Hits), q.Text, d.Query)
		fmt.Printf("ROW\t%s\t%v\t%v\tconf=%v\tunk=%.2f\tunc=%.2f\trare=%.2f\ts=%.2f\tst=%.2f\tow=%.2f\tdf=%.2f\tth=%.2f\tline=%d\t%s\t%q\n",
			kind, Helped(d, q.Expected), d.Rescued, res.Confident, res.Unknown, res.Uncovered, res.RarestUncovered, h.Score, h.Strong, h.OneWord, h.OneWordDF, h.Thing, h.Line, s.name, q.Text)
	})
}
