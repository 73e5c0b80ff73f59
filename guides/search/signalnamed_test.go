package search

import (
	"slices"
	"testing"
)

// TestNamesSignal: Hit.NamesSignal marks a guide whose passage names the
// query's off-topic signal together with at least minPassageWords other
// words of the query — the conference guide's section on in-app browsers
// for „der einladungslink öffnet sich in whatsapp“ — and not a guide that
// names it with one query word only, nor one that does not name it.
func TestNamesSignal(t *testing.T) {
	ix := Build([]Doc{
		{ID: "bbb/beitreten.md", Title: "Einer Videokonferenz beitreten", Tags: []string{"Einladungslink", "Konferenz"},
			Summary:  "Mit dem Einladungslink in die Konferenz kommen.",
			Sections: []Section{{Text: "Tippe auf den Einladungslink und gib deinen Namen ein."}}},
		{ID: "bbb/browser.md", Title: "Welcher Browser für die Videokonferenz", Tags: []string{"Browser"},
			Summary: "Geeignete Browser und Technik.",
			Sections: []Section{{Heading: "Nicht geeignet", Text: "Eingebaute Browser in Apps wie Facebook oder WhatsApp. " +
				"Öffne den Einladungslink deshalb immer im richtigen Browser."}}},
		{ID: "bbb/kamera.md", Title: "Kamera in der Videokonferenz", Tags: []string{"Kamera"},
			Summary:  "Wenn die Kamera schwarz bleibt.",
			Sections: []Section{{Text: "Schließe WhatsApp und andere Programme, die die Kamera belegen."}}},
	}, Options{})
	res := ix.Search("der einladungslink öffnet sich in whatsapp in so einem komischen fenster", 5)
	i := slices.Index(res.OffTopic, "whatsapp")
	if i < 0 {
		t.Fatalf("OffTopic %v: want whatsapp", res.OffTopic)
	}
	named := map[string]bool{}
	for _, h := range res.Hits {
		named[h.ID] = h.NamesSignal&(1<<i) != 0
	}
	want := map[string]bool{"bbb/beitreten.md": false, "bbb/browser.md": true}
	for id, w := range want {
		if got, ok := named[id]; !ok || got != w {
			t.Errorf("%s: NamesSignal %v (found %v), want %v; hits %v", id, got, ok, w, named)
		}
	}
	if named["bbb/kamera.md"] {
		t.Errorf("bbb/kamera.md names whatsapp with no other query word: NamesSignal set")
	}
	if res := ix.Search("wie tritt ich mit dem einladungslink bei", 5); len(res.Hits) > 0 && res.Hits[0].NamesSignal != 0 {
		t.Errorf("no signal: NamesSignal %b", res.Hits[0].NamesSignal)
	}
}
