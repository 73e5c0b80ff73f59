package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/lotse-bot/lotse/web"
)

// The browser tests drive Debian's headless Chromium. Without a Chromium
// binary they skip, loudly; with LOTSE_BROWSER_TESTS=require (CI) a missing
// browser or axe-core fails them instead.
const (
	requireEnv = "LOTSE_BROWSER_TESTS"
	// axePath is axe-core as `npm ci` in web/browsertest installs it.
	axePath = "browsertest/node_modules/axe-core/axe.min.js"
)

// findChromium returns the Chromium binary: $LOTSE_CHROMIUM or the first of
// the usual names on $PATH.
func findChromium() (string, error) {
	if p := os.Getenv("LOTSE_CHROMIUM"); p != "" {
		return exec.LookPath(p)
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome-stable", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no chromium, chromium-browser or google-chrome on $PATH and LOTSE_CHROMIUM unset")
}

// skipOrFail skips the test with a loud message, or fails it when the
// environment requires browser tests.
func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv(requireEnv) == "require" {
		t.Fatalf("%s (%s=require)", msg, requireEnv)
	}
	banner := strings.Repeat("!", 72)
	t.Logf("\n%s\nBROWSER TEST SKIPPED: %s\nInstall Debian's chromium (apt-get install chromium) and run `npm ci` in web/browsertest.\n%s", banner, msg, banner)
	t.Skip("browser test skipped: " + msg)
}

