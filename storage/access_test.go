package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

func TestAccessRequestLifecycle(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.Access()
			now := time.UnixMilli(1_700_000_000_000)
			r, created, err := q.Create(ctx, &storage.AccessRequest{MemberID: "@m:hs", MemberRoom: "!dm", Kind: storage.AccessNextcloud,
				Target: "AG Digitales", Email: "m@example.org", DisplayName: "Mia", Reason: "AG-Arbeit", Needed: 2}, "$confirm", now)
			if err != nil || !created || r.ID != 1 || r.Status != storage.AccessPending || r.Needed != 2 {
				t.Fatalf("create: %+v %v %v", r, created, err)
			}
			again, created, err := q.Create(ctx, &storage.AccessRequest{MemberID: "@m:hs", Kind: "bbb"}, "$confirm", now)
			if err != nil || created || again.ID != 1 {
				t.Fatalf("create again: %+v %v %v", again, created, err)
			}
			// Two approvers needed: the first approval counts, twice is once.
			res, after, err := q.Approve(ctx, 1, "@a:hs", "$ap1", now)
			if err != nil || !res.Counted || res.Approved || after.Status != storage.AccessPending || after.Version != 2 {
				t.Fatalf("first approval: %+v %+v %v", res, after, err)
			}
			res, _, _ = q.Approve(ctx, 1, "@a:hs", "$ap1b", now)
			if res.Counted || res.Approved || len(res.Approvers) != 1 {
				t.Fatalf("same approver again: %+v", res)
			}
			res, after, err = q.Approve(ctx, 1, "@b:hs", "$ap2", now)
			if err != nil || !res.Approved || after.Status != storage.AccessApproved || after.DecidedBy != "@a:hs,@b:hs" {
				t.Fatalf("second approval: %+v %+v %v", res, after, err)
			}
			if res, _, _ := q.Approve(ctx, 1, "@c:hs", "$ap3", now); res.Approved || res.Counted {
				t.Fatalf("approving an approved request: %+v", res)
			}
			// The job: due, retried, provisioned, announced once.
			due, err := q.Due(ctx, now, 10)
			if err != nil || len(due) != 1 {
				t.Fatalf("due: %d %v", len(due), err)
			}
			if err := q.RetryLater(ctx, 1, 1, "timeout", storage.FailOther, now.Add(time.Minute), now); err != nil {
				t.Fatal(err)
			}
			if due, _ := q.Due(ctx, now, 10); len(due) != 0 {
				t.Fatal("job due before its next attempt")
			}
			if due, _ := q.Due(ctx, now.Add(time.Minute), 10); len(due) != 1 || due[0].Attempts != 1 {
				t.Fatalf("job not due after backoff: %+v", due)
			}
			ok, after, err := q.Provisioned(ctx, 1, "user mia", now)
			if err != nil || !ok || after.Status != storage.AccessProvisioned || after.Notified {
				t.Fatalf("provisioned: %v %+v %v", ok, after, err)
			}
			if ok, _, _ := q.Provisioned(ctx, 1, "user mia", now); ok {
				t.Fatal("provisioned twice")
			}
			if due, _ := q.Due(ctx, now, 10); len(due) != 1 {
				t.Fatal("unannounced result not due")
			}
			// An announcement put off is not due until then (whole-change review 20, people, M1).
			if err := q.AnnounceLater(ctx, 1, now.Add(5*time.Minute)); err != nil {
				t.Fatal(err)
			}
			if due, _ := q.Due(ctx, now.Add(time.Minute), 10); len(due) != 0 {
				t.Fatal("announcement put off is still due")
			}
			if due, _ := q.Due(ctx, now.Add(5*time.Minute), 10); len(due) != 1 {
				t.Fatal("announcement put off is not due later")
			}
			_ = q.MarkNotified(ctx, 1)
			if due, _ := q.Due(ctx, now, 10); len(due) != 0 {
				t.Fatal("announced result still due")
			}
			// Deny and withdraw only from pending; withdraw only by the member.
			r2, _, _ := q.Create(ctx, &storage.AccessRequest{MemberID: "@m:hs", MemberRoom: "!dm", Kind: storage.AccessBBB, Target: "AG Umwelt"}, "$c2", now)
			if ok, _, _ := q.Withdraw(ctx, r2.ID, "@x:hs", "$w0", now); ok {
				t.Fatal("someone else withdrew the request")
			}
			if ok, after, _ := q.Withdraw(ctx, r2.ID, "@m:hs", "$w1", now); !ok || after.Status != storage.AccessWithdrawn {
				t.Fatalf("withdraw: %+v", after)
			}
			if ok, _, _ := q.Deny(ctx, r2.ID, "@a:hs", "x", storage.DenyWithReason, "$d1", now); ok {
				t.Fatal("denied a withdrawn request")
			}
			r3, _, _ := q.Create(ctx, &storage.AccessRequest{MemberID: "@n:hs", MemberRoom: "!dm2", Kind: storage.AccessBBB, Target: "Vorstand"}, "$c3", now)
			if ok, after, _ := q.Deny(ctx, r3.ID, "@a:hs", "kein Mitglied", storage.DenyWithReason, "$d2", now); !ok || after.DenyReason != "kein Mitglied" {
				t.Fatalf("deny: %+v", after)
			}
			// Failure, then approving again re-queues it.
			r4, _, _ := q.Create(ctx, &storage.AccessRequest{MemberID: "@n:hs", MemberRoom: "!dm2", Kind: storage.AccessNextcloud, Target: "x"}, "$c4", now)
			_, _, _ = q.Approve(ctx, r4.ID, "@a:hs", "$ap4", now)
			if ok, after, _ := q.Fail(ctx, r4.ID, "401", storage.FailOther, now); !ok || after.Status != storage.AccessFailed {
				t.Fatalf("fail: %+v", after)
			}
			if res, after, _ := q.Approve(ctx, r4.ID, "@a:hs", "$ap5", now); !res.Approved || after.Status != storage.AccessApproved || after.Attempts != 0 {
				t.Fatalf("re-approve: %+v %+v", res, after)
			}
			// Audit: append-only, once per key, per request and per user.
			if err := q.Audit(ctx, storage.AuditEntry{Key: "requested:1", RequestID: 1, At: now, Actor: "x", Action: "requested"}); err != nil {
				t.Fatal(err)
			}
			all, err := q.AuditLog(ctx, 0, "")
			if err != nil {
				t.Fatal(err)
			}
			one, _ := q.AuditLog(ctx, 1, "")
			user, _ := q.AuditLog(ctx, 0, "@n:hs")
			if len(one) != 5 || len(user) < 4 || len(all) < len(one)+len(user) {
				t.Fatalf("audit: all %d, #1 %d, @n %d: %+v", len(all), len(one), len(user), one)
			}
			// Drafts.
			d := storage.AccessDraft{RoomID: "!dm", UserID: "@m:hs", Kind: "nextcloud", Step: "email", LastEvent: "$e", CreatedAt: now}
			if err := q.PutDraft(ctx, d); err != nil {
				t.Fatal(err)
			}
			if got, _ := q.Draft(ctx, "!dm", "@m:hs", now.Add(-time.Minute)); got == nil || got.Step != "email" {
				t.Fatalf("draft: %+v", got)
			}
			if got, _ := q.Draft(ctx, "!dm", "@m:hs", now.Add(time.Minute)); got != nil {
				t.Fatal("expired draft returned")
			}
			_ = q.DeleteDraft(ctx, "!dm", "@m:hs")
			if got, _ := q.Draft(ctx, "!dm", "@m:hs", time.Time{}); got != nil {
				t.Fatal("draft not deleted")
			}
		})
	}
}
