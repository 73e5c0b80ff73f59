package guides_test

import (
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

// TestPrintable: control characters and bidirectional controls go, white
// space becomes a space, everything else (umlauts, emoji, typography) stays.
func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"Wie ändere ich mein Passwort? 🔑 „so“ …": "Wie ändere ich mein Passwort? 🔑 „so“ …",
		"a\x1b[2Kb":                  "a[2Kb",
		"a\x1b]52;c;ZXZpbA==\x07b":   "a]52;c;ZXZpbA==b",
		"zeile\neins\tzwei\r":        "zeile eins zwei ",
		"abc\u202edef\u2066g\u200fh": "abcdefgh",
		"\u0085\u009b31m":            " 31m",
		"":                           "",
	} {
		if got := guides.Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
}
