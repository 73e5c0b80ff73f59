package storage

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrBackupPostgres is returned by [DB.Backup] for a PostgreSQL database,
// which PostgreSQL's own tools back up (pg_dump).
var ErrBackupPostgres = errors.New("lotse backup copies SQLite databases only; back up PostgreSQL with pg_dump (see docs/operations.md)")

// Backup writes a consistent copy of the SQLite database to dest while the
// database stays in use (SQLite's VACUUM INTO: one read transaction, so
// Lotse keeps running). dest must not exist. The copy holds personal data
// and the crypto store's keys, so it is written with mode 0600, to a
// temporary name first and renamed when complete: an interrupted backup
// never leaves a file that looks whole.
func (db *DB) Backup(ctx context.Context, dest string) error {
	if IsPostgres(db.uri) {
		return ErrBackupPostgres
	}
	if db.uri == ":memory:" {
		return errors.New("an in-memory database cannot be backed up")
	}
	if _, err := os.Lstat(dest); err == nil {
		return fmt.Errorf("backup target %s already exists: choose a new name", dest)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("failed to check backup target: %w", err)
	}
	// VACUUM INTO creates its file with the process umask (often 0644) and
	// wants a path that does not exist yet: it writes into a directory of
	// its own (mode 0700) next to dest, so nobody else can open the copy
	// while it is written.
	dir, err := os.MkdirTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".*.partial")
	if err != nil {
		return fmt.Errorf("failed to create backup file: %w", err)
	}
	defer os.RemoveAll(dir) // the finished copy is linked to dest first
	if err := os.Chmod(dir, 0o700); err != nil {
		return fmt.Errorf("failed to restrict backup directory: %w", err)
	}
	tmpName := filepath.Join(dir, "lotse.db")
	// The target is a bound parameter, so any file name is safe.
	if _, err := db.Root.Exec(ctx, "VACUUM INTO ?", tmpName); err != nil {
		return fmt.Errorf("failed to copy the database: %w", err)
	}
	backupWritten(tmpName)
	if err := os.Chmod(tmpName, 0o600); err != nil {
		return fmt.Errorf("failed to restrict backup file: %w", err)
	}
	if err := syncFile(tmpName); err != nil {
		return err
	}
	// A hard link, unlike a rename, never replaces a file that appeared
	// at dest in the meantime.
	if err := os.Link(tmpName, dest); err != nil {
		return fmt.Errorf("failed to move backup into place: %w", err)
	}
	return nil
}

// backupWritten is called when the copy is complete but not yet in place (tests).
var backupWritten = func(string) {}

func syncFile(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("failed to open backup for syncing: %w", err)
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return fmt.Errorf("failed to sync backup: %w", err)
	}
	return nil
}
