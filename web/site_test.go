package web_test

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/web"
)

var hrefRE = regexp.MustCompile(`(?:href|src|action)="([^"]*)"`)

// maxPageBytes is the budget of one page without images.
const maxPageBytes = 30 * 1024

// TestCrawl follows every link of the site from the index, for the fixture
// and the real library: every page and file it links answers 200, every
// fragment names an id on the target page, and every page stays within
// the size budget.
func TestCrawl(t *testing.T) {
	for _, dir := range []string{testLibrary, realLibrary} {
		t.Run(dir, func(t *testing.T) {
			h, src := newHandler(t, dir, web.Options{})
			pages := map[string]string{} // path → body
			var queue []string
			var fragments []string // "path#id"
			visit := func(from, ref string) {
				u, err := url.Parse(ref)
				if err != nil {
					t.Errorf("%s: bad URL %q", from, ref)
					return
				}
				if u.Scheme != "" || u.Host != "" {
					return // external
				}
				p := u.EscapedPath()
				if p == "" {
					p = from
				}
				if !strings.HasPrefix(p, "/") {
					t.Errorf("%s: relative URL %q", from, ref)
					return
				}
				if u.Fragment != "" {
					fragments = append(fragments, p+"#"+u.Fragment)
				}
				if _, seen := pages[p]; !seen {
					pages[p] = ""
					queue = append(queue, p)
				}
			}
			visit("/", "/")
			for len(queue) > 0 {
				p := queue[0]
				queue = queue[1:]
				res := get(t, h, p)
				if res.status != 200 {
					t.Errorf("GET %s: %d", p, res.status)
					continue
				}
				pages[p] = res.body
				if !strings.HasPrefix(res.header.Get("Content-Type"), "text/html") {
					continue
				}
				if len(res.body) > maxPageBytes {
					t.Errorf("%s: %d bytes, budget %d", p, len(res.body), maxPageBytes)
				}
				if n := strings.Count(res.body, "<h1"); n != 1 {
					t.Errorf("%s: %d h1 elements", p, n)
				}
				for _, m := range hrefRE.FindAllStringSubmatch(res.body, -1) {
					if strings.HasPrefix(p, "/suche") && m[1] == "/suche" {
						continue
					}
					visit(p, htmlUnescape(m[1]))
				}
			}
			for _, f := range fragments {
				p, id, _ := strings.Cut(f, "#")
				if !strings.Contains(pages[p], ` id="`+id+`"`) {
					t.Errorf("link to %s: no element with that id", f)
				}
			}
			shown := 0
			for _, g := range src.Current().Guides() {
				if g.HasAudience("members") {
					shown++
					if _, ok := pages["/"+escapeID(g.ID)]; !ok {
						t.Errorf("guide %s not reachable from the index", g.ID)
					}
				}
			}
			t.Logf("%s: %d URLs crawled, %d guides shown, %d fragments checked", dir, len(pages), shown, len(fragments))
		})
	}
}

func escapeID(id string) string {
	parts := strings.Split(strings.TrimSuffix(id, ".md"), "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&#39;", "'", "&#34;", `"`, "&lt;", "<", "&gt;", ">").Replace(s)
}