// browser starts a headless Chromium with a fresh profile and returns a tab
// context that lives until the test ends.
func browser(t *testing.T) context.Context {
	t.Helper()
	bin, err := findChromium()
	if err != nil {
		skipOrFail(t, "%v", err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(390, 844),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	tab, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(cancelTab)
	phone := emulation.SetDeviceMetricsOverrideParams{Width: 390, Height: 844, DeviceScaleFactor: 2, Mobile: true}
	if _, err := chromedp.Call(tab, emulation.SetDeviceMetricsOverride, phone); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	return tab
}

// consoleErrors collects the browser's log entries about blocked content
// (CSP violations, mixed content).
type consoleErrors struct {
	mu      sync.Mutex
	entries []string
}

func (c *consoleErrors) listen(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Listen(ctx, func(ev any) {
		var text string
		switch ev := ev.(type) {
		case *cdplog.EventEntryAdded:
			text = ev.Entry.Text
		case *runtime.EventExceptionThrown:
			text = ev.ExceptionDetails.Text
		default:
			return
		}
		if strings.Contains(text, "Content Security Policy") || strings.Contains(text, "Refused to") {
			c.mu.Lock()
			c.entries = append(c.entries, text)
			c.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}

func (c *consoleErrors) list() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.entries...)
}

// screenshotDir is where the browser test leaves its screenshots.
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("LOTSE_SCREENSHOT_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "lotse-web-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// checkScreenshot fails unless buf is a PNG of the phone viewport with
// more than a handful of colours (not blank).
func checkScreenshot(t *testing.T, buf []byte, name string) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(buf))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	b := img.Bounds()
	if b.Dx() != 780 {
		t.Errorf("%s: %d px wide, want 780 (390 CSS px at 2x)", name, b.Dx())
	}
	colours := map[uint32]bool{}
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[r>>12<<8|g>>12<<4|bl>>12] = true
		}
	}
	if len(colours) < 8 {
		t.Errorf("%s: only %d colours, the page looks blank", name, len(colours))
	}
	path := filepath.Join(screenshotDir(t), name)
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// TestBrowserFlow opens the index, searches through the form, follows the
// first result and checks the rendered guide, at phone width.
func TestBrowserFlow(t *testing.T) {
	tab := browser(t)
	h, _ := newHandler(t, testLibrary, web.Options{})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	var blocked consoleErrors
	blocked.listen(t, tab)

	step := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(tab, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	value := func(expr string) string {
		t.Helper()
		v, err := chromedp.Run(tab, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("evaluate %s: %v", expr, err)
		}
		return v
	}
	step("open index", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.ID("q")))
	title := value(`document.title`)
	step("search", chromedp.SendKeys(chromedp.ID("q"), "Ich habe mein Passwort vergessen"),
		chromedp.Click(chromedp.CSS(`form[role=search] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`ol.hits`)))
	location := value(`location.href`)
	step("follow the first result", chromedp.Click(chromedp.CSS(`ol.hits li:first-child h2 a`)),
		chromedp.WaitVisible(chromedp.CSS(`article.guide h1`)))
	h1 := value(`document.querySelector('article.guide h1').textContent`)
	hasTable := value(`String(!!document.querySelector('.body table th'))`) == "true"
	hasList := value(`String(!!document.querySelector('.body ol li'))`) == "true"
	// The image loads on its own after the heading is visible: wait for
	// its load or error event (on a busy machine it was often still
	// loading when read at once — a flaky test, not a broken image).
	imgLoaded, err := chromedp.Run(tab, chromedp.Evaluate[string](`new Promise(done => {
		const i = document.querySelector('.body img');
		if (!i) return done("false");
		const ok = () => done(String(i.naturalWidth > 0));
		if (i.complete) return ok();
		i.addEventListener('load', ok);
		i.addEventListener('error', () => done("false"));
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("wait for the guide's image: %v", err)
	}
	shot, err := chromedp.Run(tab, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	step("follow an anchor link", chromedp.Click(chromedp.CSS(`nav.toc a[href="#die-mail-kommt-nicht"]`)))
	hash := value(`location.hash`)
	target := value(`(() => { const e = document.getElementById(decodeURIComponent(location.hash.slice(1))); return e ? e.tagName + ' ' + e.textContent : ''; })()`)

	if title != "Lotse-Anleitungen" {
		t.Errorf("index title %q", title)
	}
	if u, err := url.Parse(location); err != nil || u.Path != "/suche" || u.Query().Get("q") != "Ich habe mein Passwort vergessen" {
		t.Errorf("search went to %q", location)
	}
	if h1 != "Passwort vergessen: neues Passwort setzen" {
		t.Errorf("first result opened a guide with h1 %q", h1)
	}
	if !hasTable || !hasList {
		t.Errorf("guide: table %v, list %v", hasTable, hasList)
	}
	if imgLoaded != "true" {
		t.Error("the guide's image did not load")
	}
	if hash != "#die-mail-kommt-nicht" || target != "H2 Die Mail kommt nicht" {
		t.Errorf("anchor link: hash %q, target %q", hash, target)
	}
	checkScreenshot(t, shot, "testdata-guide-390.png")
	if b := blocked.list(); len(b) > 0 {
		t.Errorf("the browser blocked content: %q", b)
	}

	// Canary: the listener must see the CSP block an inline style, or the
	// check above proves nothing.
	csp := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Security-Policy", web.ContentSecurityPolicy)
		_, _ = w.Write([]byte(`<!DOCTYPE html><html lang="de"><title>x</title><style>body{color:red}</style><footer>x</footer></html>`))
	}))
	defer csp.Close()
	step("open CSP canary", chromedp.Navigate(csp.URL), chromedp.WaitReady(chromedp.CSS("footer")))
	if value(`document.title`) != "x" || len(blocked.list()) == 0 {
		t.Error("the console listener saw no CSP violation on the canary page")
	}
}

// axeResult is the part of axe.run's result the test reads.
type axeResult struct {
	Violations []struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []struct {
			Target []any `json:"target"`
		} `json:"nodes"`
	} `json:"violations"`
	Passes int `json:"passes"`
}

// TestBrowserAccessibility runs axe-core on the index, a guide and search
// pages of the fixture and the real library (light and dark colour scheme)
// and fails on serious or critical violations.
func TestBrowserAccessibility(t *testing.T) {
	tab := browser(t)
	axe, err := os.ReadFile(axePath)
	if err != nil {
		skipOrFail(t, "axe-core missing (%v); run `npm ci` in web/browsertest", err)
	}
	// Canary: a page with known faults must make axe report serious ones,
	// or the checks below prove nothing.
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`<!DOCTYPE html><html><head><title>x</title></head><body><img src="data:,"><input type="text"><a href="/"></a><footer></footer></body></html>`))
	}))
	defer bad.Close()
	if serious := axeSerious(t, tab, axe, bad.URL); len(serious) == 0 {
		t.Fatal("axe found no serious violation on a page without lang, alt texts, labels and link text")
	} else {
		t.Logf("canary: axe reports %v", serious)
	}

	screens := []struct {
		dir   string
		paths []string
	}{
		{testLibrary, []string{"/", "/konto/passwort-vergessen", "/technik/skripte", "/suche?q=Passwort+vergessen", "/suche", "/suche?q=xyzzy", "/gibt/es/nicht"}},
		{realLibrary, []string{"/", "/konto/passwort-vergessen", "/nextcloud/desktop-sync-client", "/suche?q=Kamera+geht+nicht"}},
	}
	for _, scheme := range []string{"light", "dark"} {
		if err := colorScheme(tab, scheme); err != nil {
			t.Fatal(err)
		}
		for _, s := range screens {
			// With the chat linked, as in production: the guide, 404 and
			// no-hits pages then carry the way to Lotse.
			h, _ := newHandler(t, s.dir, web.Options{ChatURL: "https://matrix.to/#/@lotse:example.org"})
			srv := httptest.NewServer(h)
			for _, p := range s.paths {
				name := fmt.Sprintf("%s %s %s", scheme, s.dir, p)
				res := runAxe(t, tab, axe, srv.URL+p)
				for _, v := range res.Violations {
					msg := fmt.Sprintf("%s: axe %s (%s): %s, %d node(s), first %v", name, v.ID, v.Impact, v.Help, len(v.Nodes), v.Nodes[0].Target)
					if v.Impact == "serious" || v.Impact == "critical" {
						t.Error(msg)
					} else {
						t.Log(msg)
					}
				}
				t.Logf("%s: %d violations, %d rules passed", name, len(res.Violations), res.Passes)
			}
			srv.Close()
		}
	}
}

