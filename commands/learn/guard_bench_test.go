package learn

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
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
// in use (unless known) and on the library with the new question, as
// refuse does. Run with -benchtime=1x; docs/performance.md has the figures.
func BenchmarkTeachGuard(b *testing.B) {
	base, problems, err := guides.Load(filepath.Join("..", "..", "library"))
	if err != nil || guides.HasErrors(problems) {
		b.Fatal(err, problems)
	}
	for _, n := range []int{0, 1000, 5000} {
		learned := benchLearned(base, n)
		cur := base.WithLearned(learned)
		g := base.Guides()[0]
		// cold: nothing known (the first !lehren after a start or a
		// reload); known: the library in use is the one the previous
		// !lehren's guard judged (Known), as for every later one.
		for _, warm := range []bool{false, true} {
			name := fmt.Sprintf("learned=%d/cold", n)
			var known map[search.Question]Outcome
			if warm {
				name = fmt.Sprintf("learned=%d/known", n)
				var k Known
				k.Add(cur, Judge(cur, EvalSet(base, learned, nil)))
				known = k.For(cur)
			}
			b.Run(name, func(b *testing.B) {
				for range b.N {
					before := judgeCurrent(cur, base, learned, nil, known)
					if r := Vet(base, learned, nil, before, g.ID, "Wie finde ich das im Verbandsnetz heraus?"); r.After == nil && r.Kind == Accepted {
						b.Fatal("no library")
					}
				}
				b.ReportMetric(float64(len(EvalSet(base, learned, nil))), "questions/op")
			})
		}
	}
}
