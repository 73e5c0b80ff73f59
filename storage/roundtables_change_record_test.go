package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestRoundTableChangeRecord (rt32): a move or cancellation records the
// event that made it and, for a stand-in, its role-audit entry, with the
// change; a change that did not happen (the round table is cancelled)
// records neither. The record stays after later changes: Handled knows the
// event when last_event names another one.
func TestRoundTableChangeRecord(t *testing.T) {
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
			if ok, rt, err := q.Reschedule(ctx, 1, start.Add(2*time.Hour), time.Hour, "$m2", now, nil); err != nil || !ok || rt.LastEvent != "$m2" {
				t.Fatalf("second move: %v %+v %v", ok, rt, err)
			}
			for evt, want := range map[string]bool{"$m1": true, "$m2": true, "$yes": false, "$other": false} {
				if got, err := q.Handled(ctx, evt); err != nil || got != want {
					t.Errorf("handled %s: %v %v, want %v", evt, got, err, want)
				}
			}
			if n, err := q.CountSent(ctx, 1, storage.ChangeKeyPrefix, now.Add(-time.Hour)); err != nil || n != 2 {
				t.Errorf("changes counted: %d %v", n, err)
			}
			if ok, _, err := q.Cancel(ctx, 1, "$c", now, nil); err != nil || !ok {
				t.Fatalf("cancel: %v %v", ok, err)
			}
			late := &storage.RoleAuditEntry{Key: "roundtable-standin:$m3", At: now, Actor: "@s:hs", Subject: "@c:hs", Action: "roundtable-move", Detail: "round table 1"}
			if ok, _, err := q.Reschedule(ctx, 1, start, time.Hour, "$m3", now, late); err != nil || ok {
				t.Fatalf("moved a cancelled round table: %v %v", ok, err)
			}
			if got, _ := q.Handled(ctx, "$m3"); got {
				t.Error("a move that did not happen is recorded")
			}
			log, err := db.Roles().AuditLog(ctx, "@s:hs")
			if err != nil || len(log) != 1 || log[0].Key != audit.Key || log[0].Subject != "@c:hs" {
				t.Fatalf("audit: %+v %v", log, err)
			}
		})
	}
}

// announcedRoundTable creates round table 1 of coordinator @c:hs in room
// !a:hs, starting two days after now, and announces it: the start of the
// stand-in and change-record tests (rt32, mend32a).
func announcedRoundTable(ctx context.Context, t *testing.T, q *storage.RoundTableQuery, now time.Time) time.Time {
	t.Helper()
	start := now.Add(48 * time.Hour)
	if _, _, err := q.Create(ctx, &storage.RoundTable{Title: "T", Start: start, Duration: time.Hour, Coordinator: "@c:hs",
		Rooms: []string{"!a:hs"}, OriginEvent: "$new"}, now); err != nil {
		t.Fatal(err)
	}
	if ok, _, err := q.Announce(ctx, 1, "$yes", now); err != nil || !ok {
		t.Fatalf("announce: %v %v", ok, err)
	}
	return start
}
