package search

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// hostileQuery builds the worst case of issue 15: a message of about n
// bytes made of separable particles followed by distinct made-up words, so
// that every word is unknown (typo correction, compound splitting) and
// every particle would be tried with every word.
func hostileQuery(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n/2; i++ {
		b.WriteString(particles[i%len(particles)])
		b.WriteByte(' ')
	}
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "wort%dxq ", i)
	}
	return b.String()
}

// TestHostileQueryBoundedWork checks that the analysis of a 60 KB hostile
// message does a bounded number of steps, independent of its length: the
// old code tried every particle occurrence with every word (millions of
// stems for 60 KB).
func TestHostileQueryBoundedWork(t *testing.T) {
	ix := Build(testDocs(), Options{})
	// A fixed bound (not derived from the caps, so that lifting a cap fails):
	// 64 tokens, each tried with the query's particles (at most
	// maxQueryParticles and their written forms), plus their visits.
	const limit = 2_000
	for _, n := range []int{1_000, 60_000} {
		for _, q := range []string{hostileQuery(n), strings.Repeat("an ", n/3) + "kamera", strings.Repeat("x", n), strings.Repeat("ab-", n/3)} {
			work := 0
			cs := ix.analyzeWork(q, &work)
			if work > limit {
				t.Errorf("%d bytes: %d steps, want at most %d", len(q), work, limit)
			}
			if len(cs) > 64 {
				t.Errorf("%d bytes: %d concepts, want at most 64", len(q), len(cs))
			}
		}
	}
	// The words that are looked at still count: a question at the start
	// of a long message is found.
	q := "Kamera geht nicht in der Videokonferenz " + strings.Repeat("bla ", 10_000)
	if r := ix.Search(q, 3); len(r.Hits) == 0 || r.Hits[0].ID != "bbb/kamera.md" {
		t.Errorf("long message: hits %+v, want bbb/kamera.md first", r.Hits)
	}
}

// hostileEnglishQuery builds the worst case of the English lexicon
// (enlex.go): a message of about n bytes in English whose words the
// library does not know but the lexicon translates, so that every word is
// looked up in it and the search scores the guides a second time with its
// evidence (Result.Reordered).
func hostileEnglishQuery(n int) string {
	words := []string{"my", "printer", "is", "not", "detected", "the", "connection", "failed", "remember", "permanent", "keywords", "assign"}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(words[i%len(words)])
		b.WriteByte(' ')
	}
	return b.String()
}

// BenchmarkHostile60KB searches the 60 KB worst cases (made-up German
// words; English words only the lexicon knows) on the bench library and
// on a generated 5,000-guide library (target: < 100 ms per message).
func BenchmarkHostile60KB(b *testing.B) {
	docs := benchGuides(b)
	queries := []struct{ name, q string }{{"", hostileQuery(60_000)}, {"-english", hostileEnglishQuery(60_000)}}
	for _, lib := range []struct {
		name string
		docs []Doc
	}{{"bench", docs}, {"5000", syntheticLibrary(docs, 5000)}} {
		ix := Build(lib.docs, Options{})
		for _, q := range queries {
			b.Run(lib.name+q.name, func(b *testing.B) {
				var worst time.Duration
				for b.Loop() {
					t0 := time.Now()
					ix.Search(q.q, 5)
					worst = max(worst, time.Since(t0))
				}
				b.ReportMetric(float64(worst.Microseconds()), "max-µs")
			})
		}
	}
}

// TestHostileEnglishUsesLexicon: the English worst case of the benchmark
// does take the lexicon's path (otherwise the benchmark would time
// nothing new): its words have lexicon evidence in the bench library.
func TestHostileEnglishUsesLexicon(t *testing.T) {
	docs, _ := loadBench(t)
	ix := Build(docs, Options{})
	if q, _ := ix.analyzeQuery(hostileEnglishQuery(60_000), nil); len(q.kr.lex) == 0 {
		t.Error("the English worst case has no lexicon evidence")
	}
}
