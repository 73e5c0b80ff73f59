package storage_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestBackup copies a SQLite database that is in use (a read transaction
// open elsewhere in the pool) and reads the copy back; PostgreSQL is refused
// with a pointer to pg_dump.
func TestBackup(t *testing.T) {
	ctx := context.Background()
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "sicherung.db")
			if name == "postgres" {
				if err := db.Backup(ctx, dest); !errors.Is(err, storage.ErrBackupPostgres) {
					t.Fatalf("backup of PostgreSQL: %v, want ErrBackupPostgres", err)
				}
				return
			}
			now := time.Now()
			c, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: "@m:hs", MemberRoom: "!dm", Summary: "Drucker"}, "$origin", "Frage", now)
			if err != nil {
				t.Fatal(err)
			}
			// A reader holding a transaction must not block the backup.
			tx, err := db.Root.RawDB.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			if _, err := tx.ExecContext(ctx, "SELECT COUNT(*) FROM support_case"); err != nil {
				t.Fatal(err)
			}
			if err := db.Backup(ctx, dest); err != nil {
				t.Fatal(err)
			}
			info, err := os.Stat(dest)
			if err != nil {
				t.Fatal(err)
			}
			if info.Mode().Perm() != 0o600 {
				t.Errorf("backup mode %v, want 0600 (it holds personal data and keys)", info.Mode().Perm())
			}
			if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".*partial")); len(leftovers) != 0 {
				t.Errorf("temporary files left: %v", leftovers)
			}
			if err := db.Backup(ctx, dest); err == nil {
				t.Fatal("a second backup overwrote the first")
			}
			copyDB, err := storage.Open(dest, zerolog.Nop())
			if err != nil {
				t.Fatal(err)
			}
			defer copyDB.Close()
			if err := copyDB.Upgrade(ctx); err != nil {
				t.Fatalf("the copy is not a current Lotse database: %v", err)
			}
			got, err := copyDB.Cases.Get(ctx, c.ID)
			if err != nil || got == nil || got.Summary != "Drucker" {
				t.Fatalf("case in the copy: %+v, %v", got, err)
			}
		})
	}
}

// TestBackupPrivateWhileWritten: the copy holds personal data and keys; it
// is unreadable for others also while it is written (VACUUM INTO creates it
// with the umask, typically 0644).
func TestBackupPrivateWhileWritten(t *testing.T) {
	db := storagetest.Open(t, filepath.Join(t.TempDir(), "lotse.db"))
	// A backup directory others may list, as /var/backups usually is.
	destDir := t.TempDir()
	if err := os.Chmod(destDir, 0o755); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(destDir, "sicherung.db")
	called := false
	defer storage.SetBackupWrittenHook(func(tmp string) {
		called = true
		// Readable for others only if every directory on the way and the
		// file itself let them in: the file's own directory is checked.
		file, err := os.Stat(tmp)
		if err != nil {
			t.Fatal(err)
		}
		dir, err := os.Stat(filepath.Dir(tmp))
		if err != nil {
			t.Fatal(err)
		}
		if file.Mode().Perm()&0o077 != 0 && dir.Mode().Perm()&0o077 != 0 {
			t.Errorf("the copy is open to others while written: file %v in directory %v", file.Mode().Perm(), dir.Mode().Perm())
		}
	})()
	if err := db.Backup(t.Context(), dest); err != nil {
		t.Fatal(err)
	}
	if !called {
		t.Fatal("the hook was not called")
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".*partial")); len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}
