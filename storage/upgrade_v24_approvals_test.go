package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/upgrades"
)

// TestUpgradeV24KeepsPendingApprovals (mend31b; SQLite, PostgreSQL): a
// request pending across the upgrade to v24, approved before it by @a
// (access_approval and its audit entry, no access_approval_event), keeps
// its approval; @a's deletion of that event is unknown to the new path
// and goes by the audit entry as before (nothing left recorded, so the
// approval is taken back), and a request approved after the upgrade by
// two events of @b goes by event. The schema step adds no rows.
func TestUpgradeV24KeepsPendingApprovals(t *testing.T) {
	if len(upgrades.Table) < 24 {
		t.Fatalf("%d upgrades, want at least 24 (this test builds a v23 database)", len(upgrades.Table))
	}
	for name, uri := range testDBURIs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
			db := openNotUpgraded(t, uri)
			db.Lotse.UpgradeTable = upgrades.Table[:23]
			if err := db.Upgrade(ctx); err != nil {
				t.Fatal(err)
			}
			q := db.Access()
			r, _, err := q.Create(ctx, &storage.AccessRequest{MemberID: "@m:test", MemberRoom: "!dm:test", Kind: storage.AccessNextcloud,
				Target: "AG", Email: "m@example.org", Reason: "weil", Needed: 2}, "$req", now)
			if err != nil {
				t.Fatal(err)
			}
			// What a v23 binary's Approve wrote.
			for _, stmt := range []string{
				`INSERT INTO access_approval (request_id, approver, created_at) VALUES ($1, '@a:test', 1)`,
				`INSERT INTO access_audit (key, request_id, at, actor, action, detail) VALUES ('approval:$old-a', $1, 1, '@a:test', 'approval', '1/2')`,
			} {
				if _, err := db.Lotse.Exec(ctx, stmt, r.ID); err != nil {
					t.Fatal(err)
				}
			}
			db.Lotse.UpgradeTable = upgrades.Table
			if err := db.Upgrade(ctx); err != nil {
				t.Fatal(err)
			}
			var events, listings int
			if err := db.Lotse.QueryRow(ctx, `SELECT (SELECT COUNT(*) FROM access_approval_event), (SELECT COUNT(*) FROM access_listing)`).Scan(&events, &listings); err != nil ||
				events != 0 || listings != 0 {
				t.Fatalf("rows after the upgrade: %d events, %d listings, %v", events, listings, err)
			}
			if a, _ := q.Approvers(ctx, r.ID); len(a) != 1 || a[0] != "@a:test" {
				t.Fatalf("approvers after the upgrade: %v", a)
			}
			// @a deletes the event from before: not known by event, nothing
			// recorded for @a, so the audit path (commands/access) takes it back.
			if res, err := q.RetractApprovalEvent(ctx, "$old-a", "@a:test", "$del-a", now); err != nil || res.Known {
				t.Fatalf("the event from before v24: %+v, %v", res, err)
			}
			if e, _ := q.AuditByKey(ctx, "approval:$old-a"); e == nil || e.Actor != "@a:test" || e.RequestID != r.ID {
				t.Fatalf("the audit entry from before: %+v", e)
			}
			if n, err := q.ApprovalEventsLeft(ctx, r.ID, "@a:test"); err != nil || n != 0 {
				t.Fatalf("events left for @a: %d, %v", n, err)
			}
			if ok, _, err := q.RetractApproval(ctx, r.ID, "@a:test", "$del-a", now); err != nil || !ok {
				t.Fatalf("retract the approval from before: %v, %v", ok, err)
			}
			// After the upgrade, by event: @b twice.
			for _, ev := range []string{"$b1", "$b2"} {
				if _, _, err := q.Approve(ctx, r.ID, "@b:test", ev, now); err != nil {
					t.Fatal(err)
				}
			}
			if res, err := q.RetractApprovalEvent(ctx, "$b1", "@b:test", "$del-b1", now); err != nil || !res.StillApproved {
				t.Fatalf("first of @b's two: %+v, %v", res, err)
			}
			if res, err := q.RetractApprovalEvent(ctx, "$b2", "@b:test", "$del-b2", now); err != nil || !res.Retracted {
				t.Fatalf("second of @b's two: %+v, %v", res, err)
			}
		})
	}
}
