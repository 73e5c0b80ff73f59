package chat

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"
)

// TestUserWordMarkdownEscape: a Matrix ID copied from a command Lotse
// showed in a code span — where Escape's backslashes stay visible —
// names the person, not an ID with a backslash that Parse accepts (the
// approvers' „`!erklärung @max\_muster:verein.de erhalten <Datum>`“
// recorded the declaration for nobody; whole26). Fails without
// markdownEscape.
func TestUserWordMarkdownEscape(t *testing.T) {
	tests := []struct {
		arg  string
		want id.UserID
	}{
		{`@max\_muster:verein.de`, "@max_muster:verein.de"},
		{`@max\_muster:verein.de,`, "@max_muster:verein.de"},
		{`@a\-b\.c:verein.de`, "@a-b.c:verein.de"},
		{"@max_muster:verein.de", "@max_muster:verein.de"},
		{"@bob:example.org:8448", "@bob:example.org:8448"},
	}
	for _, tt := range tests {
		if got, ok := userWord(tt.arg); !ok || got != tt.want {
			t.Errorf("userWord(%q) = %q, %v; want %q", tt.arg, got, ok, tt.want)
		}
	}
	// The round trip: the plain text of such a message, its code span
	// copied word by word.
	u := id.UserID("@max_muster:verein.de")
	plain, _ := Render("Eintragen mit `!erklärung " + Escape(u.String()) + " erhalten <Datum>`.")
	_, code, _ := strings.Cut(plain, "!erklärung ")
	if got, ok := userWord(strings.Fields(code)[0]); !ok || got != u {
		t.Errorf("copied from %q: %q, %v; want %q", plain, got, ok, u)
	}
}
