package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestApproveTwoAtOnce: on PostgreSQL (READ COMMITTED) two approvers of a
// request that needs two approve at the same moment. The second waits for
// the first and counts both: before the row lock each transaction counted
// only its own, uncommitted approval, and the request stayed pending with
// two approvals and no job (twenty-sixth pass). SQLite writes one
// transaction at a time (_txlock=immediate).
func TestApproveTwoAtOnce(t *testing.T) {
	db, ok := openTestDBs(t)["postgres"]
	if !ok {
		t.Skip("set LOTSE_TEST_POSTGRES (uri=$(bash .ci/postgres.sh /tmp/pg 55441)) to test PostgreSQL; CI sets it")
	}
	ctx := context.Background()
	q := db.Access()
	now := time.UnixMilli(1_790_000_000_000)
	r, _, err := q.Create(ctx, &storage.AccessRequest{MemberID: "@m:hs", MemberRoom: "!dm", Kind: storage.AccessBBB, Target: "Vorstand", Needed: 2}, "$c", now)
	if err != nil {
		t.Fatal(err)
	}
	var second storage.ApproveResult
	err = whileHolding(t, db, "access_request", func(ctx context.Context) error {
		_, _, err := q.Approve(ctx, r.ID, "@a:hs", "$a", now)
		return err
	}, func() error {
		var err error
		second, _, err = q.Approve(context.Background(), r.ID, "@b:hs", "$b", now)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	after, err := q.Get(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !second.Approved || after.Status != storage.AccessApproved || after.DecidedBy != "@a:hs,@b:hs" {
		t.Errorf("second approval %+v, request %s by %q; want approved by both", second, after.Status, after.DecidedBy)
	}
}

// TestApproveDropsFormerApprovers: the approval of someone who is no
// approver any more (role revoked, erased) does not count towards the two a
// request needs; it is removed and audited when the next approval comes.
func TestApproveDropsFormerApprovers(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.Access()
			now := time.UnixMilli(1_790_000_000_000)
			r, _, err := q.Create(ctx, &storage.AccessRequest{MemberID: "@m:hs", MemberRoom: "!dm", Kind: storage.AccessBBB, Target: "Vorstand", Needed: 2}, "$c", now)
			if err != nil {
				t.Fatal(err)
			}
			if res, _, err := q.Approve(ctx, r.ID, "@a:hs", "$a", now); err != nil || !res.Counted {
				t.Fatalf("first approval: %+v %v", res, err)
			}
			// @a:hs lost the role; @b:hs approves.
			res, after, err := q.ApproveDropping(ctx, r.ID, "@b:hs", []string{"@a:hs", "@x:hs"}, "$b", now)
			if err != nil {
				t.Fatal(err)
			}
			if res.Approved || !res.Counted || after.Status != storage.AccessPending || len(res.Approvers) != 1 || res.Approvers[0] != "@b:hs" {
				t.Fatalf("approval after a revocation: %+v, status %s; want pending with @b:hs only", res, after.Status)
			}
			log, err := q.AuditLog(ctx, r.ID, "")
			if err != nil {
				t.Fatal(err)
			}
			var void []string
			for _, e := range log {
				if e.Action == "approval-void" {
					void = append(void, e.Detail)
				}
			}
			if len(void) != 1 || void[0] != "@a:hs" {
				t.Errorf("void approvals in the audit: %v, want [@a:hs]", void)
			}
			// A current approver completes it.
			if res, after, err := q.ApproveDropping(ctx, r.ID, "@c:hs", nil, "$c2", now); err != nil || !res.Approved || after.DecidedBy != "@b:hs,@c:hs" {
				t.Fatalf("second current approver: %+v %+v %v", res, after, err)
			}
		})
	}
}
