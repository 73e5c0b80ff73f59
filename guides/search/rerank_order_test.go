package search

import (
	"fmt"
	"testing"
)

// TestHitsBeforeRerank: the hits in the scores' order undo the
// re-ranking's one move (the moved guide back to its old place, the others
// as they are) and are the hits themselves when nothing moved.
func TestHitsBeforeRerank(t *testing.T) {
	a, b, c, d := Hit{ID: "a"}, Hit{ID: "b"}, Hit{ID: "c"}, Hit{ID: "d"}
	for _, tt := range []struct {
		name string
		res  Result
		want []Hit
	}{
		{"not moved", Result{Hits: []Hit{a, b, c}}, []Hit{a, b, c}},
		{"moved from second", Result{Hits: []Hit{b, a, c}, rerankedAt: 1}, []Hit{a, b, c}},
		{"moved from third", Result{Hits: []Hit{c, a, b, d}, rerankedAt: 2}, []Hit{a, b, c, d}},
		{"moved from beyond the cut", Result{Hits: []Hit{d, a, b}, rerankedAt: 4}, []Hit{a, b, d}},
	} {
		got := tt.res.HitsBeforeRerank()
		if len(got) != len(tt.want) {
			t.Fatalf("%s: %v, want %v", tt.name, ids(got), ids(tt.want))
		}
		for i := range got {
			if got[i].ID != tt.want[i].ID {
				t.Errorf("%s: %v, want %v", tt.name, ids(got), ids(tt.want))
				break
			}
		}
	}
}

// TestHitsBeforeRerankSearch: on the bench library the re-ranking moves
// the right guide of „wie bekomme ich einen zugang zur cloud" to the
// front (how Evaluate counts that: TestEvalMovedByRerank); before the
// move the guide that was first leads, and its score is not below the
// moved one's.
func TestHitsBeforeRerankSearch(t *testing.T) {
	docs, _ := loadBench(t)
	res := Build(docs, Options{}).Search("wie bekomme ich einen zugang zur cloud", 5)
	before := res.HitsBeforeRerank()
	const old = "konto/passwort-vergessen.md" // first without the re-ranking
	if !res.Reranked() || len(before) != len(res.Hits) || before[0].ID != old || res.Hits[1].ID != old {
		t.Fatalf("before the re-ranking %v (hits %v, moved %v), want the old first guide %s first", ids(before), ids(res.Hits), res.Reranked(), old)
	}
	if before[0].Score < res.Hits[0].Score {
		t.Errorf("old first %.3f below the moved guide %.3f", before[0].Score, res.Hits[0].Score)
	}
}

// TestWithMove: a move built by hand is undone by HitsBeforeRerank, and
// it leaves the result as the re-ranking does (rerankGuard): a moved first
// is never confident, the runners-up do not name it twice, a second move
// is refused.
func TestWithMove(t *testing.T) {
	a, b, c := Hit{ID: "a"}, Hit{ID: "b"}, Hit{ID: "c"}
	r := Result{Hits: []Hit{a, b, c}, Confident: true, Runners: []Hit{c, b}}.WithMove(2)
	if !r.Reranked() || fmt.Sprint(ids(r.Hits)) != "[c a b]" || fmt.Sprint(ids(r.HitsBeforeRerank())) != "[a b c]" {
		t.Errorf("moved %v: %v, before %v", r.Reranked(), ids(r.Hits), ids(r.HitsBeforeRerank()))
	}
	if r.Confident || !r.Close {
		t.Errorf("moved first: confident %v, close %v; want a choice (rerankGuard)", r.Confident, r.Close)
	}
	if got := fmt.Sprint(ids(r.DecisionHits())); got != "[c a b]" {
		t.Errorf("decision hits after the move %s, want [c a b]", got)
	}
	if twice := r.WithMove(1); fmt.Sprint(ids(twice.HitsBeforeRerank())) != "[a b c]" {
		t.Errorf("a second move: before %v, want [a b c]", ids(twice.HitsBeforeRerank()))
	}
	if r := (Result{Hits: []Hit{a, b}}).WithMove(2); r.Reranked() {
		t.Errorf("a move from beyond the hits: moved")
	}
	if r := (Result{Hits: []Hit{a, b}}).WithMove(1); r.Close {
		t.Errorf("a move of a result that found nothing sure: close")
	}
}
