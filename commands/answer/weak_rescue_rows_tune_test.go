//go:build tune

package answer

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// TestWeakRescueRows prints, for every message of the part-A files in
// $LOTSE_PARTS (the part files .ci/tune-pool.py writes) whose decided
// search ended at the weak gate with weak evidence kept (Decision.weak),
// whether a choice of its first guides would help, whether the rescue
// took it, and the line figures of the first three hits
// (search.Hit.Line). Twenty-fourth pass, development aid of eng24
// (docs/passes/24.md, branch eng24) for the line form (docs/passes/24.md, branch eng24b);
// part B is never read.
func TestWeakRescueRows(t *testing.T) {
	eachPartARow(t, func(f string, lib Library, q search.Question, opts Options, d Decision) {
		if d.Query == "" {
			return
		}
		words := tokens(clean(q.Text))
		qt, from, _ := questionPart(clean(q.Text), words)
		qv := partOf(qt, from, words, foldWords(words), clauseStarts(clean(q.Text), words))
		first := decideSearch(qv, lib, opts, &German)
		if first.exit != exitWeak || first.weak == nil {
			return
		}
		hs := first.weak.hits
		c := choiceWithin(first, hs, rescueShare*hs[0].Score, &German)
		var ps []int
		for _, h := range hs[:min(3, len(hs))] {
			ps = append(ps, h.Line)
		}
		fmt.Printf("WEAK %s final=%s rescued=%v choiceHelps=%v noneHelps=%v line=%v s=%.2f unc=%.2f unk=%.2f %q exp=%s\n",
			filepath.Base(f), d.Outcome, d.Rescued, Helped(c, q.Expected), Helped(Decision{Outcome: None}, q.Expected), ps, hs[0].Score, first.weak.uncovered, first.weak.x[0], q.Text, q.Expected)
	})
}
