package search

import (
	"slices"
	"testing"
)

func TestNearWords(t *testing.T) {
	ni := newNearIndex([]string{"moderationsrechte", "moderator", "rechte", "senden", "protokolle", "installieren", "mitglied"})
	tests := []struct {
		word string
		want []string
	}{
		// A derivation the stemmer does not conflate.
		{"moderatorrechte", []string{"moderationsrechte"}},
		{"protokolliert", []string{"protokolle"}},
		// Rhymes share their endings, not their beginnings.
		{"spenden", nil},
		// Too short to tell a derivation from a coincidence.
		{"rechts", nil},
		// Different words with a shared start only.
		{"mitgliedsbeitrag", nil},
		// The library's own word is no near word of itself.
		{"protokolle", nil},
	}
	for _, tt := range tests {
		got, _ := ni.near(tt.word)
		if !slices.Equal(got, tt.want) {
			t.Errorf("near(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestNearWordRanksButIsWeak(t *testing.T) {
	docs := []Doc{
		{ID: "rechte", Title: "Moderationsrechte in der Videokonferenz", Summary: "Wer in einer Konferenz moderieren darf.",
			Sections: []Section{{"", "Bitte die Geschäftsstelle um Moderationsrechte."}}},
		{ID: "kamera", Title: "Kamera geht nicht", Summary: "Die Webcam in der Konferenz einschalten.",
			Sections: []Section{{"", "Erlaube dem Browser die Kamera."}}},
	}
	ix := Build(docs, Options{})
	r := ix.Search("Moderatorenrechte", 3)
	if len(r.Hits) == 0 || r.Hits[0].ID != "rechte" {
		t.Fatalf("hits = %+v, want the guide about Moderationsrechte first", r.Hits)
	}
	if r.Confident {
		t.Errorf("a near-word match alone made the answer confident")
	}
}

func TestIdiomWords(t *testing.T) {
	tests := []struct {
		q    string
		want []string
	}{
		{"ich weiß mein Passwort nicht mehr", []string{"vergessen"}},
		{"login geht nicht, weiß das pw nicht mehr", []string{"vergessen"}},
		{"das Kennwort nicht mehr weiß", []string{"vergessen"}},
		{"der Benutzername fällt mir nicht mehr ein", []string{"vergessen"}},
		{"ich weiß nicht, wie das geht", nil},
		{"wir nutzen die Cloud nicht mehr", nil},
		{"ich weiß es eigentlich schon, aber der Link in der Mail vom Vorstand ist irgendwie kaputt und geht nicht mehr", nil},
	}
	for _, tt := range tests {
		if got := idiomWords(tokenize(tt.q, nil)); !slices.Equal(got, tt.want) {
			t.Errorf("idiomWords(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestIdiomRanksForgotten(t *testing.T) {
	docs := []Doc{
		{ID: "aendern", Title: "Passwort ändern", Tags: []string{"passwort"}, Summary: "So änderst du dein Passwort in den Einstellungen.",
			Sections: []Section{{"", "Öffne die Einstellungen und gib das alte und das neue Passwort ein."}}},
		{ID: "vergessen", Title: "Passwort vergessen", Tags: []string{"zurücksetzen"}, Summary: "Ein vergessenes Passwort zurücksetzen.",
			Sections: []Section{{"", "Klicke auf der Anmeldeseite auf den Link."}}},
	}
	ix := Build(docs, Options{})
	if r := ix.Search("ich weiß mein Passwort nicht mehr", 2); len(r.Hits) == 0 || r.Hits[0].ID != "vergessen" {
		t.Errorf("hits = %+v, want the guide about a forgotten password first", r.Hits)
	}
}
