//go:build tune

// Development aids that print and assert nothing: the messages of the
// tuning pool that end at an off-topic exit (the gate, offTopicOnOneWord)
// with their signals and first guides, and the decision on invented probes
// with its exit and signals. Built only with the tag "tune" (go test -tags
// goolm,tune …), so that the suite's count of tests counts tests (review
// rvP11, finding 12).

package answer

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// TestGate12OffTopic prints, for part A of the pool only, every message
// (guide question or not) that ends at an off-topic exit (the gate,
// offTopicOnOneWord), with the signals and their groups, the first three
// guides' figures and whether the guides agree on a topic; part B is only
// counted (LOTSE_TUNE=1).
func TestGate12OffTopic(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	offTopicExits(t, gate12PoolNames())
}

// offTopicExits is TestGate12OffTopic on the sets names.
func offTopicExits(t *testing.T, names []string) {
	var nB [2]int
	for _, name := range names {
		s := scopeSet(t, name)
		for _, q := range s.qs {
			opts, _ := rowOptions(s.lib, q.Expected, Options{Cases: true})
			d := Decide(q.Text, s.lib, opts)
			if d.exit != exitOffTopic && d.exit != exitOffTopicOneWord {
				continue
			}
			isGuide := strings.HasSuffix(q.Expected, ".md")
			if rescuePart(q.Text) {
				if isGuide {
					nB[0]++
				} else {
					nB[1]++
				}
				continue
			}
			r := s.lib.SearchFor(d.Query, 5, false)
			var sig []string
			for _, w := range r.OffTopic {
				sig = append(sig, w+"/"+search.OffTopicGroup(w))
			}
			var hs []string
			for i, h := range r.Hits {
				if i < 3 {
					hs = append(hs, fmt.Sprintf("%s sc %.2f st %.2f ow %.2f", h.ID, h.Score, h.Strong, h.OneWord))
				}
			}
			mark := "NONE "
			if isGuide {
				mark = "GUIDE"
			}
			fmt.Printf("%s %-12s %s conf=%v agree=%v speaks=%v %v | %s | %q want %s\n", mark, name, exitNames[d.exit], r.Confident,
				topicAgrees(r.DecisionHits()), r.OffTopicSpeaks, sig, strings.Join(hs, "; "), q.Text, q.Expected)
		}
	}
	fmt.Printf("part B at an off-topic exit: guide questions %d, others %d\n", nB[0], nB[1])
}

// TestGate12Probes prints, for the invented probes in the file
// LOTSE_GATE12_PROBES (one message a line; LOTSE_GATE12_BENCH=1: the
// bench library, else the shipped one), the decision, its exit, the
// off-topic signals and the first three guides' figures (LOTSE_TUNE=1).
func TestGate12Probes(t *testing.T) {
	f := os.Getenv("LOTSE_GATE12_PROBES")
	if os.Getenv("LOTSE_TUNE") == "" || f == "" {
		t.Skip("set LOTSE_TUNE and LOTSE_GATE12_PROBES")
	}
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	name := "fm tune9"
	if os.Getenv("LOTSE_GATE12_BENCH") != "" {
		name = "bench tune8"
	}
	lib := scopeSet(t, name).lib
	for _, q := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		d := Decide(q, lib, Options{Cases: true})
		r := lib.SearchFor(q, 5, false)
		var hs []string
		for i, h := range r.Hits {
			if i < 3 {
				hs = append(hs, fmt.Sprintf("%s sc %.2f st %.2f ow %.2f th %.2f", h.ID, h.Score, h.Strong, h.OneWord, h.Thing))
			}
		}
		fmt.Printf("%-7s %-16s off=%v things=%v conf=%v unc=%.2f | %s | %q\n", d.Outcome, exitNames[d.exit], r.OffTopic, r.Things, r.Confident, r.Uncovered, strings.Join(hs, "; "), q)
	}
}

// TestGate13OffTopic is TestGate12OffTopic on the thirteenth pass's pool
// (LOTSE_TUNE=1): part A's messages at an off-topic exit, part B counted.
func TestGate13OffTopic(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	offTopicExits(t, gate13PoolNames())
}
