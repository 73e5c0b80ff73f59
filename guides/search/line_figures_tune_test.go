//go:build tune

package search

import (
	"fmt"
	"path/filepath"
	"testing"
)

// TestLineFiguresRows prints, for every bench guide question of part A of the
// tune pool (InTuneHalf; part B is never read), the rank of its guide
// among the shown hits and the line figures (Hit.Line) and scores of the
// first three. Twenty-fourth pass, development aid of eng24c
// (docs/passes/24.md, branch eng24c): the line lead's rows were read from it.
// The fit on part A with the line features (TestEng24cFit) needs trace
// features that were reverted; it is in the branch's history (5580583).
func TestLineFiguresRows(t *testing.T) {
	docs := rrLoad(t, filepath.Join(benchDir(t), "guides"))
	ix := Build(docs, Options{})
	sets, _ := filepath.Glob(filepath.Join("testdata", "bench-tune*-2026-12-0[45].tsv"))
	for _, p := range sets {
		for _, q := range readTSV(t, p) {
			if q.Expected == OutOfScope || !InTuneHalf(q.Text) {
				continue
			}
			res := ix.Search(q.Text, 5)
			hs, _ := res.Shown()
			rank := -1
			for i, h := range hs {
				if h.ID == q.Expected {
					rank = i
				}
			}
			var ls []int
			var ss []float64
			for _, h := range hs[:min(3, len(hs))] {
				ls = append(ls, h.Line)
				ss = append(ss, h.Score)
			}
			fmt.Printf("ROW %s rank=%d rr=%d line=%v score=%.2f conf=%v %q exp=%s first=%s\n",
				filepath.Base(p), rank, res.rerankedAt, ls, ss, res.Confident, q.Text, q.Expected, first(hs))
		}
	}
}

func first(hs []Hit) string {
	if len(hs) == 0 {
		return "-"
	}
	return hs[0].ID
}
