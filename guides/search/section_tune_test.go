//go:build tune

package search

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSectionRows prints, for part A of the tune pool's guide questions
// (never part B, never a held-out set), the first sectionPool candidates
// with their whole-guide and best-section figures (development aid).
func TestSectionRows(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	type src struct{ glob, dir string }
	for _, s := range []src{
		{filepath.Join("testdata", "bench-tune*-2026-12-0*.tsv"), filepath.Join(benchDir(t), "guides")},
		{filepath.Join("..", "..", "commands", "answer", "testdata", "first-messages-tune*-2026-12-0*.tsv"), filepath.Join("..", "..", "library")},
	} {
		ix := Build(loadGuidesAsBot(t, s.dir), Options{})
		files, _ := filepath.Glob(s.glob)
		for _, f := range files {
			fh, err := os.Open(f)
			if err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(fh)
			head := false
			for sc.Scan() {
				ln := sc.Text()
				if strings.TrimSpace(ln) == "" || strings.HasPrefix(ln, "#") {
					continue
				}
				if !head {
					head = true
					continue
				}
				q, want, _ := strings.Cut(ln, "\t")
				if !strings.HasSuffix(want, ".md") || !InTuneHalf(strings.TrimSpace(q)) {
					continue
				}
				var rows []string
				sectionTrace = func(ix *Index, cs []concept, cands []cand, denom float64) {
					c := append([]cand(nil), cands...)
					k := max(5, rerankK)
					if len(c) > k {
						topK(c[k:], min(20, len(c))-k)
					}
					var secs sectionScores
					for i := 0; i < min(20, len(c)); i++ {
						det := ix.passageScores(cs, c[i].doc, &secs)
						n := 0
						if det.section >= 0 {
							for m := secs.hit[det.section]; m != 0; m &= m - 1 {
								n++
							}
						}
						mark := ""
						if ix.docs[c[i].doc].id == want {
							mark = "*"
						}
						rows = append(rows, fmt.Sprintf("%s%d %s r=%.3f s=%.3f sec=%.3f cov=%.3f n=%d/%d line=%d", mark, i+1, ix.docs[c[i].doc].id, c[i].rank/denom, c[i].score/denom, det.secScore/denom, det.secCov/denom, n, len(cs), secs.line))
					}
				}
				ix.Search(q, 5)
				sectionTrace = nil
				fmt.Printf("Q\t%s\t%s\t%s\n", filepath.Base(f), want, q)
				for _, r := range rows {
					fmt.Printf("C\t%s\n", r)
				}
			}
			fh.Close()
		}
	}
}
