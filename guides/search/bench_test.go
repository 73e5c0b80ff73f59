package search

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// syntheticLibrary generates n guides from the vocabulary of the given
// guides: words drawn with a Zipf-like distribution, plus made-up
// compounds of two words (so the vocabulary grows with the library, as
// it would for real guides), in the same shape as real guides (title,
// tags, summary, a handful of sections).
func syntheticLibrary(base []Doc, n int) []Doc {
	rng := rand.New(rand.NewPCG(1, 2))
	freq := map[string]int{}
	for _, d := range base {
		var b strings.Builder
		b.WriteString(d.Title + " " + d.Summary + " " + strings.Join(d.Tags, " "))
		for _, s := range d.Sections {
			b.WriteString(" " + s.Heading + " " + s.Text)
		}
		for _, w := range strings.Fields(b.String()) {
			w = strings.Trim(w, ".,;:!?()\"'„“*`")
			if w != "" {
				freq[w]++
			}
		}
	}
	vocab := make([]string, 0, len(freq))
	for w := range freq {
		vocab = append(vocab, w)
	}
	sort.Slice(vocab, func(i, j int) bool {
		if freq[vocab[i]] != freq[vocab[j]] {
			return freq[vocab[i]] > freq[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	zipf := rand.NewZipf(rand.New(rand.NewPCG(3, 4)), 1.1, 2, uint64(len(vocab)-1))
	word := func() string {
		if rng.IntN(20) == 0 { // a made-up compound
			a, b := vocab[rng.IntN(len(vocab))], vocab[rng.IntN(len(vocab))]
			return a + strings.ToLower(b)
		}
		return vocab[zipf.Uint64()]
	}
	words := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = word()
		}
		return strings.Join(ws, " ")
	}
	docs := make([]Doc, n)
	for i := range docs {
		d := Doc{
			ID:      fmt.Sprintf("synth/%05d.md", i),
			Title:   words(4 + rng.IntN(5)),
			Summary: words(12 + rng.IntN(12)),
		}
		for j := 0; j < 5+rng.IntN(4); j++ {
			d.Tags = append(d.Tags, word())
		}
		d.Sections = append(d.Sections, Section{Text: words(30 + rng.IntN(40))})
		for j := 0; j < 3+rng.IntN(5); j++ {
			d.Sections = append(d.Sections, Section{Heading: words(2 + rng.IntN(3)), Text: words(40 + rng.IntN(80))})
		}
		docs[i] = d
	}
	return docs
}

func p99(ds []time.Duration) time.Duration { return ds[len(ds)*99/100] }

func benchSearch(b *testing.B, ix *Index, qs []Question) {
	b.ReportAllocs()
	b.ResetTimer()
	var ds []time.Duration
	for i := 0; b.Loop(); i++ {
		q := qs[i%len(qs)]
		t0 := time.Now()
		ix.Search(q.Text, 5)
		ds = append(ds, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	b.ReportMetric(float64(p99(ds).Microseconds()), "p99-µs")
}

// benchGuides loads the bench guides only: the cost benchmarks do not
// open questions-dev.tsv (loadBench), not even to drop its questions.
func benchGuides(tb testing.TB) []Doc {
	tb.Helper()
	return loadGuides(tb, filepath.Join(benchDir(tb), "guides"))
}

// loadBenchWork loads the cost benchmarks' workload: the bench guides and
// the frozen tuning half of the bench questions. Not questions-dev.tsv (what
// loadBench reads): that file also holds the checking half, which is held
// out, and a benchmark runs every question it is given even though it
// prints timings only, so its workload comes from a tune set.
func loadBenchWork(tb testing.TB) ([]Doc, []Question) {
	tb.Helper()
	return benchGuides(tb), readTSV(tb, filepath.Join("testdata", "bench-tune-2026-12-04.tsv"))
}

// BenchmarkSearchBench searches the 45-guide bench library with the
// tuning half of the bench questions (target: p99 < 1 ms).
func BenchmarkSearchBench(b *testing.B) {
	docs, qs := loadBenchWork(b)
	benchSearch(b, Build(docs, Options{}), qs)
}

// BenchmarkSearch5000 searches a generated 5,000-guide library with the
// tuning half of the bench questions (target: p99 < 20 ms).
func BenchmarkSearch5000(b *testing.B) {
	docs, qs := loadBenchWork(b)
	benchSearch(b, Build(syntheticLibrary(docs, 5000), Options{}), qs)
}

// BenchmarkBuild5000 indexes a generated 5,000-guide library (target: < 2 s).
func BenchmarkBuild5000(b *testing.B) {
	lib := syntheticLibrary(benchGuides(b), 5000)
	b.ReportAllocs()
	for b.Loop() {
		Build(lib, Options{})
	}
}
