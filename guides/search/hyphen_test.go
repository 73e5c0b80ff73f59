package search

import (
	"slices"
	"testing"
)

// hyphenLibrary is a small library in which one guide writes the compound
// „Nextcloud-Passwort“ (only with a hyphen) and another explains changing
// the password, naming both parts of the compound as words of their own.
func hyphenLibrary() *Index {
	return Build(hyphenDocs(), Options{})
}

// hyphenDocs are the guides of hyphenLibrary.
func hyphenDocs() []Doc {
	return []Doc{
		{ID: "passwort-vergessen", Title: "Passwort vergessen",
			Summary:  "Du hast dein Nextcloud-Passwort vergessen? So setzt du ein neues.",
			Sections: []Section{{Text: "Auf der Anmeldeseite auf Passwort vergessen tippen, die Mail öffnen und ein neues Passwort setzen."}}},
		{ID: "passwort-aendern", Title: "Passwort ändern",
			Summary:  "Dein Passwort für Nextcloud und Chat ändern, wenn du das alte noch kennst.",
			Sections: []Section{{Text: "In Nextcloud unter Einstellungen, Sicherheit das Passwort ändern. Das alte Passwort eingeben."}}},
		{ID: "login", Title: "Login klappt nicht",
			Summary:  "Wenn der Login in die Cloud scheitert.",
			Sections: []Section{{Text: "Beim Log-in den Benutzernamen prüfen, nicht die Mailadresse."}}},
		{ID: "kalender", Title: "Kalender in Nextcloud",
			Summary:  "Termine im Kalender von Nextcloud anlegen, ändern und teilen.",
			Sections: []Section{{Text: "Der Kalender liegt in Nextcloud oben in der Leiste."}}},
		{ID: "dateien", Title: "Dateien teilen",
			Summary:  "Dateien und Ordner in Nextcloud mit anderen teilen und Freigaben ändern.",
			Sections: []Section{{Text: "Rechts neben der Datei auf Teilen tippen."}}},
		{ID: "chat", Title: "Chat einrichten",
			Summary:  "Element installieren, mit dem Chat-Konto anmelden und den Anzeigenamen ändern.",
			Sections: []Section{{Text: "Element aus dem Store laden und anmelden."}}},
	}
}

// TestHyphenCompoundDoesNotSwamp: a hyphenated compound that one guide
// contains verbatim is read through its parts, so the rest of the question
// ("ändern") still decides, and the compound's three spellings (hyphen,
// space, one word) give the same first guide. On the code before
// hyphen.go, the hyphenated and the one-word spelling went to the guide
// that writes „Nextcloud-Passwort“.
func TestHyphenCompoundDoesNotSwamp(t *testing.T) {
	ix := hyphenLibrary()
	tests := []struct {
		query string
		want  string
	}{
		{"wie ändere ich mein Nextcloud-Passwort?", "passwort-aendern"},
		{"wie ändere ich mein Nextcloud Passwort?", "passwort-aendern"},
		{"wie ändere ich mein Nextcloudpasswort?", "passwort-aendern"},
		{"Nextcloud-Passwort ändern", "passwort-aendern"},
		// The compound still counts where it is what the guide is about.
		{"Nextcloud-Passwort vergessen", "passwort-vergessen"},
		{"Nextcloudpasswort vergessen", "passwort-vergessen"},
		// A joined form the library writes as a word of its own keeps
		// its meaning: „Log-in“ is "Login", not "log".
		{"Log-in scheitert", "login"},
	}
	for _, tt := range tests {
		res := ix.Search(tt.query, 3)
		if len(res.Hits) == 0 || res.Hits[0].ID != tt.want {
			t.Errorf("Search(%q): first %v, want %s", tt.query, hitIDs(res), tt.want)
		}
	}
}

