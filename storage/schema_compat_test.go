package storage_test

import (
	"context"
	"errors"
	"testing"

	"go.mau.fi/util/dbutil"

	"github.com/lotse-bot/lotse/storage/upgrades"
)

// TestOlderBinaryRefusesSchemaV13: schema v13 changed what a correct
// writer must write (an older binary's approval leaves a stale
// fail_cause), so a binary that knows only the first 12 steps refuses an
// upgraded database; one that knows v13 still starts on it (every later
// step keeps "compatible with v13+").
func TestOlderBinaryRefusesSchemaV13(t *testing.T) {
	uris := testDBURIs(t)
	for name, uri := range uris {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := openNotUpgraded(t, uri)
			if err := db.Upgrade(ctx); err != nil {
				t.Fatal(err)
			}
			var compat int
			if err := db.Lotse.QueryRow(ctx, `SELECT compat FROM lotse_version`).Scan(&compat); err != nil || compat != 13 {
				t.Fatalf("compat %d, %v; want 13", compat, err)
			}
			db.Lotse.UpgradeTable = upgrades.Table[:12]
			if err := db.Upgrade(ctx); !errors.Is(err, dbutil.ErrUnsupportedDatabaseVersion) {
				t.Fatalf("a v12 binary on the upgraded database: %v, want %v", err, dbutil.ErrUnsupportedDatabaseVersion)
			}
			db.Lotse.UpgradeTable = upgrades.Table[:13]
			if err := db.Upgrade(ctx); err != nil {
				t.Fatalf("a v13 binary on the upgraded database: %v", err)
			}
		})
	}
}
