package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestAccessRetryNow (acc34): only an approved request with a failed
// attempt whose next attempt lies ahead is brought forward to now, once,
// audited under the approver's event; the attempt count stays. A pending,
// a first-attempt, a due and a set-up request are left alone.
func TestAccessRetryNow(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
			q := db.Access()
			r := newNextcloudRequest(t, q, 1, "$req", now)
			retry := func(cause string, at time.Time) (bool, *storage.AccessRequest) {
				t.Helper()
				ok, after, err := q.RetryNow(ctx, r.ID, "@a:test", cause, at)
				if err != nil {
					t.Fatal(err)
				}
				return ok, after
			}
			if ok, after := retry("$pending", now); ok || after.Status != storage.AccessPending {
				t.Fatalf("pending request: %v, %s", ok, after.Status)
			}
			if _, _, err := q.Approve(ctx, r.ID, "@b:test", "$ok", now); err != nil {
				t.Fatal(err)
			}
			if ok, _ := retry("$first", now.Add(-time.Minute)); ok {
				t.Fatal("a request whose first attempt has not failed was brought forward")
			}
			next := now.Add(time.Hour)
			if err := q.RetryLater(ctx, r.ID, 1, "down", storage.FailOther, next, now); err != nil {
				t.Fatal(err)
			}
			at := now.Add(time.Minute)
			for i, want := range []bool{true, false} {
				ok, after := retry("$again", at)
				if ok != want || !after.NextAttempt.Equal(at) || after.Attempts != 1 || after.Status != storage.AccessApproved {
					t.Fatalf("retry #%d: %v, next %v, %d attempts, %s; want %v, next now, 1 attempt", i+1, ok, after.NextAttempt, after.Attempts, after.Status, want)
				}
			}
			if e, _ := q.AuditByKey(ctx, "retry-now:$again"); e == nil || e.Actor != "@a:test" || e.Action != "retry-now" {
				t.Errorf("audit entry: %+v", e)
			}
			if _, _, err := q.Provisioned(ctx, r.ID, "created m", at); err != nil {
				t.Fatal(err)
			}
			if ok, after := retry("$done", at); ok || after.Status != storage.AccessProvisioned {
				t.Errorf("set-up request: %v, %s", ok, after.Status)
			}
		})
	}
}

// TestDenyApprovedWaitingForRetry (acc34): an approved request can be
// denied only while a failed attempt's retry lies ahead — never while its
// first attempt or a retry is due (the worker may be running it) — and a
// denied request is no job any more.
func TestDenyApprovedWaitingForRetry(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
			q := db.Access()
			r := newNextcloudRequest(t, q, 1, "$req", now)
			if _, _, err := q.Approve(ctx, r.ID, "@b:test", "$ok", now); err != nil {
				t.Fatal(err)
			}
			deny := func(cause string, at time.Time) bool {
				t.Helper()
				ok, _, err := q.Deny(ctx, r.ID, "@a:test", "nein", storage.DenyWithReason, cause, at)
				if err != nil {
					t.Fatal(err)
				}
				return ok
			}
			if deny("$first", now.Add(time.Minute)) {
				t.Fatal("denied while the first attempt was due")
			}
			if err := q.RetryLater(ctx, r.ID, 1, "down", storage.FailOther, now.Add(time.Hour), now); err != nil {
				t.Fatal(err)
			}
			if deny("$due", now.Add(time.Hour)) {
				t.Fatal("denied while the retry was due")
			}
			if !deny("$ahead", now.Add(time.Minute)) {
				t.Fatal("not denied while the retry lay ahead")
			}
			if due, err := q.Due(ctx, now.Add(2*time.Hour), 10); err != nil || len(due) != 0 {
				t.Fatalf("due after the denial: %d, %v", len(due), err)
			}
			if e, _ := q.AuditByKey(ctx, "denied:$ahead"); e == nil || e.Action != "denied" {
				t.Errorf("audit entry: %+v", e)
			}
		})
	}
}
