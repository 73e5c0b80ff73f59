package search

import "testing"

// TestIsParticiple: a weak participle's shape, behind any particle of
// particleList in either folding; nouns and infinitives of other shapes,
// strong participles and English words are none.
func TestIsParticiple(t *testing.T) {
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"geändert", true},
		{"gefragt", true},
		{"eingerichtet", true},
		{"weitergeleitet", true},
		{"zusammengefasst", true},
		{"beigetreten", false}, // strong („-en“)
		{"hinzugefügt", true},
		{"hinzugefuegt", true},
		{"herausgefiltert", true},
		{"zurückgesetzt", true},
		{"zurueckgesetzt", true},
		{"rübergeschickt", true},
		{"ruebergeschickt", true},
		{"gerät", false}, // too short
		{"verloren", false},
		{"geschrieben", false},
		{"speichert", false},
		{"changed", false},
		{"speed", false},
	} {
		if got := IsParticiple(c.w); got != c.want {
			t.Errorf("IsParticiple(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}
