package storage_test

import (
	"context"
	"errors"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/storage"
)

// TestBadPostgresURINotQuoted: a postgres:// URI that cannot be parsed —
// a password from `openssl rand -base64` with a "/" in it — is refused at
// Open with an error that does not quote it. Before, lib/pq's parse error
// quoted the whole URI, password included, in every connection's error,
// and `lotse run` logged it once a second (ops26).
func TestBadPostgresURINotQuoted(t *testing.T) {
	for _, uri := range []string{
		"postgres://lotse:Zq/x+Kw9@127.0.0.1:5432/lotse?sslmode=disable",
		"postgresql://lotse:Zq#x+Kw9@db.example.org/lotse",
		"postgres://lotse:Zq@x+Kw9@127.0.0.1:54x/lotse",
		// The driver's own parser (mend26b): net/url let these through,
		// and every connection failed on them, logged once a second.
		"postgres://lotse:Zq@127.0.0.1:5432/lotse?sslmode=on&password=Kw9",
		"postgres://lotse:ZqKw9@127.0.0.1:99999/lotse",
		"host=127.0.0.1 user=lotse password=Zq Kw9 dbname=lotse",
	} {
		db, err := storage.Open(uri, zerolog.Nop())
		if err == nil {
			_ = db.Close()
			t.Fatalf("Open(%q) worked, want ErrBadURI", uri)
		}
		if !errors.Is(err, storage.ErrBadURI) || strings.Contains(err.Error(), "Kw9") || strings.Contains(err.Error(), "Zq") {
			t.Errorf("Open(%q): %v, want ErrBadURI without the password", uri, err)
		}
	}
}

// TestLeaseRefusedForGood: a PostgreSQL server that refuses Lotse — an
// unknown user, a database that does not exist — ends AcquireLease with
// ErrRefused at once (`lotse run`: exit code 12, the server's reason),
// instead of a standby's wait with a log line a second that never ends
// (ops26). A server that cannot be reached is still waited for.
func TestLeaseRefusedForGood(t *testing.T) {
	tests := []struct {
		name    string
		uri     func(base *url.URL) string
		refused bool
		needsPG bool
	}{
		{"unknown database", func(u *url.URL) string { u.Path = "/lotse_ops26_missing"; return u.String() }, true, true},
		{"unknown user", func(u *url.URL) string { u.User = url.UserPassword("ops26_nobody", "x"); return u.String() }, true, true},
		// Port 1: nothing listens; the server may be starting.
		{"unreachable", func(*url.URL) string {
			return "postgres://lotse:pw@127.0.0.1:1/lotse?sslmode=disable&connect_timeout=2"
		}, false, false},
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
			db, err := storage.Open(tt.uri(u), zerolog.Nop())
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			retried := false
			_, err = db.AcquireLease(ctx, storage.LeaseOptions{OnError: func(error) {
				retried = true
				cancel()
			}})
			if tt.refused && (!errors.Is(err, storage.ErrRefused) || retried) {
				t.Fatalf("lease: %v (retried %v), want ErrRefused at once", err, retried)
			}
			if !tt.refused && (!retried || !errors.Is(err, context.Canceled)) {
				t.Fatalf("lease: %v (retried %v), want a retry", err, retried)
			}
		})
	}
}
