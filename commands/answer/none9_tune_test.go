package answer

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// none9PoolNames is the ninth pass's tuning pool (never a held-out set):
// the eighth pass's pool and the two sets written blind for the ninth
// (first messages tune7, bench tune6).
var none9PoolNames = append(append([]string{}, thingPoolNames...), "fm tune7", "bench tune6")

// TestNoneParts prints the decision on the ninth pass's tuning pool per
// set and part (A: bit 0 of FNV-1a 32 of the text is 0, B: 1): helped,
// confident-wrong, and per expected kind guide/none/human with the
// outcomes (development aid; LOTSE_TUNE=1). LOTSE_NONE_DUMP=FILE writes
// part A's misses only; part B's rows are never written.
func TestNoneParts(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	var dump strings.Builder
	var tot [2]Tally
	var guideTot [2]int
	for _, name := range none9PoolNames {
		s := scopeSet(t, name)
		for part := 0; part < 2; part++ {
			qs := partQs(s.qs, part == 1)
			if len(qs) == 0 {
				continue
			}
			rep := Evaluate(s.lib, qs, Options{Cases: true})
			l := fmt.Sprintf("%-12s %c all %3d/%3d cw %d", name, "AB"[part], rep.Total.Helped, rep.Total.Messages, rep.Total.ConfidentWrong)
			for _, k := range []string{"guide", "none", "human"} {
				if tl := rep.ByExpected[k]; tl != nil {
					l += fmt.Sprintf(" | %s %d/%d cw %d (a %d c %d n %d h %d)", k, tl.Helped, tl.Messages, tl.ConfidentWrong,
						tl.Outcomes[Answer], tl.Outcomes[Choose], tl.Outcomes[None], tl.Outcomes[Human])
				}
			}
			fmt.Println(l)
			tot[part].Messages += rep.Total.Messages
			tot[part].Helped += rep.Total.Helped
			tot[part].ConfidentWrong += rep.Total.ConfidentWrong
			if tl := rep.ByExpected["guide"]; tl != nil {
				guideTot[part] += tl.Helped
			}
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
		fmt.Printf("pool %c all %d/%d cw %d guide %d\n", "AB"[part], tot[part].Helped, tot[part].Messages, tot[part].ConfidentWrong, guideTot[part])
	}
	if f := os.Getenv("LOTSE_NONE_DUMP"); f != "" {
		if err := os.WriteFile(f, []byte(dump.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
