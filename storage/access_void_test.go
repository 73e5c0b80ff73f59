package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestVoidApprovals (mend26a): the approvals of pending requests are
// listed, a former approver's is removed and audited once, the version is
// bumped (the message is drawn anew), and a decided request is left alone.
func TestVoidApprovals(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
			q := db.Access()
			var ids []int64
			for _, origin := range []string{"$pending", "$decided"} {
				r := newNextcloudRequest(t, q, 2, origin, now)
				if _, _, err := q.Approve(ctx, r.ID, "@a:test", "$a"+origin, now); err != nil {
					t.Fatal(err)
				}
				ids = append(ids, r.ID)
			}
			if _, _, err := q.Deny(ctx, ids[1], "@b:test", "nein", storage.DenyWithReason, "$deny", now); err != nil {
				t.Fatal(err)
			}
			partial, err := q.PartialApprovals(ctx, 10)
			if err != nil || len(partial) != 1 || partial[0] != (storage.PartialApproval{RequestID: ids[0], Approver: "@a:test"}) {
				t.Fatalf("partial approvals %v, %v; want the pending request's only", partial, err)
			}
			before, _ := q.Get(ctx, ids[0])
			for i, want := range []bool{true, false} {
				dropped, err := q.VoidApprovals(ctx, ids[0], []string{"@a:test"}, "tick", now)
				if err != nil || dropped != want {
					t.Fatalf("void #%d: %v, %v; want %v", i+1, dropped, err, want)
				}
			}
			if dropped, err := q.VoidApprovals(ctx, ids[1], []string{"@a:test"}, "tick", now); err != nil || dropped {
				t.Errorf("the decided request's approval was voided: %v, %v", dropped, err)
			}
			if dropped, err := q.VoidApprovals(ctx, 99, []string{"@a:test"}, "tick", now); err != nil || dropped {
				t.Errorf("a request that is gone: %v, %v", dropped, err)
			}
			after, _ := q.Get(ctx, ids[0])
			if after.Version != before.Version+1 || after.Status != storage.AccessPending {
				t.Errorf("version %d → %d, status %s", before.Version, after.Version, after.Status)
			}
			audit, _ := q.AuditLog(ctx, ids[0], "")
			n := 0
			for _, a := range audit {
				if a.Action == "approval-void" && a.Detail == "@a:test" {
					n++
				}
			}
			if n != 1 {
				t.Errorf("%d approval-void entries, want 1", n)
			}
		})
	}
}
