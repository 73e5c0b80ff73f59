package guides_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

func TestCheck(t *testing.T) {
	dir := filepath.Join("testdata", "lint")
	problems, err := guides.Check(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`a/eins.md:9: warning: link text "hier" says nothing on its own (a screen reader lists a page's links by their text): name where the link leads, e.g. [Passwort ändern](…)`,
		"a/eins.md:10: link to a/zwei.md#fehlt: that guide has no heading with this anchor",
		"a/eins.md:11: link to missing guide b/fehlt.md",
		`a/eins.md:12: link "../../raus.md" points outside the guide library`,
		`a/eins.md:13: link "javascript:alert(1)" uses a scheme Matrix does not allow (only https, http, ftp, mailto, magnet) or is malformed`,
		"a/eins.md:14: link to missing file a/hilfe@example.org (write mailto: before an e-mail address)",
		`a/eins.md:14: example address "example.org": use a placeholder such as {{cloud_url}} or {{contact_email}} (set in the site block of the config)`,
		"a/eins.md:15: link to a/eins.md#unten: that guide has no heading with this anchor",
		"a/eins.md:16: link to a/kaputt.md, which is not loaded: fix the problems listed for that file",
		"a/eins.md:17: link to a/zwei: the file is a/zwei.md",
		"a/eins.md:19: image a/fehlt.png does not exist",
		`a/eins.md:20: warning: image "https://example.org/a.png" is not shown: Matrix only displays mxc:// images`,
		`a/eins.md:20: example address "example.org": use a placeholder such as {{cloud_url}} or {{contact_email}} (set in the site block of the config)`,
		"a/eins.md:22: warning: raw HTML is not shown to users; use Markdown instead",
		"a/kaputt.md:3: invalid YAML in front matter: did not find expected ',' or ']'",
		`b/drei.md:2: duplicate title "zwei" (also in a/zwei.md)`,
	}
	var got []string
	for _, p := range problems {
		got = append(got, strings.TrimPrefix(filepath.ToSlash(p.String()), "testdata/lint/"))
	}
	if !slices.Equal(got, want) {
		t.Errorf("got problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !guides.HasErrors(problems) {
		t.Error("HasErrors = false, want true")
	}
}

func TestCheckClean(t *testing.T) {
	problems, err := guides.Check(fixtures)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 0 {
		t.Errorf("got problems in the good fixtures: %v", problems)
	}
}

func TestCheckCaseFoldedIDs(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a/Anleitung.md", "---\ntitle: Eins\ntags: [a]\nsummary: S\n---\nText.\n")
	writeFile(t, dir, "a/anleitung.md", "---\ntitle: Zwei\ntags: [a]\nsummary: S\n---\nText.\n")
	lib, _, err := guides.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if lib.Len() != 2 {
		t.Skip("case-insensitive file system")
	}
	problems, err := guides.Check(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "only in upper/lower case") || filepath.Base(problems[0].File) != "anleitung.md" {
		t.Errorf("got %v", problems)
	}
}

func TestCheckMissingRoot(t *testing.T) {
	if _, err := guides.Check(filepath.Join(t.TempDir(), "fehlt")); err == nil {
		t.Error("got no error for a missing root")
	}
}

// TestBenchLibrary checks the shared guide library if it is present.
func TestBenchLibrary(t *testing.T) {
	const dir = "/work/shared/bench/guides"
	lib, problems, err := guides.Load(dir)
	if err != nil {
		t.Skipf("no shared guide library: %v", err)
	}
	if guides.HasErrors(problems) {
		t.Errorf("load problems: %v", problems)
	}
	for _, g := range lib.Guides() {
		r := guides.RenderGuide(g, guides.RenderOptions{Section: -1})
		if r.Size() > guides.DefaultMaxBytes {
			t.Errorf("%s: %d bytes", g.ID, r.Size())
		}
		if v := matrixHTMLViolation(r.HTML); v != "" {
			t.Errorf("%s: %s", g.ID, v)
		}
	}
	if res := lib.Search("Mikrofon Echo", 3); len(res.Hits) == 0 {
		t.Error("search found nothing for \"Mikrofon Echo\"")
	}
}
