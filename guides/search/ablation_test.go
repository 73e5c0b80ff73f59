package search

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// loadTuneHalves loads the tuning halves only: the bench tune half with the
// bench guides and the guide and out-of-scope questions of the tune half
// of the first messages with library/.
func loadTuneHalves(tb testing.TB) (bdocs []Doc, bqs []Question, ldocs []Doc, lqs []Question) {
	tb.Helper()
	bdocs = loadGuides(tb, filepath.Join(benchDir(tb), "guides"))
	bqs = readTSV(tb, filepath.Join("testdata", "bench-tune-2026-12-04.tsv"))
	ldocs = loadGuides(tb, filepath.Join("..", "..", "library"))
	lqs = guideMessages(readTSV(tb, filepath.Join("..", "..", "commands", "answer", "testdata", "first-messages-tune-2026-12-04.tsv")))
	return
}

// guideMessages returns the questions of a first-messages set that are
// the search's to answer: the guide questions and, as out of scope, the
// ones no guide answers ("none"); small talk, requests for a person and
// commands never reach the search.
func guideMessages(qs []Question) []Question {
	var out []Question
	for _, q := range qs {
		switch q.Expected {
		case "smalltalk", "human", "command":
			continue
		case "none":
			q.Expected = OutOfScope
		}
		out = append(out, q)
	}
	return out
}

func readTSV(tb testing.TB, path string) []Question {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	qs, err := ReadQuestions(f)
	if err != nil {
		tb.Fatal(err)
	}
	return qs
}

// tuneObjective scores an index on a tuning half: right first hits, right
// hits in the top 3, out-of-scope questions rejected, and three times the
// confident wrong answers (with the decision's lead rule) against it.
func tuneObjective(ix *Index, qs []Question) float64 {
	r := Evaluate(ix, qs)
	cw := 0
	for _, q := range qs {
		res := ix.Search(q.Text, 5)
		if !res.Confident || len(res.Hits) == 0 || res.Hits[0].ID == q.Expected {
			continue
		}
		if len(res.Hits) > 1 && (res.Hits[0].Score-res.Hits[1].Score)/res.Hits[0].Score < 0.15 {
			continue
		}
		cw++
	}
	return float64(r.Top1) + 0.5*float64(r.Top3) + float64(r.Rejected) - 3*float64(cw)
}

// TestThesaurusAblation measures, on the tuning halves only, what each
// synonym group, one-way entry and English entry is worth: the objective
// without it minus the objective with everything (development aid; set
// LOTSE_TUNE=1). Positive deltas mean the entry costs.
func TestThesaurusAblation(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	bdocs, bqs, ldocs, lqs := loadTuneHalves(t)
	score := func() (float64, float64) {
		return tuneObjective(Build(bdocs, Options{}), bqs), tuneObjective(Build(ldocs, Options{}), lqs)
	}
	b0, l0 := score()
	fmt.Printf("all: bench %.1f library %.1f\n", b0, l0)
	type row struct {
		name   string
		db, dl float64
	}
	var rows []row
	groups := synonymGroups
	for i := range groups {
		synonymGroups = append(append([][]string{}, groups[:i]...), groups[i+1:]...)
		b, l := score()
		rows = append(rows, row{"group " + strings.Join(groups[i], ","), b - b0, l - l0})
	}
	synonymGroups = groups
	for _, m := range []map[string][]string{oneWay} {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v := m[k]
			delete(m, k)
			b, l := score()
			m[k] = v
			rows = append(rows, row{"entry " + k + "→" + strings.Join(v, ","), b - b0, l - l0})
		}
	}
	gl := glossary
	for i := range gl {
		glossary = append(append([]glossaryEntry{}, gl[:i]...), gl[i+1:]...)
		b, l := score()
		rows = append(rows, row{"glossary " + strings.Join(gl[i].From, ",") + "→" + strings.Join(gl[i].To, ","), b - b0, l - l0})
	}
	glossary = gl
	for _, r := range rows {
		fmt.Printf("%+6.1f %+6.1f  %s\n", r.db, r.dl, r.name)
	}
}
