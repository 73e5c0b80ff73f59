package search

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
)

func testDocs() []Doc {
	return []Doc{
		{ID: "konto/passwort-vergessen.md", Title: "Passwort vergessen", Tags: []string{"passwort", "zurücksetzen"},
			Summary:  "So setzt du ein vergessenes Passwort für dein Cloud-Konto zurück.",
			Sections: []Section{{"", "Auf der Anmeldeseite auf Passwort vergessen klicken."}, {"Die Mail kommt nicht an", "Schau im Spam-Ordner nach."}}},
		{ID: "bbb/kamera.md", Title: "BBB: Kamera wird nicht erkannt", Tags: []string{"bbb", "kamera", "webcam"},
			Summary:  "Was du tun kannst, wenn deine Webcam in BigBlueButton nicht startet.",
			Sections: []Section{{"Berechtigung", "Erlaube dem Browser den Zugriff auf die Kamera."}, {"Andere Programme", "Schließe Zoom und Teams."}}},
		{ID: "konto/zwei-faktor.md", Title: "Zwei-Faktor-Anmeldung (2FA) einrichten", Tags: []string{"2fa", "authenticator"},
			Summary:  "Zwei-Faktor-Anmeldung mit einer Authenticator-App für dein Cloud-Konto aktivieren.",
			Sections: []Section{{"", "Scanne den QR-Code mit der App auf deinem Smartphone."}}},
		{ID: "team/vorstand.md", Title: "Sitzungen des Bezirksvorstands vorbereiten", Tags: []string{"vorstand", "sitzung"},
			Summary:  "Einladung, Protokoll und Tagesordnung für die Vorstandssitzung.",
			Sections: []Section{{"Protokoll", "Das Protokoll liegt im Ordner des Bezirks."}}},
	}
}

