package web_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/lotse-bot/lotse/web"
)

// TestLocalOnly: the authors' server answers only requests addressed to
// localhost or a loopback address, so a web page that rebinds its own host
// name to 127.0.0.1 cannot read the served guides through the browser.
func TestLocalOnly(t *testing.T) {
	h, _ := newHandler(t, testLibrary, web.Options{})
	local := web.LocalOnly("de", h)
	for host, want := range map[string]int{
		"127.0.0.1:8080":          http.StatusOK,
		"127.0.0.1":               http.StatusOK,
		"127.1.2.3:8080":          http.StatusOK,
		"[::1]:8080":              http.StatusOK,
		"localhost:8080":          http.StatusOK,
		"LOCALHOST.:8080":         http.StatusOK,
		"lotse.localhost:8080":    http.StatusOK,
		"evil.example:8080":       http.StatusForbidden,
		"evil.example":            http.StatusForbidden,
		"localhost.evil.example":  http.StatusForbidden,
		"192.0.2.1:8080":          http.StatusForbidden,
		"[::ffff:127.0.0.1]:80":   http.StatusOK,
		"[::1]":                   http.StatusOK,
		"[::2]:8080":              http.StatusForbidden,
		"localhost.evil.example.": http.StatusForbidden,
		"localhostevil.example":   http.StatusForbidden,
		"":                        http.StatusForbidden,
	} {
		req := httptest.NewRequest(http.MethodGet, "/konto/passwort-vergessen", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		local.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Host %q: status %d, want %d", host, rec.Code, want)
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("Host %q: no security headers", host)
		}
	}
}
