package web_test

import (
	"context"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
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
	for _, w := range []string{"eine Suche gibt es hier nicht", `<a href="../index.html">Verzeichnis aller Anleitungen</a>`} {
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
		if strings.Contains(string(body), `<form`) {
			t.Errorf("%s: a static page has a search form", file)
		}
		for _, m := range hrefRE.FindAllStringSubmatch(string(body), -1) {
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

func TestBuildCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := web.Build(ctx, loadLibrary(t, testLibrary), t.TempDir(), web.Options{Dir: testLibrary})
	if err == nil || !strings.Contains(err.Error(), "context canceled") {
		t.Errorf("Build with cancelled context: %v", err)
	}
}
