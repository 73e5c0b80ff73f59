//go:build tune

// Development aids of the eleventh pass that print and assert nothing:
// built only with the tag "tune" (go test -tags goolm,tune …), so that
// the suite's count of tests counts tests (review rvP11, finding 12).

package answer

import (
	"fmt"
	"os"
	"testing"
)

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
