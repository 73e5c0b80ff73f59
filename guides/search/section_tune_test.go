//go:build tune

package search

import (
	"bufio"
	"fmt"
	"math"
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

// assocTable is a co-occurrence table of the library's terms over the
// units of its sections' text (a line, list item or sentence: textUnits):
// per term the units it stands in, and per pair the units and guides they
// share (tuning aid for the thirtieth pass's association experiment).
type assocTable struct {
	n      map[int32]int
	joint  map[[2]int32]int
	guides map[[2]int32]map[int32]bool
	units  int
}

func buildAssoc(ix *Index) *assocTable {
	type unit struct {
		doc int32
		sec uint16
		u   int
	}
	byUnit := map[unit][]int32{}
	for t, ps := range ix.secPost {
		for _, p := range ps {
			for m := p.lines; m != 0; m &= m - 1 {
				u := unit{p.doc, p.sec, bitsTZ(m)}
				byUnit[u] = append(byUnit[u], int32(t))
			}
		}
	}
	a := &assocTable{n: map[int32]int{}, joint: map[[2]int32]int{}, guides: map[[2]int32]map[int32]bool{}, units: len(byUnit)}
	for u, ts := range byUnit {
		for i, x := range ts {
			a.n[x]++
			for _, y := range ts[i+1:] {
				k := [2]int32{min(x, y), max(x, y)}
				a.joint[k]++
				g := a.guides[k]
				if g == nil {
					g = map[int32]bool{}
					a.guides[k] = g
				}
				g[u.doc] = true
			}
		}
	}
	return a
}

func bitsTZ(m uint32) int {
	n := 0
	for m&1 == 0 {
		m >>= 1
		n++
	}
	return n
}

// TestAssocRows prints, for part A's guide questions, the first 20
// candidates with the association evidence of each: the idf-weighted sum
// over the query's own terms q and the terms t the library writes with q
// in one unit of at least minGuides guides (PMI > 0), of PMI(q,t) where
// the candidate names t in a strong field (development aid).
func TestAssocRows(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	const minGuides = 2
	type src struct{ glob, dir string }
	for _, s := range []src{
		{filepath.Join("testdata", "bench-tune*-2026-12-0*.tsv"), filepath.Join(benchDir(t), "guides")},
		{filepath.Join("..", "..", "commands", "answer", "testdata", "first-messages-tune*-2026-12-0*.tsv"), filepath.Join("..", "..", "library")},
	} {
		ix := Build(loadGuidesAsBot(t, s.dir), Options{})
		at := buildAssoc(ix)
		assoc := func(q int32) map[int32]float64 {
			out := map[int32]float64{}
			for k, j := range at.joint {
				var o int32
				switch q {
				case k[0]:
					o = k[1]
				case k[1]:
					o = k[0]
				default:
					continue
				}
				if len(at.guides[k]) < minGuides {
					continue
				}
				pmi := math.Log(float64(j) * float64(at.units) / float64(at.n[q]) / float64(at.n[o]))
				if pmi > 0 {
					out[o] = pmi
				}
			}
			return out
		}
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
					exp := map[int32]float64{}
					for _, cc := range cs {
						for _, a := range cc.alts {
							if a.w < 0.9 {
								continue
							}
							for o, v := range assoc(a.term) {
								if !queryUses(cs, o) {
									exp[o] = max(exp[o], cc.weight*v)
								}
							}
						}
					}
					for i := 0; i < min(20, len(c)); i++ {
						var e, eAny float64
						for o, v := range exp {
							if p, ok := ix.postingFor(o, c[i].doc); ok {
								w := v * float64(ix.idf[o]) * p.sat.value()
								eAny += w
								if p.mask&strongFields != 0 {
									e += w
								}
							}
						}
						mark := ""
						if ix.docs[c[i].doc].id == want {
							mark = "*"
						}
						rows = append(rows, fmt.Sprintf("%s%d %s r=%.3f s=%.3f e=%.3f ea=%.3f", mark, i+1, ix.docs[c[i].doc].id, c[i].rank/denom, c[i].score/denom, e/denom, eAny/denom))
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
