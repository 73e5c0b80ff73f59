package storage_test

import (
	"errors"
	"strings"
	"testing"

	"go.mau.fi/util/dbutil"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/upgrades"
)

// TestCheckSchema: one-shot commands learn whether they may use a database
// without upgrading it. Older (also: never upgraded) is refused with
// ErrSchemaBehind and left as it is; newer is fine while it says it is
// compatible with this binary, refused once it is not.
func TestCheckSchema(t *testing.T) {
	latest := len(upgrades.Table)
	for name, uri := range testDBURIs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := t.Context()
			db := openNotUpgraded(t, uri)
			// A fresh install's empty database: no "older schema" and
			// no backup to make, but what creates the tables.
			if err := db.CheckSchema(ctx); !errors.Is(err, storage.ErrSchemaBehind) || !strings.Contains(err.Error(), "has not run on this database") || strings.Contains(err.Error(), "backup") {
				t.Fatalf("empty database: %v, want ErrSchemaBehind saying Lotse has not run on it", err)
			}
			var v int
			if err := db.Root.RawDB.QueryRowContext(ctx, "SELECT version FROM lotse_version").Scan(&v); err == nil {
				t.Fatal("CheckSchema created the version table")
			}
			db.Lotse.UpgradeTable = upgrades.Table[:latest-1]
			if err := db.Upgrade(ctx); err != nil {
				t.Fatal(err)
			}
			if err := db.CheckSchema(ctx); !errors.Is(err, storage.ErrSchemaBehind) {
				t.Fatalf("one step behind: %v, want ErrSchemaBehind", err)
			}
			db.Lotse.UpgradeTable = upgrades.Table
			if err := db.Upgrade(ctx); err != nil {
				t.Fatal(err)
			}
			if err := db.CheckSchema(ctx); err != nil {
				t.Fatalf("current schema: %v", err)
			}
			for _, c := range []struct {
				version, compat int
				want            error
			}{
				{latest + 1, latest, nil},
				{latest + 2, latest + 1, dbutil.ErrUnsupportedDatabaseVersion},
			} {
				if _, err := db.Lotse.Exec(ctx, "UPDATE lotse_version SET version=$1, compat=$2", c.version, c.compat); err != nil {
					t.Fatal(err)
				}
				if err := db.CheckSchema(ctx); !errors.Is(err, c.want) {
					t.Errorf("v%d compatible with v%d: %v, want %v", c.version, c.compat, err, c.want)
				}
			}
		})
	}
}