// TestJoinedOnly: a joined form is joined-only when the library never
// writes it as a word of its own.
func TestJoinedOnly(t *testing.T) {
	ix := hyphenLibrary()
	st := newStemmer()
	tests := []struct {
		word string
		want bool
	}{
		{"nextcloudpasswort", true}, // only „Nextcloud-Passwort“
		{"chatkonto", true},         // only „Chat-Konto“
		{"login", false},            // „Login“ and „Log-in“
		{"passwort", false},         // a plain word
		{"unbekannt", false},        // no term at all
	}
	for _, tt := range tests {
		if got := ix.isJoinedOnly(st.stem(tt.word)); got != tt.want {
			t.Errorf("isJoinedOnly(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

// TestJoinedOnlyCounts: whether a joined form is joined-only is decided by
// the guides that write it, not by one occurrence, and a taught question
// (Doc.Learned) does not decide it. On the code before guideCount, one
// guide's „Nextcloudpasswort“ or one taught „nextcloudpasswort weg“ made
// the compound a word of its own for the whole library.
func TestJoinedOnlyCounts(t *testing.T) {
	doc := func(id, text string, learned ...string) Doc {
		return Doc{ID: id, Title: id, Sections: []Section{{Text: text}}, Learned: learned}
	}
	base := []Doc{
		doc("a", "Dein Nextcloud-Passwort vergessen? Das Chat-Konto anlegen."),
		doc("b", "Das Nextcloud-Passwort ändern, wenn du es noch kennst."),
		doc("c", "Die Termine im Cloud-Kalender. Den Login prüfen."),
		doc("d", "Die Cloud-Kalender teilen. Beim Log-in den Namen prüfen."),
	}
	tests := []struct {
		name  string
		extra Doc
		word  string
		want  bool
	}{
		// Hyphenated in two guides, one word in a third: the
		// library's spelling is the hyphenated one.
		{"one-word spelling in a minority", doc("e", "Das Nextcloudpasswort ist weg."), "nextcloudpasswort", true},
		// A taught question counts for neither spelling.
		{"taught question", doc("e", "Hilfe zum Konto.", "nextcloudpasswort weg"), "nextcloudpasswort", true},
		// An inflected hyphenation has the key of the compound.
		{"inflected form", doc("e", "Die Daten des Chat-Kontos."), "chatkonto", true},
		// Hyphenated in one guide, one word in another: a word of
		// the library's own.
		{"one guide each", doc("e", "Das Chatkonto löschen."), "chatkonto", false},
		// Written as one word by most guides: „Log-in“ is "Login".
		{"one word in most guides", doc("e", "Den Login zurücksetzen."), "login", false},
		{"hyphenated only", doc("e", "Nichts davon."), "cloudkalender", true},
	}
	st := newStemmer()
	for _, tt := range tests {
		ix := Build(append(slices.Clone(base), tt.extra), Options{})
		if got := ix.isJoinedOnly(st.stem(tt.word)); got != tt.want {
			t.Errorf("%s: isJoinedOnly(%q) = %v, want %v", tt.name, tt.word, got, tt.want)
		}
	}
}

// TestHyphenTaughtQuestion: a question the team taught from a case
// („nextcloudpasswort weg“, one word) does not make the joined form a rare
// word of its own again: „Nextcloud-Passwort ändern“ still goes to the
// guide about changing. On the code before guideCount, the taught word
// cleared the joined-only mark for the whole library.
func TestHyphenTaughtQuestion(t *testing.T) {
	docs := hyphenDocs()
	docs[0].Learned = []string{"nextcloudpasswort weg"}
	ix := Build(docs, Options{})
	for _, q := range []string{"wie ändere ich mein Nextcloud-Passwort?", "Nextcloud-Passwort ändern"} {
		res := ix.Search(q, 3)
		if len(res.Hits) == 0 || res.Hits[0].ID != "passwort-aendern" {
			t.Errorf("Search(%q): first %v, want passwort-aendern", q, hitIDs(res))
		}
	}
}

// isJoinedOnly (tests only) reports whether the term with key k exists in the library
// mainly as the joined form of a hyphenated compound (markJoinedOnly).
func (ix *Index) isJoinedOnly(k string) bool {
	id, ok := ix.terms[k]
	return ok && ix.joinedOnlyTerm(id)
}
