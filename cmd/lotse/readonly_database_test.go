package main

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestRunOnReadOnlyDatabaseNamesPermissions: a database Lotse may read but
// not write (the file owned by root after a restore, a read-only mount, a
// folder missing from ReadWritePaths) stops `lotse run` with exit code 12
// and says what to check — not exit code 14, which sends the admin to the
// upgrade notes for a database that is already up to date.
func TestRunOnReadOnlyDatabaseNamesPermissions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lotse.db")
	// Up to date, as after any earlier start, and out of WAL mode, as a
	// backup is (VACUUM INTO) that was restored with cp as root.
	db := storagetest.Open(t, path)
	if _, err := db.Root.RawDB.ExecContext(t.Context(), "PRAGMA journal_mode=DELETE"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	cfg := config.Defaults()
	cfg.HomeserverURL, cfg.UserID, cfg.Password = "http://127.0.0.1:1", "@lotse:hs", "pw"
	cfg.PickleKey = "0123456789abcdef0123456789abcdef"
	cfg.GuidesDir = filepath.Join(t.TempDir(), "library")
	// mode=ro: SQLite refuses every write, also to root (the tests' user),
	// as a read-only file does to the service user.
	cfg.Database = "file:" + path + "?mode=ro"
	err := runBot(t.Context(), cfg, zerolog.Nop(), nil)
	if exitCode(err) != exitDatabase {
		t.Fatalf("got %v (exit %d), want exit code %d", err, exitCode(err), exitDatabase)
	}
	for _, want := range []string{"readonly database", "Lotse cannot write to the database", "ReadWritePaths"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
}

func TestUpgradeFailure(t *testing.T) {
	for _, tc := range []struct {
		err  string
		code int
		hint string
	}{
		{"failed to upgrade database schema: failed to check if version table is up to date: attempt to write a readonly database", exitDatabase, "cannot write to the database"},
		{"failed to upgrade database schema: open lotse.db-wal: read-only file system", exitDatabase, "cannot write to the database"},
		{"failed to upgrade database schema: pq: cannot execute CREATE TABLE in a read-only transaction (SQLSTATE 25006)", exitDatabase, "read-only replica"},
		{"failed to upgrade database schema: database or disk is full", exitDatabase, "the disk of the database is full"},
		{"failed to upgrade database schema: pq: could not extend file: No space left on device (SQLSTATE 53100)", exitDatabase, "the disk of the database is full"},
		{"failed to upgrade database schema: relation \"case_draft\" already exists", exitUpgrade, ""},
		{"unsupported database schema version: currently on v99 (compatible down to v99), latest known: v25", exitUpgrade, ""},
	} {
		t.Run(tc.err, func(t *testing.T) {
			code, err := upgradeFailure(errors.New(tc.err))
			if code != tc.code {
				t.Errorf("code %d, want %d", code, tc.code)
			}
			if !strings.Contains(err.Error(), tc.err) || !strings.Contains(err.Error(), tc.hint) {
				t.Errorf("error %q lacks the cause or %q", err, tc.hint)
			}
		})
	}
}
