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
		got := ni.near(tt.word)
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
		// The first "weiß" has no "nicht mehr" near it, a later one has.
		{"ich weiß, dass das eine dumme Frage ist, weil alle es kennen, aber das Passwort für die Cloud: ich weiß es nicht mehr", []string{"vergessen"}},
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

func TestResat(t *testing.T) {
	same := &Index{opts: Options{K1: 1.2, RankK1: 1.2}}
	weaker := &Index{opts: Options{K1: 1.2, RankK1: 4}}
	prev := 0.0
	for _, w := range []float64{0.1, 0.5, 1, 3, 10, 100} {
		s := w / (1.2 + w)
		if got := same.resat(s); got != s {
			t.Errorf("resat(%v) with RankK1 = K1 = %v, want %v", s, got, s)
		}
		got, want := weaker.resat(s), w/(4+w)
		if d := got - want; d > 1e-9 || d < -1e-9 {
			t.Errorf("resat(%v) = %v, want %v", s, got, want)
		}
		if got <= prev {
			t.Errorf("resat not increasing at %v", s)
		}
		prev = got
	}
}

// TestRankK1 checks what the weaker saturation of the ranking is for: a
// guide about the query's topic (its words in title and tags) ranks above
// one that mentions every query word once in passing in its body, while
// the score (and so the confidence) stays that of K1.
func TestRankK1(t *testing.T) {
	docs := []Doc{
		{ID: "passing", Title: "Einstellungen im Überblick",
			Sections: []Section{{"", "Hier stehen Kalender, Kontakte, Gruppen, Ordner, Dateien, Benachrichtigungen und Themen; auch das Abonnement und das Handy kommen vor."}}},
		{ID: "topic", Title: "Kalender abonnieren", Tags: []string{"kalender"},
			Sections: []Section{{"", "Öffne die Kalender-App und wähle die Adresse aus."}}},
		{ID: "other", Title: "Dateien teilen", Sections: []Section{{"", "Freigabe über einen Link."}}},
		{ID: "other2", Title: "Gruppenordner", Sections: []Section{{"", "Der Ordner der Gruppe."}}},
	}
	q := "Kalender Abonnement Handy"
	low := Build(docs, Options{RankK1: 1.2})
	high := Build(docs, Options{RankK1: 6})
	rl, rh := low.Search(q, 4), high.Search(q, 4)
	if len(rl.Hits) < 2 || len(rh.Hits) < 2 {
		t.Fatalf("hits %+v / %+v", rl.Hits, rh.Hits)
	}
	if rl.Hits[0].ID != "passing" {
		// The premise of the test: without the weaker saturation the
		// passing mention wins. If a scoring change breaks it, the test
		// would check nothing, so it fails instead of skipping.
		t.Fatalf("premise broken: with RankK1 = K1 the first hit is %s, not the passing mention; the fixture no longer shows the difference: adjust it", rl.Hits[0].ID)
	}
	if rh.Hits[0].ID != "topic" {
		t.Errorf("RankK1 = 6: first = %s, want the guide about the topic", rh.Hits[0].ID)
	}
	score := func(r Result, id string) float64 {
		for _, h := range r.Hits {
			if h.ID == id {
				return h.Score
			}
		}
		return -1
	}
	for _, id := range []string{"passing", "topic"} {
		if a, b := score(rl, id), score(rh, id); a != b {
			t.Errorf("%s: score %v with RankK1 1.2, %v with 6; want the same", id, a, b)
		}
	}
}

// TestFeedbackOrdersRunnersUp checks the query expansion with the first
// guide's topic: of two runners-up that meet the query equally, the one
// about the first guide's subject comes first; the first guide and the
// scores stay as they are.
func TestFeedbackOrdersRunnersUp(t *testing.T) {
	body := []Section{{"", "Den Kalender findest du oben rechts."}}
	docs := []Doc{
		{ID: "abo", Title: "Kalender abonnieren", Tags: []string{"kalender", "abonnement", "ical"}, Sections: body},
		{ID: "dateien", Title: "Dateien teilen", Tags: []string{"freigabe"}, Sections: body},
		{ID: "termine", Title: "Termine auf dem Handy", Tags: []string{"abonnement", "ical"}, Sections: body},
	}
	r := Build(docs, Options{}).Search("Kalender", 3)
	var ids []string
	for _, h := range r.Hits {
		ids = append(ids, h.ID)
	}
	if want := []string{"abo", "termine", "dateien"}; !slices.Equal(ids, want) {
		t.Fatalf("order %q, want %q", ids, want)
	}
	if r.Hits[1].Score != r.Hits[2].Score {
		t.Errorf("scores %v and %v: the expansion must not change the score", r.Hits[1].Score, r.Hits[2].Score)
	}
}

func TestJoinPhrasal(t *testing.T) {
	tests := []struct {
		q    string
		want []string
	}{
		{"how do I log in to element", []string{"how", "do", "login", "to", "element"}},
		{"sign up for the chat", []string{"signup", "for", "the", "chat"}},
		{"Log-in geht nicht", []string{"log", "in", "login", "geht", "nicht"}},
		{"ich bin in der Konferenz", []string{"ich", "bin", "in", "der", "konferenz"}},
		{"which password manager", []string{"which", "password", "manager", "passwordmanager"}},
		{"a group folder and a group", []string{"group", "folder", "groupfolder", "and", "group"}},
		{"log in, log in", []string{"login", "login"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range joinPhrasal(tokenize(tt.q, nil), &keyer{}) {
			got = append(got, tk.word)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("joinPhrasal(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}
