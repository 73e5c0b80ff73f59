package search

import (
	"slices"
	"testing"
)

// TestNamesSignal: Hit.NamesSignal marks a guide whose passage names the
// query's off-topic signal together with at least minPassageWords other
// words of the query — the conference guide's section on in-app browsers
// for „der einladungslink öffnet sich in whatsapp“ — and not a guide that
// names it with one query word only, nor one that does not name it. The
// bits are read by word (Result.NamesSignal).
func TestNamesSignal(t *testing.T) {
	ix := Build([]Doc{
		{ID: "bbb/beitreten.md", Title: "Einer Videokonferenz beitreten", Tags: []string{"Einladungslink", "Konferenz"},
			Summary:  "Mit dem Einladungslink in die Konferenz kommen.",
			Sections: []Section{{Text: "Tippe auf den Einladungslink und gib deinen Namen ein."}}},
		{ID: "bbb/browser.md", Title: "Welcher Browser für die Videokonferenz", Tags: []string{"Browser"},
			Summary: "Geeignete Browser und Technik.",
			Sections: []Section{{Heading: "Nicht geeignet", Text: "Eingebaute Browser in Apps wie Facebook oder WhatsApp. " +
				"Öffne den Einladungslink deshalb immer im richtigen Browser."}}},
		{ID: "bbb/kamera.md", Title: "Kamera in der Videokonferenz", Tags: []string{"Kamera", "Einladungslink"},
			Summary:  "Wenn die Kamera schwarz bleibt.",
			Sections: []Section{{Text: "Schließe WhatsApp und andere Programme, wenn ihr Fenster die Kamera belegt."}}},
		// Guides of other tasks: a word of the query in half the guides
		// or more does not count toward a passage (passageWords).
		{ID: "konto/passwort.md", Title: "Passwort ändern", Summary: "Ein neues Passwort setzen."},
		{ID: "cloud/teilen.md", Title: "Dateien teilen", Summary: "Eine Datei mit der Gruppe teilen."},
		{ID: "cloud/sync.md", Title: "Ordner synchronisieren", Summary: "Den Ordner auf dem Rechner abgleichen."},
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
	// kamera.md's passage names whatsapp with exactly one other query
	// word („Fenster“): one is no evidence (minPassageWords).
	want := map[string]bool{"bbb/beitreten.md": false, "bbb/browser.md": true, "bbb/kamera.md": false}
	for id, w := range want {
		if got, ok := named[id]; !ok || got != w {
			t.Errorf("%s: NamesSignal %v (found %v), want %v; hits %v", id, got, ok, w, named)
		}
	}
	for _, h := range res.Hits {
		if got := res.NamesSignal(h, "whatsapp"); got != want[h.ID] {
			t.Errorf("%s: Result.NamesSignal = %v, want %v", h.ID, got, want[h.ID])
		}
	}
	res = ix.Search("wie tritt ich mit dem einladungslink bei", 5)
	if len(res.Hits) == 0 {
		t.Fatal("no signal: the query found no guide, so NamesSignal is not checked")
	}
	if res.Hits[0].NamesSignal != 0 {
		t.Errorf("no signal: NamesSignal %b", res.Hits[0].NamesSignal)
	}
}
