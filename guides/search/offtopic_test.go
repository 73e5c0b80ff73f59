// Tests of the off-topic signal words (products and matters outside the
// library): their forms and compound heads, a word the first guide names
// is no signal, the office guide's party matters, and the inflected forms
// that are function words.

package search

import (
	"slices"
	"testing"
)

func TestOffTopicWord(t *testing.T) {
	for _, c := range []struct{ word, want string }{
		{"drucker", "drucker"},
		{"plakate", "plakat"},
		{"wahlplakate", "plakat"},       // compound head
		{"großflächenplakat", "plakat"}, // compound head
		{"kommunalwahlprogramm", "wahlprogramm"},
		{"mailprogramm", ""}, // "Programm" alone is no signal
		{"spendenquittung", "quittung"},
		{"laptops", "laptop"},
		{"steuern", ""},   // homonym left out
		{"austreten", ""}, // leaving a room
		{"password", ""},  // "word" is no compound head
		{"browser", ""},
		// Ninth pass: statutes, finance rules, campaign words, the office.
		{"mitgliedsnummer", "mitgliedsnummer"},
		{"finanzordnung", "finanzordnung"},
		{"europawahlstand", "wahlstand"}, // compound head
		{"parteibüro", "parteibüro"},
		{"schatzmeister", ""},   // a role: the setting of a share question
		{"wahlkampf", ""},       // the setting of the tools' guides
		{"geschäftsstelle", ""}, // the way to a person in the guides
		{"", ""},
	} {
		if got := offTopicWord(c.word); got != c.want {
			t.Errorf("offTopicWord(%q) = %q, want %q", c.word, got, c.want)
		}
	}
	if OffTopicGroup("parteibüro") != "office" || !OffTopicDevice("parteibüro") || OffTopicDevice("finanzordnung") {
		t.Errorf("parteibüro: group %q device %v; finanzordnung device %v", OffTopicGroup("parteibüro"), OffTopicDevice("parteibüro"), OffTopicDevice("finanzordnung"))
	}
	if OffTopicGroup("wahlplakate") != "campaign" || OffTopicGroup("konto") != "" {
		t.Errorf("OffTopicGroup: wahlplakate %q, konto %q", OffTopicGroup("wahlplakate"), OffTopicGroup("konto"))
	}
}

// TestOffTopicNamedByGuide: a signal counts only when the first guide does
// not name it in its title, tags, aliases or summary; a library with a
// printer guide keeps answering printer questions.
func TestOffTopicNamedByGuide(t *testing.T) {
	docs := []Doc{
		{ID: "drucker.md", Title: "Drucker in der Geschäftsstelle einrichten", Tags: []string{"drucker", "drucken"},
			Summary: "Wie du den Drucker im Büro benutzt.", Sections: []Section{{Text: "Der Drucker steht im Flur."}}},
		{ID: "gruppe.md", Title: "Dateien mit einer Gruppe teilen", Tags: []string{"gruppe", "teilen"},
			Summary: "Wie du Ordner für deine Gruppe freigibst.", Sections: []Section{{Text: "Öffne den Ordner und teile ihn."}}},
	}
	ix := Build(docs, Options{})
	if r := ix.Search("der drucker druckt nicht", 3); len(r.Hits) == 0 || r.Hits[0].ID != "drucker.md" || len(r.OffTopic) != 0 {
		t.Errorf("printer guide: hits %v, off-topic %v; want drucker.md first and no signal", ids(r.Hits), r.OffTopic)
	}
	r := ix.Search("wahlplakate für die gruppe bestellen", 3)
	if len(r.Hits) == 0 || r.Hits[0].ID != "gruppe.md" || !slices.Equal(r.OffTopic, []string{"wahlplakate"}) {
		t.Errorf("poster question: hits %v, off-topic %v; want gruppe.md first with the signal wahlplakate", ids(r.Hits), r.OffTopic)
	}
	if r := ix.Search("ordner mit der gruppe teilen", 3); len(r.OffTopic) != 0 {
		t.Errorf("guide question: off-topic %v, want none", r.OffTopic)
	}
}

func ids(hs []Hit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.ID)
	}
	return out
}

// TestOffTopicOfficeMatter (tenth pass): a party matter that a guide
// presenting the office lists in its body is no signal against that guide;
// the same word in a tool guide's body, a device word in the office
// guide's body, and a matter the office guide does not list stay signals.
func TestOffTopicOfficeMatter(t *testing.T) {
	docs := []Doc{
		{ID: "kontakt.md", Title: "Ansprechpersonen in der Geschäftsstelle", Tags: []string{"kontakt", "zuständig"},
			Summary: "Wen du für welches Anliegen erreichst.",
			Sections: []Section{{Heading: "Landesgeschäftsstelle", Text: "Die Geschäftsstelle ist zuständig für: " +
				"Mitgliederverwaltung: Adressänderung, neue Bankverbindung. Ein Drucker steht im Flur."}}},
		{ID: "deck.md", Title: "Aufgaben im Board verwalten", Tags: []string{"deck", "aufgaben", "karten"},
			Summary:  "Wie ihr Aufgaben als Karten plant.",
			Sections: []Section{{Text: "Legt für jede Aufgabe eine Karte an, etwa Plakate aufhängen oder Mitgliederverwaltung aufräumen."}}},
	}
	ix := Build(docs, Options{})
	for _, c := range []struct {
		q, first string
		off      []string
	}{
		{"wer ist für die mitgliederverwaltung zuständig", "kontakt.md", nil},
		{"wem melde ich meine adressänderung", "kontakt.md", nil},
		{"neue bankverbindung an die geschäftsstelle", "kontakt.md", nil},
		// A device named in passing in the office guide's body: still a
		// signal (devices need the author's fields).
		{"der drucker in der geschäftsstelle druckt nicht", "kontakt.md", []string{"drucker"}},
		// A matter the office guide does not list.
		{"wer ist in der geschäftsstelle für die spendenquittung zuständig", "kontakt.md", []string{"spendenquittung"}},
		// The tool guide mentions the matter as an example: a signal.
		{"plakate aufhängen karten aufgaben", "deck.md", []string{"plakate"}},
	} {
		r := ix.Search(c.q, 3)
		if len(r.Hits) == 0 || r.Hits[0].ID != c.first || !slices.Equal(r.OffTopic, c.off) {
			t.Errorf("%q: hits %v, off-topic %v; want %s first with %v", c.q, ids(r.Hits), r.OffTopic, c.first, c.off)
		}
	}
}

// TestOffTopicFunctionWordForm: an inflected form of a signal word that is
// a function word of the language is that word, no signal (thirteenth
// pass): "worden", the passive's participle, is no form of "Word" — "Ich
// bin in den Vorstand gewählt worden" named a product outside the library
// and lost the weak evidence of its guide. The signal word itself and its
// other forms still count.
func TestOffTopicFunctionWordForm(t *testing.T) {
	for _, c := range []struct{ word, want string }{
		{"worden", ""},
		{"word", "word"},
		{"excels", "excel"},
		{"laptops", "laptop"},
	} {
		if got := offTopicWord(c.word); got != c.want {
			t.Errorf("offTopicWord(%q) = %q, want %q", c.word, got, c.want)
		}
	}
	// No form made with an ending is a stop word, whatever the lists hold.
	for form, sig := range offTopicIx.exact {
		if form != sig.word && isStop(form) {
			t.Errorf("form %q of signal %q is a stop word", form, sig.word)
		}
	}
}
