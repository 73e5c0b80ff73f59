//go:build tune

package answer

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// wholePoolNames is the whole tuning pool since the fifteenth pass (never a
// held-out set): first messages tune … tune10, bench tune … tune9.
var wholePoolNames = []string{
	"fm tune", "fm tune2", "fm tune3", "fm tune4", "fm tune5", "fm tune6", "fm tune7", "fm tune8", "fm tune9", "fm tune10",
	"bench tune", "bench tune2", "bench tune3", "bench tune4", "bench tune5", "bench tune6", "bench tune7", "bench tune8", "bench tune9",
}

// partADecisions calls f for every part-A message of the tuning pool
// (wholePoolNames; rescuePart false) with its set, the options of its row
// and its decision. Part B is never read.
func partADecisions(t *testing.T, f func(s poolSet, q search.Question, opts Options, d Decision)) {
	for _, name := range wholePoolNames {
		s := scopeSet(t, name)
		for _, q := range s.qs {
			if rescuePart(q.Text) {
				continue
			}
			opts, _ := rowOptions(s.lib, q.Expected, Options{Cases: true})
			f(s, q, opts, Decide(q.Text, s.lib, opts))
		}
	}
}

// TestOOSRows prints, for part A of the tuning pool only, every message
// that got a choice or an answer: whether it was expected to be a guide
// question or "no guide", whether it was helped, and the figures of the
// search behind it (development aid; LOTSE_TUNE=1). Part B's rows are
// never printed.
func TestOOSRows(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	partADecisions(t, func(s poolSet, q search.Question, opts Options, d Decision) {
		if d.Outcome != Choose && d.Outcome != Answer {
			return
		}
		kind := "guide"
		if k := expectedOutcome(q.Expected); k != "" {
			kind = string(k)
		}
		res := s.lib.SearchFor(d.Query, 5, opts.Team)
		fmt.Printf("OOS %-5s %-6s helped=%-5v resc=%-5v %-12s %q q=%q\n", kind, d.Outcome, Helped(d, q.Expected), d.Rescued, s.name, q.Text, d.Query)
		fmt.Printf("    conf=%v close=%v unk=%.2f unc=%.2f rare=%.2f things=%v off=%v want=%s\n", res.Confident, res.Close, res.Unknown, res.Uncovered, res.RarestUncovered, res.Things, res.OffTopic, q.Expected)
		for i, h := range res.Hits {
			if i > 2 {
				break
			}
			fmt.Printf("    %-45s s=%.3f st=%.3f ow=%.2f df=%.2f th=%.2f asp=%.2f\n", h.ID, h.Score, h.Strong, h.OneWord, h.OneWordDF, h.Thing, h.Aspect)
		}
	})
}

// TestOOSQuotes prints, for part A messages of the tuning pool with a
// quote that got a choice or an answer, how far the first shown guide
// explains the quote searched alone (development aid; LOTSE_TUNE=1).
func TestOOSQuotes(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	partADecisions(t, func(s poolSet, q search.Question, opts Options, d Decision) {
		i := strings.IndexAny(q.Text, "„\"“")
		if i < 0 || d.Outcome != Choose && d.Outcome != Answer {
			return
		}
		rest := q.Text[i+len(string([]rune(q.Text[i:])[0])):]
		j := strings.IndexAny(rest, "“\"”")
		if j < 0 {
			return
		}
		quote := rest[:j]
		res := s.lib.SearchFor(quote, 5, opts.Team)
		sc := 0.0
		for _, h := range res.Hits {
			if h.ID == d.Hits[0].ID {
				sc = h.Score
			}
		}
		fmt.Printf("Q %s %v %s %q quote=%q first=%s quoteScore=%.2f unk=%.2f\n", d.Outcome, Helped(d, q.Expected), s.name, q.Text, quote, d.Hits[0].ID, sc, res.Unknown)
	})
}
