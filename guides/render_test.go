package guides_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lotse-bot/lotse/guides"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestRenderSanitises(t *testing.T) {
	tests := []struct {
		name      string
		md        string
		wantHTML  []string // substrings of the HTML
		wantPlain []string // substrings of the plain text
		notIn     []string // substrings of neither (case-insensitive)
	}{
		{
			name:  "script block",
			md:    "Text\n\n<script>alert(1)</script>\n\nmehr",
			notIn: []string{"<script", "alert(1)"},
		},
		{
			name:     "inline script",
			md:       "a <script>alert(1)</script> b",
			wantHTML: []string{"<p>a"},
			notIn:    []string{"<script", "&lt;script"},
		},
		{
			name:  "iframe",
			md:    "<iframe src=\"https://evil.example\"></iframe>\n\nText",
			notIn: []string{"iframe", "evil.example"},
		},
		{
			name:      "javascript link",
			md:        "[klick](javascript:alert(1))",
			wantHTML:  []string{"<p>klick</p>"},
			wantPlain: []string{"klick"},
			notIn:     []string{"javascript:", "href"},
		},
		{
			name:  "javascript link, mixed case",
			md:    "[klick](JaVaScRiPt:alert(1))",
			notIn: []string{"javascript:", "href"},
		},
		{
			name:  "javascript link, entity-encoded",
			md:    "[klick](java&#x73;cript:alert(1)) [zwei](&#106;avascript:alert(2))",
			notIn: []string{"javascript:", "href"},
		},
		{
			name:  "data link",
			md:    "[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
			notIn: []string{"data:", "href"},
		},
		{
			name:  "vbscript and file links",
			md:    "[a](vbscript:msgbox) [b](file:///etc/passwd)",
			notIn: []string{"vbscript:", "file:", "href"},
		},
		{
			name:  "javascript autolink",
			md:    "<javascript:alert(1)>",
			notIn: []string{"href"},
		},
		{
			name:     "raw anchor with javascript",
			md:       "<a href=\"javascript:alert(1)\">x</a>",
			wantHTML: []string{"x"},
			notIn:    []string{"javascript:", "href"},
		},
		{
			name:  "onerror attribute",
			md:    "<img src=x onerror=alert(1)>\n\nText <img src=x onerror=\"alert(2)\"> mehr",
			notIn: []string{"onerror", "<img", "alert("},
		},
		{
			name:  "style and event attributes via raw HTML",
			md:    "<p style=\"color:red\" onclick=\"alert(1)\">x</p>",
			notIn: []string{"style", "onclick"},
		},
		{
			name:  "http image dropped",
			md:    "Vorher ![Screenshot](http://example.org/a.png) nachher",
			notIn: []string{"<img", "example.org", "Screenshot"},
		},
		{
			name:     "mxc image kept",
			md:       "![Logo](mxc://example.org/abc123)",
			wantHTML: []string{`<img src="mxc://example.org/abc123" alt="Logo"`},
		},
		{
			name:      "relative link without resolver becomes text",
			md:        "Siehe [die andere Anleitung](andere.md#abschnitt).",
			wantHTML:  []string{"Siehe die andere Anleitung."},
			wantPlain: []string{"Siehe die andere Anleitung."},
			notIn:     []string{"href", "andere.md"},
		},
		{
			name:  "protocol-relative link",
			md:    "[x](//evil.example/a)",
			notIn: []string{"href", "evil.example"},
		},
		{
			name:      "allowed links",
			md:        "[Web](https://example.org/a?b=1&c=2) [Mail](mailto:hilfe@example.org) [FTP](ftp://ftp.example.org/x) www.example.org",
			wantHTML:  []string{`href="https://example.org/a?b=1&amp;c=2"`, `href="mailto:hilfe@example.org"`, `href="ftp://ftp.example.org/x"`, `href="http://www.example.org"`},
			wantPlain: []string{"Web (https://example.org/a?b=1&c=2)", "Mail (mailto:hilfe@example.org)", "www.example.org"},
		},
		{
			name:     "link title dropped",
			md:       `[x](https://example.org "Titel")`,
			wantHTML: []string{`<a href="https://example.org">x</a>`},
		},
		{
			name:      "code block with language",
			md:        "```go\nfmt.Println(\"<b>\")\n```",
			wantHTML:  []string{`<pre><code class="language-go">fmt.Println(&#34;&lt;b&gt;&#34;)`},
			wantPlain: []string{`fmt.Println("<b>")`},
		},
		{
			name:     "bad code language class",
			md:       "```go\" onclick=\"x\nx\n```",
			notIn:    []string{"onclick"},
			wantHTML: []string{"<pre><code"},
		},
		{
			name:      "ordered list start",
			md:        "3. drei\n4. vier",
			wantHTML:  []string{`<ol start="3">`},
			wantPlain: []string{"3. drei\n4. vier"},
		},
		{
			name:      "table and strikethrough",
			md:        "| A | B |\n|---|---|\n| ~~x~~ | y |",
			wantHTML:  []string{"<table>", "<del>x</del>"},
			wantPlain: []string{"A | B\nx | y"},
		},
		{
			name:     "HTML comment dropped",
			md:       "Text <!-- interne Notiz --> weiter\n\n<!--\nBlock\n-->",
			wantHTML: []string{"Text  weiter"},
			notIn:    []string{"interne Notiz", "Block", "<!--"},
		},
		{
			name:      "entities and escapes",
			md:        `AT&amp;T \<b\> &lt;i&gt; \*x\*`,
			wantHTML:  []string{"AT&amp;T &lt;b&gt; &lt;i&gt; *x*"},
			wantPlain: []string{"AT&T <b> <i> *x*"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html, plain := guides.Render(tt.md)
			if v := matrixHTMLViolation(html); v != "" {
				t.Errorf("HTML breaks the Matrix rules (%s):\n%s", v, html)
			}
			for _, w := range tt.wantHTML {
				if !strings.Contains(html, w) {
					t.Errorf("HTML lacks %q:\n%s", w, html)
				}
			}
			for _, w := range tt.wantPlain {
				if !strings.Contains(plain, w) {
					t.Errorf("plain text lacks %q:\n%s", w, plain)
				}
			}
			for _, n := range tt.notIn {
				if strings.Contains(strings.ToLower(html), strings.ToLower(n)) {
					t.Errorf("HTML contains %q:\n%s", n, html)
				}
				if strings.Contains(strings.ToLower(plain), strings.ToLower(n)) && n != "href" {
					t.Errorf("plain text contains %q:\n%s", n, plain)
				}
			}
		})
	}
}

