package answer

import (
	"slices"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// hitsOf makes search hits with the IDs ids, in order.
func hitsOf(ids ...string) []search.Hit {
	hs := make([]search.Hit, 0, len(ids))
	for _, id := range ids {
		hs = append(hs, search.Hit{ID: id, Title: id})
	}
	return hs
}

// TestFuseRanks pins reciprocal rank fusion: a guide both rankings hold
// goes first, the others alternate by rank, a tie keeps the first
// ranking's guide first.
func TestFuseRanks(t *testing.T) {
	for _, tc := range []struct {
		name        string
		whole, part []string
		want        []string
	}{
		{"both first, then alternate", []string{"w1", "x", "w3"}, []string{"p1", "p2", "x"}, []string{"x", "w1", "p1"}},
		{"disjoint: whole first on ties", []string{"w1", "w2", "w3"}, []string{"p1", "p2", "p3"}, []string{"w1", "p1", "w2"}},
		{"same ranking", []string{"a", "b", "c"}, []string{"a", "b", "c"}, []string{"a", "b", "c"}},
		{"short lists", []string{"w1"}, []string{"p1"}, []string{"w1", "p1"}},
		{"one empty", nil, []string{"p1", "p2", "p3", "p4"}, []string{"p1", "p2", "p3"}},
	} {
		var got []string
		for _, h := range fuseRanks(3, hitsOf(tc.whole...), hitsOf(tc.part...)) {
			got = append(got, h.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: fused %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestFuseWholeOnlyReordersAChoice: the fusion changes which guides a
// choice offers, never the outcome; without the whole message's hits or
// without a choice it changes nothing.
func TestFuseWholeOnlyReordersAChoice(t *testing.T) {
	whole := Decision{Outcome: None, Nearest: hitsOf("w1", "w2", "w3")}
	part := Decision{Outcome: Choose, Hits: hitsOf("p1", "p2", "p3")}
	got := fuseWhole(whole, part, &German)
	if got.Outcome != Choose || !slices.Equal(got.Guides(), []string{"w1", "p1", "w2"}) {
		t.Errorf("fused choice: %v %v, want choose [w1 p1 w2]", got.Outcome, got.Guides())
	}
	if !slices.Equal(hitTitles(got.Hits), []string{"w1", "p1", "w2"}) || got.Reply != choiceMarkdown([]string{"w1", "p1", "w2"}, &German, "") {
		t.Errorf("reply not of the fused guides: %q", got.Reply)
	}
	if got := fuseWhole(Decision{Outcome: None}, part, &German); !slices.Equal(got.Guides(), part.Guides()) {
		t.Errorf("no whole hits: %v, want the clause's %v", got.Guides(), part.Guides())
	}
	none := Decision{Outcome: None, Nearest: hitsOf("p1")}
	if got := fuseWhole(whole, none, &German); got.Outcome != None || len(got.Hits) != 0 {
		t.Errorf("a clause without a choice: %v %v, want it unchanged", got.Outcome, got.Guides())
	}
}

// TestFocusKeepsWholeEvidence decides invented messages (written from
// the bench guides' topics, not from a question set) that tell their
// subject first and ask a question clause that refers back to it: the
// choice keeps the whole message's guide. Messages no guide covers keep
// their outcome, and a clause that names its own subject keeps its guide.
func TestFocusKeepsWholeEvidence(t *testing.T) {
	lib := loadBenchLibrary(t)
	for _, tc := range []struct {
		msg     string
		outcome Outcome
		guide   string
	}{
		// The whole message names who may see and edit; the clause
		// only asks how to set "it" up (main: a choice without it).
		{"der vorstand will, dass nur wir drei die finanzunterlagen in der cloud sehen und bearbeiten. wie richte ich das ein?", Choose, "nextcloud/mit-gruppe-teilen.md"},
		{"morgen leite ich die online sitzung, wie werde ich da moderator?", Choose, "bbb/moderationsrechte.md"},
		{"meine folien sollen alle sehen, wie geht das in der sitzung?", Choose, "bbb/bildschirm-teilen.md"},
		{"mein auto springt nicht an, was mach ich da?", None, ""},
		{"der drucker im büro zeigt ein rotes licht, was bedeutet das?", None, ""},
		{"ich will meinen mitgliedsbeitrag ändern, wie mach ich das?", None, ""},
	} {
		d := Decide(tc.msg, lib, Options{Cases: true})
		if d.Outcome != tc.outcome || tc.guide != "" && !slices.Contains(d.Guides(), tc.guide) {
			t.Errorf("%q: %v %v, want %v with %q", tc.msg, d.Outcome, d.Guides(), tc.outcome, tc.guide)
		}
	}
}
