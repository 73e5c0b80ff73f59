package main

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// cancelOnWrite is a log sink that ends the run at its first line that
// contains word (a wait that would otherwise never end: a retry is
// logged as a warning).
type cancelOnWrite struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	word   string
	cancel context.CancelFunc
}

func (w *cancelOnWrite) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if strings.Contains(string(p), w.word) {
		w.cancel()
	}
	return w.buf.Write(p)
}

func (w *cancelOnWrite) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// TestRunDatabaseRefused: `lotse run` on a PostgreSQL database that will
// never let it in — a URI a base64 password broke, a database name that
// does not exist — stops with exit code 12 and a reason that names no
// password (operations.md, "Lotse does not start"). Before, it waited as
// a "standby" and logged the whole URI, password included, once a second
// (ops26).
func TestRunDatabaseRefused(t *testing.T) {
	tests := []struct {
		name    string
		uri     func(base *url.URL) string
		needsPG bool
	}{
		{"unreadable URI", func(*url.URL) string { return "postgres://lotse:Zq/x+Kw9@127.0.0.1:5432/lotse?sslmode=disable" }, false},
		{"unknown database", func(u *url.URL) string {
			u.User = url.UserPassword("lotse", "Zq-Kw9")
			u.Path = "/lotse_ops26_missing"
			return u.String()
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := os.Getenv("LOTSE_TEST_POSTGRES")
			if tt.needsPG && base == "" {
				t.Skip("LOTSE_TEST_POSTGRES not set")
			}
			u, err := url.Parse(base)
			if err != nil {
				t.Fatal(err)
			}
			cfg := config.Defaults()
			cfg.HomeserverURL, cfg.UserID, cfg.Password = "http://127.0.0.1:1", "@lotse:hs", "pw"
			cfg.PickleKey = "0123456789abcdef0123456789abcdef"
			cfg.GuidesDir = filepath.Join(t.TempDir(), "library")
			cfg.Database = tt.uri(u)
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			out := &cancelOnWrite{word: `"level":"warn"`, cancel: cancel}
			err = runBot(ctx, cfg, zerolog.New(out), nil)
			if exitCode(err) != exitDatabase {
				t.Errorf("got %v (exit %d), want exit code %d", err, exitCode(err), exitDatabase)
			}
			if strings.Contains(out.String(), "Kw9") || (err != nil && strings.Contains(err.Error(), "Kw9")) {
				t.Errorf("the log or error names the password: %v\n%s", err, out)
			}
		})
	}
}

// TestLoggedFailure: a database that cannot be reached is logged at its
// first failures and then every five minutes, not once a second.
func TestLoggedFailure(t *testing.T) {
	logged := 0
	for n := 1; n <= 3600; n++ {
		if loggedFailure(n) {
			logged++
		}
	}
	if logged != 3+12 {
		t.Errorf("an hour of failures gives %d lines, want 15", logged)
	}
}

// TestSetupChecksDatabase: `lotse setup` reports a database Lotse cannot
// use before the first start — a SQLite folder that does not exist, a
// PostgreSQL that refuses Lotse (without quoting the password), a schema
// newer than the binary — and passes a fresh or current one (ops26:
// before, it said "0 problems" with a wrong database password).
func TestSetupChecksDatabase(t *testing.T) {
	pg := os.Getenv("LOTSE_TEST_POSTGRES")
	tests := []struct {
		name    string
		uri     func(t *testing.T) string
		want    int // level of the one finding; -1: none
		needsPG bool
	}{
		{"sqlite, folder missing", func(t *testing.T) string { return filepath.Join(t.TempDir(), "nope", "lotse.db") }, findFail, false},
		{"sqlite, first start", func(t *testing.T) string { return filepath.Join(t.TempDir(), "lotse.db") }, -1, false},
		{"postgres, unreadable URI", func(*testing.T) string { return "postgres://lotse:Zq/x+Kw9@127.0.0.1:5432/lotse" }, findFail, false},
		{"postgres, unknown database", func(*testing.T) string {
			u, _ := url.Parse(pg)
			u.User, u.Path = url.UserPassword("lotse", "Zq-Kw9"), "/lotse_ops26_missing"
			return u.String()
		}, findFail, true},
		{"postgres, first start", func(t *testing.T) string { return storagetest.FreshPostgresSchema(t, pg) }, findOK, true},
		{"postgres, newer schema", func(t *testing.T) string {
			uri := storagetest.FreshPostgresSchema(t, pg)
			db := storagetest.Open(t, uri)
			if _, err := db.Lotse.Exec(t.Context(), "UPDATE lotse_version SET version=99, compat=99"); err != nil {
				t.Fatal(err)
			}
			return uri
		}, findFail, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.needsPG && pg == "" {
				t.Skip("LOTSE_TEST_POSTGRES not set")
			}
			cfg := config.Defaults()
			cfg.Database = tt.uri(t)
			got := checkDatabase(t.Context(), cfg)
			if tt.want < 0 {
				if len(got) != 0 {
					t.Fatalf("findings %+v, want none", got)
				}
				return
			}
			if len(got) != 1 || got[0].level != tt.want {
				t.Fatalf("findings %+v, want one of level %d", got, tt.want)
			}
			if strings.Contains(got[0].de+got[0].en, "Kw9") {
				t.Errorf("the finding quotes the password: %+v", got[0])
			}
		})
	}
}