func TestRenderDeepNesting(t *testing.T) {
	for _, md := range []string{
		strings.Repeat(">", 300) + " tief",
		strings.Repeat("- ", 300) + "tief",
		strings.Repeat("*a ", 200) + strings.Repeat("*", 200),
		strings.Repeat("[", 200) + "x" + strings.Repeat("](https://example.org)", 200),
	} {
		html, plain := guides.Render(md)
		if v := matrixHTMLViolation(html); v != "" {
			t.Errorf("%.20q…: HTML breaks the Matrix rules: %s", md, v)
		}
		if strings.TrimSpace(plain) == "" {
			t.Errorf("%.20q…: the text got lost", md)
		}
	}
}

func TestSanitizeHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<span data-mx-color="#ff0000" data-mx-spoiler="">x</span>`, `<span data-mx-color="#ff0000" data-mx-spoiler="">x</span>`},
		{`<span data-mx-color="red; background:url(x)">x</span>`, `<span>x</span>`},
		{`<font color="red">x</font>`, `x`},
		{`<mx-reply><blockquote>alt</blockquote></mx-reply>neu`, `<blockquote>alt</blockquote>neu`},
		{`<a href="mxc://example.org/x">x</a>`, `x`},
		{`<a href="https://example.org" target="_blank" rel="x">x</a>`, `<a href="https://example.org" target="_blank">x</a>`},
		{`<img src="https://example.org/x.png" alt="a">`, `<img alt="a">`},
		{`<ol start="2" type="a"><li>x</li></ol>`, `<ol start="2"><li>x</li></ol>`},
		{`<code class="language-go evil">x</code>`, `<code>x</code>`},
		{`<details><summary>Mehr</summary>Text</details>`, `<details><summary>Mehr</summary>Text</details>`},
	}
	for _, tt := range tests {
		if got := guides.SanitizeHTML(tt.in); got != tt.want {
			t.Errorf("SanitizeHTML(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestRenderGuideLinks(t *testing.T) {
	g := mustLoadFixture(t, "nextcloud/anmelden.md")
	type call struct{ id, anchor string }
	var calls []call
	resolve := func(id, anchor string) (string, bool) {
		calls = append(calls, call{id, anchor})
		if id == "allgemein/willkommen.md" {
			return "https://wiki.example.org/" + strings.TrimSuffix(id, ".md"), true
		}
		return "", false
	}
	r := guides.RenderGuide(g, guides.RenderOptions{Section: -1, Resolver: resolve})
	if r.Truncated {
		t.Error("a short guide should not be truncated")
	}
	want := []call{{"allgemein/willkommen.md", ""}, {"nextcloud/anmelden.md", "erste-anmeldung"}}
	if fmt.Sprint(calls) != fmt.Sprint(want) {
		t.Errorf("resolver calls %v, want %v", calls, want)
	}
	if !strings.Contains(r.HTML, `<a href="https://wiki.example.org/allgemein/willkommen">Übersicht</a>`) {
		t.Errorf("resolved link missing:\n%s", r.HTML)
	}
	if !strings.Contains(r.HTML, "zur ersten Anmeldung.") || !strings.Contains(r.Plain, "zur ersten Anmeldung.") {
		t.Errorf("unresolved link should become text:\n%s\n%s", r.HTML, r.Plain)
	}

	// Images are resolved the same way but kept only as mxc:// URLs.
	g, _ = guides.Parse("a/b.md", []byte("---\ntitle: T\ntags: [a]\nsummary: S\n---\n![eins](bilder/eins.png) ![zwei](../zwei.png)\n"))
	r = guides.RenderGuide(g, guides.RenderOptions{Resolver: func(id, _ string) (string, bool) {
		if id == "a/bilder/eins.png" {
			return "mxc://example.org/eins", true
		}
		return "https://example.org/" + id, true
	}})
	if !strings.Contains(r.HTML, `src="mxc://example.org/eins"`) || strings.Contains(r.HTML, "zwei") {
		t.Errorf("got %s", r.HTML)
	}
}

func TestRenderGuideTruncates(t *testing.T) {
	var body strings.Builder
	body.WriteString("# Große Anleitung\n\nEinleitung.\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&body, "\n## Abschnitt %d\n\n%s\n", i, strings.Repeat("Wörter & <Zeichen> über Übermaß. ", 40))
	}
	g, problems := guides.Parse("gross.md", []byte("---\ntitle: \"Große Anleitung\"\ntags: [a]\nsummary: S\n---\n"+body.String()))
	if g == nil {
		t.Fatal(problems)
	}

	tests := []struct {
		name     string
		opts     guides.RenderOptions
		want     []string // in the plain text
		notWant  []string
		maxBytes int
	}{
		{
			name:     "default budget, from the start",
			opts:     guides.RenderOptions{Section: -1},
			want:     []string{"Große Anleitung", "Einleitung.", "Abschnitt 1\n"},
			notWant:  []string{"Abschnitt 40"},
			maxBytes: guides.DefaultMaxBytes,
		},
		{
			name:     "from the matched section",
			opts:     guides.RenderOptions{Section: 30, MaxBytes: 8000},
			want:     []string{"Große Anleitung", "Abschnitt 30\n"},
			notWant:  []string{"Einleitung.", "Abschnitt 29\n"},
			maxBytes: 8000,
		},
		{
			name:     "section cut inside",
			opts:     guides.RenderOptions{Section: 2, MaxBytes: 1000},
			want:     []string{"Große Anleitung", "Abschnitt 2", " …"},
			notWant:  []string{"Abschnitt 3"},
			maxBytes: 1000,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := guides.RenderGuide(g, tt.opts)
			if !r.Truncated {
				t.Error("got Truncated=false")
			}
			if r.Size() > tt.maxBytes {
				t.Errorf("got %d bytes, want at most %d", r.Size(), tt.maxBytes)
			}
			if r.Size() < tt.maxBytes/3 {
				t.Errorf("got only %d bytes of %d: too much was cut", r.Size(), tt.maxBytes)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.Plain, w) {
					t.Errorf("plain text lacks %q", w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(r.Plain, w) {
					t.Errorf("plain text contains %q", w)
				}
			}
			if !utf8.ValidString(r.HTML) || !utf8.ValidString(r.Plain) {
				t.Error("output is not valid UTF-8")
			}
			if v := matrixHTMLViolation(r.HTML); v != "" {
				t.Errorf("HTML breaks the Matrix rules: %s", v)
			}
		})
	}
}

func TestRenderGuideCutsAtRuneBoundary(t *testing.T) {
	// One huge paragraph of multi-byte characters without spaces.
	g, _ := guides.Parse("x.md", []byte("---\ntitle: T\ntags: [a]\nsummary: S\n---\n"+strings.Repeat("äöü€😀", 3000)+"\n"))
	for _, limit := range []int{97, 500, 1001, 4096} {
		r := guides.RenderGuide(g, guides.RenderOptions{MaxBytes: limit})
		if !r.Truncated || r.Size() > limit || r.Size() == 0 {
			t.Errorf("limit %d: got truncated=%v size=%d", limit, r.Truncated, r.Size())
		}
		if !utf8.ValidString(r.HTML) || !utf8.ValidString(r.Plain) || strings.ContainsRune(r.Plain, utf8.RuneError) {
			t.Errorf("limit %d: UTF-8 broken at the cut: %q", limit, r.Plain[max(0, len(r.Plain)-20):])
		}
		if !strings.HasSuffix(r.Plain, "…") {
			t.Errorf("limit %d: the cut is not marked: %q", limit, r.Plain[max(0, len(r.Plain)-20):])
		}
	}
}

func TestRenderGolden(t *testing.T) {
	lib, _, err := guides.Load(fixtures)
	if err != nil {
		t.Fatal(err)
	}
	resolve := func(id, anchor string) (string, bool) {
		if _, ok := lib.Get(id); !ok {
			return "", false
		}
		u := "https://hilfe.example.org/" + strings.TrimSuffix(id, ".md")
		if anchor != "" {
			u += "#" + anchor
		}
		return u, true
	}
	for _, g := range lib.Guides() {
		t.Run(g.ID, func(t *testing.T) {
			r := guides.RenderGuide(g, guides.RenderOptions{Section: -1, Resolver: resolve})
			got := fmt.Sprintf("-- html --\n%s\n-- plain --\n%s\n", r.HTML, r.Plain)
			golden := filepath.Join("testdata", "render-"+strings.ReplaceAll(strings.TrimSuffix(g.ID, ".md"), "/", "-")+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./guides -update)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (run go test ./guides -update and review the diff):\n%s", golden, got)
			}
			if v := matrixHTMLViolation(r.HTML); v != "" {
				t.Errorf("HTML breaks the Matrix rules: %s", v)
			}
		})
	}
}

func TestExcerpt(t *testing.T) {
	g := mustLoadFixture(t, "nextcloud/anmelden.md")
	html, plain := guides.Excerpt(g, 1)
	if !strings.HasPrefix(plain, "Du bekommst eine Willkommensmail") || strings.Contains(plain, "Erste Anmeldung") {
		t.Errorf("got %q, want the section text without its heading", plain)
	}
	if !strings.Contains(html, "echo &#34;hallo&#34;") {
		t.Errorf("got HTML %q, want escaped text", html)
	}
	if _, plain := guides.Excerpt(g, 0); plain != g.Summary {
		t.Errorf("section 0: got %q, want the summary", plain)
	}

	long, _ := guides.Parse("l.md", []byte("---\ntitle: T\ntags: [a]\nsummary: S\n---\n## Lang\n\n"+strings.Repeat("Ein längerer Satz über Übermaß. ", 30)))
	_, plain = guides.Excerpt(long, 1)
	if n := utf8.RuneCountInString(plain); n > 305 || n < 200 || !strings.HasSuffix(plain, " …") {
		t.Errorf("got %d runes: %q", n, plain)
	}
}
