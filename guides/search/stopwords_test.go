package search

import "testing"

// TestStopParadigms checks that whole paradigms of the function words are
// stop words (the forms members write: Konjunktiv II, other persons,
// participles, colloquial adverbs, English contraction parts), and that
// the words left out on purpose are not.
func TestStopParadigms(t *testing.T) {
	tests := []struct {
		word string
		stop bool
	}{
		{"würde", true}, {"wuerde", true}, {"würd", true}, {"wäre", true}, {"hätten", true},
		{"weißt", true}, {"weisst", true}, {"gewusst", true}, {"konntest", true}, {"willst", true},
		{"gemacht", true}, {"gebraucht", true}, {"gegangen", true}, {"geworden", true},
		{"dich", true}, {"dir", true}, {"ihnen", true}, {"drauf", true}, {"dran", true}, {"nix", true},
		{"have", true}, {"has", true}, {"they", true}, {"don", true}, {"doesn", true}, {"ll", true}, {"because", true},
		// Particles with content, and English contractions that are words.
		{"weg", false}, {"weiter", false}, {"hell", false}, {"shell", false}, {"id", false},
		// Content words must stay.
		{"passwort", false}, {"kalender", false}, {"password", false},
	}
	for _, tc := range tests {
		if got := isStop(foldWord(tc.word)); got != tc.stop {
			t.Errorf("isStop(%q) = %v, want %v", tc.word, got, tc.stop)
		}
	}
}
