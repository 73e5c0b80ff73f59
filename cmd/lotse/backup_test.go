package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestBackupCommand: lotse backup copies the configured SQLite database,
// refuses to overwrite and does not create a database that is not there.
func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "lotse.db")
	cfgPath := writeConfig(t, dir, "database: "+dbPath+"\n")
	var out, errOut bytes.Buffer
	run := func(args ...string) error {
		out.Reset()
		errOut.Reset()
		return runMain(t.Context(), append([]string{"backup", "-c", cfgPath}, args...), nil, &out, &errOut)
	}
	var ee *exitError
	if err := run(filepath.Join(dir, "b0.db")); !errors.As(err, &ee) || ee.code != exitDatabase {
		t.Fatalf("backup without a database: %v, want exit code %d", err, exitDatabase)
	}
	if _, err := os.Stat(dbPath); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("backup created a database: %v", err)
	}

	storagetest.Open(t, dbPath)
	dest := filepath.Join(dir, "b1.db")
	if err := run(dest); err != nil {
		t.Fatalf("backup: %v (%s)", err, errOut.String())
	}
	if !strings.Contains(out.String(), dest) {
		t.Errorf("output does not name the backup: %q", out.String())
	}
	if err := run(dest); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("second backup to the same file: %v", err)
	}
	if err := run(); !errors.As(err, &ee) || ee.code != exitUsage {
		t.Fatalf("backup without a file: %v, want usage error", err)
	}
}

// TestRestoreFromBackup is docs/operations.md's restore promise on the real
// homeserver: Lotse backed up while running, two more questions answered,
// then the backup restored. Lotse resyncs from the backup's position, answers
// nothing twice and goes on answering. Always SQLite: it is what lotse backup
// copies.
func TestRestoreFromBackup(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "lotse.db")
	l := startLotse(t, copyLibrary(t), func(cfg *config.Config) { cfg.Database = dbPath })
	m := newMember(t, "restore")
	roomID := openDM(t, m, l.userID, true)
	var asked []id.EventID
	askOne := func(q string) {
		t.Helper()
		_, sent := ask(t, m, roomID, l.userID, text(q))
		asked = append(asked, sent)
	}
	askOne("passwort vergessen")

	cfgPath := writeConfig(t, dir, "database: "+dbPath+"\n")
	backup := filepath.Join(dir, "sicherung.db")
	var out, errOut bytes.Buffer
	if err := runMain(t.Context(), []string{"backup", "-c", cfgPath, backup}, nil, &out, &errOut); err != nil {
		t.Fatalf("backup while Lotse runs: %v (%s)", err, errOut.String())
	}
	askOne("wie installiere ich element auf dem handy")
	askOne("bbb mikrofon geht nicht")

	l.stop()
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(dbPath + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dbPath, data, 0o600); err != nil {
		t.Fatal(err)
	}
	l.run(t)
	// Answered after the restore, and a marker: a repeated answer to the
	// questions asked after the backup would have arrived before it.
	askOne("kalender auf dem handy einrichten")
	for i, q := range asked {
		if n := m.RepliesTo(roomID, l.userID, q); n != 1 {
			t.Errorf("question %d answered %d times, want exactly once", i+1, n)
		}
	}
}
