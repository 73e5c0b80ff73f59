//go:build tune

// Development aids that print and assert nothing: the messages of the
// tuning pool that end as "no guide" with hits — at the weak gate or
// another exit — or are rescued, with the weak model's figures and
// probability and where their guide ranks. Built only with the tag "tune"
// (go test -tags goolm,tune …), so that the suite's count of tests counts
// tests (review rvP11, finding 12).

package answer

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

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

// TestNoneDump11 prints, for part A of the eleventh pass's whole tune
// pool (refitPoolNames and the two sets written blind for this pass),
// every guide question that ends as "no guide" although the search found
// hits: its exit, the weak model's figures and probability when it
// reached the weak gate, and whether its guide is among the first three
// hits (LOTSE_TUNE=1; part B is only counted). A development aid of
// branch guide11.
func TestNoneDump11(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	names := append(append([]string(nil), refitPoolNames...), refit11PoolNames...)
	count := map[string][2]int{}
	for _, name := range names {
		s := scopeSet(t, name)
		for _, q := range s.qs {
			if q.Expected == "none" || q.Expected == "-" || q.Expected == "smalltalk" || q.Expected == "human" || q.Expected == "command" {
				continue
			}
			opts, _ := rowOptions(s.lib, q.Expected, Options{Cases: true})
			d := Decide(q.Text, s.lib, opts)
			if d.Outcome != None || len(d.Nearest) == 0 {
				continue
			}
			in3 := false
			for i, h := range d.Nearest {
				if i < 3 && h.ID == q.Expected {
					in3 = true
				}
			}
			key := exitNames[d.exit]
			if d.weak != nil {
				key += "/model"
			}
			c := count[key]
			b := rescuePart(q.Text)
			if b {
				c[1]++
			} else {
				c[0]++
			}
			count[key] = c
			if b {
				continue
			}
			extra := ""
			if d.weak != nil {
				x := weakFeaturesOf(d.weak)
				extra = fmt.Sprintf(" score %.2f strong %.2f words %.1f unc %.2f p %.2f", x[0], x[2], x[wordsFeature], x[nRescueFeatures], rescue.p(x))
			}
			fmt.Printf("NONE A %-11s %-18s in3=%v first=%s(%.2f)%s %q exp=%s\n", name, key, in3, d.Nearest[0].ID, d.Nearest[0].Score, extra, q.Text, q.Expected)
		}
	}
	for k, c := range count {
		fmt.Printf("exit %-20s A %d B %d\n", k, c[0], c[1])
	}
}
