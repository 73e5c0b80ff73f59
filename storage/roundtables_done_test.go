package storage_test

import (
	"context"
	"testing"
	"time"
)

// TestRoundTableIsDone (mend33a): IsDone tells a scheduled send that went
// out from one recorded as skipped (a „diesmal“ withdrawal, a reminder
// whose time had passed) and from none; IsSent knows both.
func TestRoundTableIsDone(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.RoundTables
			now := time.UnixMilli(1_790_000_000_000)
			announcedRoundTable(ctx, t, q, now)
			if err := q.MarkSent(ctx, "1|@a:hs|reminder|1", 1, false, now); err != nil {
				t.Fatal(err)
			}
			if err := q.MarkSent(ctx, "1|@b:hs|reminder|1", 1, true, now); err != nil {
				t.Fatal(err)
			}
			for key, want := range map[string][2]bool{"1|@a:hs|reminder|1": {true, true}, "1|@b:hs|reminder|1": {true, false}, "1|@c:hs|reminder|1": {false, false}} {
				sent, err := q.IsSent(ctx, key)
				if err != nil {
					t.Fatal(err)
				}
				done, err := q.IsDone(ctx, key)
				if err != nil {
					t.Fatal(err)
				}
				if sent != want[0] || done != want[1] {
					t.Errorf("%s: sent %v done %v, want %v", key, sent, done, want)
				}
			}
		})
	}
}
