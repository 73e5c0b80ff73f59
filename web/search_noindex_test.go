package web_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/web"
)

const robotsNoIndex = `<meta name="robots" content="noindex">`

// TestSearchPagesNotIndexed checks that every answer of the search page
// tells search engines not to index it: the page repeats the query, so an
// indexed result page would put a stranger's words on the site.
func TestSearchPagesNotIndexed(t *testing.T) {
	h, _ := newHandler(t, testLibrary, web.Options{})
	for _, target := range []string{
		"/suche",
		"/suche?q=",
		"/suche?q=passwort",
		"/suche?q=Die+Partei+sagt+etwas+ganz+anderes",
	} {
		for _, method := range []string{http.MethodGet, http.MethodHead} {
			res := do(t, h, method, target, nil)
			if res.status != http.StatusOK {
				t.Fatalf("%s %s: status %d", method, target, res.status)
			}
			if got := res.header.Get("X-Robots-Tag"); got != "noindex" {
				t.Errorf("%s %s: X-Robots-Tag %q, want noindex", method, target, got)
			}
			if method == http.MethodGet && !strings.Contains(res.body, robotsNoIndex) {
				t.Errorf("%s %s: no robots meta tag", method, target)
			}
		}
	}
	// The guide pages stay indexable.
	if res := get(t, h, "/"); res.header.Get("X-Robots-Tag") != "" || strings.Contains(res.body, robotsNoIndex) {
		t.Errorf("index: marked noindex")
	}
}

// TestStaticSearchPageNotIndexed checks the same for the static site,
// whose search page shows the query from the URL in the browser.
func TestStaticSearchPageNotIndexed(t *testing.T) {
	out := t.TempDir()
	if _, err := web.Build(t.Context(), loadLibrary(t, testLibrary), out, web.Options{Dir: testLibrary, Log: zerolog.Nop()}); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]bool{"suche/index.html": true, "index.html": false} {
		b, err := os.ReadFile(filepath.Join(out, file))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(b), robotsNoIndex); got != want {
			t.Errorf("%s: robots noindex %v, want %v", file, got, want)
		}
	}
}
