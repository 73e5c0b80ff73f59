package storage_test

import (
	"database/sql"
	"os"
	"testing"

	"github.com/lib/pq"
	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestKeyValueConnectionString: libpq's key/value form ("host=/var/run/
// postgresql dbname=lotse user=lotse", the usual way to name a unix
// socket, which a postgres:// URI cannot carry in its host) is PostgreSQL.
// Before (mend26b), anything not starting with postgres:// was a SQLite
// path: Lotse made a SQLite file of that name next to itself, and error
// messages that quote a file path quoted the string, password included.
func TestKeyValueConnectionString(t *testing.T) {
	base := os.Getenv("LOTSE_TEST_POSTGRES")
	if base == "" {
		t.Skip("LOTSE_TEST_POSTGRES not set")
	}
	uri := storagetest.FreshPostgresSchema(t, base)
	kv, err := pq.ParseURL(uri) //nolint:staticcheck // the key/value form of the test's URI
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir()) // a SQLite file, if one were made, lands here
	if !storage.IsPostgres(kv) {
		t.Fatalf("IsPostgres(%q) = false", kv)
	}
	db, err := storage.Open(kv, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Upgrade(t.Context()); err != nil {
		t.Fatal(err)
	}
	lease, err := db.AcquireLease(t.Context(), storage.LeaseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	lease.Release()
	raw, err := sql.Open("postgres", uri)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var version int
	if err := raw.QueryRow("SELECT version FROM lotse_version").Scan(&version); err != nil || version == 0 {
		t.Fatalf("schema version in PostgreSQL: %d, %v; want the upgraded schema there", version, err)
	}
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Fatalf("files made next to the process: %v", entries)
	}
}
