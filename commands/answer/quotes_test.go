// Tests of the member's quotation inside the "no guide" reply: double
// marks become single ones inside the reply's own (guides.InnerQuotes,
// NoGuideReply), in German and English.

package answer

import (
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

// TestInnerQuotes checks that the None reply quotes a member's quotation
// with single marks inside its own double ones (Duden D 159; English
// ‘…’ inside “…”), and leaves a question without double marks alone.
func TestInnerQuotes(t *testing.T) {
	for _, tt := range []struct{ lang, q, want string }{
		{"de", "Mein Sohn sagt: „Du bist nutzlos“", "Mein Sohn sagt: ‚Du bist nutzlos‘"},
		{"de", `Zoom meldet "Fehler 42" beim Start`, "Zoom meldet ‚Fehler 42‘ beim Start"},
		{"de", "Excel sagt “Datei gesperrt”", "Excel sagt ‚Datei gesperrt‘"},
		{"de", "„a“ und „b“", "‚a‘ und ‚b‘"},
		{"en", `Zoom says "error 42" on start`, "Zoom says ‘error 42’ on start"},
		{"en", "Excel says “file locked”", "Excel says ‘file locked’"},
		// Must not: no double marks, apostrophes, single marks.
		{"de", "wie geht's? ‚schon‘ gut", "wie geht's? ‚schon‘ gut"},
		{"en", "it's 'fine'", "it's 'fine'"},
		{"de", "", ""},
	} {
		if got := guides.InnerQuotes(tt.lang, tt.q); got != tt.want {
			t.Errorf("guides.InnerQuotes(%s, %q) = %q, want %q", tt.lang, tt.q, got, tt.want)
		}
	}
	de := NoGuideReply(&German, Options{Cases: true}, "Mein Sohn sagt: „Du bist nutzlos“")
	if want := "Zu „Mein Sohn sagt: ‚Du bist nutzlos‘“ habe"; !strings.HasPrefix(de, want) {
		t.Errorf("German reply %q, want it to start %q", de, want)
	}
	en := NoGuideReply(&English, Options{Cases: true}, `Zoom says "error 42"`)
	if want := "Sorry, I found no guide that fits “Zoom says ‘error 42’”."; !strings.HasPrefix(en, want) {
		t.Errorf("English reply %q, want it to start %q", en, want)
	}
}

// TestInnerQuotesGermanInEnglish: a German „…“ in a question quoted by an
// English reply becomes ‘…’ like “…” does (review rv7, finding 10: it was
// left „…‘); English quotations stay as they were.
func TestInnerQuotesGermanInEnglish(t *testing.T) {
	for _, tt := range []struct{ q, want string }{
		{"Zoom says „Fehler 42“ on start", "Zoom says ‘Fehler 42’ on start"},
		{"„a“ and „b“", "‘a’ and ‘b’"},
		{"„a” and “b”", "‘a’ and ‘b’"},
		{"Excel says “file locked”", "Excel says ‘file locked’"},
		{`Zoom says "error 42" and „x“`, "Zoom says ‘error 42’ and ‘x’"},
	} {
		if got := guides.InnerQuotes("en", tt.q); got != tt.want {
			t.Errorf("guides.InnerQuotes(en, %q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}
