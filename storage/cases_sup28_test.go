package storage_test

import (
	"context"
	"testing"
	"time"
)

// TestCasesOpenedSince counts a member's cases by their opening time, in
// every room, and nobody else's: the daily bound on new cases (sup28).
func TestCasesOpenedSince(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			newCase(t, db, "@m:hs", "$old", now.Add(-25*time.Hour))
			newCase(t, db, "@m:hs", "$a", now.Add(-time.Hour))
			newCase(t, db, "@m:hs", "$b", now)
			newCase(t, db, "@other:hs", "$c", now)
			for _, tc := range []struct {
				member string
				since  time.Time
				want   int
			}{
				{"@m:hs", now.Add(-24 * time.Hour), 2},
				{"@m:hs", now.Add(-48 * time.Hour), 3},
				{"@m:hs", now.Add(time.Millisecond), 0},
				{"@other:hs", now.Add(-24 * time.Hour), 1},
				{"@nobody:hs", time.Time{}, 0},
			} {
				got, err := db.Cases.OpenedSince(ctx, tc.member, tc.since)
				if err != nil || got != tc.want {
					t.Errorf("OpenedSince(%s, %v) = %d, %v; want %d", tc.member, tc.since, got, err, tc.want)
				}
			}
		})
	}
}
