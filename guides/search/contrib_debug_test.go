package search

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestDebugContrib prints, for the first hits of each query in
// $LOTSE_DEBUG_Q (against the guides of debugDocs), each query concept's
// best match in the guide: its contribution to the score, the index term
// and the fields it occurs in (bits, most significant first: learned,
// body, headings, summary, aliases, tags, title). A development aid for
// telling why one guide beat another; it does nothing otherwise.
func TestDebugContrib(t *testing.T) {
	ix, qs := debugQueries(t)
	names := make(map[int32]string, len(ix.terms))
	for k, id := range ix.terms {
		names[id] = k
	}
	for _, s := range qs {
		r, _ := ix.search(s, 4)
		cs := ix.analyze(s)
		fmt.Printf("%q\n", s)
		for _, h := range r.Hits {
			doc := int32(-1)
			for i, d := range ix.docs {
				if d.id == h.ID {
					doc = int32(i)
				}
			}
			fmt.Printf("  %.3f %-40s", h.Score, h.ID)
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
					fmt.Printf(" %s=%.2f[%s:%07b]", c.word, c.weight*best, names[bt], bm)
				}
			}
			fmt.Println()
		}
	}
}

// TestTuneMRR prints the mean reciprocal rank (first five hits) of the
// guide questions of part $LOTSE_TUNE_PART (0 = A, 1 = B) of the tune pool:
// the bench tune sets with the bench guides and the guide questions of the
// first-message tune sets with library/ (never a held-out set). A finer
// measure than top-1 for choosing between settings that tie on it; a
// development aid that does nothing unless the variable is set.
func TestTuneMRR(t *testing.T) {
	part := os.Getenv("LOTSE_TUNE_PART")
	if part == "" {
		t.Skip("set LOTSE_TUNE_PART to 0 or 1")
	}
	if part != "0" && part != "1" {
		t.Fatalf("LOTSE_TUNE_PART=%q, want 0 or 1", part)
	}
	// The part of the tune pool a question belongs to: bit 0 of FNV-1a 32
	// of the trimmed text (part A = 0, B = 1), the split of the seventh
	// pass (rescuePart in commands/answer): part A is InTuneHalf.
	inA := part == "0"
	bix := Build(loadGuides(t, filepath.Join(benchDir(t), "guides")), Options{})
	lix := Build(loadGuides(t, filepath.Join("..", "..", "library")), Options{})
	var sum float64
	var n int
	add := func(ix *Index, qs []Question) {
		for _, q := range qs {
			if q.Expected == OutOfScope || InTuneHalf(q.Text) != inA {
				continue
			}
			n++
			for i, h := range ix.Search(q.Text, 5).Hits {
				if h.ID == q.Expected {
					sum += 1 / float64(i+1)
				}
			}
		}
	}
	for _, s := range []string{"tune-2026-12-04", "tune2-2026-12-04", "tune3-2026-12-04", "tune4-2026-12-05"} {
		add(bix, readTSV(t, filepath.Join("testdata", "bench-"+s+".tsv")))
	}
	for _, s := range []string{"tune-2026-12-04", "tune2-2026-12-04", "tune3-2026-12-04", "tune4-2026-12-04", "tune5-2026-12-05"} {
		add(lix, guideMessages(readTSV(t, filepath.Join("..", "..", "commands", "answer", "testdata", "first-messages-"+s+".tsv"))))
	}
	if n == 0 {
		t.Fatal("no guide question in the tune pool")
	}
	fmt.Printf("part %s: %d guide questions, MRR %.6f\n", part, n, sum/float64(n))
}
