// Tests of TopicRank (a guide that names a query word as its topic ranks
// before one that meets it only in passing): the ranking, the guard on a
// first guide it moved (topicGuard, guardMoved), the rejection it keeps,
// and the runners-up the decision reads without it (Result.DecisionHits).

package search

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"
)

// topicRankDocs is a small library in which one guide mentions a rare
// word of the query in passing in its body ("Account" in a calendar
// guide) while another names a common word of the query as its topic
// ("Chat" in the title and tags of the chat account guide, mentioned in
// passing by most other guides): the shape of "wie komme ich an einen
// chat account" on the shipped library (eleventh quality pass).
func topicRankDocs() []Doc {
	docs := []Doc{
		{ID: "kalender", Title: "Kalender auf dem Handy", Tags: []string{"kalender", "handy"},
			Summary:  "Termine der Cloud auf dem Handy.",
			Sections: []Section{{Heading: "Einrichten", Text: "Trage in der App deinen Account der Cloud ein, dann erscheinen die Termine."}}},
		{ID: "chatkonto", Title: "Im Chat anmelden", Tags: []string{"chat", "registrieren"},
			Summary:  "Registrierung im Chat.",
			Sections: []Section{{Heading: "Registrieren", Text: "Schreib der Geschäftsstelle, dann bekommst du einen Zugang."}}},
	}
	for i, topic := range []string{"Drucker", "Ordner", "Videokonferenz", "Newsletter", "Spenden", "Protokoll"} {
		login := "Konto"
		if i == 0 {
			login = "Konto oder Zugang" // "Zugang" is rarer than "Konto", as in the library
		}
		docs = append(docs, Doc{ID: fmt.Sprintf("g%d", i), Title: topic + " einrichten", Tags: []string{topic},
			Sections: []Section{{Heading: topic, Text: "Bei Fragen schreib uns im Chat. " + topic + " findest du im Menü, wenn du mit deinem " + login + " angemeldet bist."}}})
	}
	return docs
}

// TestTopicRank: a guide that meets the query in none of the fields that
// say what it is about ranks behind one that names a query word as its
// topic, unless its words outweigh that by more than the discount; the
// scores are untouched, and so is whether the search answers, asks back
// or rejects (topicGuard).
func TestTopicRank(t *testing.T) {
	docs := topicRankDocs()
	on := Build(docs, Options{})
	off := Build(docs, Options{TopicRank: 1})
	// TopicRank alone: since the thirty-first pass the learned
	// re-ranking (eight figures) also puts the chat guide first without
	// TopicRank, which would hide what this test measures.
	old := rerankOff
	rerankOff = true
	defer func() { rerankOff = old }()
	for _, tt := range []struct {
		query, wantOn, wantOff string
	}{
		// The calendar guide meets "Account" only in passing; the chat
		// guide names "Chat" as its topic.
		{"wie komme ich an einen chat account", "chatkonto", "kalender"},
		// Must not trigger: the calendar guide names "Termine" in its
		// summary, so it is not discounted and stays first.
		{"termine account", "kalender", "kalender"},
		// Must not trigger: neither guide names a query word as its topic
		// ("App", "Geschäftsstelle" are body words only) — both are
		// discounted alike, and their order is their words' order.
		{"app geschäftsstelle account", "kalender", "kalender"},
	} {
		ron, roff := on.Search(tt.query, 3), off.Search(tt.query, 3)
		if len(ron.Hits) == 0 || len(roff.Hits) == 0 {
			t.Fatalf("%q: no hits", tt.query)
		}
		if got := ron.Hits[0].ID; got != tt.wantOn {
			t.Errorf("%q: first %s, want %s (%v)", tt.query, got, tt.wantOn, ron.Hits)
		}
		if got := roff.Hits[0].ID; got != tt.wantOff {
			t.Errorf("%q with TopicRank 1: first %s, want %s (%v)", tt.query, got, tt.wantOff, roff.Hits)
		}
		// The decision does not change with the order: a first guide
		// TopicRank moved is never confident, and the result asks back
		// only when the old first guide was confident or plausible
		// (topicGuard); an unmoved first guide keeps its confidence.
		if ron.Hits[0].ID != roff.Hits[0].ID {
			if ron.Confident || ron.Close != (roff.Confident || roff.Close) {
				t.Errorf("%q: moved first guide: confident %v close %v; without TopicRank confident %v close %v",
					tt.query, ron.Confident, ron.Close, roff.Confident, roff.Close)
			}
		} else if ron.Confident != roff.Confident || ron.Close != roff.Close {
			t.Errorf("%q: confident %v close %v; without TopicRank %v %v", tt.query, ron.Confident, ron.Close, roff.Confident, roff.Close)
		}
		// Only the order changes: each guide's Score is the same.
		for _, h := range ron.Hits {
			for _, g := range roff.Hits {
				if h.ID == g.ID && h.Score != g.Score {
					t.Errorf("%q: %s score %.4f, without TopicRank %.4f", tt.query, h.ID, h.Score, g.Score)
				}
			}
		}
	}
}

