package search

import (
	"slices"
	"testing"
)

// learnedDocs is a small library for the tests of Doc.Learned.
func learnedDocs(learned, aliases []string) []Doc {
	return []Doc{
		{ID: "sitzung.md", Title: "Neue Sitzung in Element bestätigen", Tags: []string{"sitzung", "verifizieren"},
			Summary: "Wie du ein neues Gerät bestätigst, damit du verschlüsselte Nachrichten lesen kannst.",
			Aliases: aliases, Learned: learned,
			Sections: []Section{{Text: "Öffne Element auf dem alten Gerät und bestätige die neue Sitzung mit dem Sicherheitsschlüssel."}}},
		{ID: "gruppe.md", Title: "Dateien mit einer Gruppe teilen", Tags: []string{"gruppe", "teilen"},
			Summary: "Wie du Ordner für deine Gruppe freigibst.", Aliases: []string{"wie teile ich einen ordner"},
			Sections: []Section{{Text: "Öffne den Ordner und teile ihn mit der Gruppe."}}},
		{ID: "kamera.md", Title: "Kamera funktioniert nicht", Tags: []string{"kamera", "video"},
			Summary:  "Was du tust, wenn dich in der Konferenz niemand sieht.",
			Sections: []Section{{Text: "Erlaube dem Browser den Zugriff auf die Kamera."}}},
	}
}

// TestLearnedQuestionsFindNotName: a question the team taught a guide
// makes the guide findable in the member's words, but its setting word
// ("Laptop", an off-topic signal) is not something the guide names: the
// off-topic signal stays and the word's match is no firm evidence. The
// same question written by the guide's author in its aliases names it.
func TestLearnedQuestionsFindNotName(t *testing.T) {
	taught := []string{"auf dem neuen laptop sind meine chats plötzlich leer"}
	plain := Build(learnedDocs(nil, nil), Options{})
	learned := Build(learnedDocs(taught, nil), Options{})
	author := Build(learnedDocs(nil, taught), Options{})

	const again = "warum sind die chats auf meinem laptop leer"
	if r := learned.Search(again, 3); len(r.Hits) == 0 || r.Hits[0].ID != "sitzung.md" || !r.Confident {
		t.Errorf("learned, asked again: hits %v, confident %v; want sitzung.md, confident", ids(r.Hits), r.Confident)
	}
	if p := plain.Search(again, 3); len(p.Hits) > 0 && p.Hits[0].ID == "sitzung.md" && p.Confident {
		t.Errorf("precondition: the guide answers the question without learning")
	}

	const offTopic = "mein laptop geht nicht mehr an"
	r := learned.Search(offTopic, 3)
	if !slices.Equal(r.OffTopic, []string{"laptop"}) {
		t.Errorf("learned: off-topic %v, want [laptop] (a learned question does not name it)", r.OffTopic)
	}
	for _, h := range r.Hits {
		if h.ID == "sitzung.md" && h.Strong != 0 {
			t.Errorf("learned: sitzung.md matches %q firmly by what it is about (%.2f); want 0", offTopic, h.Strong)
		}
	}
	if r.Confident {
		t.Errorf("learned: confident %v for %q", ids(r.Hits), offTopic)
	}
	a := author.Search(offTopic, 3)
	if len(a.OffTopic) != 0 || len(a.Hits) == 0 || a.Hits[0].ID != "sitzung.md" || a.Hits[0].Strong == 0 {
		t.Errorf("author's alias: hits %v, off-topic %v; want sitzung.md, matched firmly, no signal", ids(a.Hits), a.OffTopic)
	}
}

// TestLearnedQuestionsChangeOnlyTheirGuide: teaching one guide leaves the
// weights of every other guide as they were (the learned field has its own
// length; the author fields' average length does not change).
func TestLearnedQuestionsChangeOnlyTheirGuide(t *testing.T) {
	plain := Build(learnedDocs(nil, nil), Options{})
	learned := Build(learnedDocs([]string{"auf dem neuen laptop sehe ich alte nachrichten nicht", "element will dass ich mein handy bestätige"}, nil), Options{})
	for _, q := range []string{"wie teile ich einen ordner mit meiner gruppe", "die kamera geht nicht"} {
		p, l := plain.Search(q, 3), learned.Search(q, 3)
		if len(p.Hits) == 0 || len(l.Hits) == 0 || p.Hits[0] != l.Hits[0] || p.Confident != l.Confident {
			t.Errorf("%q: before %+v (confident %v), after %+v (confident %v)", q, p.Hits, p.Confident, l.Hits, l.Confident)
		}
	}
}
