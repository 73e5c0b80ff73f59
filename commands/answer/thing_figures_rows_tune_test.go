//go:build tune

package answer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// TestThingFiguresRows prints, for every message of the part-A files in
// $LOTSE_PARTS (the part files .ci/tune-pool.py writes: fm-*-A.tsv on
// library/, bench-*-A.tsv on the bench guides) that got a choice, the
// thing figures of its searched text (whether a thing is a clause's
// subject, a tool named, Unknown, Uncovered, ThingWeight, the first
// guide's Thing, Strong and StrongThing); with LOTSE_NONE set, instead
// every guide question that was not helped and got no choice, with the
// exit of its search and the first three hits' figures. Twenty-third
// pass, development aid (docs/passes/23.md); part B is never read.
func TestThingFiguresRows(t *testing.T) {
	eachPartARow(t, func(f string, lib Library, q search.Question, opts Options, d Decision) {
		if os.Getenv("LOTSE_NONE") != "" {
			if d.Outcome == Choose || d.Query == "" || Helped(d, q.Expected) || !strings.HasSuffix(q.Expected, ".md") {
				return
			}
			words := tokens(clean(q.Text))
			qt, from, _ := questionPart(clean(q.Text), words)
			qv := partOf(qt, from, words, foldWords(words), clauseStarts(clean(q.Text), words))
			first := decideSearch(qv, lib, opts, &German)
			r := lib.SearchFor(qt, 5, opts.Team)
			fmt.Printf("NONE %s %s exit=%s rank=%d off=%v %q exp=%s\n", filepath.Base(f), d.Outcome, exitNames[first.exit], rankOf(r.Hits, q.Expected), r.OffTopic, q.Text, q.Expected)
			printHits(r.Hits)
			return
		}
		if d.Outcome != Choose || d.Query == "" {
			return
		}
		words := tokens(clean(q.Text))
		qt, from, _ := questionPart(clean(q.Text), words)
		qv := partOf(qt, from, words, foldWords(words), clauseStarts(clean(q.Text), words))
		r := lib.SearchFor(qt, 5, opts.Team)
		if len(r.Hits) == 0 {
			return
		}
		h := r.Hits[0]
		fmt.Printf("ROW %s help=%v subj=%v tool=%v about=%v unk=%.2f unc=%.2f tw=%.2f th=%.2f st=%.2f stt=%.2f things=%v %q exp=%s\n",
			filepath.Base(f), Helped(d, q.Expected), thingSubject(r, qv), namesTool(qv.ws), aboutBesidesThing(r),
			r.Unknown, r.Uncovered, r.ThingWeight, h.Thing, h.Strong, h.StrongThing, r.Things, q.Text, q.Expected)
	})
}

// eachPartARow calls fn for every message of the part-A files in
// $LOTSE_PARTS (fm-*-A.tsv on library/, bench-*-A.tsv on the bench guides)
// with its library, its row options and its decision; it skips without
// $LOTSE_PARTS. Part B is never read. The tuning aids of the passes share
// it (eng23, eng24b).
func eachPartARow(t *testing.T, fn func(file string, lib Library, q search.Question, opts Options, d Decision)) {
	t.Helper()
	dir := os.Getenv("LOTSE_PARTS")
	if dir == "" {
		t.Skip("set LOTSE_PARTS")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*-A.tsv"))
	for _, f := range files {
		var lib Library = loadLibrary(t)
		if strings.HasPrefix(filepath.Base(f), "bench") {
			lib = loadBenchLibrary(t)
		}
		qs, err := search.ReadQuestionsFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			opts, _ := rowOptions(lib, q.Expected, Options{Cases: true})
			fn(f, lib, q, opts, Decide(q.Text, lib, opts))
		}
	}
}

func rankOf(hs []search.Hit, id string) int {
	for i, h := range hs {
		if h.ID == id {
			return i + 1
		}
	}
	return -1
}
