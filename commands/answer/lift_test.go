package answer

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// TestLift: a "no guide" the rescue keeps (the first guide's own topic
// explains none of the message) becomes a choice with the way to a person
// when the message describes its problem at length and its guides cover
// it; a short message, a message much of which no guide meets (Uncovered),
// and a message that is none for another reason keep the honest no.
func TestLift(t *testing.T) {
	const long = "ich habe vorhin versucht mit den anderen aus meiner gruppe eine tabelle zusammen zu bearbeiten und es klappt nicht"
	all := []string{"cloud/teilen.md", "cloud/gruppen.md", "konto/passwort.md"}
	for _, c := range []weakCase{
		{"long, covered: a choice", long, search.Result{Hits: weakHits(0), Uncovered: 0.1}, Options{Cases: true}, Choose, all, ""},
		{"same in English", "I tried to edit a table together with the others from my group earlier today and it does not work",
			search.Result{Hits: weakHits(0), Uncovered: 0.1}, Options{Cases: true, Texts: &English}, Choose, all, ""},
		{"long, but most of it met by no guide: the honest no", long, search.Result{Hits: weakHits(0), Uncovered: 0.6}, Options{Cases: true}, None, nil, ""},
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
// with the length of the message, across the threshold.
func TestLiftModel(t *testing.T) {
	e := &weakEvidence{hits: weakHits(0), x: featuresOf(search.Result{Hits: weakHits(0)}, 19), uncovered: 0.1}
	covered := lift.p(liftFeaturesOf(e))
	e.uncovered = 0.6
	uncovered := lift.p(liftFeaturesOf(e))
	e.uncovered, e.x = 0.1, featuresOf(search.Result{Hits: weakHits(0)}, 4)
	short := lift.p(liftFeaturesOf(e))
	if !(covered >= lift.threshold && uncovered < lift.threshold && short < lift.threshold) {
		t.Fatalf("p covered %.2f, uncovered %.2f, short %.2f; threshold %.2f", covered, uncovered, short, lift.threshold)
	}
}

// TestLiftLengthCapped: the lift's "words" figure stops at the fit's
// longest message (liftMaxWords). A message of 300 words whose other
// figures hold the honest no at 16 words keeps it — without the cap its
// length alone (+8 on the logit) would lift it — and below the cap the
// length still counts.
func TestLiftLengthCapped(t *testing.T) {
	res := search.Result{Hits: weakHits(0), Uncovered: 0.6}
	words := func(n int) string {
		ws := strings.Fields("ich habe vorhin versucht mit den anderen aus meiner gruppe eine tabelle zusammen zu bearbeiten")
		out := make([]string, n)
		for i := range out {
			out[i] = ws[i%len(ws)]
		}
		return strings.Join(out, " ")
	}
	at := func(n int) float64 {
		return lift.p(liftFeaturesOf(&weakEvidence{hits: res.Hits, x: featuresOf(res, n), uncovered: res.Uncovered}))
	}
	if at(300) != at(liftMaxWords) || at(liftMaxWords+1) != at(liftMaxWords) {
		t.Fatalf("p at 300 words %.3f, at %d %.3f, at %d %.3f: want the length capped", at(300), liftMaxWords+1, at(liftMaxWords+1), liftMaxWords, at(liftMaxWords))
	}
	if !(at(4) < at(10) && at(10) < at(liftMaxWords)) {
		t.Fatalf("p at 4, 10, %d words: %.3f, %.3f, %.3f: want it rising below the cap", liftMaxWords, at(4), at(10), at(liftMaxWords))
	}
	// The premise: uncapped, 300 words would be lifted by length alone.
	x := liftFeaturesOf(&weakEvidence{hits: res.Hits, x: featuresOf(res, 300), uncovered: res.Uncovered})
	x[wordsFeature] = math.Log1p(300)
	if !lift.helps(x) || at(liftMaxWords) >= lift.threshold {
		t.Fatalf("premise: uncapped p %.3f, capped %.3f; threshold %.2f", lift.p(x), at(liftMaxWords), lift.threshold)
	}
	for _, n := range []int{liftMaxWords, 40, 300} {
		d := Decide(words(n), fixedResult(res), Options{Cases: true})
		if d.Outcome != None || d.Rescued {
			t.Fatalf("%d words: got %s %v (rescued %v), want the honest no", n, d.Outcome, d.Guides(), d.Rescued)
		}
	}
}
