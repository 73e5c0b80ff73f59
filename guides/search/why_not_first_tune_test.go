//go:build tune

package search

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDebugWhyNotFirst prints, for each "question<TAB>expected" line of
// $LOTSE_DEBUG_TSV (against the bench guides), the shown order, the order
// before the learned re-ranking, and each query word's best match in the
// first shown guide and in the expected one (contribution, term, field
// bits learned/body/headings/summary/aliases/tags/title). A development
// aid for classifying why the right guide loses; it does nothing otherwise.
func TestDebugWhyNotFirst(t *testing.T) {
	path := os.Getenv("LOTSE_DEBUG_TSV")
	if path == "" {
		t.Skip("set LOTSE_DEBUG_TSV")
	}
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	ix := Build(debugDocs(t), Options{})
	names := make(map[int32]string, len(ix.terms))
	for k, id := range ix.terms {
		names[id] = k
	}
	docOf := func(id string) int32 {
		for i, d := range ix.docs {
			if d.id == id {
				return int32(i)
			}
		}
		return -1
	}
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		q, want, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		r, _ := ix.search(q, 5)
		cs := ix.analyze(q)
		fmt.Printf("Q\t%s\t%s\ten=%v\treranked=%v\n", q, want, englishContext(tokenizeMax(q, nil, maxQueryTokens)), r.Reranked())
		for _, h := range r.Hits {
			fmt.Printf("S\t%s\t%.3f\t%.3f\n", h.ID, h.Score, h.Strong)
		}
		for _, h := range r.HitsBeforeRerank() {
			fmt.Printf("P\t%s\n", h.ID)
		}
		for _, c := range cs {
			fmt.Printf("C\t%s\t%.2f\t%.2f\t%d\n", c.word, c.weight, c.idf, len(c.alts))
		}
		show := []string{want}
		if len(r.Hits) > 0 && r.Hits[0].ID != want {
			show = append(show, r.Hits[0].ID)
		}
		for _, id := range show {
			doc := docOf(id)
			for _, c := range cs {
				best, bt, bm := 0.0, int32(-1), uint8(0)
				for _, a := range c.alts {
					if p, ok := ix.postingFor(a.term, doc); ok {
						if v := a.w * float64(ix.idf[a.term]) * p.sat.value(); v > best {
							best, bt, bm = v, a.term, p.mask
						}
					}
				}
				if bt >= 0 {
					fmt.Printf("M\t%s\t%s\t%.2f\t%s\t%07b\n", id, c.word, c.weight*best, names[bt], bm)
				}
			}
		}
	}
}
