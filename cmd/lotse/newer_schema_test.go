package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestRunRefusesNewerSchemaBeforeWaiting: `lotse run` of a binary older
// than the database's schema stops with exit code 14 at its start, also
// while another process holds the lease — before (mend26b), it waited as
// PostgreSQL's standby (or stopped with SQLite's exit code 20) and met the
// newer schema only when it took over, hours later.
func TestRunRefusesNewerSchemaBeforeWaiting(t *testing.T) {
	pg := os.Getenv("LOTSE_TEST_POSTGRES")
	tests := []struct {
		name    string
		uri     func(t *testing.T) string
		needsPG bool
	}{
		{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "lotse.db") }, false},
		{"postgres", func(t *testing.T) string { return storagetest.FreshPostgresSchema(t, pg) }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.needsPG && pg == "" {
				t.Skip("LOTSE_TEST_POSTGRES not set")
			}
			uri := tt.uri(t)
			// The newer binary: its schema, and it holds the lease.
			newer := storagetest.Open(t, uri)
			if _, err := newer.Lotse.Exec(t.Context(), "UPDATE lotse_version SET version=99, compat=99"); err != nil {
				t.Fatal(err)
			}
			lease, err := newer.AcquireLease(t.Context(), storage.LeaseOptions{})
			if err != nil {
				t.Fatal(err)
			}
			defer lease.Release()

			cfg := config.Defaults()
			cfg.HomeserverURL, cfg.UserID, cfg.Password = "http://127.0.0.1:1", "@lotse:hs", "pw"
			cfg.PickleKey = "0123456789abcdef0123456789abcdef"
			cfg.GuidesDir = filepath.Join(t.TempDir(), "library")
			cfg.Database = uri
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			// Waiting as a standby ends the run (and fails the test).
			out := &cancelOnWrite{word: "standby", cancel: cancel}
			err = runBot(ctx, cfg, zerolog.New(out), nil)
			if exitCode(err) != exitUpgrade {
				t.Fatalf("got %v (exit %d), want exit code %d at the start\n%s", err, exitCode(err), exitUpgrade, out)
			}
		})
	}
}
