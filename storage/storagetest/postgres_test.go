package storagetest_test

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"testing"

	_ "github.com/lib/pq"

	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestFreshSchemaBesideAnother: the packages' tests run at the same time on
// one PostgreSQL database, each in a schema of its own. A fresh schema must
// upgrade while another schema holds a version table (another test's, still
// running): dbutil's check for the table looks in every schema, found that
// one and failed with "relation lotse_version does not exist" — the storage
// tests failed whenever cmd/lotse's ran beside them.
func TestFreshSchemaBesideAnother(t *testing.T) {
	uri := os.Getenv("LOTSE_TEST_POSTGRES")
	if uri == "" {
		t.Skip("set LOTSE_TEST_POSTGRES (uri=$(bash .ci/postgres.sh /tmp/pg 55444)) to test PostgreSQL; CI sets it")
	}
	raw, err := sql.Open("postgres", uri)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	other := "lotse_other_" + hex.EncodeToString(b)
	t.Cleanup(func() { _, _ = raw.Exec("DROP SCHEMA IF EXISTS " + other + " CASCADE") })
	for _, q := range []string{
		"CREATE SCHEMA " + other,
		"CREATE TABLE " + other + ".lotse_version (version INTEGER, compat INTEGER)",
		"INSERT INTO " + other + ".lotse_version (version, compat) VALUES (1, 1)",
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// Open upgrades the fresh schema and fails the test if it cannot.
	_ = storagetest.Open(t, storagetest.FreshPostgresSchema(t, uri))
}
