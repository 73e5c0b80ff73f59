// Tests of the announcement of help before the question ("ich brauche
// Hilfe beim Passwort", "I need help with my password"): what the help is
// for is searched, not "Hilfe", also when the announcement is said again.

package answer

import "testing"

// TestHelpWith: "(ich brauche) Hilfe beim Passwort", "I need help with my
// password" search what the help is for, not "Hilfe", which finds the
// guide about "!hilfe" first (review rv7, finding 11); after a question
// about the bot's nature too. A run that is no announcement keeps its
// words.
func TestHelpWith(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg, query, first string
	}{
		{"ich brauche Hilfe beim Passwort", "Passwort", "konto/passwort-vergessen.md"},
		{"bist du ein Mensch? ich brauche Hilfe beim Passwort", "Passwort", "konto/passwort-vergessen.md"},
		{"Hilfe beim Passwort", "Passwort", "konto/passwort-vergessen.md"},
		{"ich brauche Hilfe mit meinem Passwort", "meinem Passwort", "konto/passwort-vergessen.md"},
		{"Hallo, ich bräuchte Hilfe zum Passwort", "Passwort", "konto/passwort-vergessen.md"},
		{"I need help with my password", "my password", "konto/passwort-vergessen.md"},
		// No announcement before the help: the words stay.
		{"ich brauche dringend Hilfe beim Passwort", "ich brauche dringend Hilfe beim Passwort", ""},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		if d.Query != tt.query {
			t.Errorf("%q: searched %q, want %q", tt.msg, d.Query, tt.query)
		}
		if tt.first != "" && (len(d.Hits) == 0 || d.Hits[0].ID != tt.first) {
			t.Errorf("%q: %s %v, want %s first", tt.msg, d.Outcome, d.Guides(), tt.first)
		}
	}
}

// TestHelpWithRepeated: a "Hilfe bei …" run said again ("Hilfe beim
// Hilfe beim Passwort") is stripped each time, not only the first (review
// rv8, finding 6): the search gets what the help is for. A single run and
// a run that is no announcement are as TestHelpWith has them.
func TestHelpWithRepeated(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg, query, first string
	}{
		{"Hilfe beim Hilfe beim Passwort", "Passwort", "konto/passwort-vergessen.md"},
		{"ich brauche Hilfe bei Hilfe beim Hilfe mit dem Passwort", "dem Passwort", "konto/passwort-vergessen.md"},
		{"I need help with help with my password", "my password", "konto/passwort-vergessen.md"},
		// A run after a clause break is no repetition of the first.
		{"Hilfe beim Passwort, Hilfe beim Konto", "Passwort, Hilfe beim Konto", ""},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		if d.Query != tt.query {
			t.Errorf("%q: searched %q, want %q", tt.msg, d.Query, tt.query)
		}
		if tt.first != "" && (len(d.Hits) == 0 || d.Hits[0].ID != tt.first) {
			t.Errorf("%q: %s %v, want %s first", tt.msg, d.Outcome, d.Guides(), tt.first)
		}
	}
}
