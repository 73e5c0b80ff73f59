package storage_test

import (
	"context"
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
