package search

import (
	"testing"
)

// addresseeDocs is a small library: a guide about the bot itself, one
// about the cloud's storage and one unrelated guide, so that the bot's
// name is a known term but not in every guide.
func addresseeDocs() []Doc {
	return []Doc{
		{ID: "lotse/was-lotse-speichert.md", Title: "Lotse und deine Daten", Summary: "Welche Daten Lotse aufbewahrt und wie lange.",
			Sections: []Section{{Text: "Lotse speichert deine Supportfälle. Du kannst sie löschen lassen."}}},
		{ID: "nextcloud/speicher.md", Title: "Was die Cloud speichert", Summary: "Was die Cloud speichert und was tun, wenn der Speicher voll ist.",
			Sections: []Section{{Text: "Die Cloud speichert deine Dateien. Lösche alte Dateien oder speichere sie woanders."}}},
		{ID: "bbb/kamera.md", Title: "Kamera geht nicht", Summary: "Die Kamera in der Videokonferenz einschalten.",
			Sections: []Section{{Text: "Erlaube dem Browser die Kamera."}}},
	}
}

// TestAddresseeConcept: a German second-person pronoun adds the bot's
// name to the query (once); the "du" of a polite request ("kannst du mir
// sagen …"), English "you", a message without the pronoun,
// a library that does not know the name and Addressee "-" add nothing.
func TestAddresseeConcept(t *testing.T) {
	tests := []struct {
		name  string
		query string
		opts  Options
		docs  []Doc
		want  bool
	}{
		{"du", "was speicherst du über mich", Options{}, addresseeDocs(), true},
		{"dich dir", "kann ich dich was fragen und dir schreiben", Options{}, addresseeDocs(), true},
		{"possessive", "wo sind deine daten", Options{}, addresseeDocs(), true},
		{"no pronoun", "was wird über mich gespeichert", Options{}, addresseeDocs(), false},
		{"courtesy kannst du", "kannst du mir sagen wo meine daten sind", Options{}, addresseeDocs(), false},
		{"courtesy weißt du", "weißt du wie ich daten lösche", Options{}, addresseeDocs(), false},
		{"courtesy du hast", "hast du eine anleitung zur kamera", Options{}, addresseeDocs(), false},
		{"courtesy and dich", "kannst du mir sagen ob ich dich im raum fragen kann", Options{}, addresseeDocs(), true},
		{"modal as full verb", "was kannst du?", Options{}, addresseeDocs(), true},
		{"modal as full verb, particle", "was kannst du denn alles", Options{}, addresseeDocs(), true},
		{"modal, clause ends", "was kannst du? wo sind meine daten", Options{}, addresseeDocs(), true},
		{"courtesy willst du", "willst du mir helfen", Options{}, addresseeDocs(), false},
		{"was weißt du", "was weißt du über mich", Options{}, addresseeDocs(), true},
		{"was hast du", "was hast du über mich gespeichert", Options{}, addresseeDocs(), true},
		{"courtesy weißt du, was", "weißt du, was die cloud speichert", Options{}, addresseeDocs(), false},
		{"english you", "what do you store about me", Options{}, addresseeDocs(), false},
		{"turned off", "was speicherst du über mich", Options{Addressee: "-"}, addresseeDocs(), false},
		{"unknown name", "was speicherst du über mich", Options{}, addresseeDocs()[1:], false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := Build(tt.docs, tt.opts)
			n := 0
			for _, c := range ix.analyze(tt.query) {
				if c.word == "lotse" {
					n++
					if c.weight != DefaultOptions().AddresseeWeight {
						t.Errorf("weight %v, want %v", c.weight, DefaultOptions().AddresseeWeight)
					}
				}
			}
			if got := n > 0; got != tt.want || n > 1 {
				t.Errorf("%q: %d addressee concepts, want %v (at most one)", tt.query, n, tt.want)
			}
		})
	}
}

// TestAddresseeRanks: "was speicherst du über mich" asks about the bot,
// not about the cloud's storage, though both guides name "speichern".
func TestAddresseeRanks(t *testing.T) {
	for _, tt := range []struct {
		addressee string
		bot       bool // the bot's guide first
	}{
		{"", true},
		{"-", false}, // without it, the storage guide's words win
	} {
		ix := Build(addresseeDocs(), Options{Addressee: tt.addressee})
		r := ix.Search("was speichert du über mich", 3)
		if len(r.Hits) == 0 {
			t.Fatalf("Addressee %q: no hits", tt.addressee)
		}
		if got := r.Hits[0].ID == "lotse/was-lotse-speichert.md"; got != tt.bot {
			t.Errorf("Addressee %q: first %s, want the bot's guide first: %v", tt.addressee, r.Hits[0].ID, tt.bot)
		}
	}
}
