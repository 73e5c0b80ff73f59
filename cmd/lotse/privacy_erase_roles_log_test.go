package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestPrivacyEraseEndsRolesInTheLog: `lotse privacy erase --yes` deletes
// the person's role rows; the role log showed their grant, pseudonymised,
// and no end. Now each role held ends with an "erase" entry, which names
// nobody after the erasure, as !daten-löschen writes (thirty-first pass,
// onb31).
func TestPrivacyEraseEndsRolesInTheLog(t *testing.T) {
	const user = "@t:hs"
	cfgPath, dbPath, db := privacyEraseSetup(t)
	ctx := t.Context()
	now := time.Now()
	if _, err := db.Roles().Set(ctx, user, storage.RoleTeam, storage.RoleActive, "@admin:hs",
		storage.RoleAuditEntry{Key: "grant:" + user, At: now, Actor: "@admin:hs", Subject: user, Action: "grant"}, now); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if err := runMain(ctx, []string{"privacy", "erase", "-c", cfgPath, user, "--yes"}, nil, &out, &errOut); err != nil {
		t.Fatalf("%v (%s)", err, errOut.String())
	}
	entries, err := storagetest.Open(t, dbPath).Roles().AuditLog(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	ended := false
	for _, a := range entries {
		for _, f := range []string{a.Key, a.Actor, a.Subject, a.Detail} {
			if strings.Contains(f, user) {
				t.Errorf("after the erasure a role log entry names the person: %+v", a)
			}
		}
		ended = ended || (a.Action == "erase" && a.Detail == storage.RoleTeam)
	}
	if !ended {
		t.Errorf("no entry ends the team role: %+v", entries)
	}
}

// privacyEraseSetup makes a config with a team room and a SQLite database
// in a temporary folder, sets a pickle key, and opens the database: the
// start of the `lotse privacy erase` role-log tests (onb31, roles32).
func privacyEraseSetup(t *testing.T) (cfgPath, dbPath string, db *storage.DB) {
	t.Helper()
	dir := t.TempDir()
	dbPath = filepath.Join(dir, "lotse.db")
	cfgPath = writeConfig(t, dir, "database: "+dbPath+"\nteam_room: \"!team:hs\"\n")
	t.Setenv("LOTSE_PICKLE_KEY", "0123456789abcdef0123456789abcdef")
	return cfgPath, dbPath, storagetest.Open(t, dbPath)
}
