package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestRoundTableStandInCounted (mend32a): a stand-in's change (one with an
// audit entry) and follow-up are recorded apart as well, in the same
// transaction, so the round table's coordinator has a bound of their own;
// the coordinator's own are not. Fails without the fix: no stand-in record.
func TestRoundTableStandInCounted(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.RoundTables
			now := time.UnixMilli(1_790_000_000_000)
			start := announcedRoundTable(ctx, t, q, now)
			audit := &storage.RoleAuditEntry{Key: "roundtable-standin:$m1", At: now, Actor: "@s:hs", Subject: "@c:hs", Action: "roundtable-move", Detail: "round table 1"}
			if ok, _, err := q.Reschedule(ctx, 1, start.Add(time.Hour), time.Hour, "$m1", now, audit); err != nil || !ok {
				t.Fatalf("move: %v %v", ok, err)
			}
			if ok, _, err := q.Reschedule(ctx, 1, start.Add(2*time.Hour), time.Hour, "$m2", now, nil); err != nil || !ok {
				t.Fatalf("own move: %v %v", ok, err)
			}
			for _, f := range []struct {
				evt     string
				standIn bool
			}{{"$f1", true}, {"$f2", false}, {"$f1", true}} { // the last: a retry
				if err := q.MarkFollowup(ctx, f.evt, 1, f.standIn, now); err != nil {
					t.Fatal(err)
				}
			}
			since := now.Add(-time.Hour)
			for prefix, want := range map[string]int{storage.ChangeKeyPrefix: 2, storage.StandInChangeKeyPrefix: 1,
				storage.FollowupKeyPrefix: 2, storage.StandInFollowupKeyPrefix: 1} {
				if n, err := q.CountSent(ctx, 1, prefix, since); err != nil || n != want {
					t.Errorf("%s: %d %v, want %d", prefix, n, err, want)
				}
			}
			if ok, err := q.IsSent(ctx, storage.FollowupKey("$f2")); err != nil || !ok {
				t.Errorf("follow-up not recorded: %v %v", ok, err)
			}
		})
	}
}
