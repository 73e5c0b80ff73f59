package chat

import "testing"

// TestNoneFits: the answers to "Passt keine davon?" as members type them
// are read after NormWords, also with a dash, a full stop or an emoji
// between or after the words; a message that only contains such words,
// or a question, is none.
func TestNoneFits(t *testing.T) {
	tests := []struct {
		msg  string
		want bool
	}{
		{"keine davon", true},
		{"Keine davon.", true},
		{"„keine davon“", true},
		{"Nein, keine davon", true},
		{"Nein – keine davon", true},
		{"nein. keine davon!", true},
		{"keine davon 🙁", true},
		{"None of them :(", true},
		{"no, none of them", true},
		{"keine Ahnung", false},
		{"keine davon hilft bei meinem Passwort", false},
		{"wie lösche ich keine davon", false},
		{"🙁", false},
		{"", false},
		{"-", false},
	}
	for _, tt := range tests {
		if got := NoneFits(NormWords(tt.msg)); got != tt.want {
			t.Errorf("NoneFits(%q) = %v, want %v", tt.msg, got, tt.want)
		}
	}
}
