package search

import (
	"path/filepath"
	"slices"
	"testing"
)

// TestDecisionHits: Result.Runners hold the runners-up in their order
// without Options.TopicRank, and only when TopicRank changed it; the hits
// themselves (the order shown, `guides eval`) are TopicRank's. Review
// rvP11, finding 5b; the shipped library's „wie lade ich jemanden in
// meinen raum ein“, whose runner-up TopicRank changed.
func TestDecisionHits(t *testing.T) {
	docs := loadGuides(t, filepath.Join("..", "..", "library"))
	q := "wie lade ich jemanden in meinen raum ein"
	with := Build(docs, Options{}).Search(q, 5)
	without := Build(docs, Options{TopicRank: 1}).Search(q, 5)
	ids := func(hs []Hit) []string {
		var out []string
		for _, h := range hs {
			out = append(out, h.ID)
		}
		return out
	}
	if len(with.Hits) < 3 || len(without.Hits) < 3 {
		t.Fatalf("hits %v / %v, want 3", ids(with.Hits), ids(without.Hits))
	}
	if with.Hits[0].ID != without.Hits[0].ID {
		t.Fatalf("first %s / %s: the fixture wants the same first guide", with.Hits[0].ID, without.Hits[0].ID)
	}
	if slices.Equal(ids(with.Hits), ids(without.Hits)) {
		t.Fatalf("TopicRank does not reorder the runners-up %v %v: the fixture needs it", with.Hits, without.Hits)
	}
	if got, want := ids(with.DecisionHits()), ids(without.Hits); !slices.Equal(got, want) {
		t.Errorf("DecisionHits %v, want the order without TopicRank %v", got, want)
	}
	if without.Runners != nil {
		t.Errorf("Runners %v without TopicRank, want nil", ids(without.Runners))
	}
	if got := ids(without.DecisionHits()); !slices.Equal(got, ids(without.Hits)) {
		t.Errorf("DecisionHits %v, want the hits %v", got, ids(without.Hits))
	}
}
