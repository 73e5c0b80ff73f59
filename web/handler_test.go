package web_test

import (
	"bufio"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/web"
)

// cssPath returns the stylesheet URL from a page.
func cssPath(t *testing.T, page string) string {
	t.Helper()
	m := regexp.MustCompile(`<link rel="stylesheet" href="([^"]+)">`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("page links no stylesheet")
	}
	return m[1]
}

func TestRoutes(t *testing.T) {
	h, _ := newHandler(t, testLibrary, web.Options{})
	css := cssPath(t, get(t, h, "/").body)
	tests := []struct {
		name     string
		target   string
		status   int
		location string
		ctype    string
		want     []string // substrings of the body
		notWant  []string
	}{
		{name: "index", target: "/", status: 200, ctype: "text/html; charset=utf-8",
			want:    []string{`<h1>Alle Anleitungen</h1>`, `href="/konto/passwort-vergessen"`, `href="/willkommen"`, `href="/technik/%C3%BCber-uns"`, `<h2 id="thema-konto">Konto</h2>`},
			notWant: []string{"team/intern", "Supportfälle intern"}},
		{name: "guide", target: "/konto/passwort-vergessen", status: 200, ctype: "text/html; charset=utf-8",
			want: []string{
				`<h1>Passwort vergessen: neues Passwort setzen</h1>`,
				`<table>`, `<pre><code class="language-sh">`,
				`<h2 id="die-mail-kommt-nicht">Die Mail kommt nicht</h2>`,
				`<h3 id="passwort-vergessen-1">Passwort vergessen</h3>`,
				`<a href="/konto/zwei-faktor#app-einrichten">Zwei Faktoren einrichten</a>`,
				`<a href="/konto/passwort-vergessen#die-mail-kommt-nicht">`,
				`<img src="/bilder/konto/bilder/anmeldefeld.png" alt="Das Anmeldefeld mit dem Link „Passwort vergessen?“">`,
				`<a href="#welche-zug%c3%a4nge-betroffen-sind">`,
				`Interne Hinweise stehen in Supportfälle (nur`,
			},
			notWant: []string{"lotse-web.invalid", "team/intern", "mxc://"}},
		{name: "guide with escaped segment", target: "/technik/%C3%BCber-uns", status: 200, want: []string{"<h1>Über uns: das Digitalisierungsteam</h1>"}},
		{name: "guide with raw segment", target: "/technik/über-uns", status: 200, want: []string{"<h1>Über uns"}},
		{name: "root guide", target: "/willkommen", status: 200, want: []string{`<h1>Willkommen bei Lotse</h1>`, `href="/#thema-sonstiges">Sonstiges</a>`}},
		{name: "trailing slash", target: "/konto/passwort-vergessen/", status: 301, location: "/konto/passwort-vergessen"},
		{name: "topic", target: "/konto", status: 301, location: "/#thema-konto"},
		{name: "topic with slash", target: "/konto/", status: 301, location: "/#thema-konto"},
		{name: "hidden guide", target: "/team/intern", status: 404, want: []string{"<h1>Seite nicht gefunden</h1>"}, notWant: []string{"Streng geheim", "Supportfälle intern"}},
		{name: "hidden topic", target: "/team", status: 404},
		{name: "unknown guide", target: "/konto/gibt-es-nicht", status: 404},
		{name: "with .md", target: "/konto/passwort-vergessen.md", status: 404},
		{name: "stylesheet", target: css, status: 200, ctype: "text/css; charset=utf-8", want: []string{"prefers-color-scheme: dark", "@media print"}},
		{name: "other stylesheet", target: "/static/lotse.css", status: 404},
		{name: "image", target: "/bilder/konto/bilder/anmeldefeld.png", status: 200, ctype: "image/png", want: []string{"\x89PNG"}},
		{name: "image of hidden guide", target: "/bilder/team/geheim.png", status: 404},
		{name: "guide source as image", target: "/bilder/konto/passwort-vergessen.md", status: 404},
		{name: "search form", target: "/suche", status: 200, want: []string{`<h1>Suche</h1>`, `Gib oben eine Frage`}},
		{name: "search", target: "/suche?q=Ich+habe+mein+Passwort+vergessen", status: 200,
			want: []string{`<a href="/konto/passwort-vergessen">Passwort vergessen: neues Passwort setzen</a>`, `value="Ich habe mein Passwort vergessen"`}},
		{name: "search finds section", target: "/suche?q=Authenticator+App+QR-Code+scannen", status: 200,
			want: []string{`<a href="/konto/zwei-faktor">Zwei-Faktor-Anmeldung einrichten</a>`, `<a href="/konto/zwei-faktor#app-einrichten">Abschnitt „App einrichten“</a>:`, `Scanne den QR-Code`}},
		{name: "search nothing", target: "/suche?q=Fahrradreparatur+Kettenschaltung", status: 200, want: []string{"Keine Anleitung passt zu „Fahrradreparatur Kettenschaltung“"}},
		{name: "search hides team guides", target: "/suche?q=Supportf%C3%A4lle+intern+bearbeiten", status: 200, notWant: []string{"team/intern", "Supportfälle intern bearbeiten</a>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, h, tt.target)
			if res.status != tt.status {
				t.Fatalf("GET %s: status %d, want %d", tt.target, res.status, tt.status)
			}
			if got := res.header.Get("Location"); got != tt.location {
				t.Errorf("Location = %q, want %q", got, tt.location)
			}
			if tt.ctype != "" && res.header.Get("Content-Type") != tt.ctype {
				t.Errorf("Content-Type = %q, want %q", res.header.Get("Content-Type"), tt.ctype)
			}
			for _, w := range tt.want {
				if !strings.Contains(res.body, w) {
					t.Errorf("body lacks %q", w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(res.body, w) {
					t.Errorf("body contains %q", w)
				}
			}
		})
	}
}

func TestPathTraversal(t *testing.T) {
	h, _ := newHandler(t, testLibrary, web.Options{})
	gomod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	secrets := []string{string(gomod[:40]), "root:", "Streng geheim", "\x89PNG", "package web"}
	targets := []string{
		"/../../etc/passwd",
		"/../go.mod",
		"/bilder/../../go.mod",
		"/bilder/../../../go.mod",
		"/bilder/konto/bilder/../../team/geheim.png",
		"/bilder/konto/../konto/bilder/anmeldefeld.png",
		"/bilder/./konto/bilder/anmeldefeld.png",
		"/bilder//konto/bilder/anmeldefeld.png",
		"/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
		"/%2e%2e/%2e%2e/etc/passwd",
		"/bilder/%2e%2e%2f%2e%2e%2fgo.mod",
		"/bilder/..%2f..%2fgo.mod",
		"/bilder/..%2F..%2Fgo.mod",
		"/bilder/konto%2fbilder%2fanmeldefeld.png",
		"/bilder/konto%5cbilder%5canmeldefeld.png",
		"/bilder/..\\..\\go.mod",
		"/static/..%2fhandler.go",
		"/static/../handler.go",
		"/konto/../team/intern",
		"/konto/..%2fteam%2fintern",
		"/.git/config",
		"/bilder/.hidden.png",
		"/konto/passwort-vergessen%00",
		"/konto/passwort-vergessen%00.png",
		"/%c0%ae%c0%ae/%c0%ae%c0%ae/go.mod",
		"/bilder/%252e%252e/go.mod",
		"//etc/passwd",
	}
	for _, target := range targets {
		t.Run(target, func(t *testing.T) {
			res := get(t, h, target)
			if res.status != http.StatusNotFound {
				t.Errorf("GET %s: status %d, want 404", target, res.status)
			}
			for _, s := range secrets {
				if strings.Contains(res.body, s) {
					t.Errorf("GET %s: body contains %q", target, s)
				}
			}
			if res.header.Get("Content-Security-Policy") != web.ContentSecurityPolicy {
				t.Errorf("GET %s: no CSP", target)
			}
		})
	}
}

func TestSecurityHeaders(t *testing.T) {
	h, _ := newHandler(t, testLibrary, web.Options{})
	css := cssPath(t, get(t, h, "/").body)
	want := map[string]string{
		"Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
	}
	requests := []struct{ method, target string }{
		{"GET", "/"}, {"HEAD", "/"}, {"GET", "/konto/passwort-vergessen"}, {"GET", "/konto"},
		{"GET", "/suche?q=passwort"}, {"GET", "/team/intern"}, {"GET", "/nix"}, {"GET", css},
		{"GET", "/bilder/konto/bilder/anmeldefeld.png"}, {"GET", "/../x"}, {"POST", "/"}, {"OPTIONS", "*"},
	}
	for _, r := range requests {
		res := do(t, h, r.method, r.target, nil)
		for k, v := range want {
			if got := res.header.Get(k); got != v {
				t.Errorf("%s %s: %s = %q, want %q", r.method, r.target, k, got, v)
			}
		}
		if c := res.header.Values("Set-Cookie"); len(c) > 0 {
			t.Errorf("%s %s sets cookies: %q", r.method, r.target, c)
		}
	}
}

func TestMethods(t *testing.T) {
	h, _ := newHandler(t, testLibrary, web.Options{})
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND"} {
		res := do(t, h, m, "/konto/passwort-vergessen", nil)
		if res.status != http.StatusMethodNotAllowed {
			t.Errorf("%s: status %d, want 405", m, res.status)
		}
		if got := res.header.Get("Allow"); got != "GET, HEAD" {
			t.Errorf("%s: Allow = %q", m, got)
		}
	}
	for _, target := range []string{"/", "/konto/passwort-vergessen", "/suche?q=passwort", "/nix", "/bilder/konto/bilder/anmeldefeld.png"} {
		g, hd := get(t, h, target), do(t, h, "HEAD", target, nil)
		if hd.status != g.status {
			t.Errorf("HEAD %s: status %d, GET %d", target, hd.status, g.status)
		}
		if hd.body != "" {
			t.Errorf("HEAD %s: body of %d bytes", target, len(hd.body))
		}
		if cl := hd.header.Get("Content-Length"); cl == "" || cl != g.header.Get("Content-Length") {
			t.Errorf("HEAD %s: Content-Length %q, GET %q", target, cl, g.header.Get("Content-Length"))
		}
	}
}

func TestEscaping(t *testing.T) {
	h, _ := newHandler(t, testLibrary, web.Options{})
	const title = "Skripte &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; andere Tricks"
	tests := []struct {
		target string
		want   []string
	}{
		{"/", []string{">" + title + "</a>", "Warum &lt;b&gt;HTML&lt;/b&gt; im Titel &amp; in der Zusammenfassung"}},
		{"/technik/skripte", []string{"<h1>" + title + "</h1>", "<title>" + title + " – Lotse-Anleitungen</title>", "einem gefährlichen Link"}},
		{"/suche?q=Skripte+im+Titel", []string{">" + title + "</a>"}},
		{"/suche?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%3E", []string{
			`value="&lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;"`,
			"„&lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;“",
			"<title>Suche: &lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt; – Lotse-Anleitungen</title>"}},
		{"/suche?q=%22+onfocus%3D%22alert(1)", []string{`value="&#34; onfocus=&#34;alert(1)"`}},
	}
	for _, tt := range tests {
		res := get(t, h, tt.target)
		if res.status != 200 {
			t.Fatalf("GET %s: %d", tt.target, res.status)
		}
		for _, w := range tt.want {
			if !strings.Contains(res.body, w) {
				t.Errorf("GET %s: body lacks %q", tt.target, w)
			}
		}
		for _, bad := range []string{"<script", "<b>HTML", "javascript:", "onerror", "go.mod", `onfocus="`} {
			if strings.Contains(res.body, bad) {
				t.Errorf("GET %s: body contains %q", tt.target, bad)
			}
		}
	}
}

func TestLongQuery(t *testing.T) {
	h, _ := newHandler(t, testLibrary, web.Options{})
	res := get(t, h, "/suche?q="+strings.Repeat("passwort+", 500)+"ende")
	if res.status != 200 {
		t.Fatalf("status %d", res.status)
	}
	if strings.Contains(res.body, "ende") {
		t.Error("query was not cut")
	}
	if res := get(t, h, "/suche?q=%ff%fe"); res.status != 200 {
		t.Errorf("invalid UTF-8 query: status %d", res.status)
	}
}

func TestConditionalGet(t *testing.T) {
	h, _ := newHandler(t, testLibrary, web.Options{})
	first := get(t, h, "/konto/passwort-vergessen")
	etag := first.header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	res := do(t, h, "GET", "/konto/passwort-vergessen", http.Header{"If-None-Match": {etag}})
	if res.status != http.StatusNotModified || res.body != "" {
		t.Errorf("If-None-Match: status %d, %d bytes; want 304, empty", res.status, len(res.body))
	}
}

func TestBaseURLPrefix(t *testing.T) {
	h, _ := newHandler(t, testLibrary, web.Options{BaseURL: "https://lotse.example.org/anleitungen/"})
	tests := []struct {
		target   string
		status   int
		location string
	}{
		{"/anleitungen/", 200, ""},
		{"/anleitungen", 301, "/anleitungen/"},
		{"/anleitungen/konto/passwort-vergessen", 200, ""},
		{"/anleitungen/konto", 301, "/anleitungen/#thema-konto"},
		{"/konto/passwort-vergessen", 404, ""},
		{"/", 404, ""},
		{"/anleitungenx/konto/passwort-vergessen", 404, ""},
		{"/anleitungen/suche?q=passwort", 200, ""},
	}
	for _, tt := range tests {
		res := get(t, h, tt.target)
		if res.status != tt.status || res.header.Get("Location") != tt.location {
			t.Errorf("GET %s: %d %q, want %d %q", tt.target, res.status, res.header.Get("Location"), tt.status, tt.location)
		}
	}
	page := get(t, h, "/anleitungen/konto/passwort-vergessen").body
	for _, w := range []string{`href="/anleitungen/konto/zwei-faktor#app-einrichten"`, `src="/anleitungen/bilder/konto/bilder/anmeldefeld.png"`,
		`action="/anleitungen/suche"`, `href="/anleitungen/static/lotse.`, `href="/anleitungen/"`} {
		if !strings.Contains(page, w) {
			t.Errorf("page lacks %q", w)
		}
	}
	for _, bad := range []string{"ftp://x", "https://x/?a=b", "https://x/#f", "https://x/a/../b", "://"} {
		if _, err := web.NewHandler(&source{}, web.Options{BaseURL: bad}); err == nil {
			t.Errorf("NewHandler accepted base URL %q", bad)
		}
	}
}

// TestBotLinks checks the contract with the bot's guideURL (cmd/lotse):
// base + "/" + the path-escaped segments of the ID without ".md" opens the
// guide, for every guide shown.
func TestBotLinks(t *testing.T) {
	for _, base := range []string{"", "https://lotse.example.org/anleitungen"} {
		h, src := newHandler(t, testLibrary, web.Options{BaseURL: base})
		prefix := strings.TrimPrefix(base, "https://lotse.example.org")
		shown := 0
		for _, g := range src.Current().Guides() {
			parts := strings.Split(strings.TrimSuffix(g.ID, ".md"), "/")
			for i, p := range parts {
				parts[i] = urlPathEscape(p)
			}
			target := prefix + "/" + strings.Join(parts, "/")
			want := http.StatusOK
			if !g.HasAudience("members") {
				want = http.StatusNotFound
			} else {
				shown++
			}
			if res := get(t, h, target); res.status != want {
				t.Errorf("base %q: GET %s: %d, want %d", base, target, res.status, want)
			}
		}
		if shown < 5 {
			t.Errorf("only %d guides shown", shown)
		}
	}
}

func TestAudiences(t *testing.T) {
	h, _ := newHandler(t, testLibrary, web.Options{Audiences: []string{"team"}})
	for target, want := range map[string]int{"/team/intern": 200, "/willkommen": 200, "/konto/passwort-vergessen": 404, "/bilder/team/geheim.png": 200, "/bilder/konto/bilder/anmeldefeld.png": 404} {
		if res := get(t, h, target); res.status != want {
			t.Errorf("team view: GET %s: %d, want %d", target, res.status, want)
		}
	}
}

func TestReload(t *testing.T) {
	h, src := newHandler(t, testLibrary, web.Options{})
	first := get(t, h, "/")
	if again := get(t, h, "/"); again.header.Get("ETag") != first.header.Get("ETag") {
		t.Error("same library, different page")
	}
	// Swap in another library: the cache is keyed by the *Library.
	src.lib.Store(loadLibrary(t, realLibrary))
	if err := h.Prepare(src.Current()); err != nil {
		t.Fatal(err)
	}
	second := get(t, h, "/")
	if second.header.Get("ETag") == first.header.Get("ETag") || !strings.Contains(second.body, "/nextcloud/erste-anmeldung") {
		t.Error("index not rendered again after the library changed")
	}
	if res := get(t, h, "/technik/skripte"); res.status != 404 {
		t.Errorf("guide of the old library: %d, want 404", res.status)
	}
	// Prepare with a library that is no longer current changes nothing.
	if err := h.Prepare(loadLibrary(t, testLibrary)); err != nil {
		t.Fatal(err)
	}
	if res := get(t, h, "/"); res.header.Get("ETag") != second.header.Get("ETag") {
		t.Error("Prepare of a stale library replaced the pages")
	}
}

func TestLegalLinksAndTitle(t *testing.T) {
	h, _ := newHandler(t, testLibrary, web.Options{SiteTitle: "Hilfe des Kreisverbands",
		ImpressumURL: "https://verein.test/impressum", PrivacyURL: "https://verein.test/datenschutz"})
	for _, p := range []string{"/", "/konto/passwort-vergessen", "/suche?q=passwort", "/gibt/es/nicht"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		body := rec.Body.String()
		for _, want := range []string{`<a href="https://verein.test/impressum">Impressum</a>`, `<a href="https://verein.test/datenschutz">Datenschutzerklärung</a>`, "Hilfe des Kreisverbands</a>"} {
			if !strings.Contains(body, want) {
				t.Errorf("%s lacks %s", p, want)
			}
		}
		if strings.Contains(body, "<script") || rec.Header().Get("Content-Security-Policy") != web.ContentSecurityPolicy {
			t.Errorf("%s: production pages must stay script-free", p)
		}
	}
	// Without the keys there is no legal nav at all.
	plain, _ := newHandler(t, testLibrary, web.Options{})
	rec := httptest.NewRecorder()
	plain.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if strings.Contains(rec.Body.String(), `class="legal"`) || !strings.Contains(rec.Body.String(), web.DefaultSiteTitle) {
		t.Error("legal links or title wrong without config")
	}
}

func TestLiveReloadStream(t *testing.T) {
	lr := web.NewLiveReload()
	srv := httptest.NewServer(lr)
	t.Cleanup(srv.Close)
	resp, err := srv.Client().Get(srv.URL + web.LiveReloadPath + "events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	r := bufio.NewReader(resp.Body)
	if line, err := r.ReadString('\n'); err != nil || !strings.HasPrefix(line, ": lotse") {
		t.Fatalf("first line %q %v", line, err)
	}
	// The stream is subscribed once its first line arrived: a change now reaches it.
	lr.Notify()
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if line == "event: reload\n" {
			break
		}
	}
	js, err := srv.Client().Get(srv.URL + web.LiveReloadPath + "reload.js")
	if err != nil {
		t.Fatal(err)
	}
	defer js.Body.Close()
	if js.StatusCode != http.StatusOK || !strings.HasPrefix(js.Header.Get("Content-Type"), "text/javascript") {
		t.Errorf("reload.js: %s %s", js.Status, js.Header.Get("Content-Type"))
	}
}
