package guides_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lotse-bot/lotse/guides"
)

// addFixtureSeeds adds every Markdown file below testdata as a seed.
func addFixtureSeeds(f *testing.F, body bool) {
	f.Helper()
	_ = filepath.WalkDir("testdata", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		if body {
			if g, _ := guides.Parse("seed.md", src); g != nil {
				src = []byte(g.Body)
			}
		}
		f.Add(string(src))
		return nil
	})
}

func FuzzParseGuide(f *testing.F) {
	addFixtureSeeds(f, false)
	for _, s := range []string{
		"", "---", "---\n", "---\n---\n", "---\n---\nx", "---\r\n...\r\n",
		"---\ntitle: &a T\ntags: [*a]\nsummary: *a\n---\nx",
		"---\ntitle: [\n---\nx", "---\n? [a]\n: b\n---\nx", "---\n- a\n---\nx",
		"---\ntitle: T\ntags: [a]\nsummary: S\n---\n## a\n## a\n### b\n```\n## c\n",
		"\xff---\n", "---\ntitle: \"\\xff\"\n---\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		g, problems := guides.Parse("f.md", []byte(src))
		lines := strings.Count(src, "\n") + 1
		for _, p := range problems {
			if p.Line < 1 || p.Line > lines || p.File != "f.md" || p.Message == "" {
				t.Errorf("bad problem %v (file has %d lines)", p, lines)
			}
		}
		if g == nil {
			if !guides.HasErrors(problems) {
				t.Errorf("no guide but no error either: %v", problems)
			}
			return
		}
		if guides.HasErrors(problems) {
			t.Errorf("got a guide and errors: %v", problems)
		}
		if g.Title == "" || g.Summary == "" || len(g.Tags) == 0 || len(g.Audience) == 0 || strings.TrimSpace(g.Body) == "" {
			t.Errorf("incomplete guide %+v", g)
		}
		var body strings.Builder
		for i, s := range g.Sections {
			body.WriteString(s.Markdown)
			if i > 0 && (s.Level < 2 || s.Level > 3 || !g.HasAnchor(s.Anchor)) {
				t.Errorf("section %d is not a heading section: %+v", i, s)
			}
		}
		if body.String() != g.Body {
			t.Errorf("sections do not add up to the body")
		}
	})
}

func FuzzRender(f *testing.F) {
	addFixtureSeeds(f, true)
	for _, s := range []string{
		"<script>alert(1)</script>", "[x](javascript:alert(1))", "[x](java&#x73;cript:1)",
		"<img src=x onerror=alert(1)>", "![a](http://x/y.png)", "![a](mxc://x/y)",
		"<javascript:alert(1)>", "[x](<javascript:alert(1)>)", "[x][r]\n\n[r]: javascript:alert(1)",
		"```js\" onclick=\"x\n```", strings.Repeat(">", 120) + "x", strings.Repeat("- ", 120) + "x",
		"| a |\n|---|\n| <script> |", "<a href=\"javascript:x\">x</a>", "[x](\\javascript:alert(1))",
		"www.example.org/<script>", "https://example.org/\"onmouseover=\"alert(1)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		html, plain := guides.Render(md)
		if v := matrixHTMLViolation(html); v != "" {
			t.Fatalf("HTML breaks the Matrix rules (%s):\n%s", v, html)
		}
		if utf8.ValidString(md) && (!utf8.ValidString(html) || !utf8.ValidString(plain)) {
			t.Fatal("output is not valid UTF-8")
		}
		if strings.TrimSpace(md) == "" {
			return
		}
		g, _ := guides.Parse("f.md", []byte("---\ntitle: T\ntags: [a]\nsummary: S\n---\n"+md))
		if g == nil {
			return
		}
		const limit = 600
		r := guides.RenderGuide(g, guides.RenderOptions{MaxBytes: limit, Section: len(md) % 4})
		if r.Size() > limit {
			t.Fatalf("got %d bytes, limit %d", r.Size(), limit)
		}
		if v := matrixHTMLViolation(r.HTML); v != "" {
			t.Fatalf("truncated HTML breaks the Matrix rules (%s):\n%s", v, r.HTML)
		}
		if utf8.ValidString(md) && (!utf8.ValidString(r.HTML) || !utf8.ValidString(r.Plain)) {
			t.Fatal("truncated output is not valid UTF-8")
		}
		if bytes.Contains([]byte(strings.ToLower(r.HTML)), []byte("<script")) {
			t.Fatal("<script in output")
		}
	})
}
