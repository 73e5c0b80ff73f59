package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestRoleSetFromKeepsAChangeMadeMeanwhile: a role change that is right
// only from some statuses (the activation after a declaration, the
// training's pause, a declaration's revocation) writes nothing when the
// role was changed to another status since it was read — a revocation
// stays a revocation — and writes, with its audit entry, when it was not.
func TestRoleSetFromKeepsAChangeMadeMeanwhile(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			for i, tt := range []struct {
				name   string
				stored string // "" for no row
				from   []string
				to     string
				want   bool
			}{
				{"activation after a revocation", storage.RoleRemoved, []string{storage.RolePending, storage.RolePaused}, storage.RoleActive, false},
				{"activation of a pending role", storage.RolePending, []string{storage.RolePending, storage.RolePaused}, storage.RoleActive, true},
				{"pause after a revocation", storage.RoleRemoved, []string{storage.RoleActive}, storage.RolePaused, false},
				{"pause of an active role", storage.RoleActive, []string{storage.RoleActive}, storage.RolePaused, true},
				{"declaration revoked after a revocation", storage.RoleRemoved, []string{storage.RoleActive, storage.RolePaused}, storage.RolePending, false},
				{"declaration revoked, role paused", storage.RolePaused, []string{storage.RoleActive, storage.RolePaused}, storage.RolePending, true},
				{"no role at all", "", []string{storage.RolePending}, storage.RoleActive, false},
				{"no statuses allowed", storage.RolePending, nil, storage.RoleActive, false},
			} {
				user := "@p" + string(rune('a'+i)) + ":hs"
				if tt.stored != "" {
					if _, err := db.Roles().Set(ctx, user, storage.RoleTeam, tt.stored, "@m:hs", storage.RoleAuditEntry{Key: "setup:" + user, At: now}, now); err != nil {
						t.Fatal(err)
					}
				}
				key := "change:" + user
				changed, err := db.Roles().SetFrom(ctx, user, storage.RoleTeam, tt.from, tt.to, "@m:hs",
					storage.RoleAuditEntry{Key: key, At: now, Actor: "@m:hs", Subject: user, Action: "change"}, now)
				if err != nil {
					t.Fatal(err)
				}
				r, err := db.Roles().Get(ctx, user, storage.RoleTeam)
				if err != nil {
					t.Fatal(err)
				}
				got := ""
				if r != nil {
					got = r.Status
				}
				logged, err := db.Roles().AuditHas(ctx, key)
				if err != nil {
					t.Fatal(err)
				}
				want := tt.stored
				if tt.want {
					want = tt.to
				}
				if changed != tt.want || got != want || logged != tt.want {
					t.Errorf("%s: changed %v, status %q, logged %v; want %v, %q, %v", tt.name, changed, got, logged, tt.want, want, tt.want)
				}
			}
		})
	}
}

// TestRoleSetFromWaitsForARevocation: on PostgreSQL, an activation that
// reads the role while a revocation of it is being written waits for the
// revocation and then writes nothing (the read locks the row). Without
// the lock, the activation read „pending“, waited only at its own write,
// and wrote „active“ over the committed revocation. SQLite writes one
// transaction at a time.
func TestRoleSetFromWaitsForARevocation(t *testing.T) {
	db, ok := openTestDBs(t)["postgres"]
	if !ok {
		t.Skip("set LOTSE_TEST_POSTGRES (uri=$(bash .ci/postgres.sh /tmp/pg 55441)) to test PostgreSQL; CI sets it")
	}
	ctx := context.Background()
	now := time.UnixMilli(1_700_000_000_000)
	const user = "@p:hs"
	if _, err := db.Roles().Set(ctx, user, storage.RoleTeam, storage.RolePending, "@m:hs", storage.RoleAuditEntry{Key: "grant:$g", At: now}, now); err != nil {
		t.Fatal(err)
	}
	var activated bool
	err := whileHolding(t, db, "member_role", func(ctx context.Context) error {
		_, err := db.Roles().Set(ctx, user, storage.RoleTeam, storage.RoleRemoved, "@a:hs", storage.RoleAuditEntry{Key: "revoke:$r", At: now}, now)
		return err
	}, func() error {
		var err error
		activated, err = db.Roles().SetFrom(context.Background(), user, storage.RoleTeam, []string{storage.RolePending, storage.RolePaused},
			storage.RoleActive, "@b:hs", storage.RoleAuditEntry{Key: "activate:$t", At: now}, now)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := db.Roles().Get(ctx, user, storage.RoleTeam)
	if err != nil {
		t.Fatal(err)
	}
	if activated || r == nil || r.Status != storage.RoleRemoved {
		t.Errorf("activation during a revocation: activated %v, role %+v; want the revocation to stay", activated, r)
	}
}
