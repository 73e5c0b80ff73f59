package answer

import (
	"slices"
	"testing"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// TestSiblingAnswer: an answer whose runner-up is about the message by
// its topic nearly as firmly, at a score lead short of siblingLead, is a
// choice; a clear topic lead or a clear score lead keeps the answer.
func TestSiblingAnswer(t *testing.T) {
	hit := func(score, strong float64) search.Hit { return search.Hit{Score: score, Strong: strong} }
	cases := []struct {
		name string
		hs   []search.Hit
		want bool
	}{
		{"siblings, lead 0.35", []search.Hit{hit(0.634, 0.663), hit(0.413, 0.563)}, true},
		{"siblings, runner-up firmer", []search.Hit{hit(0.70, 0.50), hit(0.48, 0.70)}, true},
		{"siblings but clear score lead", []search.Hit{hit(0.80, 0.66), hit(0.40, 0.60)}, false},
		{"topic lead", []search.Hit{hit(0.634, 0.80), hit(0.413, 0.40)}, false},
		{"topics explain nothing", []search.Hit{hit(0.56, 0), hit(0.38, 0)}, false},
		{"one hit", []search.Hit{hit(0.70, 0.70)}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lead := 1.0
			if len(c.hs) > 1 {
				lead = (c.hs[0].Score - c.hs[1].Score) / c.hs[0].Score
			}
			if got := siblingAnswer(c.hs, lead); got != c.want {
				t.Errorf("siblingAnswer = %v, want %v", got, c.want)
			}
		})
	}
}

// TestSiblingAnswerDecide: a message the guides for a forgotten password,
// app passwords and phishing all meet in their topic gets a choice, not
// the forgotten-password guide as the answer; a message one guide's topic
// clearly explains keeps its answer.
func TestSiblingAnswerDecide(t *testing.T) {
	lib := loadLibrary(t)
	d := Decide("hab eine mail bekommen ich soll mein cloud passwort bestätigen sonst wird mein konto gesperrt", lib, Options{Cases: true})
	if d.Outcome == Answer {
		t.Errorf("sibling guides: outcome %s %v, want no answer", d.Outcome, d.Guides())
	}
	d = Decide("ich habe mein Cloud-Passwort vergessen, wie setze ich ein neues?", lib, Options{Cases: true})
	if d.Outcome != Answer || d.Guides()[0] != "konto/passwort-vergessen.md" {
		t.Errorf("clear topic: outcome %s %v, want answer konto/passwort-vergessen.md", d.Outcome, d.Guides())
	}
}

// TestChoiceOfTwo: a choice shows the runner-up even below chooseShare
// of the first guide's score (a choice is of 2–3 guides), never more than
// maxChoices, and a single hit stays a choice of one.
func TestChoiceOfTwo(t *testing.T) {
	h := func(id string, score float64) search.Hit { return search.Hit{ID: id, Score: score} }
	cases := []struct {
		name string
		hits []search.Hit
		want []string
	}{
		{"runner-up far below", []search.Hit{h("a.md", 0.5), h("b.md", 0.2), h("c.md", 0.1)}, []string{"a.md", "b.md"}},
		{"within the share", []search.Hit{h("a.md", 0.5), h("b.md", 0.4), h("c.md", 0.35), h("d.md", 0.34)}, []string{"a.md", "b.md", "c.md"}},
		{"third below the share", []search.Hit{h("a.md", 0.5), h("b.md", 0.4), h("c.md", 0.1)}, []string{"a.md", "b.md"}},
		{"one hit", []search.Hit{h("a.md", 0.5)}, []string{"a.md"}},
	}
	for _, c := range cases {
		if d := choice(Decision{}, c.hits, &German); d.Outcome != Choose || !slices.Equal(d.Guides(), c.want) {
			t.Errorf("%s: %s %v, want a choice of %v", c.name, d.Outcome, d.Guides(), c.want)
		}
	}
}

// TestChoiceMemberVisible: a choice of two (minChoices) or a sibling
// choice takes its runner-up from the member's own search, so a member's
// decision never shows, nor keeps for later, a guide only the team sees,
// and never one guide twice — over the tune pool (first-messages
// tune..tune6) and messages a team-only guide answers for the team.
// Not vacuous: the team's run of the same messages meets team-only
// guides, and the member's run has choices of two or more.
func TestChoiceMemberVisible(t *testing.T) {
	lib := loadLibrary(t)
	msgs := []string{
		"Wie gebe ich die Verpflichtungserklärung ab?",
		"wie bearbeite ich einen Supportfall",
		"wie trete ich dem Digitalisierungsteam bei",
		"Schulung und Verpflichtung für das Team",
		"wie schreibe ich einen Supportfall für ein Mitglied",
	}
	for _, h := range []string{"tune", "tune2", "tune3", "tune4", "tune5", "tune6"} {
		for _, q := range loadSet(t, h) {
			msgs = append(msgs, q.Text)
		}
	}
	teamOnly := func(id string) bool {
		g, ok := lib.Get(id)
		return ok && !guides.VisibleTo(g, false)
	}
	var teamSaw, choices int
	for _, m := range msgs {
		if td := Decide(m, lib, Options{Team: true, Cases: true}); slices.ContainsFunc(td.Hits, func(h search.Hit) bool { return teamOnly(h.ID) }) {
			teamSaw++
		}
		d := Decide(m, lib, Options{Cases: true})
		if d.Outcome == Choose && len(d.Hits) >= minChoices {
			choices++
		}
		seen := map[string]bool{}
		for _, h := range d.Hits {
			if seen[h.ID] {
				t.Errorf("%q: %s shows %s twice: %v", m, d.Outcome, h.ID, d.Guides())
			}
			seen[h.ID] = true
		}
		for _, hs := range [][]search.Hit{d.Hits, d.Also, d.Nearest} {
			for _, h := range hs {
				if teamOnly(h.ID) {
					t.Errorf("%q: a member's %s holds the team-only guide %s", m, d.Outcome, h.ID)
				}
			}
		}
	}
	if teamSaw == 0 || choices == 0 {
		t.Fatalf("vacuous: the team met a team-only guide %d times, the member had %d choices", teamSaw, choices)
	}
	t.Logf("%d messages: team-only guides for the team %d, member choices of two or more %d", len(msgs), teamSaw, choices)
}