func TestFoldWord(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Straße", "strasse"}, {"ÄRGER", "ärger"}, {"Café", "cafe"}, {"abc", "abc"},
	}
	for _, tt := range tests {
		if got := foldWord(tt.in); got != tt.want {
			t.Errorf("foldWord(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUmlautFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"passwörter", "passworter"}, {"passwoerter", "passworter"}, {"grün", "grun"}, {"gruen", "grun"}, {"maß", "maß"},
	}
	for _, tt := range tests {
		if got := umlautFold(tt.in); got != tt.want {
			t.Errorf("umlautFold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStemConflates(t *testing.T) {
	st := newStemmer()
	groups := [][]string{
		{"passwort", "passwörter", "passwoerter", "Passworts"},
		{"ändern", "änderung", "aenderungen", "geändert"},
		{"anmelden", "anmeldung", "angemeldet"},
		{"einladen", "einladung", "eingeladen"},
		{"synchronisieren", "synchronisiert", "synchronisation"},
		{"moderator", "moderatorin", "moderatorinnen"},
		{"handy", "handys"},
		{"straße", "strasse"},
	}
	for _, g := range groups {
		want := st.stem(foldWord(g[0]))
		for _, w := range g[1:] {
			if got := st.stem(foldWord(w)); got != want {
				t.Errorf("stem(%q) = %q, want %q (stem of %q)", w, got, want, g[0])
			}
		}
	}
	if a, b := st.stem("kamera"), st.stem("konto"); a == b {
		t.Errorf("stem conflates kamera and konto: %q", a)
	}
}

func TestTokenize(t *testing.T) {
	got := []string{}
	for _, tk := range tokenize("Zwei-Faktor-Anmeldung: siehe https://cloud.example.org/hilfe/2fa oder mail@example.org, 12 Zeichen!", nil) {
		got = append(got, tk.word)
	}
	want := []string{"zwei", "faktor", "anmeldung", "zweifaktoranmeldung", "siehe", "oder", "zeichen"}
	if !slices.Equal(got, want) {
		t.Errorf("tokenize = %q, want %q", got, want)
	}
}

func TestDecompound(t *testing.T) {
	d := newDecompounder(map[string]struct{}{
		"bezirk": {}, "vorstand": {}, "sitzung": {}, "passwort": {}, "manager": {}, "daten": {}, "schutz": {}, "schulung": {},
	})
	tests := []struct {
		in   string
		want []string
	}{
		{"bezirksvorstandssitzung", []string{"bezirk", "vorstand", "sitzung"}},
		{"passwortmanager", []string{"passwort", "manager"}},
		{"datenschutzschulung", []string{"daten", "schutz", "schulung"}},
		{"vorstand", nil},          // known word: not split
		{"kassiererin", nil},       // no known parts
		{"bezirksxyzsitzung", nil}, // unknown middle
	}
	for _, tt := range tests {
		if got := d.split(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("split(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTypoCorrection(t *testing.T) {
	ti := newTypoIndex([]string{"vergessen", "passwort", "kamera", "kalender", "konto", "passwortmanager", "senden", "angeben", "unable"})
	tests := []struct {
		in       string
		want     []string
		wantDist int
	}{
		{"vergesen", []string{"vergessen"}, 1},
		{"passwrt", []string{"passwort"}, 1},
		{"verggesen", nil, 0}, // two edits only from 10 letters
		{"paswortmanagr", []string{"passwortmanager"}, 2},
		{"kamrea", []string{"kamera"}, 1}, // transposition
		{"kalnder", []string{"kalender"}, 1},
		{"kto", nil, 0},     // too short to correct
		{"drucker", nil, 0}, // nothing close
		// Correct everyday words near a library word: the start differs.
		{"spenden", nil, 0},
		{"abgeben", nil, 0},
		{"enable", nil, 0},
	}
	for _, tt := range tests {
		got, d := ti.correct(tt.in)
		if !slices.Equal(got, tt.want) || d != tt.wantDist {
			t.Errorf("correct(%q) = %q, %d; want %q, %d", tt.in, got, d, tt.want, tt.wantDist)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want int
	}{
		{"kamera", "kamera", 2, 0}, {"kamera", "kamrea", 2, 1}, {"abc", "xyz", 2, 3}, {"ab", "abcdef", 2, 3},
	}
	for _, tt := range tests {
		if got := editDistance([]rune(tt.a), []rune(tt.b), tt.max, nil); got != tt.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.max, got, tt.want)
		}
	}
}

func TestThesaurus(t *testing.T) {
	ix := Build(testDocs(), Options{})
	tests := []struct{ query, want string }{
		{"Kennwort vergessen", "konto/passwort-vergessen.md"},       // Kennwort → Passwort
		{"webcam geht nicht im meeting", "bbb/kamera.md"},           // meeting → konferenz
		{"my camera does not work", "bbb/kamera.md"},                // English
		{"authenticator auf dem handy", "konto/zwei-faktor.md"},     // Handy → Smartphone
		{"Bezirksvorstandssitzung vorbereiten", "team/vorstand.md"}, // compound split
		{"passwrt vergesen", "konto/passwort-vergessen.md"},         // typos
	}
	for _, tt := range tests {
		r := ix.Search(tt.query, 3)
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.want {
			t.Errorf("Search(%q) = %+v, want first %s (concepts %s)", tt.query, r.Hits, tt.want, ix.explain(tt.query))
		}
	}
}

func TestSearchResultShape(t *testing.T) {
	ix := Build(testDocs(), Options{})
	r := ix.Search("Passwort: die Mail kommt nicht an", 2)
	if r.Query == "" || len(r.Hits) == 0 || len(r.Hits) > 2 {
		t.Fatalf("result = %+v", r)
	}
	for i, h := range r.Hits {
		if h.Score < 0 || h.Score > 1 {
			t.Errorf("hit %d score %v outside [0,1]", i, h.Score)
		}
		if i > 0 && h.Score > r.Hits[i-1].Score {
			t.Errorf("hits not sorted: %+v", r.Hits)
		}
	}
	if h := r.Hits[0]; h.ID != "konto/passwort-vergessen.md" || h.Section != 1 || h.Title != "Passwort vergessen" {
		t.Errorf("first hit = %+v, want passwort-vergessen, section 1", h)
	}
	if !r.Confident {
		t.Errorf("want Confident for a clear question")
	}
	if r := ix.Search("bitte hallo wie", 5); len(r.Hits) != 0 || r.Confident || r.Close {
		t.Errorf("stop words only: %+v, want empty", r)
	}
	if r := ix.Search("", 5); len(r.Hits) != 0 {
		t.Errorf("empty query: %+v", r)
	}
	if r := Build(nil, Options{}).Search("passwort", 5); len(r.Hits) != 0 {
		t.Errorf("empty index: %+v", r)
	}
}

func TestConfidence(t *testing.T) {
	ix := Build(testDocs(), Options{})
	tests := []struct {
		query     string
		confident bool
	}{
		{"Kamera wird in BBB nicht erkannt", true},
		{"Zwei-Faktor-Anmeldung einrichten", true},
		{"Wie hoch ist der Mitgliedsbeitrag bei 2000 netto", false}, // nothing matches
		{"Wann ist der nächste Landesparteitag und wer kandidiert", false},
	}
	for _, tt := range tests {
		if r := ix.Search(tt.query, 3); r.Confident != tt.confident {
			t.Errorf("Search(%q).Confident = %v, want %v (hits %+v)", tt.query, r.Confident, tt.confident, r.Hits)
		}
	}
	// A stricter threshold turns a confident answer into a "Meintest du".
	strict := Build(testDocs(), Options{ConfidentScore: 5})
	r := strict.Search("Kamera wird in BBB nicht erkannt", 3)
	if r.Confident || !r.Close {
		t.Errorf("strict: Confident=%v Close=%v, want false/true", r.Confident, r.Close)
	}
}

func TestConcurrentSearch(t *testing.T) {
	ix := Build(testDocs(), Options{})
	want := ix.Search("Kennwort vergessen", 3)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				got := ix.Search("Kennwort vergessen", 3)
				if got.Hits[0] != want.Hits[0] || got.Confident != want.Confident {
					t.Errorf("concurrent result differs: %+v vs %+v", got, want)
					return
				}
				ix.Search(strings.Repeat("kamera webcam ", i%5), 3)
			}
		}()
	}
	wg.Wait()
}

// TestConcurrentSearchMixed runs the query paths of the fourth pass
// (separated and colloquial particles, strong participles, word pairs,
// everyday vocabulary, hostile input) from several goroutines on one
// index and checks each result against the sequential one; under -race it
// fails on any shared mutable state of the index or the scratch pool.
func TestConcurrentSearchMixed(t *testing.T) {
	docs, _ := loadBench(t)
	ix := Build(docs, Options{})
	qs := []string{
		"wie trete ich einem raum bei?",
		"lädt die datei nicht runter, was tun",
		"hab das passwort aufgeschrieben und verloren",
		"was weiß der landesverband eigentlich alles über mich",
		"mitschnitt von der videokonferenz",
		"stell das um\u00a0? kamera geht nicht an",
		strings.Repeat("an runter hoch ", 30) + "kamera",
		"",
	}
	want := make([]Result, len(qs))
	for i, q := range qs {
		want[i] = ix.Search(q, 5)
	}
	var wg sync.WaitGroup
	for g := 0; g < 6; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 20; n++ {
				i := (g + n) % len(qs)
				got := ix.Search(qs[i], 5)
				if !reflect.DeepEqual(got, want[i]) {
					t.Errorf("%q: concurrent result %+v, sequential %+v", qs[i], got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}
