package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestGuidesServeReloads: `lotse guides serve` serves the library with the
// live-reload script and announces a reload when a guide file changes.
func TestGuidesServeReloads(t *testing.T) {
	lib := copyLibrary(t)
	ctx, cancel := context.WithCancel(t.Context())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- runMain(ctx, []string{"guides", "serve", lib, "--listen", "127.0.0.1:0"}, nil, pw, io.Discard)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("guides serve: %v", err)
		}
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	m := regexp.MustCompile(`http://[0-9.:]+/`).FindString(line)
	if m == "" {
		t.Fatalf("no address in %q", line)
	}
	resp, err := http.Get(m + "konto/passwort-vergessen")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), `<script src="/_lotse/reload.js" defer>`) ||
		!strings.Contains(resp.Header.Get("Content-Security-Policy"), "script-src 'self'") {
		t.Fatalf("page: %s %s\n%.300s", resp.Status, resp.Header.Get("Content-Security-Policy"), page)
	}

	// A page that rebinds its host name to 127.0.0.1 gets nothing.
	rebound, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, m+"konto/passwort-vergessen", nil)
	rebound.Host = "evil.example"
	if resp, err := http.DefaultClient.Do(rebound); err != nil {
		t.Fatal(err)
	} else if resp.Body.Close(); resp.StatusCode != http.StatusForbidden {
		t.Errorf("request for another host name: %s, want 403", resp.Status)
	}

	reqCtx, stop := context.WithTimeout(t.Context(), 30*time.Second)
	defer stop()
	req, _ := http.NewRequestWithContext(reqCtx, http.MethodGet, m+"_lotse/events", nil)
	events, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer events.Body.Close()
	r := bufio.NewReader(events.Body)
	if _, err := r.ReadString('\n'); err != nil { // subscribed
		t.Fatal(err)
	}
	file := filepath.Join(lib, "konto", "passwort-vergessen.md")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, append(data, []byte("\nNeuer Absatz fürs Live-Neuladen.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	// The watcher also announces its start; read events until the page has
	// the change (the hook renders before it announces).
	for {
		l, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("no reload event with the change: %v", err)
		}
		if l != "event: reload\n" {
			continue
		}
		resp, err := http.Get(m + "konto/passwort-vergessen")
		if err != nil {
			t.Fatal(err)
		}
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(page), "Neuer Absatz fürs Live-Neuladen.") {
			return
		}
	}
}
