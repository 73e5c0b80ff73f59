package storage_test

import (
	"context"
	"testing"
	"time"
)

// TestAnsweredSince (SQLite, PostgreSQL): a case is answered since a time
// when a team answer is stored at or after it; a member's message, an
// answer before it, or another case's answer do not count.
func TestAnsweredSince(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			c := caseWithMessages(t, db, now) // $m1 and the answer $a1, both at now
			for _, tc := range []struct {
				caseID int64
				since  time.Time
				want   bool
			}{
				{c.ID, now.Add(-time.Minute), true},
				{c.ID, now, true},
				{c.ID, now.Add(time.Millisecond), false},
				{c.ID + 1, now.Add(-time.Minute), false},
			} {
				got, err := db.Cases.AnsweredSince(ctx, tc.caseID, tc.since)
				if err != nil || got != tc.want {
					t.Errorf("AnsweredSince(%d, %v) = %v, %v; want %v", tc.caseID, tc.since.Sub(now), got, err, tc.want)
				}
			}
		})
	}
}
