package search

import (
	"fmt"
	"testing"
)

func TestRankIdfCapsSynonyms(t *testing.T) {
	c := concept{own: 1.2}
	for _, tc := range []struct{ idf, want float64 }{
		{0.5, 0.5}, // a more common synonym keeps its own idf
		{1.2, 1.2},
		{2.7, 1.2}, // a rarer synonym counts no more than the word itself
	} {
		if got := c.rankIdf(tc.idf); got != tc.want {
			t.Errorf("rankIdf(%v) = %v, want %v", tc.idf, got, tc.want)
		}
	}
	unknown := concept{} // a word the library does not know: nothing to cap by
	if got := unknown.rankIdf(2.7); got != 2.7 {
		t.Errorf("unknown word: rankIdf(2.7) = %v, want 2.7", got)
	}
}

// TestSynonymCapRanking: a guide using the member's own word in its title
// ranks before a guide that mentions a rarer synonym ("Account" for
// "Zugang", a curated group) once in its body.
func TestSynonymCapRanking(t *testing.T) {
	var docs []Doc
	for i := 0; i < 8; i++ {
		// "Zugang" is a common word of this library, "Account" a rare one.
		docs = append(docs, Doc{ID: fmt.Sprintf("filler%d.md", i), Title: fmt.Sprintf("Thema %d", i),
			Sections: []Section{{Text: "Der Zugang zur Seite steht im Menü. Drucken geht über das Menü."}}})
	}
	docs = append(docs,
		Doc{ID: "zugang.md", Title: "Cloud beantragen", Tags: []string{"cloud"},
			Sections: []Section{{Text: "So beantragst du deinen Zugang zur Cloud beim Büro. Der Zugang kommt per Mail."}}},
		Doc{ID: "iphone.md", Title: "Kalender der Cloud auf dem iPhone", Tags: []string{"iphone", "kalender"},
			Sections: []Section{{Text: "Trage in den Einstellungen dein Account ein und wähle die Cloud als Server."}}},
	)
	ix := Build(docs, Options{})
	res := ix.Search("Zugang zur Cloud", 3)
	if len(res.Hits) == 0 || res.Hits[0].ID != "zugang.md" {
		t.Fatalf("first hit %v, want zugang.md", res.Hits)
	}
}
