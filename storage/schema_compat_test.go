package storage_test

import (
	"context"
	"errors"
	"testing"

	"go.mau.fi/util/dbutil"

	"github.com/lotse-bot/lotse/storage/upgrades"
)

// TestOlderBinaryRefusesUpgradedSchema: an upgraded database refuses every
// binary older than v16 (exit code 14 in lotse run), and a v16 binary still
// starts on it. Schema v13 changed what a correct writer must write (an
// older binary's approval leaves a stale fail_cause); v15 and v16 said
// "compatible with v13+", so a v13–v15 binary put back on the database
// started silently and gave out an erased case's number again (v16's
// id_counter ignored) — v17 raises the floor to v16 (ops26).
func TestOlderBinaryRefusesUpgradedSchema(t *testing.T) {
	uris := testDBURIs(t)
	for name, uri := range uris {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := openNotUpgraded(t, uri)
			if err := db.Upgrade(ctx); err != nil {
				t.Fatal(err)
			}
			var compat int
			if err := db.Lotse.QueryRow(ctx, `SELECT compat FROM lotse_version`).Scan(&compat); err != nil || compat != 16 {
				t.Fatalf("compat %d, %v; want 16", compat, err)
			}
			for _, older := range []int{12, 13, 14, 15} {
				db.Lotse.UpgradeTable = upgrades.Table[:older]
				if err := db.Upgrade(ctx); !errors.Is(err, dbutil.ErrUnsupportedDatabaseVersion) {
					t.Errorf("a v%d binary on the upgraded database: %v, want %v", older, err, dbutil.ErrUnsupportedDatabaseVersion)
				}
			}
			db.Lotse.UpgradeTable = upgrades.Table[:16]
			if err := db.Upgrade(ctx); err != nil {
				t.Fatalf("a v16 binary on the upgraded database: %v", err)
			}
		})
	}
}
