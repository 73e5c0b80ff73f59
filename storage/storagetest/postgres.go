// Package storagetest has the test helpers of the database: only tests
// import it, so no binary links package testing.
package storagetest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"testing"

	_ "github.com/lib/pq" // the "postgres" driver
)

// versionTables are the dbutil version tables of Lotse's schema
// (storage), mautrix's crypto store and its state store.
var versionTables = []string{"lotse_version", "crypto_version", "mx_version"}

// FreshPostgresSchema creates a new, empty schema in the PostgreSQL database
// named by uri and returns a URI whose search_path points at it, so that
// tests never see each other's tables. The schema is dropped at cleanup.
func FreshPostgresSchema(t testing.TB, uri string) string {
	t.Helper()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "lotse_test_" + hex.EncodeToString(b)
	raw, err := sql.Open("postgres", uri)
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	defer raw.Close()
	if _, err = raw.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	// dbutil asks information_schema whether a version table exists without
	// naming the schema: while another test (of another package, run at the
	// same time) has one in its schema, it finds that, skips creating its
	// own and then fails to read it ("relation lotse_version does not
	// exist"). An empty version table of our own is what it would create.
	for _, table := range versionTables {
		if _, err = raw.Exec("CREATE TABLE " + schema + "." + table + " (version INTEGER, compat INTEGER)"); err != nil {
			t.Fatalf("create %s: %v", table, err)
		}
	}
	t.Cleanup(func() {
		if db, err := sql.Open("postgres", uri); err == nil {
			_, _ = db.Exec("DROP SCHEMA " + schema + " CASCADE")
			_ = db.Close()
		}
	})
	u, err := url.Parse(uri)
	if err != nil {
		t.Fatalf("parse postgres URI: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
