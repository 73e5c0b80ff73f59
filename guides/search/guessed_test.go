package search

import "testing"

// TestGuessNotConfident checks that a corrected word does not make an
// answer confident (guessed.go): a word met only in a guide's body beside a
// correction that carries the title match is a "Meintest du …?" at most,
// whether the correction is a real typo or a correctly spelt word one edit
// from a library word; a correction beside a firm title word still answers.
func TestGuessNotConfident(t *testing.T) {
	ix := Build(testDocs(), Options{})
	for _, tc := range []struct {
		q         string
		confident bool
	}{
		{"passwrot klicken", false},                    // typo of a title word, solid word only in the body
		{"Wo muss ich beim Vermessen klicken?", false}, // "vermessen" read as "vergessen"
		{"kamrea in bbb geht nicht", true},             // the rest of the message names the guide's topic
		{"Passwort vergessen", true},
	} {
		r := ix.Search(tc.q, 3)
		if len(r.Hits) == 0 {
			t.Errorf("%q: no hits", tc.q)
			continue
		}
		if r.Confident != tc.confident {
			t.Errorf("%q: Confident=%v, want %v (hits %+v)", tc.q, r.Confident, tc.confident, r.Hits)
		}
		if !tc.confident && (r.Hits[0].ID != "konto/passwort-vergessen.md" || !r.Close) {
			t.Errorf("%q: Close=%v first %s, want a \"Meintest du\" with konto/passwort-vergessen.md (the ranking is unchanged)", tc.q, r.Close, r.Hits[0].ID)
		}
	}
}
