package search

import (
	"slices"
	"testing"
)

// TestMissedAspect: Hit.Aspect names the runner-up that is about a query
// word the first guide meets only in its body ("Kennwort" in the
// two-factor guide's body, "Passwort" in the title of "Passwort
// ändern"), and is zero where no such word exists, on the first hit and
// from the fourth hit on. Exposure only: the test also checks that the
// first hit and the confidence are the ones the decision side expects
// to overrule.
func TestMissedAspect(t *testing.T) {
	docs, _ := loadBench(t)
	ix := Build(docs, Options{})
	for _, c := range []struct {
		query, first string
		aspect       []string // the hits with Aspect ≥ 0.15, in order
	}{
		{"wie kann ich mein kennwort wechseln", "konto/zwei-faktor-handy-verloren.md", []string{"konto/passwort-aendern.md", "konto/app-passwort.md"}},
		{"wie kann ich mein passwort ändern", "konto/passwort-aendern.md", nil},
		{"bildschirm teilen in der konferenz", "bbb/bildschirm-teilen.md", nil},
	} {
		res := ix.Search(c.query, 5)
		if len(res.Hits) < 3 || res.Hits[0].ID != c.first {
			t.Fatalf("%q: hits %v, want %s first", c.query, res.Hits, c.first)
		}
		var got []string
		for i, h := range res.Hits {
			if (i == 0 || i >= scopeK) && h.Aspect != 0 {
				t.Errorf("%q: hit %d (%s) has Aspect %.3f, want 0", c.query, i, h.ID, h.Aspect)
			}
			if h.Aspect >= 0.15 {
				got = append(got, h.ID)
			}
		}
		if !slices.Equal(got, c.aspect) {
			t.Errorf("%q: aspect on %q, want %q (hits %+v)", c.query, got, c.aspect, res.Hits)
		}
	}
}
