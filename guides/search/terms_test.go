package search

import (
	"slices"
	"strings"
	"testing"
)

func TestTerms(t *testing.T) {
	tests := []struct {
		a, b  string
		share bool
	}{
		{"Passwörter vergessen", "hab mein passwort vergessen", true},
		{"Wie melde ich eine Demo an?", "Demo anmelden – wie geht das?", true},
		{"Hallo, kurze Frage: gibt es einen Drucker?", "Drucker im Büro", true},
		{"Hallo, wie geht es dir?", "Danke, gut", false},
		{"Fahrtkosten zum Parteitag", "Passwort vergessen", false},
	}
	for _, tt := range tests {
		a, b := Terms(tt.a), Terms(tt.b)
		shared := slices.ContainsFunc(a, func(w string) bool { return slices.Contains(b, w) })
		if shared != tt.share {
			t.Errorf("Terms(%q) = %v, Terms(%q) = %v: share %v, want %v", tt.a, a, tt.b, b, shared, tt.share)
		}
	}
	if got := Terms("Hallo, bitte, danke!"); len(got) != 0 {
		t.Errorf("filler has terms: %v", got)
	}
	if got := Terms("Drucker Drucker drucker"); !slices.Equal(got, []string{Terms("Drucker")[0]}) {
		t.Errorf("repeats: %v", got)
	}
	if got := Terms(strings.Repeat("drucker ", 1000)); len(got) != 1 {
		t.Errorf("long text: %v", got)
	}
}
