package guides_test

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

const fixtures = "testdata/guides"

func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		wantLine int    // line of the first problem; 0 = no problem
		wantMsg  string // substring of the first problem's message
		wantWarn bool   // the problem is a warning and the guide loads
	}{
		{
			name: "good",
			src:  "---\ntitle: T\ntags: [a, b]\nsummary: S\n---\n\n# T\n\nText.\n",
		},
		{
			name: "CRLF and BOM",
			src:  "\uFEFF---\r\ntitle: T\r\ntags: [a]\r\nsummary: S\r\n---\r\nText.\r\n",
		},
		{
			name: "closing with dots",
			src:  "---\ntitle: T\ntags: [a]\nsummary: S\n...\nText.\n",
		},
		{
			name:     "no front matter",
			src:      "# T\n\nText.\n",
			wantLine: 1, wantMsg: "missing front matter",
		},
		{
			name:     "front matter not closed",
			src:      "---\ntitle: T\ntags: [a]\nsummary: S\n\nText.\n",
			wantLine: 1, wantMsg: "not closed",
		},
		{
			name:     "YAML syntax error",
			src:      "---\ntitle: T\ntags: [a, b\nsummary: S\n---\nText.\n",
			wantLine: 3, wantMsg: "invalid YAML", // the unclosed "["
		},
		{
			name:     "YAML bad indentation",
			src:      "---\ntitle: T\ntags: [a]\nsummary: S\n  oops: x\n---\nText.\n",
			wantLine: 5, wantMsg: "invalid YAML",
		},
		{
			name:     "missing title",
			src:      "---\ntags: [a]\nsummary: S\n---\nText.\n",
			wantLine: 1, wantMsg: `missing required field "title"`,
		},
		{
			name:     "missing summary",
			src:      "---\ntitle: T\ntags: [a]\n---\nText.\n",
			wantLine: 1, wantMsg: `missing required field "summary"`,
		},
		{
			name:     "empty title",
			src:      "---\ntitle: \"\"\ntags: [a]\nsummary: S\n---\nText.\n",
			wantLine: 2, wantMsg: "title must not be empty",
		},
		{
			name:     "title is a list",
			src:      "---\ntags: [a]\ntitle:\n  - T\nsummary: S\n---\nText.\n",
			wantLine: 4, wantMsg: "title must be text, not a list",
		},
		{
			name:     "tags is a mapping",
			src:      "---\ntitle: T\nsummary: S\ntags:\n  a: b\n---\nText.\n",
			wantLine: 5, wantMsg: "tags must be a list",
		},
		{
			name:     "tags is a string",
			src:      "---\ntitle: T\nsummary: S\ntags: a, b\n---\nText.\n",
			wantLine: 4, wantMsg: "tags must be a list",
		},
		{
			name:     "tag entry is a list",
			src:      "---\ntitle: T\nsummary: S\ntags:\n  - a\n  - [b, c]\n---\nText.\n",
			wantLine: 6, wantMsg: "every entry of tags must be text",
		},
		{
			name:     "empty tags",
			src:      "---\ntitle: T\nsummary: S\ntags: []\n---\nText.\n",
			wantLine: 4, wantMsg: "tags must not be empty",
		},
		{
			name:     "aliases is a mapping",
			src:      "---\ntitle: T\nsummary: S\ntags: [a]\naliases: {a: b}\n---\nText.\n",
			wantLine: 5, wantMsg: "aliases must be a list",
		},
		{
			name:     "duplicate field",
			src:      "---\ntitle: T\ntags: [a]\nsummary: S\ntitle: U\n---\nText.\n",
			wantLine: 5, wantMsg: `duplicate field "title" (first at line 2)`,
		},
		{
			name:     "front matter is a list",
			src:      "---\n- title\n- tags\n---\nText.\n",
			wantLine: 2, wantMsg: "must be a YAML mapping",
		},
		{
			name:     "empty front matter",
			src:      "---\n---\nText.\n",
			wantLine: 1, wantMsg: "missing required field",
		},
		{
			name:     "empty body",
			src:      "---\ntitle: T\ntags: [a]\nsummary: S\n---\n\n  \n",
			wantLine: 5, wantMsg: "no text after the front matter",
		},
		{
			name:     "not UTF-8",
			src:      "---\ntitle: T\ntags: [a]\nsummary: S\n---\n\nGr\xfc\xdfe\n",
			wantLine: 7, wantMsg: "not valid UTF-8",
		},
		{
			name:     "unknown field is a warning",
			src:      "---\ntitle: T\ntags: [a]\nsummary: S\nautor: X\n---\nText.\n",
			wantLine: 5, wantMsg: `unknown front matter field "autor"`, wantWarn: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, problems := guides.Parse("x/y.md", []byte(tt.src))
			if tt.wantLine == 0 {
				if len(problems) != 0 {
					t.Fatalf("got problems %v, want none", problems)
				}
				if g == nil || g.Title != "T" || g.Summary != "S" || len(g.Tags) == 0 {
					t.Fatalf("got guide %+v, want title T, summary S and tags", g)
				}
				return
			}
			if len(problems) == 0 {
				t.Fatalf("got no problems, want one at line %d", tt.wantLine)
			}
			p := problems[0]
			if p.Line != tt.wantLine || !strings.Contains(p.Message, tt.wantMsg) || p.File != "x/y.md" {
				t.Errorf("got problem %v, want x/y.md:%d: …%s…", p, tt.wantLine, tt.wantMsg)
			}
			if p.Warning != tt.wantWarn {
				t.Errorf("got warning=%v, want %v", p.Warning, tt.wantWarn)
			}
			if tt.wantWarn != (g != nil) {
				t.Errorf("got guide %v, want a guide only for warnings", g)
			}
		})
	}
}

