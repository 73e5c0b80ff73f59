package search_test

import (
	"fmt"
	"hash/fnv"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// The tune harness of the UI translations (development aid; set
// LOTSE_TUNE=1). It measures the TUNE POOL only — bench tune, tune2 and
// tune3 with the bench guides, first messages tune, tune2 and tune3 with
// library/ — never a held-out set:
//
//	LOTSE_TUNE=1 go test -tags goolm -run TestUILocTune -v ./guides/search/
//
// prints the decision (helped, answers, confident-wrong) and the raw
// ranking (top-1/top-3) per set and for parts A and B of the pool (bit 0
// of the FNV-1a 32 hash of the question: A = 0, B = 1) with the UI
// translations off and at the weights of LOTSE_UILOC_W (comma-separated,
// default 0.2); LOTSE_UILOC_FILTER=minN or dfN measures a drop rule (see
// uilocFilter); LOTSE_VOCAB_DIFF=1 adds the messages whose decision
// changes against off (the text of part A only); LOTSE_VOCAB_LOO=1 leaves
// each row out in turn at weight 0.2 and prints the rows that move the pool.

// uiPart is the pool part of a question: bit 0 of FNV-1a 32 of its text.
func uiPart(q string) int {
	h := fnv.New32a()
	h.Write([]byte(q))
	return int(h.Sum32() & 1)
}

// uiPool loads the tune pool: the three tune sets of both question sets.
func uiPool(t *testing.T) []evSet {
	t.Helper()
	return tunePool(t, "tune", "tune2", "tune3")
}

// uiMeasure scores the pool with the UI translations es at weight w.
func uiMeasure(sets []evSet, es []search.GlossaryEntry, w float64, verdicts map[string]evVerdict) (all evScore, parts [2]evScore, per []evScore) {
	defer search.SetUILoc(es, w)()
	return scorePool(sets, uiPart, verdicts)
}

func TestUILocTune(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	sets := uiPool(t)
	es := uilocFilter(t, search.UILoc(), sets, os.Getenv("LOTSE_UILOC_FILTER"))
	line := func(name string, w float64, verdicts map[string]evVerdict) {
		all, parts, per := uiMeasure(sets, es, w, verdicts)
		fmt.Printf("%-16s POOL %s\n", name, all)
		fmt.Printf("%-16s  A   %s\n", "", parts[0])
		fmt.Printf("%-16s  B   %s\n", "", parts[1])
		for i, p := range per {
			fmt.Printf("%-16s  %-18s %s\n", "", sets[i].name, p)
		}
	}
	off := map[string]evVerdict{}
	line("off", -1, off)
	if os.Getenv("LOTSE_VOCAB_LOO") != "" {
		// Leave one row out at the shipped weight: a positive delta means
		// the row hurts (informational: rows are dropped only by a rule).
		base, baseParts, _ := uiMeasure(sets, es, 0.2, nil)
		for i, r := range es {
			less := append(append([]search.GlossaryEntry{}, es[:i]...), es[i+1:]...)
			all, parts, _ := uiMeasure(sets, less, 0.2, nil)
			if d := all.objective() - base.objective(); d != 0 || all.helped != base.helped || all.answers != base.answers {
				fmt.Printf("LOO %+5.1f helped %+d answers %+d A %+5.1f B %+5.1f  %s → %s\n", d, all.helped-base.helped, all.answers-base.answers,
					parts[0].objective()-baseParts[0].objective(), parts[1].objective()-baseParts[1].objective(),
					strings.Join(r.From, ","), strings.Join(r.To, ","))
			}
		}
	}
	spec := os.Getenv("LOTSE_UILOC_W")
	if spec == "" {
		spec = "0.2"
	}
	for _, c := range strings.Split(spec, ",") {
		w, err := strconv.ParseFloat(c, 64)
		if err != nil {
			t.Fatalf("LOTSE_UILOC_W: %q is not a weight", c)
		}
		on := map[string]evVerdict{}
		line(fmt.Sprintf("weight %.2f", w), w, on)
		if os.Getenv("LOTSE_VOCAB_DIFF") == "" {
			continue
		}
		verdictDiff(off, on, func(mark, k string, a, b evVerdict) {
			if uiPart(strings.SplitN(k, "\t", 3)[1]) == 1 {
				fmt.Printf("DIFF %s B (text of part B not shown)\n", mark)
				return
			}
			fmt.Printf("DIFF %s A %s\n     off: %s %s\n     on:  %s %s\n", mark, k, a.outcome, a.guides, b.outcome, b.guides)
		})
	}
}

// uilocFilter keeps the rows of es that pass the rule named by f (for
// measuring drop rules): "" all rows; "minN" rows seen in at least N
// string pairs (the note's counts); "dfN" rows whose German words each
// occur (by stem) in at most N % of the guides of both libraries.
func uilocFilter(t *testing.T, es []search.GlossaryEntry, sets []evSet, f string) []search.GlossaryEntry {
	t.Helper()
	if f == "" {
		return es
	}
	n, err := strconv.Atoi(strings.TrimLeft(f, "mindf"))
	if err != nil {
		t.Fatalf("LOTSE_UILOC_FILTER %q", f)
	}
	var gStems []map[string]bool
	if strings.HasPrefix(f, "df") {
		gStems = append(guideStems(sets[0].gs), guideStems(sets[1].gs)...)
	}
	notes := uilocNotes(t)
	var out []search.GlossaryEntry
	for _, e := range es {
		keep := true
		switch {
		case strings.HasPrefix(f, "min"):
			keep = notes[e.From[0]] >= n
		case strings.HasPrefix(f, "df"):
			for _, w := range e.To {
				df := 0
				for _, gs := range gStems {
					if gs[stemOf(w)] {
						df++
					}
				}
				if 100*df > n*len(gStems) {
					keep = false
				}
			}
		}
		if keep {
			out = append(out, e)
		}
	}
	fmt.Printf("filter %s: %d of %d rows\n", f, len(out), len(es))
	return out
}

// uilocNotes returns the number of string pairs behind each row of
// uiloc.tsv (the sum of the counts in its note).
func uilocNotes(t *testing.T) map[string]int {
	t.Helper()
	b, err := os.ReadFile("uiloc.tsv")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 || strings.HasPrefix(line, "#") {
			continue
		}
		for _, p := range strings.Split(f[2], ",") {
			w := strings.Fields(p)
			if len(w) == 2 {
				c, _ := strconv.Atoi(w[1])
				out[f[0]] += c
			}
		}
	}
	return out
}
