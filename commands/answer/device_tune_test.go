//go:build tune

package answer

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// TestDeviceAnswers prints every answer and choice of the tune pool with
// the thing figures of its first guide (LOTSE_TUNE=1); the message text
// only for part A.
func TestDeviceAnswers(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	for _, name := range wholePoolNames {
		s := scopeSet(t, name)
		for _, q := range s.qs {
			opts, _ := rowOptions(s.lib, q.Expected, Options{Cases: true})
			d := Decide(q.Text, s.lib, opts)
			if d.Outcome != Answer && d.Outcome != Choose {
				continue
			}
			res := s.lib.SearchFor(d.Query, 5, opts.Team)
			if len(res.Hits) == 0 {
				continue
			}
			part, text := "A", q.Text
			if rescuePart(q.Text) {
				part, text = "B", ""
			}
			h := res.Hits[0]
			qw := tokens(d.Query)
			fmt.Printf("DEV\t%s\t%s\t%s\thelped=%v\tguide=%v\tthing=%.2f\ttt=%b\tst=%.2f\tsb=%.2f\ts=%.2f\tunc=%.2f\ttool=%v\ttopic=%v\tsecond=%.2f\tsubj=%v\trest=%.2f\tthings=%v\toff=%v\t%q\n", part, name, d.Outcome, Helped(d, q.Expected), q.Expected != "none" && q.Expected != "-" && len(q.Expected) > 8,
				h.Thing, h.ThingTopics, h.Strong, h.Strong-h.StrongThing, h.Score, res.Uncovered, namesTool(qw), thingIsTopic(res.Hits), second(res.Hits), thingSubject(res, wordsOf(d.Query)), restOfThing(res.Hits), res.Things, res.OffTopic, text)
		}
	}
}

func second(hs []search.Hit) float64 {
	if len(hs) < 2 {
		return 0
	}
	return hs[1].Thing
}

// TestDeviceProbes prints the thing figures for every message of the file
// $LOTSE_DEVICE_PROBES (one a line) on library/, or on the bench guides
// with LOTSE_BENCH=1.
func TestDeviceProbes(t *testing.T) {
	f := os.Getenv("LOTSE_DEVICE_PROBES")
	if f == "" {
		t.Skip("set LOTSE_DEVICE_PROBES")
	}
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	var lib Library = loadLibrary(t)
	if os.Getenv("LOTSE_BENCH") != "" {
		lib = loadBenchLibrary(t)
	}
	for _, q := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		d := Decide(q, lib, Options{Cases: true})
		res := lib.SearchFor(d.Query, 5, false)
		if len(res.Hits) == 0 {
			fmt.Printf("PRB %s %q no hits\n", d.Outcome, q)
			continue
		}
		h := res.Hits[0]
		fmt.Printf("PRB %s\t%s\tthing=%.2f\tst=%.2f\tsb=%.2f\tsubj=%v\ts=%.2f\tunc=%.2f\ttopic=%v\ttool=%v\tthings=%v\toff=%v\t%q\n", d.Outcome, h.ID, h.Thing, h.Strong, h.Strong-h.StrongThing, thingSubject(res, wordsOf(d.Query)), h.Score, res.Uncovered, thingIsTopic(res.Hits), namesTool(tokens(d.Query)), res.Things, res.OffTopic, q)
	}
}

// restOfThing is the most of the message a shown guide explains apart
// from the thing words (its score times the share not owed to them).
func restOfThing(hs []search.Hit) float64 {
	m := 0.0
	for i, h := range hs {
		if i < maxChoices {
			m = max(m, h.Score*(1-h.Thing))
		}
	}
	return m
}
