package search

import (
	"slices"
	"testing"
)

// apartDocs: a camera guide that names the camera with the conference and
// the browser, never with the phone, and an app guide that names the
// phone with its photos.
var apartDocs = []Doc{
	{ID: "kamera.md", Title: "Kamera in der Konferenz freigeben", Summary: "Wenn die anderen dich nicht sehen.",
		Sections: []Section{{Text: "Erlaube dem Browser die Kamera.\nDie anderen sehen deine Kamera dann."}}},
	{ID: "app.md", Title: "Die App auf dem Handy", Summary: "Fotos vom Handy hochladen.",
		Sections: []Section{{Text: "Installiere die App.\nDas Handy lädt Fotos hoch."}}},
	{ID: "tabelle.md", Title: "Tabellen bearbeiten", Summary: "Tabellen gemeinsam bearbeiten.",
		Sections: []Section{{Text: "Öffne die Tabelle im Browser."}}},
}

// TestApartPairs: neighbouring content words the library never names in
// one line, sentence or author field are a pair; words it names together
// are none, nor a word it lacks.
func TestApartPairs(t *testing.T) {
	ix := Build(apartDocs, DefaultOptions())
	for _, tt := range []struct {
		q     string
		apart []WordPair
		lone  []string
	}{
		{"die kamera von meinem handy", []WordPair{{"kamera", "handy"}}, []string{"kamera", "handy"}},
		{"die kamera im browser", nil, nil},
		{"fotos vom handy", nil, nil},
		// kamera is apart from handy, but sehen is its neighbour
		// elsewhere in the guides: not lone.
		{"die kamera vom handy, die anderen sehen mich nicht", []WordPair{{"kamera", "handy"}, {"handy", "sehen"}}, []string{"handy"}},
		// A word the library lacks pairs with nothing.
		{"die kamera von meinem staubsauger", nil, nil},
	} {
		res := ix.Search(tt.q, 3)
		if !slices.Equal(res.ApartPairs, tt.apart) {
			t.Errorf("%q: ApartPairs %v, want %v", tt.q, res.ApartPairs, tt.apart)
		}
		if !slices.Equal(res.LoneWords, tt.lone) {
			t.Errorf("%q: LoneWords %v, want %v", tt.q, res.LoneWords, tt.lone)
		}
	}
	res := ix.Search("die Kamera von meinem Handy", 3)
	if !res.Apart("Handy", "Kamera") || !res.Lone("Kamera") || res.Apart("kamera", "browser") {
		t.Errorf("Apart/Lone read by word: %v %v", res.ApartPairs, res.LoneWords)
	}
}

// TestApartBounded: a pasted text checks at most maxApartPairs pairs and
// compares at most maxLoneWords words.
func TestApartBounded(t *testing.T) {
	ix := Build(apartDocs, DefaultOptions())
	q := ""
	for range 40 {
		q += "kamera handy "
	}
	res := ix.Search(q+"tabelle", 3)
	if len(res.ApartPairs) > maxApartPairs || len(res.LoneWords) > maxLoneWords {
		t.Errorf("unbounded: %d pairs, %d lone", len(res.ApartPairs), len(res.LoneWords))
	}
}
