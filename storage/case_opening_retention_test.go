package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestRetentionPrunesCaseOpenings: the record that someone opened a case
// (case_opening, the daily bound) goes after CaseOpeningKept through the
// retention too, whatever the policy says — also with every rule off, as
// with support cases switched off, when the support worker that prunes it
// never runs (whole29's finding). A record younger than a day stays.
func TestRetentionPrunesCaseOpenings(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			day0 := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
			newCase(t, db, "@old:hs", "$old", day0)
			newCase(t, db, "@new:hs", "$new", day0.Add(47*time.Hour))
			now := day0.Add(48 * time.Hour)
			openings := func(res []storage.RetentionResult) (int64, bool) {
				for _, r := range res {
					if r.Table == "case_opening" {
						return r.Rows, true
					}
				}
				return 0, false
			}
			res, err := db.Retention(ctx, storage.RetentionPolicy{}, now, true)
			if n, ok := openings(res); err != nil || !ok || n != 1 {
				t.Fatalf("dry run with every rule off: case_opening %d (reported %v), %v; want 1", n, ok, err)
			}
			if _, err := db.Retention(ctx, storage.RetentionPolicy{}, now, false); err != nil {
				t.Fatal(err)
			}
			res, err = db.Retention(ctx, storage.RetentionPolicy{}, now, true)
			if n, _ := openings(res); err != nil || n != 0 {
				t.Fatalf("after the retention: %d records older than a day, %v; want 0", n, err)
			}
			// The younger record still counts for its member's daily bound
			// (the case itself is open, so it counts anyway: check the
			// record by a retention a day later).
			res, err = db.Retention(ctx, storage.RetentionPolicy{}, now.Add(24*time.Hour), true)
			if n, _ := openings(res); err != nil || n != 1 {
				t.Fatalf("a day later: %d records, %v; want the younger one (1)", n, err)
			}
		})
	}
}
