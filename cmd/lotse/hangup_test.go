package main

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/commands/learn"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestHangupReloadsLearned: SIGHUP (reloadAll) reads the learned questions
// from the database again, so a question `lotse privacy erase` deleted
// while Lotse ran leaves the running bot's search (mend23c). Before, SIGHUP
// only read the guide files again and the erased words stayed until the
// next restart.
func TestHangupReloadsLearned(t *testing.T) {
	ctx := context.Background()
	lib := copyLibrary(t)
	first, err := guides.NewStore(lib, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	guideID := first.Current().Guides()[0].ID
	// Started with one learned question; the database no longer has it
	// (erased by the CLI in its own process).
	store, err := guides.NewStore(lib, zerolog.Nop(), guides.WithLearnedQuestions(guides.Learned{guideID: {"wo finde ich die Zeitmaschine der Ortsgruppe"}}))
	if err != nil {
		t.Fatal(err)
	}
	if g, ok := store.Current().Get(guideID); !ok || len(g.Learned) != 1 {
		t.Fatalf("precondition: the learned question is not in the library")
	}
	db := storagetest.Open(t, filepath.Join(t.TempDir(), "lotse.db"))
	reloadLearned := func(ctx context.Context) error {
		learned, err := learn.Questions(ctx, db)
		if err != nil {
			return err
		}
		store.SetLearned(learned)
		return nil
	}
	reloadAll(ctx, store, reloadLearned, zerolog.Nop())
	for _, g := range store.Current().Guides() {
		if len(g.Learned) > 0 {
			t.Fatalf("SIGHUP left the erased learned question in the search: %s %q", g.ID, g.Learned)
		}
	}
}
