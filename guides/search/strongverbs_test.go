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

// TestOwnAdjectivesKeepTheirKey checks that the prefixed participles that
// are adjectives of their own are not read as infinitives: "betroffen"
// ('affected') must not get the key of the e-mail's "Betreff" (via
// "betreffen"), and "bekannt" must keep the key of "bekannten".
func TestOwnAdjectivesKeepTheirKey(t *testing.T) {
	ix := Build([]Doc{
		{ID: "betreff", Title: "Mail an die Liste", Summary: "Schreib einen klaren Betreff."},
		{ID: "panne", Title: "Datenpanne melden", Summary: "Wer betroffen ist, erfährt es von uns. Bekannten Fällen gehen wir nach."},
	}, Options{})
	kr := &keyer{ix: ix}
	tests := []struct {
		a, b string
		same bool
	}{
		{"betroffen", "betreff", false},
		{"betroffen", "betroffene", true},
		{"bekannt", "bekannten", true},
		{"verschoben", "verschieben", true}, // the rule itself still holds
	}
	for _, tc := range tests {
		ka, kb := kr.key(foldWord(tc.a)), kr.key(foldWord(tc.b))
		if (ka == kb) != tc.same {
			t.Errorf("key(%q) = %q, key(%q) = %q; same = %v, want %v", tc.a, ka, tc.b, kb, ka == kb, tc.same)
		}
	}
	if r := ix.Search("wer ist betroffen", 2); len(r.Hits) != 1 || r.Hits[0].ID != "panne" {
		t.Errorf("wer ist betroffen: hits %+v, want only panne", r.Hits)
	}
}