// TestBuild writes the static site and checks that it is complete and that
// all its relative links point to files it wrote.
func TestBuild(t *testing.T) {
	out := t.TempDir()
	lib := loadLibrary(t, testLibrary)
	res, err := web.Build(context.Background(), lib, out, web.Options{Dir: testLibrary, Log: zerolog.Nop()})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages != 8 || res.Images != 1 {
		t.Errorf("Build = %+v, want 8 pages (index, suche, 404, 5 guides) and 1 image", res)
	}
	for _, name := range []string{"index.html", "404.html", "suche/index.html", "konto/passwort-vergessen/index.html",
		"willkommen/index.html", "technik/über-uns/index.html", "bilder/konto/bilder/anmeldefeld.png"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("missing %s: %v", name, err)
		}
	}
	for _, name := range []string{"team/intern/index.html", "team", "bilder/team/geheim.png"} {
		if _, err := os.Stat(filepath.Join(out, name)); err == nil {
			t.Errorf("%s was written, but its guide is for the team only", name)
		}
	}
	search, err := os.ReadFile(filepath.Join(out, "suche", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"<noscript>", `<a href="../index.html">Verzeichnis aller Anleitungen</a>`, `<div id="treffer"`} {
		if !strings.Contains(string(search), w) {
			t.Errorf("suche/index.html lacks %q", w)
		}
	}
	err = filepath.WalkDir(out, func(file string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(file, ".html") || strings.HasSuffix(file, "404.html") {
			return err
		}
		body, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		refs := hrefRE.FindAllStringSubmatch(string(body), -1)
		if !strings.Contains(string(body), `<form class="search"`) {
			t.Errorf("%s: a static page without the search form", file)
		}
		for _, m := range refs {
			u, err := url.Parse(htmlUnescape(m[1]))
			if err != nil || u.Scheme != "" {
				continue
			}
			if strings.HasPrefix(u.Path, "/") {
				t.Errorf("%s: absolute link %q", file, m[1])
				continue
			}
			target := file
			if u.Path != "" {
				target = filepath.Join(filepath.Dir(file), filepath.FromSlash(path.Clean(u.Path)))
			}
			data, err := os.ReadFile(target)
			if err != nil {
				t.Errorf("%s: link %q: %v", file, m[1], err)
				continue
			}
			if u.Fragment != "" && !strings.Contains(string(data), ` id="`+u.Fragment+`"`) {
				t.Errorf("%s: link %q: no such id", file, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestBuildSearchIndex: the static site's index holds the visible guides
// with folded words, never team guides, and cannot end its script early.
func TestBuildSearchIndex(t *testing.T) {
	out := t.TempDir()
	if _, err := web.Build(context.Background(), loadLibrary(t, testLibrary), out, web.Options{Dir: testLibrary, Log: zerolog.Nop()}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "suche", "suchindex.js"))
	if err != nil {
		t.Fatal(err)
	}
	js := string(data)
	raw, ok := strings.CutPrefix(strings.TrimSpace(js), "window.lotseSuchindex = ")
	if !ok {
		t.Fatalf("index script starts with %.40q", js)
	}
	var entries []struct {
		URL   string   `json:"u"`
		Title string   `json:"t"`
		TW    []string `json:"tw"`
		BW    []string `json:"bw"`
	}
	if err := json.Unmarshal([]byte(strings.TrimSuffix(raw, ";")), &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != 5 {
		t.Errorf("%d entries, want the 5 visible guides", len(entries))
	}
	for _, e := range entries {
		if strings.HasPrefix(e.URL, "team/") {
			t.Errorf("team guide %s in the public index", e.URL)
		}
		file, _ := url.PathUnescape(e.URL)
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(file))); err != nil {
			t.Errorf("entry %s: %v", e.URL, err)
		}
		if e.URL == "konto/passwort-vergessen/index.html" && !slices.Contains(e.TW, "passwort") {
			t.Errorf("title words %v lack passwort", e.TW)
		}
	}
	if strings.Contains(js, "</script") || strings.Contains(js, "<") {
		t.Error("index script contains '<' (a title could end the script)")
	}
	if !slices.ContainsFunc(entries, func(e struct {
		URL   string   `json:"u"`
		Title string   `json:"t"`
		TW    []string `json:"tw"`
		BW    []string `json:"bw"`
	}) bool {
		return slices.ContainsFunc(e.BW, func(w string) bool {
			return strings.Contains(w, "ue") || strings.Contains(w, "ae") || strings.Contains(w, "oe")
		})
	}) {
		t.Error("no folded umlaut in any body word")
	}
}

func TestBuildCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := web.Build(ctx, loadLibrary(t, testLibrary), t.TempDir(), web.Options{Dir: testLibrary})
	if err == nil || !strings.Contains(err.Error(), "context canceled") {
		t.Errorf("Build with cancelled context: %v", err)
	}
}
