package storage_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestRetractApproval (acc30): an approver's approval of a pending request
// is removed once, audited under the approver and the deleting event, and
// the version is bumped; a decided request, someone else's approval and a
// request that is gone are left alone. AuditByKey finds the approval's
// entry by its event.
func TestRetractApproval(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
			q := db.Access()
			r := newNextcloudRequest(t, q, 2, "$req", now)
			if _, _, err := q.Approve(ctx, r.ID, "@a:test", "$ok-a", now); err != nil {
				t.Fatal(err)
			}
			e, err := q.AuditByKey(ctx, "approval:$ok-a")
			if err != nil || e == nil || e.Actor != "@a:test" || e.RequestID != r.ID {
				t.Fatalf("audit entry of the approval: %+v, %v", e, err)
			}
			if e, err := q.AuditByKey(ctx, "approval:$nothing"); err != nil || e != nil {
				t.Fatalf("unknown key: %+v, %v", e, err)
			}
			before, _ := q.Get(ctx, r.ID)
			if ok, _, err := q.RetractApproval(ctx, r.ID, "@b:test", "$del-b", now); err != nil || ok {
				t.Fatalf("someone else's approval retracted: %v, %v", ok, err)
			}
			for i, want := range []bool{true, false} {
				ok, after, err := q.RetractApproval(ctx, r.ID, "@a:test", "$del-a", now)
				if err != nil || ok != want || after == nil || after.Status != storage.AccessPending {
					t.Fatalf("retract #%d: %v, %+v, %v; want %v", i+1, ok, after, err, want)
				}
			}
			if a, _ := q.Approvers(ctx, r.ID); len(a) != 0 {
				t.Fatalf("approvers left: %v", a)
			}
			after, _ := q.Get(ctx, r.ID)
			if after.Version != before.Version+1 {
				t.Errorf("version %d → %d", before.Version, after.Version)
			}
			if e, _ := q.AuditByKey(ctx, "approval-retracted:$del-a"); e == nil || e.Actor != "@a:test" || e.Action != "approval-retracted" {
				t.Errorf("audit of the retraction: %+v", e)
			}
			// Decided: left alone.
			q.Approve(ctx, r.ID, "@a:test", "$ok-a2", now)
			q.Approve(ctx, r.ID, "@b:test", "$ok-b", now)
			if ok, after, err := q.RetractApproval(ctx, r.ID, "@b:test", "$del-b2", now); err != nil || ok || after.Status != storage.AccessApproved {
				t.Errorf("a decided request's approval retracted: %v, %+v, %v", ok, after, err)
			}
			if ok, after, err := q.RetractApproval(ctx, 99, "@a:test", "$x", now); err != nil || ok || after != nil {
				t.Errorf("a request that is gone: %v, %+v, %v", ok, after, err)
			}
		})
	}
}

// TestCreateLimitedPerDay (acc30): requests filed in the 24 hours before
// count towards maxPerDay whatever became of them; older ones do not; a
// retry of a filed request's origin still returns it.
func TestCreateLimitedPerDay(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
			q := db.Access()
			file := func(origin string, at time.Time) (*storage.AccessRequest, error) {
				r, _, err := q.CreateLimited(ctx, &storage.AccessRequest{MemberID: "@m:test", MemberRoom: "!dm:test", Kind: storage.AccessBBB,
					Target: "Raum " + origin, Reason: "weil"}, origin, at, 5, 2)
				return r, err
			}
			old, err := file("$old", now.Add(-25*time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := q.Withdraw(ctx, old.ID, "@m:test", "$w0", now); err != nil {
				t.Fatal(err)
			}
			for i, origin := range []string{"$a", "$b"} {
				r, err := file(origin, now)
				if err != nil {
					t.Fatalf("request %d: %v", i+1, err)
				}
				if _, _, err := q.Withdraw(ctx, r.ID, "@m:test", "$w"+origin, now); err != nil {
					t.Fatal(err)
				}
			}
			var limit *storage.DailyLimitError
			if _, err := file("$c", now); !errors.As(err, &limit) || limit.Filed != 2 {
				t.Fatalf("third request in a day: %v", err)
			}
			if r, err := file("$a", now); err != nil || r == nil || r.Target != "Raum $a" {
				t.Fatalf("retry of a filed origin: %+v, %v", r, err)
			}
			if n, err := q.FiledSince(ctx, "@m:test", now.Add(-24*time.Hour)); err != nil || n != 2 {
				t.Fatalf("FiledSince: %d, %v", n, err)
			}
			if _, err := file("$d", now.Add(24*time.Hour+time.Millisecond)); err != nil {
				t.Fatalf("the next day: %v", err)
			}
		})
	}
}
