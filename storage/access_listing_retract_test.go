package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestAccessListingRecorded (left31; SQLite, PostgreSQL): a `!protokoll`
// answer naming only requests still kept goes with them (access_shown);
// one naming a request no longer kept, or none, is queued for redaction by
// the retention once it is a day old, and forgotten.
func TestAccessListingRecorded(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
			q := db.Access()
			r, _, err := q.Create(ctx, &storage.AccessRequest{MemberID: "@m:test", MemberRoom: "!dm:test", Kind: storage.AccessBBB,
				Target: "Raum", Reason: "weil", Needed: 1}, "$req", now)
			if err != nil {
				t.Fatal(err)
			}
			for ev, reqs := range map[string][]int64{"$kept": {r.ID}, "$gone": {r.ID, 99}, "$none": nil} {
				for range 2 { // a retry changes nothing
					if err := q.Listing(ctx, ev, reqs, now); err != nil {
						t.Fatal(err)
					}
				}
			}
			var listed, shown int
			if err := db.Lotse.QueryRow(ctx, `SELECT COUNT(*) FROM access_listing`).Scan(&listed); err != nil || listed != 2 {
				t.Fatalf("access_listing: %d rows (%v), want 2 ($gone, $none)", listed, err)
			}
			if err := db.Lotse.QueryRow(ctx, `SELECT COUNT(*) FROM access_shown`).Scan(&shown); err != nil || shown != 2 {
				t.Fatalf("access_shown: %d rows (%v), want 2 ($kept, $gone)", shown, err)
			}
			p := storage.RetentionPolicy{Access: 365 * 24 * time.Hour}
			for _, c := range []struct {
				at     time.Duration
				queued int
			}{{time.Hour, 0}, {storage.AuditListingKept + time.Hour, 2}} {
				if _, err := db.Retention(ctx, p, now.Add(c.at), false); err != nil {
					t.Fatal(err)
				}
				got, err := db.Cases.ExpiredAccessRedactions(ctx, 10)
				if err != nil || len(got) != c.queued {
					t.Fatalf("after %v: %d queued (%v), want %d", c.at, len(got), err, c.queued)
				}
				for _, g := range got {
					if g.Version != storage.AccessShownVersion || (g.EventID != "$gone" && g.EventID != "$none") {
						t.Errorf("queued %+v", g)
					}
				}
			}
		})
	}
}

// TestRetractApprovalEvent (left31; SQLite, PostgreSQL): an approval
// given by two events stands until its approver deleted both; someone
// else's deletion, or one of an unknown event, changes nothing.
func TestRetractApprovalEvent(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
			q := db.Access()
			r := newNextcloudRequest(t, q, 2, "$req", now)
			for _, ev := range []string{"$cmd-a", "$react-a"} {
				if _, _, err := q.Approve(ctx, r.ID, "@a:test", ev, now); err != nil {
					t.Fatal(err)
				}
			}
			if res, err := q.RetractApprovalEvent(ctx, "$cmd-a", "@b:test", "$del-b", now); err != nil || res.Known {
				t.Fatalf("someone else's deletion: %+v, %v", res, err)
			}
			if res, err := q.RetractApprovalEvent(ctx, "$other", "@a:test", "$del-x", now); err != nil || res.Known {
				t.Fatalf("an unknown event: %+v, %v", res, err)
			}
			res, err := q.RetractApprovalEvent(ctx, "$react-a", "@a:test", "$del-1", now)
			if err != nil || !res.Known || res.Retracted || !res.StillApproved {
				t.Fatalf("first of two: %+v, %v", res, err)
			}
			if n, _ := q.ApprovalEventsLeft(ctx, r.ID, "@a:test"); n != 1 {
				t.Fatalf("%d events left, want 1", n)
			}
			res, err = q.RetractApprovalEvent(ctx, "$cmd-a", "@a:test", "$del-2", now)
			if err != nil || !res.Retracted || res.After == nil || res.After.Status != storage.AccessPending {
				t.Fatalf("second of two: %+v, %v", res, err)
			}
			if a, _ := q.Approvers(ctx, r.ID); len(a) != 0 {
				t.Fatalf("approvers left: %v", a)
			}
			if e, _ := q.AuditByKey(ctx, "approval-retracted:$del-2"); e == nil || e.Actor != "@a:test" {
				t.Errorf("audit of the retraction: %+v", e)
			}
		})
	}
}
