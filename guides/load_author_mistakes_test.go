package guides_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/guides"
)

// audienceSrc is a valid guide file with the title and audience.
func audienceSrc(title, audience string) string {
	return "---\ntitle: \"" + title + "\"\ntags: [a]\nsummary: \"Kurz.\"\naudience: " + audience + "\n---\n\n# " + title + "\n\nText.\n"
}

// problemFor returns the problems reported for the file whose path ends in
// name, as strings.
func problemFor(ps []guides.Problem, name string) []string {
	var out []string
	for _, p := range ps {
		if strings.HasSuffix(filepath.ToSlash(p.File), name) {
			out = append(out, p.String())
		}
	}
	return out
}

// TestLoadSymlinkOutOfLibrary: a symbolic link in the library that leads
// out of it is not read (its target may be any file Lotse can read, shown
// to members as a guide); a link to a file inside the library loads.
func TestLoadSymlinkOutOfLibrary(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	writeFile(t, outside, "geheim.md", audienceSrc("Geheim", "members"))
	writeFile(t, dir, "a/echt.md", audienceSrc("Echt", "members"))
	for name, target := range map[string]string{
		"a/raus.md":    filepath.Join(outside, "geheim.md"),
		"a/relativ.md": filepath.Join("..", "..", filepath.Base(outside), "geheim.md"),
		"a/innen.md":   "echt.md",
		"a/tot.md":     "fehlt.md",
	} {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	lib, problems, err := guides.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range lib.Guides() {
		if g.Title == "Geheim" {
			t.Errorf("%s: a file outside the library loaded", g.ID)
		}
	}
	if _, ok := lib.Get("a/innen.md"); !ok {
		t.Errorf("a link inside the library did not load: %v", problems)
	}
	for _, name := range []string{"a/raus.md", "a/relativ.md", "a/tot.md"} {
		if got := problemFor(problems, name); len(got) != 1 || !strings.Contains(got[0], "symbolic link points outside the guide library") {
			t.Errorf("%s: problems %q", name, got)
		}
	}
}

// TestLoadAuthorMistakes: what an author sees for the mistakes of a bad
// day — a binary file and an unknown audience say what is wrong; an
// unknown audience loads the guide (hidden from members) with a warning
// that `lotse guides check` turns into an error.
func TestLoadAuthorMistakes(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a/bild.md", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	writeFile(t, dir, "a/tippfehler.md", audienceSrc("Tippfehler", "[team, mitglieder]"))
	writeFile(t, dir, "a/gut.md", audienceSrc("Gut", "[members, team]"))
	lib, problems, err := guides.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := problemFor(problems, "a/bild.md"); len(got) != 1 || !strings.Contains(got[0], "file is binary") {
		t.Errorf("binary file: %q", got)
	}
	got := problemFor(problems, "a/tippfehler.md")
	if len(got) != 1 || !strings.Contains(got[0], `warning: unknown audience "mitglieder"`) || !strings.HasSuffix(got[0], "tippfehler.md:5: warning: unknown audience \"mitglieder\" (known: members, team)") {
		t.Errorf("unknown audience when loading: %q", got)
	}
	if g, ok := lib.Get("a/tippfehler.md"); !ok || guides.VisibleTo(g, false) {
		t.Errorf("guide with an unknown audience: loaded %v, visible to members", ok)
	}
	if got := problemFor(problems, "a/gut.md"); len(got) != 0 {
		t.Errorf("known audiences: %q", got)
	}
	checked, err := guides.Check(dir)
	if err != nil {
		t.Fatal(err)
	}
	got = problemFor(checked, "a/tippfehler.md")
	if len(got) != 1 || strings.Contains(got[0], "warning") || !strings.Contains(got[0], "members do not see this guide") {
		t.Errorf("unknown audience in check: %q", got)
	}
}

// TestStoreKeepsGuideWhileFileIsBroken: a reload while an editor has
// written half of a guide (or an author saved a typo) keeps the guide as
// loaded before, with a warning next to the error, instead of taking it
// from members until the next save; learned questions stay with it. The
// fixed file replaces it, a removed file removes it, and a new broken file
// is skipped as before.
func TestStoreKeepsGuideWhileFileIsBroken(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a/eins.md", audienceSrc("Eins", "members"))
	writeFile(t, dir, "a/zwei.md", audienceSrc("Zwei", "members"))
	s, err := guides.NewStore(dir, zerolog.Nop(), guides.WithLearnedQuestions(guides.Learned{"a/eins.md": {"wie geht eins"}}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	title := func(id string) string {
		g, ok := s.Current().Get(id)
		if !ok {
			return ""
		}
		return g.Title
	}
	for _, half := range []string{"", "---\ntitle: \"Eins neu\"\ntags: [a", "---\ntitle: \"Eins neu\"\n"} {
		writeFile(t, dir, "a/eins.md", half)
		problems, err := s.Reload(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got := title("a/eins.md"); got != "Eins" {
			t.Errorf("%q: guide while its file is broken: %q", half, got)
		}
		got := problemFor(problems, "a/eins.md")
		if len(got) != 2 || !strings.Contains(strings.Join(got, "\n"), "warning: keeping the version loaded before until the file is fixed") {
			t.Errorf("%q: problems %q", half, got)
		}
		if g, _ := s.Current().Get("a/eins.md"); g == nil || len(g.Learned) != 1 {
			t.Errorf("%q: learned questions of the kept guide: %v", half, g)
		}
	}
	writeFile(t, dir, "a/eins.md", audienceSrc("Eins neu", "members"))
	writeFile(t, dir, "a/drei.md", "---\ntitle: Drei\n")
	problems, err := s.Reload(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := title("a/eins.md"); got != "Eins neu" {
		t.Errorf("fixed guide: %q", got)
	}
	if got := title("a/drei.md"); got != "" || len(problemFor(problems, "a/drei.md")) != 1 {
		t.Errorf("new broken file: loaded %q, problems %v", got, problems)
	}
	if err := os.Remove(filepath.Join(dir, "a", "zwei.md")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	if got := title("a/zwei.md"); got != "" {
		t.Errorf("removed guide still there: %q", got)
	}
}

// TestParseRejectsCostlyMarkdown: Markdown the parser needs seconds to
// minutes for (deep nesting, many unclosed links in one paragraph) is
// refused with the line, before it is parsed; guides as authors write
// them, nested lists and link-rich paragraphs included, load.
func TestParseRejectsCostlyMarkdown(t *testing.T) {
	indented := func(levels int) string {
		var b strings.Builder
		for i := range levels {
			b.WriteString(strings.Repeat("  ", i) + "- Punkt\n")
		}
		return b.String()
	}
	links := strings.Repeat("Siehe [Anleitung](https://example.org/a) und [die andere](../b/c.md#d). ", 60)
	tests := []struct {
		name, body string
		wantLine   int    // 0: loads
		wantMsg    string // substring of the problem
	}{
		{"nested list markers", "Text.\n\n" + strings.Repeat("- ", 5000) + "x\n", 9, "nested 5000 levels"},
		{"nested quotes", strings.Repeat("> ", 3000) + "x\n", 7, "nested 3000 levels"},
		{"ordered in quotes", strings.Repeat("> 1. ", 200) + "x\n", 7, "nested 400 levels"},
		{"indented list", indented(300), 7 + 100, "nested 101 levels"},
		{"unclosed links", "Text.\n\n" + strings.Repeat("[a](", 20000) + "\n", 9, "too many to read in time"},
		{"unclosed images over lines", "Text.\n\n" + strings.Repeat("![a](\n", 8000), 9, "too many to read in time"},
		{"nested list of an author", indented(8) + "\n> - > Zitat in Liste\n", 0, ""},
		{"link-rich paragraphs", strings.Repeat(links+"\n\n", 20), 0, ""},
		{"long table", "| A | B |\n|---|---|\n" + strings.Repeat("| [x](https://example.org/x) | y |\n", 400), 0, ""},
		{"code with indentation", "```\n" + strings.Repeat(" ", 120) + "- key: value\n```\n", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "---\ntitle: T\ntags: [a]\nsummary: S\n---\n\n" + tt.body
			g, problems := guides.Parse("a/x.md", []byte(src))
			if tt.wantLine == 0 {
				if g == nil || len(problems) > 0 {
					t.Fatalf("did not load: %v", problems)
				}
				return
			}
			if g != nil || len(problems) != 1 || problems[0].Line != tt.wantLine || !strings.Contains(problems[0].Message, tt.wantMsg) {
				t.Errorf("got %v, %v; want line %d with %q", g != nil, problems, tt.wantLine, tt.wantMsg)
			}
		})
	}
}

// TestLoadWarnsDuplicateTitles: two guides with the same title both load
// (members get both), but the admin's log says so, as check fails on it.
func TestLoadWarnsDuplicateTitles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a/eins.md", audienceSrc("Eins", "members"))
	writeFile(t, dir, "b/eins.md", audienceSrc("eins ", "members"))
	lib, problems, err := guides.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if lib.Len() != 2 {
		t.Errorf("loaded %d guides", lib.Len())
	}
	got := problemFor(problems, "b/eins.md")
	if len(got) != 1 || !strings.HasSuffix(got[0], `b/eins.md:2: warning: duplicate title "eins" (also in a/eins.md)`) {
		t.Errorf("load: %q", got)
	}
	checked, err := guides.Check(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := problemFor(checked, "b/eins.md"); len(got) != 1 || strings.Contains(got[0], "warning") {
		t.Errorf("check: %q", got)
	}
}
