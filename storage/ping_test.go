package storage_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/storage"
)

// TestPingFailsWhenWritesFail: /readyz's database check must fail while
// the database takes no writes. A full disk is modelled by triggers that
// refuse every write to kv with SQLite's own words for SQLITE_FULL. The old
// Ping updated a row that never existed, wrote nothing and said "ok" on a
// full disk while every sync commit failed (adm27, checked on a full
// tmpfs); it fails this test.
func TestPingFailsWhenWritesFail(t *testing.T) {
	ctx := context.Background()
	db, err := storage.Open(filepath.Join(t.TempDir(), "lotse.db"), zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := db.Upgrade(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.Ping(ctx); err != nil {
		t.Fatalf("Ping on a writable database: %v", err)
	}
	for _, op := range []string{"INSERT", "UPDATE"} {
		q := "CREATE TRIGGER full_" + op + " BEFORE " + op + " ON kv BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END"
		if _, err := db.Root.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	err = db.Ping(ctx)
	if err == nil {
		t.Fatal("Ping said ok while every write fails")
	}
	if !strings.Contains(err.Error(), "the disk is full") {
		t.Errorf("Ping's error %q does not say the disk is full", err)
	}
}

// TestDiskFull: SQLite's and PostgreSQL's words for a full disk.
func TestDiskFull(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{errors.New("failed to store y: database or disk is full"), true},
		{errors.New(`pq: could not extend file "base/16384/2619": No space left on device`), true},
		{errors.New("ERROR: could not write block (SQLSTATE 53100)"), true},
		{errors.New("database is locked"), false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := storage.DiskFull(tt.err); got != tt.want {
			t.Errorf("DiskFull(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

// TestPingWritable: Ping's write works, and again, on every database kind
// (PostgreSQL with LOTSE_TEST_POSTGRES): the upsert of kv "__ping__".
func TestPingWritable(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			for range 2 {
				if err := db.Ping(t.Context()); err != nil {
					t.Fatalf("Ping: %v", err)
				}
			}
		})
	}
}
