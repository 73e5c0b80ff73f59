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
