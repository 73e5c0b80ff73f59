package storagetest

import (
	"context"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/storage"
)

// Open opens the database at uri (a file path or a PostgreSQL URI), brings
// its schema up to date and closes it at cleanup.
func Open(t testing.TB, uri string) *storage.DB {
	t.Helper()
	db, err := storage.Open(uri, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := db.Upgrade(context.Background()); err != nil {
		t.Fatal(err)
	}
	return db
}
