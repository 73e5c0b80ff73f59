//go:build tune

// Development aids of the eleventh pass that print and assert nothing:
// built only with the tag "tune" (go test -tags goolm,tune …), so that
// the suite's count of tests counts tests (review rvP11, finding 12).

package answer

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// none11PoolNames is the eleventh pass's tuning pool (never a held-out
// set): the ninth pass's pool, the tenth pass's two sets and the two sets
// written blind for the eleventh (first messages tune8, bench tune7).
var none11PoolNames = append(append([]string{}, none9PoolNames...), "fm tune8", "bench tune7")

// TestNone11Parts prints the decision on the eleventh pass's tuning pool
// per set and part (A: bit 0 of FNV-1a 32 of the text is 0, B: 1):
// helped, confident-wrong, and per expected kind (guide, none, human,
// small talk) the outcomes (development aid; LOTSE_TUNE=1).
// LOTSE_NONE11_DUMP=FILE writes part A's misses only; part B's rows are
// never written.
func TestNone11Parts(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	var dump strings.Builder
	var tot [2]Tally
	var kindTot [2]map[string]int
	for _, name := range none11PoolNames {
		s := scopeSet(t, name)
		for part := 0; part < 2; part++ {
			if kindTot[part] == nil {
				kindTot[part] = map[string]int{}
			}
			qs := partQs(s.qs, part == 1)
			if len(qs) == 0 {
				continue
			}
			rep := Evaluate(s.lib, qs, Options{Cases: true})
			l := fmt.Sprintf("%-12s %c all %3d/%3d cw %d", name, "AB"[part], rep.Total.Helped, rep.Total.Messages, rep.Total.ConfidentWrong)
			for _, k := range []string{"guide", "none", "human", "smalltalk"} {
				if tl := rep.ByExpected[k]; tl != nil {
					l += fmt.Sprintf(" | %s %d/%d cw %d (a %d c %d n %d h %d)", k, tl.Helped, tl.Messages, tl.ConfidentWrong,
						tl.Outcomes[Answer], tl.Outcomes[Choose], tl.Outcomes[None], tl.Outcomes[Human])
					kindTot[part][k] += tl.Helped
				}
			}
			fmt.Println(l)
			tot[part].Messages += rep.Total.Messages
			tot[part].Helped += rep.Total.Helped
			tot[part].ConfidentWrong += rep.Total.ConfidentWrong
			if part == 1 {
				continue
			}
			for _, res := range rep.Results {
				if res.Helped {
					continue
				}
				d := res.Decision
				var off []string
				fig := "-"
				if d.Query != "" {
					r := s.lib.SearchFor(d.Query, 5, false)
					off = r.OffTopic
					if len(r.Hits) > 0 {
						h := r.Hits[0]
						fig = fmt.Sprintf("unk=%.2f unc=%.2f sc=%.2f st=%.2f one=%.2f df=%.2f", r.Unknown, r.Uncovered, h.Score, h.Strong, h.OneWord, h.OneWordDF)
					}
				}
				fmt.Fprintf(&dump, "%s\t%s\t%s\t%v\t%d\t%v\t%s\t%q\n", name, res.Question.Expected, d.Outcome,
					d.Guides(), d.exit, off, fig, res.Question.Text)
			}
		}
	}
	for part := range tot {
		fmt.Printf("pool %c all %d/%d cw %d guide %d none %d human %d smalltalk %d\n", "AB"[part], tot[part].Helped, tot[part].Messages,
			tot[part].ConfidentWrong, kindTot[part]["guide"], kindTot[part]["none"], kindTot[part]["human"], kindTot[part]["smalltalk"])
	}
	if f := os.Getenv("LOTSE_NONE11_DUMP"); f != "" {
		if err := os.WriteFile(f, []byte(dump.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestNone11Grid varies onThingAlone's bars (thingAloneShare,
// thingAloneScore) on the pool and prints helped, guide questions and
// confident-wrong per part (development aid; LOTSE_TUNE=1).
func TestNone11Grid(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	sets := make([]poolSet, len(none11PoolNames))
	for i, name := range none11PoolNames {
		sets[i] = scopeSet(t, name)
	}
	oldShare, oldScore := thingAloneShare, thingAloneScore
	defer func() { thingAloneShare, thingAloneScore = oldShare, oldScore }()
	for _, share := range []float64{0.6, 0.7, 0.75, 0.8, 0.9, 0.99, 2} {
		for _, score := range []float64{0.35, 0.45, 0.5, 0.55} {
			thingAloneShare, thingAloneScore = share, score
			var helped, guide, cw [2]int
			for _, s := range sets {
				for part := 0; part < 2; part++ {
					rep := Evaluate(s.lib, partQs(s.qs, part == 1), Options{Cases: true})
					helped[part] += rep.Total.Helped
					cw[part] += rep.Total.ConfidentWrong
					if g := rep.ByExpected["guide"]; g != nil {
						guide[part] += g.Helped
					}
				}
			}
			fmt.Printf("share %.2f score %.2f | A %d guide %d cw %d | B %d guide %d cw %d\n", share, score, helped[0], guide[0], cw[0], helped[1], guide[1], cw[1])
		}
	}
}
