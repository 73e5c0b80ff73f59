package answer

import (
	"maps"
	"slices"
	"testing"
)

// TestNegationLists: every reader's negations come from the one list
// (negation.go), and its extras are no negations; the parts that differ
// from the whole list differ as their comments say.
func TestNegationLists(t *testing.T) {
	extras := map[string][]string{
		"negWords": {"doesn't", "don't", "immer"},
		"notWords": {"anstatt", "instead", "sondern", "statt", "than"},
		"failNot":  {"wenig"},
		"critNeg":  {"kaum", "nee", "nein", "noe", "nope", "wenig"},
	}
	for name, m := range map[string]map[string]bool{"negWords": negWords, "notWords": notWords, "failNot": failNot,
		"critNeg": critNeg, "personNegs": personNegs} {
		var got []string
		for w := range m {
			if !negations[w] {
				got = append(got, w)
			}
		}
		if slices.Sort(got); !slices.Equal(got, extras[name]) {
			t.Errorf("%s: words besides negations %v, want %v", name, got, extras[name])
		}
	}
	// The readers that read nearly all of negations name each word
	// (negationsOf), so a word added to negations widens none of them;
	// the words they lack are the ones their comments name.
	for name, c := range map[string]struct {
		reads func(string) bool
		lacks []string
	}{
		"critNeg": {func(w string) bool { return critNeg[w] }, []string{"net"}},
		"denies":  {denies, []string{"cannot", "couldnt", "hasnt", "havent", "keines", "nothing", "werent", "wouldnt"}},
	} {
		if missing := slices.Sorted(maps.Keys(where(negations, func(w string) bool { return !c.reads(w) }))); !slices.Equal(missing, c.lacks) {
			t.Errorf("%s lacks %v of negations, want %v", name, missing, c.lacks)
		}
	}
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"nicht", true}, {"nix", true}, {"dont", true}, {"niemals", true},
		{"nothing", false}, {"keines", false}, // not in denyNegs
		{"statt", false}, {"immer", false}, {"don't", false}, // contrast, a complaint's word, unfolded
	} {
		if got := denies(c.w); got != c.want {
			t.Errorf("denies(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}

// TestNegationsOfRejects: a reader cannot add a negation of its own.
func TestNegationsOfRejects(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("negationsOf(\"nimmer\") did not panic: a word outside negations was taken")
		}
	}()
	negationsOf("nicht", "nimmer")
}
