package support

import (
	"testing"

	"github.com/lotse-bot/lotse/commands/chat"
)

// TestNotHelped: "hat nicht geholfen" and the answers to a rescued
// choice's "Passt keine davon?" offer a case, also with a comma, a dash
// or an emoji between or after the words (read by chat.NoneFits); a
// question that only contains such words does not.
func TestNotHelped(t *testing.T) {
	for _, tt := range []struct {
		msg  string
		want bool
	}{
		{"Hat leider nicht geholfen.", true},
		{"nein", true},
		{"That didn't help", true},
		{"Nein, keine davon.", true},
		{"nein,keine davon", true},
		{"Nein – keine davon", true},
		{"keine davon 🙁", true},
		{"Hat leider nicht geholfen 🙁", true},
		{"Hat nicht geholfen :( ", true},
		{"hilft mir nicht 😕", true},
		{"no, none of them", true},
		// An apostrophe, typed or typographic, with an emoji after the
		// words (review rv7, finding 7).
		{"didn't help 🙁", true},
		{"That didn’t help.", true},
		{"that didn’t help :(", true},
		{"didnt help", true},
		{"it didn't help me find the button", false},
		{"keine Ahnung", false},
		{"wie lösche ich keine davon", false},
		{"hat das geholfen?", false},
	} {
		if got := notHelped(chat.NormWords(tt.msg)); got != tt.want {
			t.Errorf("notHelped(%q) = %v, want %v", tt.msg, got, tt.want)
		}
	}
}

// TestOpensWithNo: a "no" opens a message of any length (chat.BareWords
// gave up past 64 bytes), and only as a word of its own.
func TestOpensWithNo(t *testing.T) {
	long := "nein, ich habe mein Cloud-Passwort vergessen und weiß nicht, was ich jetzt tun soll"
	for _, tt := range []struct {
		words string
		want  bool
	}{
		{chat.NormWords(long), true},
		{"nein, das hilft mir nicht", true},
		{"no, thats not helpful", true},
		{"nö – wie geht das", true},
		{"nee", true},
		{"n8 zusammen", false},
		{"neinsager sind doof", false},
		{"nochmal bitte", false},
		{"", false},
	} {
		if got := opensWithNo(tt.words); got != tt.want {
			t.Errorf("opensWithNo(%q) = %v, want %v", tt.words, got, tt.want)
		}
	}
}
