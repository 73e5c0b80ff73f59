package storage_test

import (
	"context"
	"errors"
	"testing"

	"go.mau.fi/util/dbutil"

	"github.com/lotse-bot/lotse/storage/upgrades"
)

// TestOlderBinaryRefusesUpgradedSchema: an upgraded database refuses every
// binary older than v17 (exit code 14 in lotse run); the current one
// starts on it. Schema v13 changed what a correct writer must write (an
// older binary's approval leaves a stale fail_cause); v15 and v16 said
// "compatible with v13+", so a v13–v15 binary put back on the database
// started silently and gave out an erased case's number again (v16's
// id_counter ignored) — v17 raises the floor (ops26), to v17 itself: a
// v16 binary's support worker deleted the erasure's "access" redactions
// unmade (the lead).
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
			if err := db.Lotse.QueryRow(ctx, `SELECT compat FROM lotse_version`).Scan(&compat); err != nil || compat != 17 {
				t.Fatalf("compat %d, %v; want 17", compat, err)
			}
			for _, older := range []int{12, 13, 14, 15, 16} {
				db.Lotse.UpgradeTable = upgrades.Table[:older]
				if err := db.Upgrade(ctx); !errors.Is(err, dbutil.ErrUnsupportedDatabaseVersion) {
					t.Errorf("a v%d binary on the upgraded database: %v, want %v", older, err, dbutil.ErrUnsupportedDatabaseVersion)
				}
			}
			db.Lotse.UpgradeTable = upgrades.Table
			if err := db.Upgrade(ctx); err != nil {
				t.Fatalf("this binary on the upgraded database: %v", err)
			}
		})
	}
}
