package main

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestServedGuideVotes: the web view as `lotse run` serves it asks "War das
// hilfreich?", links to the bot and counts a vote in the database's
// per-guide counters (issue 17 point 7).
func TestServedGuideVotes(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	db := storagetest.Open(t, filepath.Join(t.TempDir(), "l.db"))
	store, err := guides.NewStore(copyLibrary(t), zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cfg := config.Defaults()
	cfg.WebListen, cfg.UserID = addr, "@lotse:verein.test"
	done := make(chan error, 1)
	loc, err := cfg.Location()
	if err != nil {
		t.Fatal(err)
	}
	go func() { done <- serveWeb(ctx, cfg, loc, store, db.Feedback, zerolog.Nop()) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serveWeb: %v", err)
		}
	})
	page := "http://" + addr + "/konto/passwort-vergessen"
	waitHTTP(t, page, 200, "War das hilfreich?", "https://matrix.to/#/@lotse:verein.test", "Zuletzt geändert am")

	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, page, strings.NewReader(url.Values{"hilfreich": {"ja"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || !strings.HasSuffix(res.Header.Get("Location"), "#danke") {
		t.Fatalf("vote: %s %q", res.Status, res.Header.Get("Location"))
	}
	stats, _, err := db.Feedback.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(stats) != 1 || stats[0].GuideID != "konto/passwort-vergessen.md" || stats[0].Helpful != 1 {
		t.Fatalf("stats after the vote: %+v", stats)
	}
}
