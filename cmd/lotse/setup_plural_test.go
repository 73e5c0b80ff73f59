package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestSetupSummaryPlurals: the last line of `lotse setup` counts problems
// and warnings with correct plurals in both languages; it said
// „4 Problem(e), 0 Hinweis(e).“ (fresh30).
func TestSetupSummaryPlurals(t *testing.T) {
	fail := problem(findFail, "x", "x", "", "")
	warn := problem(findWarn, "y", "y", "", "")
	tests := []struct {
		findings []finding
		de, en   string
	}{
		{nil, "0 Probleme, 0 Hinweise.", "0 problems, 0 warnings."},
		{[]finding{fail, warn}, "1 Problem, 1 Hinweis.", "1 problem, 1 warning."},
		{[]finding{fail, fail, warn, warn, warn}, "2 Probleme, 3 Hinweise.", "2 problems, 3 warnings."},
	}
	for _, tt := range tests {
		var de, en bytes.Buffer
		printFindings(&de, tt.findings, "de")
		printFindings(&en, tt.findings, "en")
		if got := lastLine(de.String()); got != tt.de {
			t.Errorf("German summary %q, want %q", got, tt.de)
		}
		if got := lastLine(en.String()); got != tt.en {
			t.Errorf("English summary %q, want %q", got, tt.en)
		}
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}
