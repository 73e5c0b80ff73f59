// Tests of „echt“ as a predicate (genuine.go): a member who asks whether a
// message is genuine names the fake-message guide's own word.

package search

import (
	"fmt"
	"strings"
	"testing"
)

// TestGenuineAt: which „echt“ of a message is the predicate (genuine) and
// which the intensifier.
func TestGenuineAt(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"ist das echt?", true},
		{"jemand will mein passwort, ist das echt?", true},
		{"woran merk ich ob ne mail echt von euch ist", true},
		{"ob die mail echt ist", true},
		{"echt oder fake?", true},
		{"komische mail. echt oder fake", true},
		// The intensifier: before the word it strengthens, with a
		// negation, or in a clause without „sein“.
		{"das ist echt nervig", false},
		{"der ton ist echt schlecht", false},
		{"ist das echt nicht möglich", false},
		{"mein passwort geht echt nicht mehr", false},
		{"das nervt echt", false},
		{"echt super, danke", false},
		// „sein“ in another clause does not count.
		{"das ist blöd. das nervt echt", false},
		// Only the predicate words: other stop words stay stop words.
		{"ist das wirklich?", false},
	} {
		toks := tokenizeMax(tt.text, nil, maxQueryTokens)
		got := false
		for i := range toks {
			got = got || genuineAt(toks, i)
		}
		if got != tt.want {
			t.Errorf("%q: predicate %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestGenuineAtWindowEnd: a query cut at maxQueryTokens ends inside a
// clause; the predicate word as its last token must not read past the
// window (a panic before the fix: index out of range).
func TestGenuineAtWindowEnd(t *testing.T) {
	text := "ist" + strings.Repeat(" echt", 2*maxQueryTokens)
	toks := tokenizeMax(text, nil, maxQueryTokens)
	if n := len(toks); n == 0 || toks[n-1].end {
		t.Fatalf("the window of %d tokens ends a clause; want one cut inside it", n)
	}
	for i := range toks {
		genuineAt(toks, i)
	}
	ix := Build(genuineDocs(), DefaultOptions())
	ix.Search(text, 3)
}

// genuineDocs is a small library: a guide on fake messages that asks „ist
// diese Nachricht echt?“ in its example questions, and guides that name the
// other words of such a message (Mail, Passwort, Konto) in their titles.
func genuineDocs() []Doc {
	return []Doc{
		{ID: "phishing", Title: "Gefälschte Mails und Nachrichten erkennen", Tags: []string{"phishing", "betrug", "mail"},
			Aliases:  []string{"Ist diese Nachricht echt oder Betrug?"},
			Summary:  "Woran du eine gefälschte Nachricht erkennst.",
			Sections: []Section{{Heading: "Prüfen", Text: "Echte Mitteilungen setzen dir keine Fristen."}}},
		{ID: "mail", Title: "Mail einrichten", Tags: []string{"mail"},
			Summary:  "Dein Postfach im Mailprogramm.",
			Sections: []Section{{Heading: "Konto", Text: "Trage Server und Passwort ein. Deine Mail kommt dann an."}}},
		{ID: "passwort", Title: "Passwort ändern", Tags: []string{"passwort", "konto"},
			Summary:  "Ein neues Passwort für dein Konto.",
			Sections: []Section{{Heading: "Ändern", Text: "Öffne die Einstellungen und setze ein neues Passwort."}}},
		{ID: "gesperrt", Title: "Konto gesperrt", Tags: []string{"konto", "gesperrt", "mail"},
			Summary:  "Wenn dein Konto gesperrt ist.",
			Sections: []Section{{Heading: "Entsperren", Text: "Schreib der Geschäftsstelle eine Mail."}}},
	}
}

// TestGenuinePredicate: a question whether a message is genuine ranks the
// fake-message guide first; the same words with the intensifier do not
// reach it. Fails without genuineAt and indexStop: „echt“ is dropped from
// the query and the guide, and the mail guide ranks first.
func TestGenuinePredicate(t *testing.T) {
	ix := Build(genuineDocs(), Options{})
	for _, tt := range []struct{ query, want string }{
		{"woran merk ich ob ne mail echt von euch ist", "phishing"},
		{"ich hab eine komische mail bekommen, ist die echt?", "phishing"},
		{"komische mail, echt oder fake?", "phishing"},
	} {
		r, _ := ix.search(tt.query, 5)
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.want {
			t.Errorf("%q: hits %v, want %s first", tt.query, hitIDs(r), tt.want)
		}
	}
	// The intensifier is no evidence: the hits and their scores are those
	// of the message without it.
	with, _ := ix.search("das ist echt nervig, meine mail kommt nicht an", 5)
	without, _ := ix.search("das ist nervig, meine mail kommt nicht an", 5)
	if fmt.Sprint(with.Hits) != fmt.Sprint(without.Hits) {
		t.Errorf("intensifier: hits %v, without it %v", with.Hits, without.Hits)
	}
	// The predicate word counts as an everyday word: it explains less of a
	// message than a content word in its place.
	a, _ := ix.search("ist die mail echt", 5)
	b, _ := ix.search("ist die mail betrug", 5)
	if hitScore(a, "phishing") >= hitScore(b, "phishing") || hitScore(a, "phishing") == 0 {
		t.Errorf("phishing's score for echt %v, for betrug %v: want echt weaker, above 0", hitScore(a, "phishing"), hitScore(b, "phishing"))
	}
}

// hitScore is the score of guide id in r, 0 when r has no such hit.
func hitScore(r Result, id string) float64 {
	for _, h := range r.Hits {
		if h.ID == id {
			return h.Score
		}
	}
	return 0
}
