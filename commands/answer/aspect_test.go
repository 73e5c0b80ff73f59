package answer

import (
	"slices"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// TestMissedAspectRule: the thresholds of missedAspect on made-up hits —
// the first guide must lean on one word (OneWord ≥ aspectOneWord) and the
// second or third guide must be about a missed word carrying at least
// aspectShare of the message; the fourth guide does not count.
func TestMissedAspectRule(t *testing.T) {
	hit := func(oneWord, aspect float64) search.Hit { return search.Hit{OneWord: oneWord, Aspect: aspect} }
	for _, c := range []struct {
		name string
		hs   []search.Hit
		want int // index of the missed aspect's guide, 0 for none
	}{
		{"second guide", []search.Hit{hit(0.8, 0), hit(1, 0.2), hit(1, 0)}, 1},
		{"third guide", []search.Hit{hit(0.8, 0), hit(1, 0), hit(1, 0.2)}, 2},
		{"the larger aspect", []search.Hit{hit(0.8, 0), hit(1, 0.2), hit(1, 0.4)}, 2},
		{"first guide does not lean on one word", []search.Hit{hit(aspectOneWord-0.01, 0), hit(1, 0.5)}, 0},
		{"missed word carries too little", []search.Hit{hit(0.9, 0), hit(1, aspectShare-0.01), hit(1, 0)}, 0},
		{"fourth guide", []search.Hit{hit(0.9, 0), hit(1, 0), hit(1, 0), hit(1, 0.5)}, 0},
		{"one hit", []search.Hit{hit(1, 0)}, 0},
	} {
		i, ok := missedAspect(c.hs)
		if ok != (c.want > 0) || i != c.want {
			t.Errorf("%s: missedAspect = %d, %v; want %d", c.name, i, ok, c.want)
		}
	}
}

// TestMissedAspect: on the bench library, an answer whose first guide
// rests on one word and meets another word of the message only in its
// body becomes a choice with the answered guide first and the guide
// about the missed word in it; clear answers with no missed aspect stay
// answers. The kennwort row fails with the rule off (a confident wrong
// answer: the two-factor guide's title says "gewechselt").
func TestMissedAspect(t *testing.T) {
	lib := loadBenchLibrary(t)
	for _, c := range []struct {
		msg    string
		want   Outcome
		guides []string // the first guide, then others that must be offered
	}{
		{"wie kann ich mein kennwort wechseln", Choose, []string{"konto/zwei-faktor-handy-verloren.md", "konto/passwort-aendern.md"}},
		{"passwort wechseln", Choose, []string{"konto/zwei-faktor-handy-verloren.md", "konto/passwort-aendern.md"}},
		// Clear answers through one word or two, no missed aspect.
		{"wie kann ich mein passwort ändern", Answer, []string{"konto/passwort-aendern.md"}},
		{"wie teile ich meinen bildschirm", Answer, []string{"bbb/bildschirm-teilen.md"}},
	} {
		d := Decide(c.msg, lib, Options{Cases: true})
		got := d.Guides()
		if d.Outcome != c.want || len(got) == 0 || got[0] != c.guides[0] {
			t.Errorf("%q: %s %v, want %s with %s first", c.msg, d.Outcome, got, c.want, c.guides[0])
			continue
		}
		for _, g := range c.guides[1:] {
			if !slices.Contains(got, g) {
				t.Errorf("%q: guides %v, want %s among them", c.msg, got, g)
			}
		}
	}
}

// TestAspectChoiceKeepsTheAspect: the guide about the missed word is in
// the choice even when it is below chooseShare of the first guide's
// score and the choice would end before it.
func TestAspectChoiceKeepsTheAspect(t *testing.T) {
	hs := []search.Hit{
		{ID: "a", Title: "A", Score: 0.8, OneWord: 0.9},
		{ID: "b", Title: "B", Score: 0.2},
		{ID: "c", Title: "C", Score: 0.15, Aspect: 0.3},
	}
	tx := TextsFor("de")
	if d := choice(Decision{Query: "q"}, hs, tx); slices.Contains(d.Guides(), "c") {
		t.Fatalf("fixture: the plain choice %v already has c", d.Guides())
	}
	d := aspectChoice(Decision{Query: "q"}, hs, 2, tx)
	if d.Outcome != Choose || !slices.Equal(d.Guides(), []string{"a", "b", "c"}) {
		t.Errorf("aspectChoice: %s %v, want choose [a b c]", d.Outcome, d.Guides())
	}
}