func TestParseFields(t *testing.T) {
	src := "---\ntitle: \" Titel \"\ntags: [a, 2024]\nsummary: S\naliases:\n  - Wie geht das?\n  - \"\"\naudience: [Team, members]\n---\n# Titel\n\nText.\n"
	g, problems := guides.Parse("t.md", []byte(src))
	if len(problems) != 0 {
		t.Fatalf("got problems %v", problems)
	}
	if g.Title != "Titel" {
		t.Errorf("got title %q, want trimmed %q", g.Title, "Titel")
	}
	if want := []string{"a", "2024"}; !slices.Equal(g.Tags, want) {
		t.Errorf("got tags %q, want %q", g.Tags, want)
	}
	if want := []string{"Wie geht das?"}; !slices.Equal(g.Aliases, want) {
		t.Errorf("got aliases %q, want %q", g.Aliases, want)
	}
	if want := []string{"team", "members"}; !slices.Equal(g.Audience, want) {
		t.Errorf("got audience %q, want %q", g.Audience, want)
	}
	if !g.HasAudience("TEAM") || g.HasAudience("public") {
		t.Errorf("HasAudience is wrong for %q", g.Audience)
	}
	if g.Body != "# Titel\n\nText.\n" {
		t.Errorf("got body %q", g.Body)
	}

	g, _ = guides.Parse("t.md", []byte("---\ntitle: T\ntags: [a]\nsummary: S\n---\nText.\n"))
	if want := []string{guides.DefaultAudience}; !slices.Equal(g.Audience, want) {
		t.Errorf("got default audience %q, want %q", g.Audience, want)
	}
}

