package search

import "testing"

// TestUnknownDerived checks that a word ending in "-ung" that the library
// never writes does not meet its stem's word of another sense (guessed.go),
// while one the library writes keeps its match.
func TestUnknownDerived(t *testing.T) {
	docs := append(testDocs(), Doc{ID: "bbb/raum.md", Title: "Konferenzraum für den Kreisverband beantragen",
		Tags: []string{"konferenzraum", "kreisverband"}, Summary: "Einen festen BBB-Raum für den Kreisverband bekommen.",
		Sections: []Section{{"Antrag", "Schreib einen Satz dazu, wofür ihr den Raum braucht, und schick die Anmeldung ab."}}})
	ix := Build(docs, Options{})
	for _, tc := range []struct {
		q, word string
		known   bool
	}{
		{"wo finde ich die satzung vom kreisverband", "satzung", false}, // „Satzung“ is no „Satz“
		{"die satzungen vom kreisverband", "satzungen", false},
		{"die anmeldung für den konferenzraum", "anmeldung", true}, // the library writes it
		{"wie beantrage ich einen konferenzraum", "beantrage", true},
	} {
		var buf [16]rawToken
		q, _ := ix.analyzeQuery(tc.q, buf[:0])
		found := false
		for _, c := range q.cs {
			if c.word == tc.word {
				found = true
				if known := len(c.alts) > 0; known != tc.known {
					t.Errorf("%q: %q known=%v, want %v", tc.q, tc.word, known, tc.known)
				}
			}
		}
		if !found {
			t.Errorf("%q: no concept %q", tc.q, tc.word)
		}
	}
	if r := ix.Search("wo finde ich die satzung vom kreisverband", 3); len(r.Hits) > 0 && r.Hits[0].Section >= 0 {
		t.Errorf("satzung: first hit %s shows section %d, want none (only „Satz“ met it there)", r.Hits[0].ID, r.Hits[0].Section)
	}
	for _, w := range []string{"satzung", "satzungen", "anmeldung"} {
		if _, ok := ungBase(w); !ok {
			t.Errorf("ungBase(%q) = false", w)
		}
	}
	if _, ok := ungBase("jung"); ok {
		t.Error("ungBase(jung) = true")
	}
}
