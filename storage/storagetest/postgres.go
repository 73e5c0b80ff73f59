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
