package storage_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestAuditHas: the audit logs answer whether one entry exists by its key.
func TestAuditHas(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			if err := db.Access().Audit(ctx, storage.AuditEntry{Key: "approved:$e1", RequestID: 1, At: now, Actor: "@a:hs", Action: "approved"}); err != nil {
				t.Fatal(err)
			}
			if _, err := db.Roles().Set(ctx, "@m:hs", storage.RoleTeam, storage.RolePending, "@m:hs",
				storage.RoleAuditEntry{Key: "apply:$e2", At: now, Actor: "@m:hs", Subject: "@m:hs", Action: "apply"}, now); err != nil {
				t.Fatal(err)
			}
			for _, tt := range []struct {
				name string
				has  func(context.Context, string) (bool, error)
				key  string
				want bool
			}{
				{"access, present", db.Access().AuditHas, "approved:$e1", true},
				{"access, absent", db.Access().AuditHas, "approved:$e2", false},
				{"roles, present", db.Roles().AuditHas, "apply:$e2", true},
				{"roles, absent", db.Roles().AuditHas, "apply:$e1", false},
			} {
				if got, err := tt.has(ctx, tt.key); err != nil || got != tt.want {
					t.Errorf("%s: %v, %v; want %v", tt.name, got, err, tt.want)
				}
			}
		})
	}
}

// TestAuditTail: the last entries of the audit log, oldest first, per
// filter, and how many the filter has: the same as the tail of AuditLog.
func TestAuditTail(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.Access()
			now := time.UnixMilli(1_700_000_000_000)
			if _, _, err := q.Create(ctx, &storage.AccessRequest{MemberID: "@m:hs", MemberRoom: "!dm", Kind: storage.AccessBBB, Target: "Raum"}, "$c1", now); err != nil {
				t.Fatal(err)
			}
			for i := range 40 {
				// Two entries share each millisecond: the key orders them.
				e := storage.AuditEntry{Key: fmt.Sprintf("e:%02d", i), RequestID: int64(1 + i%2), At: now.Add(time.Duration(i/2) * time.Millisecond),
					Actor: fmt.Sprintf("@a%d:hs", i%3), Action: "error"}
				if err := q.Audit(ctx, e); err != nil {
					t.Fatal(err)
				}
			}
			for _, tt := range []struct {
				name    string
				request int64
				user    string
			}{{"all", 0, ""}, {"request", 1, ""}, {"actor", 0, "@a1:hs"}, {"requester", 0, "@m:hs"}, {"nobody", 0, "@x:hs"}} {
				all, err := q.AuditLog(ctx, tt.request, tt.user)
				if err != nil {
					t.Fatal(err)
				}
				for _, n := range []int{5, 30, 100} {
					tail, total, err := q.AuditTail(ctx, tt.request, tt.user, n)
					if err != nil {
						t.Fatal(err)
					}
					want := all[max(0, len(all)-n):]
					if total != len(all) || len(tail) != len(want) {
						t.Fatalf("%s, %d: %d entries of %d, want %d of %d", tt.name, n, len(tail), total, len(want), len(all))
					}
					for i := range want {
						if tail[i].Key != want[i].Key {
							t.Errorf("%s, %d: entry %d is %s, want %s", tt.name, n, i, tail[i].Key, want[i].Key)
						}
					}
				}
			}
		})
	}
}
