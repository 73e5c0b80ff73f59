package search

import (
	"math"
	"testing"
)

// TestTermSpread: a term's spread is the places it is mentioned in (its
// sections, plus one for a guide whose title, tags, aliases, summary or
// taught questions name it) per guide that contains it; Hit.OneWordSpread
// is the spread of the word a hit leans on.
func TestTermSpread(t *testing.T) {
	docs := []Doc{
		{ID: "a.md", Title: "Mikrofon einrichten", Sections: []Section{
			{"Mikrofon wählen", "Wähle das Mikrofon aus."},
			{"Lautstärke", "Stell das Mikrofon lauter."},
			{"Zum Schluss", "Speichere die Einstellung."},
		}},
		{ID: "b.md", Title: "Kalender", Sections: []Section{
			{"", "Nebenbei: ein Mikrofon brauchst du nicht. Speichere den Termin."},
		}},
		{ID: "c.md", Title: "Konto", Tags: []string{"kaputt"}, Sections: []Section{
			{"", "Melde dich an."},
		}},
	}
	ix := Build(docs, Options{})
	for _, tt := range []struct {
		word string
		want float64
	}{
		// a.md: title + 2 sections = 3; b.md: 1 section = 1; (3+1)/2.
		{"mikrofon", 2},
		// A tag only: one place in one guide.
		{"kaputt", 1},
		// One section in each of two guides.
		{"speichere", 1},
	} {
		cs := ix.analyze(tt.word)
		if len(cs) != 1 || len(cs[0].alts) == 0 {
			t.Fatalf("%q: no index term (concepts %s)", tt.word, ix.explain(tt.word))
		}
		if got := float64(ix.spread[cs[0].alts[0].term]); math.Abs(got-tt.want) > 1e-6 {
			t.Errorf("spread(%q) = %v, want %v", tt.word, got, tt.want)
		}
		r := ix.Search(tt.word, 5)
		if len(r.Hits) == 0 || math.Abs(r.Hits[0].OneWordSpread-tt.want) > 1e-6 {
			t.Errorf("Search(%q): first hit's OneWordSpread = %+v, want %v", tt.word, r.Hits, tt.want)
		}
	}
	for _, tt := range []struct{ sp, want float64 }{
		{0, spreadFloor}, {1, spreadFloor}, {spreadFull, 1}, {2 * spreadFull, 1},
		{(1 + spreadFull) / 2, (spreadFloor + 1) / 2},
	} {
		if got := spreadWeight(float32(tt.sp)); math.Abs(got-tt.want) > 1e-6 {
			t.Errorf("spreadWeight(%v) = %v, want %v", tt.sp, got, tt.want)
		}
	}
}

// TestSpreadRanking: of two guides that meet a query equally, each in one
// word mentioned once in its body, the one whose word recurs in the
// guides that contain it ranks first; the word used only in passing
// weighs less. Hit.Score is unchanged by the spread.
func TestSpreadRanking(t *testing.T) {
	docs := []Doc{
		// "headset" recurs: c.md is about it.
		{ID: "c.md", Title: "Headset anschließen", Sections: []Section{
			{"Headset wählen", "Das Headset in der Liste wählen."},
			{"Headset testen", "Sprich in das Headset."},
			{"Headset laden", "Das Headset aufladen."},
			{"Headset tauschen", "Ein anderes Headset nehmen."},
		}},
		// Two guides that are alike but for the word they meet.
		{ID: "a.md", Title: "Umfrage", Sections: []Section{{"", "Die Umfrage nennt den Drucker."}}},
		{ID: "b.md", Title: "Umfrage", Sections: []Section{{"", "Die Umfrage nennt das Headset."}}},
		// "drucker" is used in passing, here too.
		{ID: "d.md", Title: "Sitzung", Sections: []Section{{"", "Der Drucker steht im Büro."}}},
	}
	ix := Build(docs, Options{})
	r := ix.Search("umfrage drucker headset", 5)
	pos := map[string]int{}
	score := map[string]float64{}
	for i, h := range r.Hits {
		pos[h.ID], score[h.ID] = i, h.Score
	}
	if _, ok := pos["a.md"]; !ok {
		t.Fatalf("hits %+v, want a.md and b.md", r.Hits)
	}
	if pos["b.md"] > pos["a.md"] {
		t.Errorf("hits %+v: want b.md (a recurring word) before a.md (a word used in passing)", r.Hits)
	}
	if math.Abs(score["a.md"]-score["b.md"]) > 1e-3 {
		t.Errorf("Score a.md %v, b.md %v: want them equal (the spread weighs only in the ranking)", score["a.md"], score["b.md"])
	}
}
