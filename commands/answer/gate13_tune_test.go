//go:build tune

// Development aids of the thirteenth pass (branch gate13) that print and
// assert nothing: built only with the tag "tune" (go test -tags
// goolm,tune …).

package answer

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// gate13PoolNames is the thirteenth pass's tuning pool (never a held-out
// set): the twelfth pass's pool and the two sets written blind for the
// thirteenth (bench tune9, first messages tune10).
func gate13PoolNames() []string {
	return append(gate12PoolNames(), "bench tune9", "fm tune10")
}

// TestGate13Parts is TestGate12Parts on the thirteenth pass's pool
// (LOTSE_TUNE=1; LOTSE_GATE13_DUMP, LOTSE_GATE13_ROWS as the twelfth's).
func TestGate13Parts(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	poolParts(t, gate13PoolNames(), "LOTSE_GATE13_DUMP", "LOTSE_GATE13_ROWS")
}

// TestGate13Weak prints, for part A of the pool only, every message
// (guide question or not) whose decision is "no guide" with weak
// evidence kept (the weak gate; the model said no) or a rescued choice,
// with the model's figures and probability and the expected guide's raw
// rank; part B is only counted (LOTSE_TUNE=1).
func TestGate13Weak(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	var nB [2][2]int // [guide?][rescued?]
	for _, name := range gate13PoolNames() {
		s := scopeSet(t, name)
		for _, q := range s.qs {
			opts, _ := rowOptions(s.lib, q.Expected, Options{Cases: true})
			d := Decide(q.Text, s.lib, opts)
			if d.exit != exitWeak && !d.Rescued {
				continue
			}
			isGuide := strings.HasSuffix(q.Expected, ".md")
			if rescuePart(q.Text) {
				nB[b2i(isGuide)][b2i(d.Rescued)]++
				continue
			}
			r := s.lib.SearchFor(d.Query, 5, false)
			rank := -1
			for i, h := range r.Hits {
				if h.ID == q.Expected {
					rank = i + 1
				}
			}
			fig, p := "-", -1.0
			if len(r.Hits) > 0 {
				h := r.Hits[0]
				fig = fmt.Sprintf("conf=%v close=%v unk=%.2f unc=%.2f rar=%.2f sc=%.2f st=%.2f ow=%.2f df=%.2f th=%.2f", r.Confident, r.Close, r.Unknown, r.Uncovered, r.RarestUncovered, h.Score, h.Strong, h.OneWord, h.OneWordDF, h.Thing)
			}
			kept := d.weak != nil
			if kept {
				p = rescue.p(weakFeaturesOf(d.weak))
			}
			mark := "NONE "
			if isGuide {
				mark = "GUIDE"
			}
			fmt.Printf("%s %-12s %-7s kept=%-5v p=%.2f rank=%2d off=%v | %s | %q want %s\n", mark, name, d.Outcome, kept, p, rank, r.OffTopic, fig, q.Text, q.Expected)
		}
	}
	fmt.Printf("part B at the weak gate: guide none %d rescued %d; others none %d rescued %d\n", nB[1][0], nB[1][1], nB[0][0], nB[0][1])
}

// TestGate13OffTopic is TestGate12OffTopic on the thirteenth pass's pool
// (LOTSE_TUNE=1): part A's messages at an off-topic exit, part B counted.
func TestGate13OffTopic(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	offTopicExits(t, gate13PoolNames())
}
