package search

import "testing"

// TestStrongParticiples checks that strong participles meet their
// infinitive, alone, behind a separable particle and with an inseparable
// prefix, and that other words are left alone.
func TestStrongParticiples(t *testing.T) {
	tests := []struct {
		word, want string
		ok         bool
	}{
		{"geschrieben", "schreiben", true},
		{"aufgeschrieben", "aufschreiben", true},
		{"unterschrieben", "unterschreiben", true},
		{"umgezogen", "umziehen", true},
		{"verschoben", "verschieben", true},
		{"übernommen", "übernehmen", true},
		{"umbenannt", "umbenennen", true},
		{"abgebrochen", "abbrechen", true},
		{"unterbrochen", "unterbrechen", true},
		{"verloren", "verlieren", true},
		{"runtergefallen", "runterfallen", true},
		{"geschlossen", "schliessen", true},
		// not participles of the table
		{"belegen", "", false},
		{"überlegen", "", false},
		{"vergessen", "", false},
		{"bot", "", false},
		{"gespeichert", "", false},
	}
	for _, tc := range tests {
		got, ok := strongLemma(foldWord(tc.word))
		if got != foldWord(tc.want) || ok != tc.ok {
			t.Errorf("strongLemma(%q) = %q, %v; want %q, %v", tc.word, got, ok, tc.want, tc.ok)
		}
	}
	// Through the stemmer: participle and infinitive share a key.
	st := newStemmer()
	for _, pair := range [][2]string{{"aufgeschrieben", "aufschreiben"}, {"umgezogen", "umziehen"}, {"verschoben", "verschieben"}} {
		if a, b := st.stem(pair[0]), st.stem(pair[1]); a != b {
			t.Errorf("stem(%q) = %q, stem(%q) = %q; want the same key", pair[0], a, pair[1], b)
		}
	}
}
