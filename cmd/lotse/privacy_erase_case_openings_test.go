package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/bot"
	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestPrivacyEraseKeepsCaseOpenings: `lotse privacy erase --yes` leaves
// the record that the person opened a case today (the daily bound on new
// cases, under a keyed hash, a day at most; sup29) and says so, instead of
// failing its check that nothing is left; the export still shows it.
func TestPrivacyEraseKeepsCaseOpenings(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "lotse.db")
	cfgPath := writeConfig(t, dir, "database: "+dbPath+"\n")
	const pickle = "0123456789abcdef0123456789abcdef"
	t.Setenv("LOTSE_PICKLE_KEY", pickle)
	ctx := t.Context()
	db := storagetest.Open(t, dbPath)
	key, err := bot.PseudonymKey(pickle)
	if err != nil {
		t.Fatal(err)
	}
	db.SetPseudonymKey(key) // as the running bot does
	if _, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: "@m:hs", MemberRoom: "!dm:hs", Summary: "Drucker"}, "$o", "Frage", time.Now()); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if err := runMain(ctx, []string{"privacy", "erase", "-c", cfgPath, "--yes", "@m:hs"}, nil, &out, &errOut); err != nil {
		t.Fatalf("erase: %v\n%s%s", err, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "kept on purpose: case_opening 1 row ") || !strings.Contains(out.String(), "finds nothing") {
		t.Errorf("erase output: %q", out.String())
	}
	// One row is „1 row“ (texts33: „case_event 1 rows“).
	if strings.Contains(out.String(), " 1 rows") {
		t.Errorf("erase output counts one as rows: %q", out.String())
	}
	if n, err := db.Cases.OpenedSince(ctx, "@m:hs", time.Now().Add(-storage.CaseOpeningKept)); err != nil || n != 1 {
		t.Errorf("after the erasure OpenedSince = %d, %v; want 1", n, err)
	}
}
