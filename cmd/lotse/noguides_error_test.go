package main

import (
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

// TestNoGuidesErrorWords: the reason a library has no guide, in each
// case and number. „its 1 guide needs a feature“ read as a count of one
// among several (thirty-first pass, mend31a).
func TestNoGuidesErrorWords(t *testing.T) {
	broken := guides.Problem{File: "a.md", Message: "bad front matter"}
	warning := guides.Problem{File: "b.md", Message: "unknown audience", Warning: true}
	for _, tt := range []struct {
		name     string
		problems []guides.Problem
		leftOut  int
		want     string
	}{
		{"one broken", []guides.Problem{broken, warning}, 0, "no guide loaded from lib: 1 file has errors and was skipped (see above; lotse guides check lib)"},
		{"one file, three errors", []guides.Problem{broken, broken, broken, warning}, 0, "no guide loaded from lib: 1 file has errors and was skipped (see above; lotse guides check lib)"},
		{"two broken", []guides.Problem{broken, {File: "c.md", Message: "no title"}}, 0, "no guide loaded from lib: 2 files have errors and were skipped (see above; lotse guides check lib)"},
		{"one left out", nil, 1, "no guide loaded from lib: its only guide needs a feature the config switches off"},
		{"three left out", nil, 3, "no guide loaded from lib: all 3 guides need features the config switches off"},
		{"nothing", []guides.Problem{warning}, 0, "no guide in lib: it has no .md guide files; is it the library folder (shipped: library)?"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := noGuidesError("lib", tt.problems, tt.leftOut).Error(); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
