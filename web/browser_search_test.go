package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/web"
)

// TestBrowserStaticSearch builds the static site, opens it from the file
// system (no server) and searches with a typo and without umlauts through
// the form; the first hit opens the right guide.
func TestBrowserStaticSearch(t *testing.T) {
	tab := browser(t)
	out := t.TempDir()
	if _, err := web.Build(context.Background(), loadLibrary(t, testLibrary), out, web.Options{Dir: testLibrary, Log: zerolog.Nop()}); err != nil {
		t.Fatal(err)
	}
	value := func(expr string) string {
		t.Helper()
		v, err := chromedp.Run(tab, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("evaluate %s: %v", expr, err)
		}
		return v
	}
	for _, tc := range []struct{ query, want string }{
		{"Passwort vergesen", "Passwort vergessen: neues Passwort setzen"},
		{"zwei faktor", ""},
	} {
		err := chromedp.Do(tab,
			chromedp.Navigate("file://"+filepath.ToSlash(filepath.Join(out, "index.html"))),
			chromedp.WaitVisible(chromedp.ID("q")),
			chromedp.SendKeys(chromedp.ID("q"), tc.query),
			chromedp.Click(chromedp.CSS(`form[role=search] button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(`#treffer ol.hits`)),
		)
		if err != nil {
			t.Fatalf("search %q: %v", tc.query, err)
		}
		if got := value(`document.getElementById('q').value`); got != tc.query {
			t.Errorf("search field shows %q, want %q", got, tc.query)
		}
		first := value(`document.querySelector('#treffer ol.hits li a').textContent`)
		if tc.want != "" && first != tc.want {
			t.Errorf("%q: first hit %q, want %q", tc.query, first, tc.want)
		}
		if err := chromedp.Do(tab, chromedp.Click(chromedp.CSS(`#treffer ol.hits li:first-child a`)),
			chromedp.WaitVisible(chromedp.CSS(`article.guide h1`))); err != nil {
			t.Fatalf("%q: follow the first hit: %v", tc.query, err)
		}
		if tc.want != "" {
			if h1 := value(`document.querySelector('article.guide h1').textContent`); h1 != "Passwort vergessen: neues Passwort setzen" {
				t.Errorf("%q: opened %q", tc.query, h1)
			}
		}
	}
	// A query without a match says so, and nothing from the query becomes markup.
	err := chromedp.Do(tab,
		chromedp.Navigate("file://"+filepath.ToSlash(filepath.Join(out, "suche", "index.html"))+"?q=%3Cimg%20src%3Dx%3Exyzzy"),
		chromedp.WaitVisible(chromedp.CSS(`#treffer p`)))
	if err != nil {
		t.Fatal(err)
	}
	if text := value(`document.getElementById('treffer').textContent`); text == "" || value(`String(document.querySelectorAll('#treffer img').length)`) != "0" {
		t.Errorf("no-match page: %q", text)
	}
}

// TestBrowserStaticSearchLanguage: the static site's search script writes
// its lines and the window title in the site's language (before, always
// German).
func TestBrowserStaticSearchLanguage(t *testing.T) {
	tab := browser(t)
	out := t.TempDir()
	if _, err := web.Build(context.Background(), loadLibrary(t, testLibrary), out, web.Options{Dir: testLibrary, Language: "en", Log: zerolog.Nop()}); err != nil {
		t.Fatal(err)
	}
	page := "file://" + filepath.ToSlash(filepath.Join(out, "suche", "index.html"))
	for _, tc := range []struct{ query, wait, want, title string }{
		{"Passwort vergessen", `#treffer p.lead`, `^[0-9]+ hits? for “Passwort vergessen”\. The first guide fits best\.$`, "Search: Passwort vergessen – Lotse guides"},
		{"xyzzy%d", `#treffer p`, `^No guide fits “xyzzy%d”\. Try other words or browse the index of all guides\.$`, "Search: xyzzy%d – Lotse guides"},
	} {
		err := chromedp.Do(tab,
			chromedp.Navigate(page+"?q="+url.QueryEscape(tc.query)),
			chromedp.WaitVisible(chromedp.CSS(tc.wait)))
		if err != nil {
			t.Fatalf("search %q: %v", tc.query, err)
		}
		text, err := chromedp.Run(tab, chromedp.Evaluate[string](`document.getElementById('treffer').firstChild.textContent`))
		if err != nil {
			t.Fatal(err)
		}
		title, err := chromedp.Run(tab, chromedp.Evaluate[string](`document.title`))
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(tc.want).MatchString(text) {
			t.Errorf("search %q: %q, want %s", tc.query, text, tc.want)
		}
		if title != tc.title {
			t.Errorf("search %q: title %q, want %q", tc.query, title, tc.title)
		}
	}
}

// TestBrowserLiveReload: a page of `lotse guides serve` reloads itself when
// the library changes.
func TestBrowserLiveReload(t *testing.T) {
	tab := browser(t)
	h, _ := newHandler(t, testLibrary, web.Options{LiveReload: true})
	lr := web.NewLiveReload()
	mux := http.NewServeMux()
	mux.Handle(web.LiveReloadPath, lr)
	loads := make(chan struct{}, 10)
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r)
		if r.URL.Path == "/konto/passwort-vergessen" {
			loads <- struct{}{}
		}
	}))
	srv := httptest.NewServer(mux)
	t.Cleanup(func() {
		// The page's event stream stays open until the browser goes.
		srv.CloseClientConnections()
		srv.Close()
	})
	value := func(expr string) string {
		t.Helper()
		v, err := chromedp.Run(tab, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("evaluate %s: %v", expr, err)
		}
		return v
	}
	var blocked consoleErrors
	blocked.listen(t, tab)
	err := chromedp.Do(tab,
		chromedp.Navigate(srv.URL+"/konto/passwort-vergessen"),
		chromedp.WaitVisible(chromedp.CSS(`article.guide h1`)),
		chromedp.Poll[chromedp.Void](`window.lotseLiveReload && window.lotseLiveReload.readyState === 1`),
		chromedp.Evaluate[chromedp.Void](`window.vorDemNeuladen = true`),
	)
	if err != nil {
		t.Fatal(err)
	}
	<-loads // the first load
	lr.Notify()
	select {
	case <-loads:
	case <-time.After(30 * time.Second):
		t.Fatal("the page was not loaded again after the change")
	}
	if err := chromedp.Do(tab, chromedp.WaitVisible(chromedp.CSS(`article.guide h1`))); err != nil {
		t.Fatal(err)
	}
	if v := value(`String(!!window.vorDemNeuladen)`); v != "false" {
		t.Errorf("the marker survived: the page was not reloaded (%s)", v)
	}
	if b := blocked.list(); len(b) > 0 {
		t.Errorf("the browser blocked content: %q", b)
	}
}
