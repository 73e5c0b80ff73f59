package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/web"
)

// benchQueries are questions as members type them.
var benchQueries = []string{
	"Ich habe mein Passwort vergessen",
	"wie teile ich eine datei per link",
	"kamera geht nicht in der konferenz",
	"Handy verloren 2FA",
	"speicherplatz voll was tun",
	"neue sitzung verifizieren element",
	"kalender aufs handy",
	"was speichert lotse über mich",
}

// benchServe serves the targets round-robin b.N times through the handler
// (rendered pages warm, as after Prepare) and reports the 50th and 99th
// percentile of the per-request server time and the response size.
func benchServe(b *testing.B, targets []string) {
	h, _ := newHandler(b, realLibrary, web.Options{})
	reqs := make([]*http.Request, len(targets))
	for i, t := range targets {
		reqs[i] = httptest.NewRequest(http.MethodGet, t, nil)
		if res := get(b, h, t); res.status != http.StatusOK {
			b.Fatalf("GET %s: %d", t, res.status)
		}
	}
	durations := make([]time.Duration, 0, b.N)
	var bytes int
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		rec := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(rec, reqs[i%len(reqs)])
		durations = append(durations, time.Since(start))
		bytes += rec.Body.Len()
	}
	b.StopTimer()
	slices.Sort(durations)
	pct := func(p float64) float64 {
		return float64(durations[min(len(durations)-1, int(p*float64(len(durations))))].Nanoseconds())
	}
	b.ReportMetric(pct(0.50), "p50-ns")
	b.ReportMetric(pct(0.99), "p99-ns")
	b.ReportMetric(float64(bytes)/float64(b.N), "bytes/page")
}

func BenchmarkIndex(b *testing.B) { benchServe(b, []string{"/"}) }

func BenchmarkGuide(b *testing.B) {
	benchServe(b, []string{"/konto/passwort-vergessen", "/nextcloud/desktop-sync-client", "/matrix/sicherheitsschluessel-verloren"})
}

func BenchmarkSearch(b *testing.B) {
	targets := make([]string, len(benchQueries))
	for i, q := range benchQueries {
		targets[i] = "/suche?q=" + url.QueryEscape(q)
	}
	benchServe(b, targets)
}

// BenchmarkRenderLibrary measures rendering all pages of the real library,
// what the first request after a reload would wait for without Prepare.
func BenchmarkRenderLibrary(b *testing.B) {
	h, src := newHandler(b, realLibrary, web.Options{})
	for range b.N {
		src.lib.Store(loadLibrary(b, realLibrary))
		if err := h.Prepare(src.Current()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchLongQuery measures the most a single search costs: queries
// of the full 200 runes the search takes (see searchGate for the bound
// over all requests).
func BenchmarkSearchLongQuery(b *testing.B) {
	queries := []string{
		strings.Repeat("passwort ", 22),
		strings.Repeat("ab cd ef gh ij kl mn op qr st uv wx yz ", 5),
		strings.Repeat("nextclouddesktopsynchronisierung ", 6),
	}
	targets := make([]string, len(queries))
	for i, q := range queries {
		targets[i] = "/suche?q=" + url.QueryEscape(q)
	}
	benchServe(b, targets)
}
