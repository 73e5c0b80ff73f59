package answer

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// TestLift: a "no guide" the weak gate keeps with no firm topic share
// (the first guide's own topic explains none of the message: the fifth
// pass's rescue kept the honest no there) becomes a choice with the way
// to a person when the message describes its problem at length and its
// guides cover it (the one weak-evidence model, rescue.go); a short or
// middling message and a message that is none for another reason keep
// the honest no.
func TestLift(t *testing.T) {
	const long = "ich habe vorhin versucht mit den anderen aus meiner gruppe eine tabelle zusammen zu bearbeiten und es klappt nicht"
	all := []string{"cloud/teilen.md", "cloud/gruppen.md", "konto/passwort.md"}
	for _, c := range []weakCase{
		{"long, covered: a choice", long, search.Result{Hits: weakHits(0), Uncovered: 0.1}, Options{Cases: true}, Choose, all, ""},
		{"same in English", "I tried to edit a table together with the others from my group earlier today and it does not work",
			search.Result{Hits: weakHits(0), Uncovered: 0.1}, Options{Cases: true, Texts: &English}, Choose, all, ""},
		{"eight words: the honest no", "wie teile ich eine tabelle mit meiner gruppe", search.Result{Hits: weakHits(0)}, Options{Cases: true}, None, nil, ""},
		{"short: the honest no", "tabelle mit gruppe bearbeiten", search.Result{Hits: weakHits(0), Uncovered: 0.1}, Options{Cases: true}, None, nil, ""},
		{"a subject outside the library: the honest no", long, search.Result{Hits: weakHits(0), Uncovered: 0.1, OffTopic: []string{"excel"}}, Options{Cases: true}, None, nil, ""},
		{"a close result: the search's own choice, no hint", long, search.Result{Hits: weakHits(0), Uncovered: 0.1, Close: true}, Options{Cases: true}, Choose, all, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := Decide(c.msg, fixedResult(c.res), c.opts)
			if d.Outcome != c.want || !slices.Equal(d.Guides(), c.guides) {
				t.Fatalf("got %s %v, want %s %v", d.Outcome, d.Guides(), c.want, c.guides)
			}
			lifted := c.want == Choose && !c.res.Close
			if d.Rescued != lifted {
				t.Fatalf("Rescued %v, want %v", d.Rescued, lifted)
			}
			tx := c.opts.Texts
			if tx == nil {
				tx = &German
			}
			if lifted && (d.PersonHint != tx.ChooseOrCase || !strings.HasSuffix(d.Reply, d.PersonHint)) {
				t.Fatalf("hint %q / reply %q: want the way to a person at the end", d.PersonHint, d.Reply)
			}
		})
	}
}

// TestLiftModel: the probability falls with the uncovered share and rises
// with the length of the message and the first guide's topic share,
// across the threshold.
func TestLiftModel(t *testing.T) {
	e := &weakEvidence{hits: weakHits(0), x: featuresOf(weakHits(0), false, 12), uncovered: 0.1}
	covered := rescue.p(weakFeaturesOf(e))
	e.uncovered = 1
	uncovered := rescue.p(weakFeaturesOf(e))
	e.uncovered, e.x = 0.1, featuresOf(weakHits(0), false, 4)
	short := rescue.p(weakFeaturesOf(e))
	if !(covered >= rescue.threshold && uncovered < rescue.threshold && short < rescue.threshold) {
		t.Fatalf("p covered %.2f, uncovered %.2f, short %.2f; threshold %.2f", covered, uncovered, short, rescue.threshold)
	}
	e.x = featuresOf(weakHits(0.6), false, 4)
	if topic := rescue.p(weakFeaturesOf(e)); topic <= short {
		t.Fatalf("p with a firm topic share %.3f, without %.3f: want it higher", topic, short)
	}
}

// TestLiftLengthCapped: the model's "words" figure stops at the fit's
// longest message (weakMaxWords): a message of 300 words counts as one of
// weakMaxWords (without the cap its length alone would add +1.4 on the
// logit, beyond any row of the fit), and below the cap the length still
// counts.
func TestLiftLengthCapped(t *testing.T) {
	res := search.Result{Hits: weakHits(0), Uncovered: 0.6}
	at := func(n int) float64 {
		return rescue.p(weakFeaturesOf(&weakEvidence{hits: res.Hits, x: featuresOf(res.HitsBeforeRerank(), res.Close || res.Confident, n), uncovered: res.Uncovered}))
	}
	if at(300) != at(weakMaxWords) || at(weakMaxWords+1) != at(weakMaxWords) {
		t.Fatalf("p at 300 words %.3f, at %d %.3f, at %d %.3f: want the length capped", at(300), weakMaxWords+1, at(weakMaxWords+1), weakMaxWords, at(weakMaxWords))
	}
	if !(at(4) < at(10) && at(10) < at(weakMaxWords)) {
		t.Fatalf("p at 4, 10, %d words: %.3f, %.3f, %.3f: want it rising below the cap", weakMaxWords, at(4), at(10), at(weakMaxWords))
	}
	// The premise: uncapped, 300 words would count for more.
	x := weakFeaturesOf(&weakEvidence{hits: res.Hits, x: featuresOf(res.HitsBeforeRerank(), res.Close || res.Confident, 300), uncovered: res.Uncovered})
	x[wordsFeature] = math.Log1p(300)
	if rescue.p(x) <= at(weakMaxWords) {
		t.Fatalf("premise: uncapped p %.3f, capped %.3f", rescue.p(x), at(weakMaxWords))
	}
}
