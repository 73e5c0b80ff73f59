package search

import (
	"slices"
	"testing"
)

// verbEndingDocs is a small library that writes its verbs in the
// infinitive or the imperative ("benutzen", "fehlen", "Benutze") and has
// a noun ending in -t and a short word ("Gast", "Gas") that must not meet.
func verbEndingDocs() []Doc {
	return []Doc{
		{ID: "bbb/ton.md", Title: "Ton in der Konferenz", Tags: []string{"ton"},
			Sections: []Section{{"", "Benutze ein Headset. Wenn das Bild fehlen sollte, lade neu."}}},
		{ID: "team/kontakt.md", Title: "Kontakt zum Team", Tags: []string{"team"},
			Sections: []Section{{"", "Schreib uns eine Nachricht, wir melden uns."}}},
		{ID: "bbb/gast.md", Title: "Gäste einladen", Tags: []string{"gast"},
			Sections: []Section{{"", "Ein Gast braucht kein Konto."}}},
		{ID: "team/fahrt.md", Title: "Fahrt zum Parteitag", Tags: []string{"fahrt"},
			Sections: []Section{{"", "Wer fährt, gibt Gas erst nach der Abfahrt."}}},
	}
}

// TestVerbEndings checks that a verb form with the personal ending -t or
// -et (3rd person, participle without ge-) meets the library's form of the
// same verb, and that a short word is left alone even when the library
// knows the shorter form ("Gast" must not meet "Gas").
func TestVerbEndings(t *testing.T) {
	ix := Build(verbEndingDocs(), Options{})
	st := newStemmer()
	tests := []struct {
		query, word string
		want        string // a key the word's concept must match; "" = none beyond its own
		notWant     string // a key it must not match
	}{
		{"ich habe ein headset benutzt", "benutzt", st.stem("benutzen"), ""},
		{"bei mir fehlt das bild", "fehlt", st.stem("fehlen"), ""},
		{"wer ist kontakt", "kontakt", st.stem("kontakt"), ""},
		{"wie lädt man einen gast ein", "gast", st.stem("gast"), "gas"},
	}
	for _, tc := range tests {
		got := conceptTerms(ix, tc.query)
		if !slices.Contains(got[tc.word], tc.want) {
			t.Errorf("%q: concept %q matches %v, want %q among them", tc.query, tc.word, got[tc.word], tc.want)
		}
		if tc.notWant != "" && slices.Contains(got[tc.word], tc.notWant) {
			t.Errorf("%q: concept %q matches %v, must not match %q", tc.query, tc.word, got[tc.word], tc.notWant)
		}
	}
}

// TestVerbEndingAltsKeys checks the rewrite of index keys directly: only
// -t/-et is taken off, only keys the index knows come back, and short keys
// are kept as they are.
func TestVerbEndingAltsKeys(t *testing.T) {
	ix := &Index{terms: map[string]int32{"benutz": 1, "arbeit": 2, "melde": 3, "gas": 4, "meld": 5}}
	tests := []struct {
		key  string
		want []int32
	}{
		{"benutzt", []int32{1}},   // benutzt → benutz
		{"arbeitet", []int32{2}},  // arbeitet → arbeite (unknown), arbeit
		{"meldet", []int32{3, 5}}, // meldet → melde, meld
		{"gast", nil},             // gas is too short to be a stem here
		{"benutz", nil},           // nothing is added to a key without -t
		{"kontakt", nil},          // kontak is no key of the index
	}
	for _, tc := range tests {
		var got []int32
		ix.verbEndingAlts(tc.key, func(id int32) { got = append(got, id) })
		if !slices.Equal(got, tc.want) {
			t.Errorf("verbEndingAlts(%q) = %v, want %v", tc.key, got, tc.want)
		}
	}
}

// TestSecondPersonAlts: a second-person form the stemmer leaves whole
// ("-rst") is matched to its verb instead of being split as a compound at
// a word the library knows ("reagi|erst" → a guide titled "Erste …").
func TestSecondPersonAlts(t *testing.T) {
	docs := []Doc{
		{ID: "a.md", Title: "Erste Anmeldung", Sections: []Section{{Text: "Melde dich zum ersten Mal an."}}},
		{ID: "b.md", Title: "Wenn Lotse nicht reagiert", Sections: []Section{{Text: "Lotse reagieren lassen und Daten speichern."}}},
	}
	ix := Build(docs, Options{})
	tests := []struct {
		query string
		want  []string // the concepts' words
	}{
		{"reagierst", []string{"reagierst"}},
		{"speicherst", []string{"speicherst"}},
		{"erst", []string{"erst"}},              // the word itself stays
		{"wanderst", []string{"wanderst"}},      // unknown verb: an unknown word, not split
		{"lotsedaten", []string{"lots", "dat"}}, // a compound still splits
	}
	for _, tt := range tests {
		var got []string
		for _, c := range ix.analyze(tt.query) {
			got = append(got, c.word)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: concepts %v, want %v", tt.query, got, tt.want)
		}
	}
	r := ix.Search("reagierst", 2)
	if len(r.Hits) == 0 || r.Hits[0].ID != "b.md" {
		t.Errorf("reagierst: hits %+v, want b.md first", r.Hits)
	}
}
