package learn

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

// benchLearned is n learned questions spread over the guides of lib that
// members see, each distinct (the team's wording of a case's question).
func benchLearned(lib *guides.Library, n int) guides.Learned {
	var ids []string
	for _, g := range lib.Guides() {
		if guides.VisibleTo(g, false) {
			ids = append(ids, g.ID)
		}
	}
	out := guides.Learned{}
	for i := range n {
		g, _ := lib.Get(ids[i%len(ids)])
		out[g.ID] = append(out[g.ID], fmt.Sprintf("Wie klappt %s bei Ortsgruppe %d?", g.Title, i))
	}
	return out
}

// BenchmarkTeachGuard is what the guard costs one !lehren with
// learned questions already in the search: the evaluation set (the
// library's example questions and every learned one) judged on the library
// in use and on the library with the new question, as refuse does. Run with
// -benchtime=1x; docs/performance.md has the figures.
func BenchmarkTeachGuard(b *testing.B) {
	base, problems, err := guides.Load(filepath.Join("..", "..", "library"))
	if err != nil || guides.HasErrors(problems) {
		b.Fatal(err, problems)
	}
	for _, n := range []int{0, 1000, 5000} {
		b.Run(fmt.Sprintf("learned=%d", n), func(b *testing.B) {
			learned := benchLearned(base, n)
			cur := base.WithLearned(learned)
			g := base.Guides()[0]
			b.ResetTimer()
			for range b.N {
				before := judgeCurrent(cur, base, learned, nil)
				if r := Vet(base, learned, nil, before, g.ID, "Wie finde ich das im Verbandsnetz heraus?"); r.After == nil && r.Kind == Accepted {
					b.Fatal("no library")
				}
			}
			b.ReportMetric(float64(len(EvalSet(base, learned, nil))), "questions/op")
		})
	}
}
