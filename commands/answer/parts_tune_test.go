//go:build tune

// Development aids that print and assert nothing: the decision on the
// grown tuning pools of the eleventh to thirteenth passes
// (none11PoolNames, gate12PoolNames, gate13PoolNames; never a held-out
// set) per set and part, with files of part A's misses and of every
// message's outcome to diff two builds. Built only with the tag "tune" (go
// test -tags goolm,tune …), so that the suite's count of tests counts
// tests (review rvP11, finding 12).

package answer

import (
	"fmt"
	"hash/fnv"
	"os"
	"slices"
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
			dumpMisses(&dump, name, s.lib, rep)
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

// gate13PoolNames is the thirteenth pass's tuning pool (never a held-out
// set): the twelfth pass's pool and the two sets written blind for the
// thirteenth (bench tune9, first messages tune10).
func gate13PoolNames() []string {
	return append(gate12PoolNames(), "bench tune9", "fm tune10")
}

// TestGate13Parts is TestGate12Parts on the thirteenth pass's pool
// (LOTSE_TUNE=1; LOTSE_GATE13_DUMP, LOTSE_GATE13_ROWS as the twelfth's).
func TestGate13Parts(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	poolParts(t, gate13PoolNames(), "LOTSE_GATE13_DUMP", "LOTSE_GATE13_ROWS")
}
