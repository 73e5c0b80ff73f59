//go:build tune

// Development aids for messages about other things (each does nothing
// unless LOTSE_TUNE is set; none reads a held-out set): the decision on
// the eighth pass's tuning pool per set and part with the off-topic words
// the search found, and the off-topic gate's bars varied. Built only with
// the tag "tune" (go test -tags goolm,tune …), as the other *_tune_test.go
// files with this tag.

package answer

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// TestThingParts prints the decision on the eighth pass's tuning pool per
// set and part (A: bit 0 of FNV-1a 32 of the text is 0, B: 1): helped,
// confident-wrong, and per expected kind guide/none with the outcomes
// (development aid; LOTSE_TUNE=1). LOTSE_THING_DUMP=FILE writes part A's
// decisions only, with the off-topic words the search found; part B's
// rows are never written.
func TestThingParts(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	var dump strings.Builder
	var tot [2]Tally
	for _, name := range thingPoolNames {
		s := scopeSet(t, name)
		for part := 0; part < 2; part++ {
			var qs []search.Question
			for _, q := range s.qs {
				if rescuePart(q.Text) == (part == 1) {
					qs = append(qs, q)
				}
			}
			if len(qs) == 0 {
				continue
			}
			rep := Evaluate(s.lib, qs, Options{Cases: true})
			l := fmt.Sprintf("%-12s %c all %3d/%3d cw %d", name, "AB"[part], rep.Total.Helped, rep.Total.Messages, rep.Total.ConfidentWrong)
			for _, k := range []string{"guide", "none"} {
				if tl := rep.ByExpected[k]; tl != nil {
					l += fmt.Sprintf(" | %s %d/%d cw %d (a %d c %d n %d)", k, tl.Helped, tl.Messages, tl.ConfidentWrong,
						tl.Outcomes[Answer], tl.Outcomes[Choose], tl.Outcomes[None])
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
				d := res.Decision
				var off []string
				fig := "-"
				if d.Query != "" {
					r := s.lib.SearchFor(d.Query, 5, false)
					off = r.OffTopic
					if len(r.Hits) > 0 {
						h := r.Hits[0]
						lead := 1.0
						if len(r.Hits) > 1 && h.Score > 0 {
							lead = (h.Score - r.Hits[1].Score) / h.Score
						}
						fig = fmt.Sprintf("conf=%v sc=%.2f st=%.2f one=%.2f lead=%.2f agree=%v", r.Confident, h.Score, h.Strong, h.OneWord, lead, topicAgrees(r.Hits))
					}
				}
				fmt.Fprintf(&dump, "%s\t%v\t%s\t%s\t%v\t%d\t%v\t%v\t%s\t%q\n", name, res.Helped, res.Question.Expected, d.Outcome,
					d.Guides(), d.exit, d.Rescued, off, fig, res.Question.Text)
			}
		}
	}
	for part := range tot {
		fmt.Printf("pool %c all %d/%d cw %d\n", "AB"[part], tot[part].Helped, tot[part].Messages, tot[part].ConfidentWrong)
	}
	if f := os.Getenv("LOTSE_THING_DUMP"); f != "" {
		if err := os.WriteFile(f, []byte(dump.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestThingCalib varies the off-topic gate's bars on the eighth pass's
// tuning pool and prints helped, confident-wrong and guide questions
// helped per part (development aid; LOTSE_TUNE=1; only totals of part B).
func TestThingCalib(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	var sets []poolSet
	for _, name := range thingPoolNames {
		sets = append(sets, scopeSet(t, name))
	}
	old := calib
	defer func() { calib = old }()
	run := func(label string) {
		var help, cw, guide, guideN [2]int
		for _, s := range sets {
			rep := Evaluate(s.lib, s.qs, Options{Cases: true})
			for _, r := range rep.Results {
				p := 0
				if rescuePart(r.Question.Text) {
					p = 1
				}
				if r.Helped {
					help[p]++
				}
				if r.ConfidentWrong {
					cw[p]++
				}
				if expectedOutcome(r.Question.Expected) == "" {
					guideN[p]++
					if r.Helped {
						guide[p]++
					}
				}
			}
		}
		fmt.Printf("%-44s A %d cw %d guide %d/%d | B %d cw %d guide %d/%d\n", label, help[0], cw[0], guide[0], guideN[0], help[1], cw[1], guide[1], guideN[1])
	}
	for _, st := range []float64{0.3, 0.35, 0.4, 0.45, 0.5} {
		for _, ow := range []float64{0.45, 0.5, 0.55, 0.6} {
			for _, dw := range []float64{0.7, 0.75, 0.8, 0.9} {
				calib = old
				calib.offTopicStrong, calib.offTopicOneWord, calib.deviceOneWord = st, ow, dw
				run(fmt.Sprintf("strong %.2f oneword %.2f device %.2f", st, ow, dw))
			}
		}
	}
}
