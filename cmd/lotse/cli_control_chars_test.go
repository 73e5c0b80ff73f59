package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestCLIPrintsNoControlCharacters: a kept question and a learned question
// stored with a terminal's escape sequences (before they were dropped on
// keeping and learning) reach the admin's terminal without them from
// `lotse guides gaps` and `lotse guides learned`: „\x1b[2K“ would clear
// the line, „\x1b]52;…“ write the clipboard in some terminals, a
// right-to-left override turn the line around (learn34). The words stay.
func TestCLIPrintsNoControlCharacters(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "lotse.db")
	lib, _ := filepath.Abs(filepath.Join("..", "..", "library"))
	cfgPath := writeConfig(t, dir, "database: "+dbPath+"\nguides_dir: "+lib+"\n")
	db := storagetest.Open(t, dbPath)
	ctx := context.Background()
	const hostile = "Wie melde ich eine Demo an?\x1b[2K\x1b]52;c;ZXZpbA==\x07\u202e\x9b31m"
	if err := db.Gaps().Keep(ctx, storage.FailedQuestion{SourceEvent: "$q", UserID: "@m:test", RoomID: "!dm:test",
		Question: hostile, Outcome: storage.FailedNone, AskedAt: time.Now().Add(-24 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.Learned().Add(ctx, storage.LearnedQuestion{GuideID: "bbb/raum-fuer-ag-beantragen.md", Question: hostile,
		Norm: "n", CaseID: 1, TaughtBy: "@t:test", TaughtAt: time.Now()}, "$e"); err != nil {
		t.Fatal(err)
	}
	_ = db.Close()
	for _, args := range [][]string{{"guides", "gaps", "-c", cfgPath}, {"guides", "learned", "-c", cfgPath}} {
		out, _, err := runCLI(t, "", args...)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if strings.ContainsAny(out, "\x1b\x07\u202e\u009b") || !strings.Contains(out, "Wie melde ich eine Demo an?") {
			t.Errorf("%v printed %q", args, out)
		}
	}
}
