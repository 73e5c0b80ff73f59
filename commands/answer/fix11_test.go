package answer

import "testing"

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
