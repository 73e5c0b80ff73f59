package guides

import (
	"slices"
	"testing"
)

// TestLeftoverMarkersFrontMatterAsLoaded: the author notes check finds the
// front matter where the loader does (splitFrontMatter): a file with
// Windows line ends, or a front matter closed by "...", has its YAML
// comments skipped and its text checked. Before, a CRLF file's YAML
// comment („# TODO“) was warned about, and after a "..." the whole text
// was read as front matter: a heading („## TODO …“) was taken for a YAML
// comment and its note went unnoticed.
func TestLeftoverMarkersFrontMatterAsLoaded(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []int // lines with a warning
	}{
		{"LF", "---\ntitle: X\ntags: [x] # TODO: ergänzen\n---\n\n# X\n\nTODO: Bild\n", []int{8}},
		{"CRLF", "---\r\ntitle: X\r\ntags: [x] # TODO: ergänzen\r\n---\r\n\r\n# X\r\n\r\nTODO: Bild\r\n", []int{8}},
		{"closed by dots", "---\ntitle: X\ntags: [x] # TODO: ergänzen\n...\n\n# X\n\n## TODO: Bild einfügen\n", []int{8}},
		{"closing line with blanks", "---\ntitle: X # FIXME\n--- \t\n\nText. FIXME\n", []int{5}},
		{"no front matter", "# X\n\n## TODO: Bild\n", []int{3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []int
			for _, p := range leftoverMarkerProblems([]byte(tc.src)) {
				got = append(got, p.Line)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("warnings on lines %v, want %v", got, tc.want)
			}
		})
	}
}