// TestTopicGuard: the first guide without the pairs and without TopicRank
// (topicFirst), and the decision when TopicRank moved it (topicGuard): the
// moved guide is never confident, and the result asks back exactly when
// the old first guide was confident or plausible.
func TestTopicGuard(t *testing.T) {
	ix := Build(topicRankDocs(), Options{})
	// a: named as a topic (no cut); b: body only, rank 1.2 before the cut.
	a := cand{doc: 0, rank: 1.0}
	b := cand{doc: 1, rank: 0.9, cut: 0.3}
	// a is first by rank with TopicRank; without it b is (moved).
	if old := topicFirst([]cand{a, b}); old.doc != 1 {
		t.Errorf("topicFirst: old %d, want 1 (TopicRank moved it)", old.doc)
	}
	if old := topicFirst([]cand{a, {doc: 1, rank: 0.6, cut: 0.2}}); old.doc != 0 {
		t.Errorf("topicFirst: old %d, want 0: the body-only guide is behind without the cut too", old.doc)
	}
	const denom = 1.0
	strong := cand{doc: 1, score: 0.8, cov: 0.8, strong: 0.8, solid: 0.8, solidStr: 0.8, distinct: 1}
	weak := cand{doc: 1, score: 0.05, cov: 0.05, solid: 0.05}
	for _, tc := range []struct {
		name      string
		old       cand
		wantClose bool
	}{
		{"the old first guide was an answer: ask back", strong, true},
		{"the old first guide was rejected: still nothing", weak, false},
	} {
		res := Result{Confident: true, Hits: []Hit{{ID: "a", Score: 0.9}}}
		ix.topicGuard(&res, features{s1: 0.9, solid: 0.9, solidStr: 0.9, distinct: 1}, tc.old, denom)
		if res.Confident || res.Close != tc.wantClose {
			t.Errorf("%s: confident %v close %v, want false %v", tc.name, res.Confident, res.Close, tc.wantClose)
		}
	}
}

// TestTopicRankKeepsRejection: over the bench tune sets (tuning data, never
// a held-out set), a question the search rejects without TopicRank (neither
// confident nor close) is rejected with it: the order may change, but a
// message no guide is about does not get one. Without topicGuard, 28
// questions of these sets (3 of them out of scope) are no longer rejected.
// (The other way round is not guaranteed: the guard judges the first guide
// without the pairs and TopicRank, and 3 guide questions the pairs' first
// guide made plausible are rejected with it; measured in helped.)
func TestTopicRankKeepsRejection(t *testing.T) {
	docs := loadGuides(t, filepath.Join(benchDir(t), "guides"))
	on, off := Build(docs, Options{}), Build(docs, Options{TopicRank: 1})
	n := 0
	for _, set := range []string{"tune-2026-12-04", "tune2-2026-12-04", "tune3-2026-12-04", "tune4-2026-12-05", "tune5-2026-12-05", "tune6-2026-12-05", "tune7-2026-12-05"} {
		for _, q := range readTSV(t, filepath.Join("testdata", "bench-"+set+".tsv")) {
			a, b := on.Search(q.Text, 5), off.Search(q.Text, 5)
			if (a.Confident || a.Close) && !(b.Confident || b.Close) {
				t.Errorf("%s %q: found with TopicRank, rejected without", set, q.Text)
			}
			n++
		}
	}
	if n < 1000 {
		t.Fatalf("only %d questions", n)
	}
}

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
