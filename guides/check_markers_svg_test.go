package guides_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

// TestCheckLeftoverMarkersNotInFormats: XXX in a number's format
// („0151 XXX XXXX“, „XXX-XXX“) and a marker word in inline code
// (`TODO.txt`) are not notes left for authors; a note after them on the
// same line still is.
func TestCheckLeftoverMarkersNotInFormats(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a/formate.md", strings.Join([]string{
		"---", // 1
		"title: Formate",
		"tags: [format]",
		"summary: Wie Nummern aussehen.",
		"audience: members",
		"---",
		"",
		"# Formate",
		"",
		"Die Nummer hat die Form 0151 XXX XXXX.", // 10
		"Der Code hat die Form XXX-XXX (drei Gruppen: XXX/XXX).",
		"Leg die Datei `TODO.txt` an.",
		"Form XXX XXX, aber: XXX prüfen", // 13
		"Ende. XXX",                      // 14
		"",
	}, "\n"))
	_, got := checkDir(t, dir)
	want := []string{
		`a/formate.md:13: warning: "XXX" looks like a note left for authors; members would read it as it is`,
		`a/formate.md:14: warning: "XXX" looks like a note left for authors; members would read it as it is`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCheckWarnsAboutActiveSVG: `lotse guides check` warns about an SVG
// image the static site would leave out (a script in it), before the
// build does; a plain drawing passes.
func TestCheckWarnsAboutActiveSVG(t *testing.T) {
	dir := t.TempDir()
	const open = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">`
	writeFile(t, dir, "a/bilder/klar.svg", open+`<rect width="9" height="9"/></svg>`)
	writeFile(t, dir, "a/bilder/aktiv.svg", open+`<script>alert(1)</script></svg>`)
	writeFile(t, dir, "a/bild.md", strings.Join([]string{
		"---", // 1
		"title: Bilder",
		"tags: [bild]",
		"summary: Zwei Bilder.",
		"audience: members",
		"---",
		"",
		"# Bilder",
		"",
		"![Klar](bilder/klar.svg)", // 10
		"![Aktiv](bilder/aktiv.svg)",
		"",
	}, "\n"))
	_, got := checkDir(t, dir)
	want := []string{
		`a/bild.md:11: warning: image a/bilder/aktiv.svg is left out of the static site (lotse guides build-site), it has active content: a <script> element; export it as PNG or without scripts, links and external references`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// checkDir runs guides.Check on dir and returns its problems and each as
// text with dir taken off the path.
func checkDir(t *testing.T, dir string) ([]guides.Problem, []string) {
	t.Helper()
	problems, err := guides.Check(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems {
		got = append(got, strings.TrimPrefix(filepath.ToSlash(p.String()), filepath.ToSlash(dir)+"/"))
	}
	return problems, got
}
