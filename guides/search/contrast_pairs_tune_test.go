//go:build tune

package search

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestContrastPairs writes, for every bench guide question of part A of the
// tune pool (the files of LOTSE_CT_PARTS, bench-tune*-A.tsv only), the
// first five candidates where the contrast reads them, with each query
// concept's field masks (LOTSE_TUNE=1; tuning aid of eng28b).
func TestContrastPairs(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	old := contrastOff
	contrastOff = true
	defer func() { contrastOff, contrastTrace = old, nil }()
	ix := Build(rrLoad(t, filepath.Join(benchDir(t), "guides")), Options{})
	files, _ := filepath.Glob(filepath.Join(os.Getenv("LOTSE_CT_PARTS"), "bench-tune*-A.tsv"))
	out, err := os.Create(os.Getenv("LOTSE_CT_OUT"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	for _, f := range files {
		for _, q := range readTSV(t, f) {
			if q.Expected == OutOfScope || !InTuneHalf(q.Text) {
				continue
			}
			var rec []string
			rec = nil
			seen := false
			mv := 0
			contrastTrace = func(ix *Index, cs []concept, cands []cand, moved int) {
				if seen {
					return
				}
				seen, mv = true, moved
				for i := range min(5, len(cands)) {
					c := &cands[i]
					var parts []string
					for ci := range cs {
						k := &cs[ci]
						var m uint8
						for _, a := range k.alts {
							if p, ok := ix.postingFor(a.term, c.doc); ok {
								m |= p.mask
							}
						}
						parts = append(parts, fmt.Sprintf("%s:%.3f:%.3f:%d", k.word, k.weight, k.idf, m))
					}
					rec = append(rec, fmt.Sprintf("%s|%.4f|%.4f|%.4f|%s", ix.docs[c.doc].id, c.rank, c.phr, c.score, strings.Join(parts, " ")))
				}
			}
			ix.Search(q.Text, 5)
			fmt.Fprintf(out, "Q\t%s\t%s\t%d\n", q.Text, q.Expected, mv)
			for _, r := range rec {
				fmt.Fprintf(out, "C\t%s\n", r)
			}
		}
	}
}
