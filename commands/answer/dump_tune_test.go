//go:build tune

// Built only with the tag "tune" (go test -tags goolm,tune …), as the other
// *_tune_test.go files, so that plain go test neither compiles nor counts
// these development aids.

package answer

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// Development aids of the fourth quality pass (docs/passes/04.md,
// "Fourth quality pass: the decision"); each does nothing unless its
// variable is set, and none reads a held-out set.

// TestSearchedDump prints, for every TUNING pool message that was
// searched, the verdict, the outcome, the rank of the expected guide in
// the raw ranking of the searched part and the first three hits' figures
// (LOTSE_TUNE=1).
func TestSearchedDump(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	for _, s := range tunePool(t) {
		for _, q := range s.qs {
			opts, _ := rowOptions(s.lib, q.Expected, Options{Cases: true})
			d := Decide(q.Text, s.lib, opts)
			if d.Query == "" || d.Vague {
				continue
			}
			res := s.lib.SearchFor(d.Query, 5, opts.Team)
			rank := -1
			for i, h := range res.Hits {
				if h.ID == q.Expected {
					rank = i
				}
			}
			fmt.Printf("DUMP %s\t%v\t%s\t%d\t%q\t%s\tconf=%v close=%v off=%v agree=%v\n", s.name, Helped(d, q.Expected), d.Outcome, rank, q.Text, q.Expected,
				res.Confident, res.Close, res.OffTopic, topicAgrees(res.Hits))
			printHits(res.Hits)
		}
	}
}

// TestProbeDump prints the decision and the first three hits' figures for
// every message of the file $LOTSE_PROBES (one a line, "#" comments) on
// library/, or on the bench guides with LOTSE_BENCH=1.
func TestProbeDump(t *testing.T) {
	f := os.Getenv("LOTSE_PROBES")
	if f == "" {
		t.Skip("set LOTSE_PROBES")
	}
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	var lib Library = loadLibrary(t)
	if os.Getenv("LOTSE_BENCH") != "" {
		lib, _ = loadBenchHalf(t, "tune")
	}
	for _, q := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.HasPrefix(q, "#") || strings.TrimSpace(q) == "" {
			continue
		}
		d := Decide(q, lib, Options{Cases: true})
		res := lib.SearchFor(d.Query, 5, false)
		fmt.Printf("PROBE %s %v %q conf=%v close=%v off=%v agree=%v\n", d.Outcome, d.Guides(), q, res.Confident, res.Close, res.OffTopic, topicAgrees(res.Hits))
		printHits(res.Hits)
	}
}

func printHits(hs []search.Hit) {
	for i, h := range hs {
		if i > 2 {
			break
		}
		fmt.Printf("    %-45s s=%.3f st=%.3f ow=%.2f df=%.2f\n", h.ID, h.Score, h.Strong, h.OneWord, h.OneWordDF)
	}
}

// TestAnswerDump prints every answer of the eighth pass's pool with its
// figures; the message text only for part A (LOTSE_TUNE=1).
func TestAnswerDump(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	for _, s := range cw8Pool(t) {
		for _, q := range s.qs {
			opts, _ := rowOptions(s.lib, q.Expected, Options{Cases: true})
			d := Decide(q.Text, s.lib, opts)
			if d.Outcome != Answer {
				continue
			}
			res := s.lib.SearchFor(d.Query, 5, opts.Team)
			part, text := "A", q.Text
			if rescuePart(q.Text) {
				part, text = "B", ""
			}
			fmt.Printf("ANS %s %s right=%v %q exp=%s\n", part, s.name, Helped(d, q.Expected), text, q.Expected)
			printHits(res.Hits)
		}
	}
}
