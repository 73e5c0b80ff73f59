package search

import (
	"slices"
	"testing"
)

// TestEnglishWordsNotCorrected: in a message the language vote reads as
// English, a common English word the library does not know ("main") is
// not typo-corrected to a library word ("Mail") and leaves the query; a
// German message's same word and an English message's real misspelling
// ("maill") and an English word whose correction is its cognate
// ("fact" → "Fakt") are still corrected.
func TestEnglishWordsNotCorrected(t *testing.T) {
	docs := append(testDocs(), Doc{ID: "medien/fakt-oder-fake.md", Title: "Fakt oder Fake?",
		Summary:  "Wie du prüfst, ob ein Fakt in einem Beitrag stimmt.",
		Sections: []Section{{"", "Suche die Quelle des Fakts."}}})
	ix := Build(docs, Options{})
	tests := []struct {
		name, query, word  string
		present, corrected bool
	}{
		{"English word, English message", "where is the main setting for my camera", "main", false, false},
		{"English word, other English message", "how do i get back into the main room", "main", false, false},
		{"same word, German message", "wo ist meine main adresse", "main", true, true},
		{"misspelling, English message", "the maill does not arrive", "maill", true, true},
		// A cognate stays corrected (cognates): "fact" → "Fakt".
		{"cognate, English message", "how can i check whether a fact in a post is true", "fact", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var found bool
			for _, c := range ix.analyze(tt.query) {
				if c.word != tt.word {
					continue
				}
				found = true
				if got := c.typo && len(c.alts) > 0; got != tt.corrected {
					t.Errorf("%q: %q corrected = %v, want %v (alts %v)", tt.query, tt.word, got, tt.corrected, c.alts)
				}
			}
			if found != tt.present {
				t.Errorf("%q: concept %q present = %v, want %v", tt.query, tt.word, found, tt.present)
			}
		})
	}
}

// TestEnglishWordList: the embedded list holds common English words, in
// lower case, and no comment line.
func TestEnglishWordList(t *testing.T) {
	for _, w := range []string{"main", "fine", "black", "face", "box", "session"} {
		if !isEnglishWord(w) {
			t.Errorf("isEnglishWord(%q) = false", w)
		}
	}
	for _, w := range []string{"maill", "passwort", "Main", "", "# english words: the lower-case words of three letters or more,"} {
		if isEnglishWord(w) {
			t.Errorf("isEnglishWord(%q) = true", w)
		}
	}
	if n := len(englishWords()); n < 30000 {
		t.Errorf("englishWords has %d words, want the SCOWL list (≈40,000)", n)
	}
}

// TestCognates: a correction is kept for an English word when it is the
// same word but for an ending the English stemmer removes or the German
// spelling of c and ph; another word is not.
func TestCognates(t *testing.T) {
	kr := &keyer{}
	tests := []struct {
		word  string
		fixes []string
		want  []string
	}{
		{"profile", []string{"profil"}, []string{"profil"}},
		{"archive", []string{"archiv"}, []string{"archiv"}},
		{"document", []string{"dokument"}, []string{"dokument"}},
		{"contact", []string{"kontakt", "contract"}, []string{"kontakt"}},
		{"main", []string{"mail"}, nil},
		{"order", []string{"ordner"}, nil},
		{"fine", []string{"finde"}, nil},
		{"back", []string{"bank"}, nil},
		{"state", []string{"statt", "starte"}, nil},
	}
	for _, tt := range tests {
		if got := cognates(tt.fixes, tt.word, kr); !slices.Equal(got, tt.want) {
			t.Errorf("cognates(%v, %q) = %v, want %v", tt.fixes, tt.word, got, tt.want)
		}
	}
}

// TestEnglishWordForeignGloss: in an English message, an English word
// whose German stem is the key of another glossary word ("box" – "Boxen",
// loudspeakers) does not take that word's expansions; in a German
// message it does, and an English message's glossary word of its own
// ("speakers", "sound") keeps its expansions.
func TestEnglishWordForeignGloss(t *testing.T) {
	docs := append(testDocs(), Doc{ID: "bbb/ton.md", Title: "Kein Ton in der Konferenz",
		Summary:  "Was du tun kannst, wenn du nichts hörst: Lautsprecher und Ton prüfen.",
		Sections: []Section{{"", "Prüfe den Lautsprecher."}}})
	ix := Build(docs, Options{})
	tests := []struct {
		name, query, word string
		expanded          bool
	}{
		{"English word, English message", "the others see just a black box where my face should be", "box", false},
		{"same word, German message", "die box ist ganz leise", "box", true},
		{"German plural, German message", "meine boxen sind ganz leise", "boxen", true},
		{"glossary word, English message", "the speakers of my laptop are too quiet", "speakers", true},
		{"glossary word, other English message", "there is no sound in the call", "sound", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var found bool
			for _, c := range ix.analyze(tt.query) {
				if c.word != tt.word {
					continue
				}
				found = true
				if got := len(c.alts) > 0; got != tt.expanded {
					t.Errorf("%q: %q expanded = %v, want %v (alts %v)", tt.query, tt.word, got, tt.expanded, c.alts)
				}
			}
			if !found {
				t.Errorf("%q: no concept %q", tt.query, tt.word)
			}
		})
	}
}