// TestBrowserScreenshots takes phone-width screenshots of real pages (to
// look at) and checks that they are not blank.
func TestBrowserScreenshots(t *testing.T) {
	tab := browser(t)
	h, _ := newHandler(t, realLibrary, web.Options{})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	for _, s := range []struct{ name, path, scheme string }{
		{"index-390.png", "/", "light"},
		{"guide-390.png", "/konto/passwort-vergessen", "light"},
		{"search-390.png", "/suche?q=Ich+habe+mein+Passwort+vergessen", "light"},
		{"guide-390-dark.png", "/konto/passwort-vergessen", "dark"},
	} {
		if err := colorScheme(tab, s.scheme); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(tab, chromedp.Navigate(srv.URL+s.path), chromedp.WaitVisible(chromedp.CSS("footer"))); err != nil {
			t.Fatalf("%s: %v", s.path, err)
		}
		shot, err := chromedp.Run(tab, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("%s: %v", s.path, err)
		}
		checkScreenshot(t, shot, s.name)
	}
}

// colorScheme emulates prefers-color-scheme.
func colorScheme(ctx context.Context, scheme string) error {
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	return err
}

// runAxe opens url and runs axe-core on it.
func runAxe(t *testing.T, tab context.Context, axe []byte, url string) axeResult {
	t.Helper()
	err := chromedp.Do(tab,
		chromedp.Navigate(url),
		chromedp.WaitReady(chromedp.CSS("footer")),
		chromedp.Evaluate[chromedp.Void](string(axe)),
	)
	if err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	raw, err := chromedp.Run(tab, chromedp.Evaluate[string](
		`axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify({violations: r.violations, passes: r.passes.length}))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: axe: %v", url, err)
	}
	var res axeResult
	if err := json.Unmarshal([]byte(raw), &res); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	return res
}

// axeSerious returns the IDs of the serious and critical violations on url.
func axeSerious(t *testing.T, tab context.Context, axe []byte, url string) []string {
	t.Helper()
	var ids []string
	for _, v := range runAxe(t, tab, axe, url).Violations {
		if v.Impact == "serious" || v.Impact == "critical" {
			ids = append(ids, v.ID)
		}
	}
	return ids
}
