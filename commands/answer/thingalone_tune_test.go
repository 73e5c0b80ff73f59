//go:build tune

// Development aids that print and assert nothing: onThingAlone's bars
// (thingAloneShare, thingAloneScore) varied on the eleventh pass's pool,
// and the first guides' device share (search.Hit.Thing) of the pool's and
// of invented messages. Built only with the tag "tune" (go test -tags
// goolm,tune …), so that the suite's count of tests counts tests (review
// rvP11, finding 12).

package answer

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

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

// TestNone11Explore writes part A's messages of the pool with the first
// guide's device share (development aid; LOTSE_NONE11_EXPLORE=FILE).
func TestNone11Explore(t *testing.T) {
	f := os.Getenv("LOTSE_NONE11_EXPLORE")
	if f == "" {
		t.Skip("set LOTSE_NONE11_EXPLORE")
	}
	var b strings.Builder
	for _, name := range none11PoolNames {
		s := scopeSet(t, name)
		qs := partQs(s.qs, false)
		rep := Evaluate(s.lib, qs, Options{Cases: true})
		for _, res := range rep.Results {
			d := res.Decision
			if d.Query == "" {
				continue
			}
			r := s.lib.SearchFor(d.Query, 5, false)
			if len(r.Hits) == 0 {
				continue
			}
			h := r.Hits[0]
			rest := 0.0
			for i, x := range r.Hits {
				if i < 3 {
					rest = max(rest, x.Score*(1-x.Thing))
				}
			}
			fmt.Fprintf(&b, "%s\t%s\t%s\t%v\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%q\n", name, res.Question.Expected, d.Outcome, res.Helped,
				h.Thing, h.Score, h.Strong, r.Unknown, h.OneWord, rest, res.Question.Text)
		}
	}
	if err := os.WriteFile(f, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestNone11Probe prints the device figures of the messages in the file
// $LOTSE_NONE11_PROBES (one a line) against the shipped library.
func TestNone11Probe(t *testing.T) {
	f := os.Getenv("LOTSE_NONE11_PROBES")
	if f == "" {
		t.Skip("set LOTSE_NONE11_PROBES")
	}
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	lib := loadLibrary(t)
	if dir := os.Getenv("LOTSE_NONE11_DIR"); dir != "" {
		l, _, err := guides.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		lib = l
	}
	for _, m := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		r := lib.SearchFor(m, 5, false)
		fmt.Printf("%q\n", m)
		for i, h := range r.Hits {
			if i < 3 {
				fmt.Printf("   %-45s sc %.2f dev %.2f rest %.2f\n", h.ID, h.Score, h.Thing, h.Score*(1-h.Thing))
			}
		}
	}
}
