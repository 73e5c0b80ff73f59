package answer

import (
	"testing"

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