func TestSections(t *testing.T) {
	g := mustLoadFixture(t, "nextcloud/anmelden.md")
	want := []guides.Section{
		{Heading: "", Anchor: "", Level: 0},
		{Heading: "Erste Anmeldung", Anchor: "erste-anmeldung", Level: 2},
		{Heading: "Benutzername", Anchor: "benutzername", Level: 3},
		{Heading: "Passwort zurücksetzen", Anchor: "passwort-zurücksetzen", Level: 2},
		{Heading: "Passwort zurücksetzen", Anchor: "passwort-zurücksetzen-1", Level: 2},
	}
	if len(g.Sections) != len(want) {
		t.Fatalf("got %d sections, want %d: %+v", len(g.Sections), len(want), g.Sections)
	}
	var body strings.Builder
	for i, s := range g.Sections {
		body.WriteString(s.Markdown)
		if s.Heading != want[i].Heading || s.Anchor != want[i].Anchor || s.Level != want[i].Level {
			t.Errorf("section %d: got %q/%q/%d, want %q/%q/%d", i, s.Heading, s.Anchor, s.Level, want[i].Heading, want[i].Anchor, want[i].Level)
		}
	}
	if body.String() != g.Body {
		t.Errorf("sections do not add up to the body")
	}
	if !strings.HasPrefix(g.Sections[0].Markdown, "\n# In der Nextcloud anmelden") {
		t.Errorf("section 0 should hold the title line, got %q", g.Sections[0].Markdown)
	}
	if !strings.Contains(g.Sections[1].Markdown, "## kein Abschnitt") {
		t.Errorf("a heading inside a code block must not split, got %q", g.Sections[1].Markdown)
	}
	if !strings.Contains(g.Sections[2].Markdown, "#### Sonderfall") {
		t.Errorf("a level-4 heading must not split, got %q", g.Sections[2].Markdown)
	}
	if !g.HasAnchor("sonderfall") || !g.HasAnchor("in-der-nextcloud-anmelden") || g.HasAnchor("kein-abschnitt-nur-code") {
		t.Errorf("anchors of all headings (and only headings) should be known")
	}
	if i, ok := g.SectionByAnchor("benutzername"); !ok || i != 2 {
		t.Errorf("SectionByAnchor(benutzername) = %d, %v; want 2, true", i, ok)
	}

	// A setext heading of level 2 splits too; a body starting with a
	// heading has an empty section 0.
	g = mustLoadFixture(t, "faq.md")
	if len(g.Sections) != 2 || g.Sections[1].Heading != "Setext-Überschrift" || strings.TrimSpace(g.Sections[0].Markdown) != "" {
		t.Errorf("got sections %+v", g.Sections)
	}
}

func TestAnchor(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Erste Anmeldung", "erste-anmeldung"},
		{"Passwort zurücksetzen", "passwort-zurücksetzen"},
		{"Raum beantragen (für AGs)", "raum-beantragen-für-ags"},
		{"2FA: Handy verloren?", "2fa-handy-verloren"},
		{"  Ä Ö Ü ß  ", "ä-ö-ü-ß"},
		{"snake_case & dash-es", "snake_case--dash-es"},
	}
	for _, tt := range tests {
		if got := guides.Anchor(tt.in); got != tt.want {
			t.Errorf("Anchor(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLoad(t *testing.T) {
	lib, problems, err := guides.Load(fixtures)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 0 {
		t.Errorf("got problems %v", problems)
	}
	var ids []string
	for _, g := range lib.Guides() {
		ids = append(ids, g.ID)
		if g.Path != filepath.Join(fixtures, filepath.FromSlash(g.ID)) || g.ModTime.IsZero() {
			t.Errorf("%s: got path %q, mod time %v", g.ID, g.Path, g.ModTime)
		}
	}
	want := []string{"allgemein/willkommen.md", "faq.md", "nextcloud/anmelden.md", "team/intern.md"}
	if !slices.Equal(ids, want) {
		t.Errorf("got IDs %q, want %q (sorted, README and hidden files ignored)", ids, want)
	}
}

func TestLoadSkipsBadFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a/gut.md", "---\ntitle: Gut\ntags: [a]\nsummary: S\n---\nText.\n")
	writeFile(t, dir, "a/kaputt.md", "---\ntitle: Kaputt\ntags: [a\nsummary: S\n---\nText.\n")
	writeFile(t, dir, "b/leer.md", "---\ntitle: Leer\ntags: [a]\nsummary: S\n---\n")
	writeFile(t, dir, "notizen.txt", "keine Anleitung")

	lib, problems, err := guides.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if lib.Len() != 1 {
		t.Errorf("got %d guides, want 1", lib.Len())
	}
	want := []string{
		filepath.Join(dir, "a/kaputt.md") + ":3",
		filepath.Join(dir, "b/leer.md") + ":5",
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.File+":"+strconv.Itoa(p.Line))
	}
	if !slices.Equal(got, want) {
		t.Errorf("got problems %v, want at %q", problems, want)
	}
}

