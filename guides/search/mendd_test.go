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

// TestGuardMoved: when the word-order pairs and TopicRank both moved the
// first guide, and the pairs would have put it first without TopicRank
// too, the pairs' own evidence counts (phraseGuard against the first
// guide without either): a plausible pairs' first asks back although the
// old first guide was rejected; when TopicRank was needed, topicGuard's
// verdict stands. Never confident. Review rvP11, finding 8 (the first row
// fails when topicGuard overwrites the verdict).
func TestGuardMoved(t *testing.T) {
	ix := Build(topicRankDocs(), Options{})
	const denom = 1.0
	weak := cand{doc: 1, score: 0.05, cov: 0.05, solid: 0.05}
	plausible := features{s1: 0.5, solid: 0.5, solidStr: 0.3, distinct: 1}
	if !ix.plausible(plausible) && !ix.confident(plausible) {
		t.Fatal("fixture: the pairs' first guide must be plausible")
	}
	for _, tc := range []struct {
		name      string
		pairsOwn  bool
		wantClose bool
	}{
		{"the pairs' own first: asks back", true, true},
		{"TopicRank needed: the old first guide's verdict", false, false},
	} {
		res := Result{Confident: true, Hits: []Hit{{ID: "a", Score: 0.5}}}
		ix.guardMoved(&res, plausible, true, true, tc.pairsOwn, weak, weak, denom)
		if res.Confident || res.Close != tc.wantClose {
			t.Errorf("%s: confident %v close %v, want false %v", tc.name, res.Confident, res.Close, tc.wantClose)
		}
	}
	// pairsFirstWithoutTopicRank: with what TopicRank took off, another
	// candidate would be first.
	if !pairsFirstWithoutTopicRank([]cand{{rank: 1, phr: 0.3}, {rank: 0.9, cut: 0.3}}) {
		t.Error("first by 1.3 against 1.2: want true")
	}
	if pairsFirstWithoutTopicRank([]cand{{rank: 1, phr: 0.1}, {rank: 0.9, cut: 0.3}}) {
		t.Error("1.1 against 1.2 without the cut: want false")
	}
}
