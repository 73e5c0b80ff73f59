//go:build tune

package search

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEng24cLines prints, for every bench guide question of part A of the
// tune pool (InTuneHalf; part B is never read), the rank of its guide
// among the shown hits and the line figures (Hit.Line) and scores of the
// first three. Twenty-fourth pass, development aid of eng24c
// (docs/passes/24-eng24c.md).
func TestEng24cLines(t *testing.T) {
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

// TestEng24cFit fits the shipped re-ranking's features plus the line
// features (LOTSE_RR_USE, weights held by LOTSE_RR_FIX) on part A of the
// tune pool only and prints top-1 / top-3 of the shipped model and the
// fitted one on part A and, as counts only, on part B.
func TestEng24cFit(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	rows := rrPool(t)
	use := rrFeaturesNamed(t, "LOTSE_RR_USE", os.Getenv("LOTSE_RR_USE"))
	m := rrFit(t, rows, 0, use, 0.001)
	for _, f := range use {
		fmt.Printf(" %s %.3f", rerankNames[f], m[f])
	}
	fmt.Println()
	ship := rerankModel
	for p := 0; p < 2; p++ {
		for _, kind := range []string{"b:", "f:"} {
			var sub []rrRow
			for _, r := range rows {
				if strings.HasPrefix(r.set, kind) {
					sub = append(sub, r)
				}
			}
			n, s1, s3 := rrEval(sub, p, "", &ship)
			_, m1, m3 := rrEval(sub, p, "", &m)
			fmt.Printf("part %c %s n %d top-1 %d -> %d, top-3 %d -> %d\n", 'A'+p, kind, n, s1, m1, s3, m3)
		}
	}
	if os.Getenv("LOTSE_RR_SHOW") != "" {
		for _, r := range rows {
			if r.part != 0 || len(r.x) < 2 || r.want < 0 {
				continue
			}
			bs, bm := 0, 0
			for j := range r.x {
				if score(&ship, &r.x[j]) > score(&ship, &r.x[bs]) {
					bs = j
				}
				if score(&m, &r.x[j]) > score(&m, &r.x[bm]) {
					bm = j
				}
			}
			if bs != bm && (bs == r.want || bm == r.want) {
				fmt.Printf("  %s %v %s %q\n", map[bool]string{true: "WON", false: "LOST"}[bm == r.want], r.set, fmt.Sprint(r.x[bm][rfLine]*4, r.x[bs][rfLine]*4), r.text)
			}
		}
	}
}
