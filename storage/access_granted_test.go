package storage_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestGrantedOfOneSnapshot: the first claim on a BBB room is read in one
// query — the set-up requests first, then the approved ones, each oldest
// first; pending, denied and other kinds left out. Read in two queries
// (set up, then approved), a request set up between them was in neither.
func TestGrantedOfOneSnapshot(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.Access()
			now := time.UnixMilli(1_700_000_000_000)
			create := func(n int, kind string) int64 {
				r, _, err := q.Create(ctx, &storage.AccessRequest{MemberID: fmt.Sprintf("@m%d:hs", n), MemberRoom: "!dm", Kind: kind,
					Target: "Raum", Needed: 1}, fmt.Sprintf("$c%d", n), now)
				if err != nil {
					t.Fatal(err)
				}
				return r.ID
			}
			approve := func(id int64) {
				if res, _, err := q.Approve(ctx, id, "@a:hs", fmt.Sprintf("$ap%d", id), now); err != nil || !res.Approved {
					t.Fatalf("approve %d: %+v %v", id, res, err)
				}
			}
			approved := create(1, storage.AccessBBB)
			approve(approved)
			provisioned := create(2, storage.AccessBBB)
			approve(provisioned)
			if ok, _, err := q.Provisioned(ctx, provisioned, "room", now); err != nil || !ok {
				t.Fatal(err)
			}
			create(3, storage.AccessBBB) // pending
			denied := create(4, storage.AccessBBB)
			if _, _, err := q.Deny(ctx, denied, "@a:hs", "nein", storage.DenyNoReason, "$d4", now); err != nil {
				t.Fatal(err)
			}
			approve(create(5, storage.AccessNextcloud))
			later := create(6, storage.AccessBBB)
			approve(later)

			got, err := q.GrantedOf(ctx, storage.AccessBBB, 100)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, r := range got {
				ids = append(ids, r.ID)
			}
			if want := []int64{provisioned, approved, later}; fmt.Sprint(ids) != fmt.Sprint(want) {
				t.Errorf("GrantedOf = %v, want %v (set up first, then approved, each oldest first)", ids, want)
			}
		})
	}
}
