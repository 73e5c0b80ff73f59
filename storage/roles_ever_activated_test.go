package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestEverActivated: whether the role log records an activation of a
// role, by anybody — and only an activation of that role (a request, a
// grant or another role's activation is none).
func TestEverActivated(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.Roles()
			now := time.UnixMilli(1_700_000_000_000)
			check := func(role string, want bool) {
				t.Helper()
				if got, err := q.EverActivated(ctx, role); err != nil || got != want {
					t.Errorf("EverActivated(%s) = %v, %v; want %v", role, got, err, want)
				}
			}
			for _, e := range []storage.RoleAuditEntry{
				{Key: "apply:$1", At: now, Actor: "@m:hs", Subject: "@m:hs", Action: "apply", Detail: storage.RoleTeam},
				{Key: "grant:$2", At: now, Actor: "@a:hs", Subject: "@c:hs", Action: "grant", Detail: storage.RoleCoordinator},
				{Key: "bootstrap:$3", At: now, Actor: "@a:hs", Subject: "@a:hs", Action: "bootstrap", Detail: storage.RoleTeam + " (pending)"},
			} {
				if err := q.Audit(ctx, e); err != nil {
					t.Fatal(err)
				}
			}
			check(storage.RoleTeam, false)
			if err := q.Audit(ctx, storage.RoleAuditEntry{Key: "activate:$4", At: now, Actor: "@a:hs", Subject: "@m:hs",
				Action: "activate", Detail: storage.RoleTeam}); err != nil {
				t.Fatal(err)
			}
			check(storage.RoleTeam, true)
			check(storage.RoleCoordinator, false)
		})
	}
}
