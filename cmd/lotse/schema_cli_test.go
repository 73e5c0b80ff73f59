package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/upgrades"
)

// TestOneShotCommandsDoNotUpgrade: an admin tries the new binary's
// commands on the database of the Lotse that still runs (operations.md,
// "Upgrading"). They must not upgrade the schema: from v13 on an upgraded
// database locks the running older binary out at its next start (exit code
// 14). They refuse with exit code 14 and the hint, and the database stays
// at its version.
func TestOneShotCommandsDoNotUpgrade(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "lotse.db")
	cfgPath := writeConfig(t, dir, "database: "+dbPath+"\nguides_dir: "+filepath.Join("..", "..", "library")+"\n")
	t.Setenv("LOTSE_PICKLE_KEY", "0123456789abcdef0123456789abcdef")
	ctx := t.Context()
	older := len(upgrades.Table) - 1
	db, err := storage.Open(dbPath, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	db.Lotse.UpgradeTable = upgrades.Table[:older] // the schema of the binary that runs now
	if err := db.Upgrade(ctx); err != nil {
		t.Fatal(err)
	}
	version := func() int {
		t.Helper()
		var v int
		if err := db.Root.RawDB.QueryRowContext(ctx, "SELECT version FROM lotse_version").Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	defer db.Close()
	for _, args := range [][]string{
		{"guides", "stats", "-c", cfgPath},
		{"guides", "gaps", "-c", cfgPath},
		{"guides", "learned", "-c", cfgPath},
		{"privacy", "retention", "--dry-run", "-c", cfgPath},
		{"privacy", "export", "-c", cfgPath, "@m:hs"},
	} {
		var out, errOut bytes.Buffer
		err := runMain(ctx, args, nil, &out, &errOut)
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != exitUpgrade || !strings.Contains(err.Error(), "lotse run") {
			t.Errorf("%q on an older schema: %v, want exit code %d naming lotse run", args, err, exitUpgrade)
		}
		if v := version(); v != older {
			t.Fatalf("%q upgraded the database from v%d to v%d", args, older, v)
		}
	}
	// lotse privacy retention does not create a database either.
	missing := filepath.Join(dir, "fehlt.yaml")
	if err := os.WriteFile(missing, []byte("database: "+filepath.Join(dir, "fehlt.db")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := runMain(ctx, []string{"privacy", "retention", "--dry-run", "-c", missing}, nil, &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
		t.Error("retention on a missing database succeeded")
	}
	if _, err := os.Stat(filepath.Join(dir, "fehlt.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("retention created a database: %v", err)
	}
}

// TestOneShotUnreachableDatabase: a database that cannot be reached is
// exit code 12 ("database cannot be opened", operations.md), the same as
// for lotse run, not 14 ("migration failed"), which sends a tired admin to
// the upgrade steps.
func TestOneShotUnreachableDatabase(t *testing.T) {
	dir := t.TempDir()
	// Port 1: nothing listens, the connection is refused at once.
	cfgPath := writeConfig(t, dir, "database: \"postgres://lotse:geheim@127.0.0.1:1/lotse?sslmode=disable&connect_timeout=2\"\n")
	t.Setenv("LOTSE_PICKLE_KEY", "0123456789abcdef0123456789abcdef")
	for _, args := range [][]string{
		{"guides", "stats", "-c", cfgPath},
		{"privacy", "retention", "--dry-run", "-c", cfgPath},
		{"privacy", "export", "-c", cfgPath, "@m:hs"},
	} {
		err := runMain(t.Context(), args, nil, &bytes.Buffer{}, &bytes.Buffer{})
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != exitDatabase {
			t.Errorf("%q on an unreachable database: %v, want exit code %d", args, err, exitDatabase)
		}
		if err != nil && strings.Contains(err.Error(), "geheim") {
			t.Errorf("%q: the error names the password: %v", args, err)
		}
	}
}
