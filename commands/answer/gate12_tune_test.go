//go:build tune

// Development aids of the twelfth pass (branch gate12) that print and
// assert nothing: built only with the tag "tune" (go test -tags
// goolm,tune …).

package answer

import (
	"fmt"
	"hash/fnv"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// gate12PoolNames is the twelfth pass's tuning pool (never a held-out
// set): the eleventh pass's pool and the two sets written blind for the
// twelfth (bench tune8, first messages tune9).
func gate12PoolNames() []string {
	return append(slices.Clone(none11PoolNames), "bench tune8", "fm tune9")
}

// TestGate12Parts prints the decision on the pool per set and part
// (helped, confident-wrong, outcomes per expected kind) and the pooled
// figures (LOTSE_TUNE=1). LOTSE_GATE12_DUMP=FILE writes part A's guide
// questions that end without their guide (none, human, or a choice or
// answer without it) with the exit, the off-topic signals, the first
// guide's figures and the expected guide's raw rank; part B is never
// written. LOTSE_GATE12_ROWS=FILE writes every message's outcome and
// guides keyed by set, part and a hash of the text (part B's text is
// never written), to diff two builds.
func TestGate12Parts(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	poolParts(t, gate12PoolNames(), "LOTSE_GATE12_DUMP", "LOTSE_GATE12_ROWS")
}

// poolParts is TestGate12Parts on the sets names; dumpEnv and rowsEnv
// name the environment variables of its two files.
func poolParts(t *testing.T, names []string, dumpEnv, rowsEnv string) {
	var dump, rows strings.Builder
	var tot [2]Tally
	var kindTot [2]map[string]int
	var kindOut [2]map[string]map[Outcome]int
	for _, name := range names {
		s := scopeSet(t, name)
		for part := 0; part < 2; part++ {
			if kindTot[part] == nil {
				kindTot[part] = map[string]int{}
				kindOut[part] = map[string]map[Outcome]int{}
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
					if kindOut[part][k] == nil {
						kindOut[part][k] = map[Outcome]int{}
					}
					for o, n := range tl.Outcomes {
						kindOut[part][k][o] += n
					}
				}
			}
			fmt.Println(l)
			tot[part].Messages += rep.Total.Messages
			tot[part].Helped += rep.Total.Helped
			tot[part].ConfidentWrong += rep.Total.ConfidentWrong
			for _, res := range rep.Results {
				d := res.Decision
				h := fnv.New32a()
				h.Write([]byte(res.Question.Text))
				key := fmt.Sprintf("%08x", h.Sum32())
				if part == 0 {
					key = fmt.Sprintf("%q", res.Question.Text)
				}
				fmt.Fprintf(&rows, "%s\t%c\t%s\t%s\t%s\t%v\t%v\t%v\n", name, "AB"[part], key, res.Question.Expected, d.Outcome, d.Guides(), res.Helped, res.ConfidentWrong)
				if part == 1 || res.Helped || !strings.HasSuffix(res.Question.Expected, ".md") {
					continue
				}
				var off, things []string
				fig, rank := "-", -1
				r := s.lib.SearchFor(res.Question.Text, 5, false)
				for i, hit := range r.Hits {
					if hit.ID == res.Question.Expected {
						rank = i + 1
					}
				}
				if d.Query != "" {
					r := s.lib.SearchFor(d.Query, 5, false)
					off, things = r.OffTopic, r.Things
					if len(r.Hits) > 0 {
						h := r.Hits[0]
						fig = fmt.Sprintf("conf=%v close=%v unk=%.2f unc=%.2f sc=%.2f st=%.2f one=%.2f thing=%.2f", r.Confident, r.Close, r.Unknown, r.Uncovered, h.Score, h.Strong, h.OneWord, h.Thing)
					}
				}
				fmt.Fprintf(&dump, "%s\t%s\t%s\texit=%s\trank=%d\t%v\toff=%v\tthings=%v\t%s\t%q\n", name, res.Question.Expected, d.Outcome,
					exitNames[d.exit], rank, d.Guides(), off, things, fig, res.Question.Text)
			}
		}
	}
	for part := range tot {
		var outs []string
		for _, k := range []string{"guide", "none"} {
			o := kindOut[part][k]
			outs = append(outs, fmt.Sprintf("%s(a %d c %d n %d h %d)", k, o[Answer], o[Choose], o[None], o[Human]))
		}
		fmt.Printf("pool %c all %d/%d cw %d guide %d none %d human %d smalltalk %d %s\n", "AB"[part], tot[part].Helped, tot[part].Messages,
			tot[part].ConfidentWrong, kindTot[part]["guide"], kindTot[part]["none"], kindTot[part]["human"], kindTot[part]["smalltalk"], strings.Join(outs, " "))
	}
	for env, b := range map[string]*strings.Builder{dumpEnv: &dump, rowsEnv: &rows} {
		if f := os.Getenv(env); f != "" {
			lines := strings.SplitAfter(b.String(), "\n")
			slices.Sort(lines)
			if err := os.WriteFile(f, []byte(strings.Join(lines, "")), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

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
