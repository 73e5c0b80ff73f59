package chat_test

import (
	"testing"

	"github.com/lotse-bot/lotse/commands/chat"
)

// TestOneLineName: a display name, a kept or a learned question as Lotse
// shows or prints it — one line, no control character (a terminal's
// escape sequences: „\x1b[2K“ clears a line, „\x1b]52;…“ writes the
// clipboard), no invisible formatting character (a direction override
// turns a line around), runs of spaces collapsed; umlauts, emoji and
// typography stay.
func TestOneLineName(t *testing.T) {
	for in, want := range map[string]string{
		"Wie ändere ich mein Passwort? 🔑 „so“ …": "Wie ändere ich mein Passwort? 🔑 „so“ …",
		"Mia\n[IN ARBEIT: Alice]":                "Mia [IN ARBEIT: Alice]",
		"a\x1b[2Kb":                              "a [2Kb",
		"a\x1b]52;c;ZXZpbA==\x07b":               "a ]52;c;ZXZpbA== b",
		"zeile\neins\tzwei\r":                    "zeile eins zwei",
		"abc\u202edef\u2066g\u200fh\u200bi":      "abcdefghi",
		"\u0085\u009b31m":                        "31m",
		"  viel   Platz  ":                       "viel Platz",
		"":                                       "",
	} {
		if got := chat.OneLineName(in); got != want {
			t.Errorf("OneLineName(%q) = %q, want %q", in, got, want)
		}
	}
}