func TestLoadMissingRoot(t *testing.T) {
	if _, _, err := guides.Load(filepath.Join(t.TempDir(), "fehlt")); err == nil {
		t.Error("got no error for a missing root")
	}
}

func TestPlainText(t *testing.T) {
	md := "# Titel\n\nEin *kurzer* Text mit [Link](https://example.org) und \\*Sternen\\* &amp; `code`.\nZweite Zeile.\n\n" +
		"- eins\n- zwei\n  1. a\n  2. b\n\n3. drei\n4. vier\n\n> Zitat\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n<div>roh</div>\n\n![Bild](bild.png)\n"
	want := "Titel\n\nEin kurzer Text mit Link (https://example.org) und *Sternen* & code. Zweite Zeile.\n\n" +
		"• eins\n• zwei\n  1. a\n  2. b\n\n3. drei\n4. vier\n\n> Zitat\n\nA | B\n1 | 2"
	if got := guides.PlainText(md); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func mustLoadFixture(t *testing.T, id string) *guides.Guide {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(fixtures, filepath.FromSlash(id)))
	if err != nil {
		t.Fatal(err)
	}
	g, problems := guides.Parse(id, src)
	if g == nil {
		t.Fatalf("failed to parse %s: %v", id, problems)
	}
	return g
}

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestTopicTitles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("bbb/a.md", "---\ntitle: A\ntags: [a]\nsummary: s\n---\n\nText\n")
	write("konto/b.md", "---\ntitle: B\ntags: [b]\nsummary: s\n---\n\nText\n")
	write(guides.TopicsFile, "bbb: \"Videokonferenzen (BigBlueButton)\"\n")
	lib, problems, err := guides.Load(dir)
	if err != nil || len(problems) != 0 {
		t.Fatalf("load: %v %v", err, problems)
	}
	got := map[string]string{}
	for _, tp := range lib.Topics() {
		got[tp.Name] = tp.Title
	}
	if got["bbb"] != "Videokonferenzen (BigBlueButton)" || got["konto"] != "Konto" {
		t.Fatalf("topic titles = %v", got)
	}
	// Members see the topics in the file's order; topics it does not list
	// follow in folder order, guides at the root last.
	write("datenschutz/c.md", "---\ntitle: C\ntags: [c]\nsummary: s\n---\n\nText\n")
	write("wurzel.md", "---\ntitle: W\ntags: [w]\nsummary: s\n---\n\nText\n")
	write(guides.TopicsFile, "konto: \"Konto und Passwort\"\nbbb: \"Videokonferenzen\"\n")
	lib, problems, err = guides.Load(dir)
	if err != nil || len(problems) != 0 {
		t.Fatalf("load: %v %v", err, problems)
	}
	var order []string
	for _, tp := range lib.Topics() {
		order = append(order, tp.Name+"="+tp.Title)
	}
	if want := []string{"konto=Konto und Passwort", "bbb=Videokonferenzen", "datenschutz=Datenschutz", "=" + guides.RootTopicTitle}; !slices.Equal(order, want) {
		t.Errorf("topics %q, want %q", order, want)
	}
	write(guides.TopicsFile, "- not a map\n")
	if _, problems, _ = guides.Load(dir); len(problems) != 1 || !problems[0].Warning {
		t.Fatalf("bad topics file: problems = %v", problems)
	}
}
