package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestOpenGuidesLearnedOnce: at start the questions learned from cases are
// in the library from the first message on, and the search index is built
// once (not once for the files and again for the learned questions).
func TestOpenGuidesLearnedOnce(t *testing.T) {
	ctx := context.Background()
	db := storagetest.Open(t, filepath.Join(t.TempDir(), "lotse.db"))
	const (
		guide = "bbb/raum-fuer-ag-beantragen.md"
		q     = "Die Ortsgruppe braucht einen Treffpunkt im Netz"
	)
	l := storage.LearnedQuestion{GuideID: guide, Question: q, Norm: "n", CaseID: 1, TaughtBy: "@t:x", TaughtAt: time.Now()}
	if _, _, err := db.Learned().Add(ctx, l, "$e1"); err != nil {
		t.Fatal(err)
	}
	cfg := config.Defaults()
	cfg.GuidesDir = filepath.Join("..", "..", "library")
	// The guide is about BBB rooms requested through Lotse: it is only
	// loaded with that feature on (front matter "requires").
	cfg.ApprovalsRoom, cfg.BBBURL = "!genehmigung:example.org", "https://meet.example.org/bigbluebutton/api/"
	before := guides.IndexBuilds()
	store, err := openGuides(ctx, cfg, db, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	if n := guides.IndexBuilds() - before; n != 1 {
		t.Fatalf("start built %d search indexes, want 1", n)
	}
	g, ok := store.Current().Get(guide)
	if !ok || len(g.Learned) != 1 || g.Learned[0] != q {
		t.Fatalf("learned questions at start: %v %+v", ok, g)
	}
}
