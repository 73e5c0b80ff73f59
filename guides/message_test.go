package guides_test

import (
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

// TestShorten: one line, cut at max characters (runes, not bytes) with "…"
// and no space before it.
func TestShorten(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"  Wie  geht\n\tdas? ", 20, "Wie geht das?"},
		{"Wie geht das?", 13, "Wie geht das?"},
		{"Wie geht das?", 8, "Wie geht…"},
		{"Wie geht das?", 9, "Wie geht…"},
		{"Wie  geht\n das?", 9, "Wie geht…"},
		{"Übergröße ändern", 5, "Überg…"},
		{"", 5, ""},
	}
	for _, tt := range tests {
		if got := guides.Shorten(tt.in, tt.max); got != tt.want {
			t.Errorf("Shorten(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}
