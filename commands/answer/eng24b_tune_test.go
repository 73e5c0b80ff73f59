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

// TestEng24bRows prints, for every message of the part-A files in
// $LOTSE_PARTS (the part files .ci/tune-pool.py writes) whose decided
// search ended at the weak gate with weak evidence kept (Decision.weak),
// whether a choice of its first guides would help, whether the rescue
// took it, and the line figures of the first three hits
// (search.Hit.Line). Twenty-fourth pass, development aid of eng24
// (docs/passes/24.md, branch eng24) for the line form (docs/passes/24.md, branch eng24b);
// part B is never read.
func TestEng24bRows(t *testing.T) {
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
			d := Decide(q.Text, lib, opts)
			if d.Query == "" {
				continue
			}
			words := tokens(clean(q.Text))
			qt, from, _ := questionPart(clean(q.Text), words)
			qv := partOf(qt, from, words, foldWords(words), clauseStarts(clean(q.Text), words))
			first := decideSearch(qv, lib, opts, &German)
			if first.exit != exitWeak || first.weak == nil {
				continue
			}
			hs := first.weak.hits
			c := choiceWithin(first, hs, rescueShare*hs[0].Score, &German)
			var ps []int
			for _, h := range hs[:min(3, len(hs))] {
				ps = append(ps, h.Line)
			}
			fmt.Printf("WEAK %s final=%s rescued=%v choiceHelps=%v noneHelps=%v line=%v s=%.2f unc=%.2f unk=%.2f %q exp=%s\n",
				filepath.Base(f), d.Outcome, d.Rescued, Helped(c, q.Expected), Helped(Decision{Outcome: None}, q.Expected), ps, hs[0].Score, first.weak.uncovered, first.weak.x[0], q.Text, q.Expected)
		}
	}
}
