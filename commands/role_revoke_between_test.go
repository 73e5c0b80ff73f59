package commands

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/lotse-bot/lotse/storage"
)

// revokeOnRoleRead installs a queryHook (onQueryUntil) that revokes member's team
// role (as approvr) the first time the role is read while when says the
// moment has come (nil: the first read). It returns whether the revocation
// ran and a stop func that puts the database's logger back (also on
// cleanup).
func revokeOnRoleRead(t *testing.T, e *supportEnv, when func(ctx context.Context, user string) bool) (*atomic.Bool, func()) {
	t.Helper()
	var revoked atomic.Bool
	_, stop := onQueryUntil(t, e, roleRead, func(ctx context.Context, args []any) bool {
		user, _ := args[0].(string)
		if user != member.String() || (when != nil && !when(ctx, user)) {
			return false
		}
		if _, err := e.db.Roles().Set(ctx, user, storage.RoleTeam, storage.RoleRemoved, approvr.String(),
			storage.RoleAuditEntry{Key: "revoke:between", At: e.now, Actor: approvr.String(), Subject: user, Action: "revoke", Detail: storage.RoleTeam}, e.now); err != nil {
			t.Error(err)
		}
		revoked.Store(true)
		return true
	})
	return &revoked, stop
}

// roleRead matches the read of a person's role (storage's role Get; not
// the locked read of a write).
func roleRead(method, query string, args []any) bool {
	if method != "QueryRow" || !strings.Contains(query, "FROM member_role WHERE user_id=") || strings.Contains(query, "FOR UPDATE") || len(args) < 2 {
		return false
	}
	_, ok := args[0].(string)
	return ok
}

// TestRoleRevokedBetweenReadAndActivation: a manager revokes someone's
// team role at the moment the training that completes their evidence is
// recorded — after the activation read the role as pending and before it
// wrote active. The revocation stays: the role is not active, and the
// person does not get the team's access. Before onb34's SetFrom, the
// activation overwrote the revocation; no test caught a switch back to
// Set (onb34's page), this one does (mend34a).
func TestRoleRevokedBetweenReadAndActivation(t *testing.T) {
	e, _ := newRolesEnv(t)
	ctx := context.Background()
	e.fm.joined[dmRoom][approvr] = true
	e.say(t, dmRoom, member, "!team beitreten", "")
	e.say(t, approvRm, approvr, "!erklärung @member:test erhalten", "")
	if r, _ := e.db.Roles().Get(ctx, member.String(), storage.RoleTeam); r == nil || r.Status != storage.RolePending {
		t.Fatalf("setup: role %+v, want pending", r)
	}

	revoked, stop := revokeOnRoleRead(t, e, func(ctx context.Context, user string) bool {
		g, err := e.db.Roles().Gate(ctx, user)
		return err == nil && g != nil && !g.TrainingAt.IsZero() // else not the activation's read: the training is not on file yet
	})
	e.say(t, approvRm, approvr, "!schulung @member:test heute", "")
	stop()

	if !revoked.Load() {
		t.Fatal("the role was never read after the training was on file")
	}
	if r, _ := e.db.Roles().Get(ctx, member.String(), storage.RoleTeam); r == nil || r.Status != storage.RoleRemoved {
		t.Errorf("after the revocation between the read and the write: role %+v, want removed", r)
	}
	if e.h.support.IsTeam(ctx, member) {
		t.Error("the revoked person has the team's access")
	}
}

// TestRoleRevokedBetweenReadAndPause: the training expired and the
// worker's tick reads the active team role to pause it; a manager's
// revocation lands between that read and the write. The revocation
// stays: a pause would be undone by the next training, a revocation only
// by a new grant (onb34's SetFrom in expireTraining; mend34a's hook).
func TestRoleRevokedBetweenReadAndPause(t *testing.T) {
	e, _ := newRolesEnv(t)
	ctx := context.Background()
	e.fm.joined[dmRoom][approvr] = true
	e.say(t, dmRoom, member, "!team beitreten", "")
	e.say(t, approvRm, approvr, "!erklärung @member:test erhalten", "")
	e.say(t, approvRm, approvr, "!schulung @member:test 02.03.2026", "")
	if r, _ := e.db.Roles().Get(ctx, member.String(), storage.RoleTeam); r == nil || r.Status != storage.RoleActive {
		t.Fatalf("setup: role %+v, want active", r)
	}
	e.now = e.now.AddDate(1, 0, 10) // the training expired

	revoked, stop := revokeOnRoleRead(t, e, nil)
	err := e.h.TickPeople(ctx, e.now)
	stop()
	if err != nil {
		t.Fatal(err)
	}
	if !revoked.Load() {
		t.Fatal("the tick never read the role")
	}
	if r, _ := e.db.Roles().Get(ctx, member.String(), storage.RoleTeam); r == nil || r.Status != storage.RoleRemoved {
		t.Errorf("after the revocation between the read and the pause: role %+v, want removed", r)
	}
}

// TestRoleRevokedBetweenReadAndSuspend: a manager takes back an active
// member's declaration; between the read of the role that follows and its
// write to pending, another manager revokes the role. The revocation
// stays: pending would let the next declaration activate the person
// again (onb34's SetFrom in the declaration's revocation; mend34a's hook).
func TestRoleRevokedBetweenReadAndSuspend(t *testing.T) {
	e, _ := newRolesEnv(t)
	ctx := context.Background()
	e.fm.joined[dmRoom][approvr] = true
	e.say(t, dmRoom, member, "!team beitreten", "")
	e.say(t, approvRm, approvr, "!erklärung @member:test erhalten", "")
	e.say(t, approvRm, approvr, "!schulung @member:test heute", "")
	if r, _ := e.db.Roles().Get(ctx, member.String(), storage.RoleTeam); r == nil || r.Status != storage.RoleActive {
		t.Fatalf("setup: role %+v, want active", r)
	}

	revoked, stop := revokeOnRoleRead(t, e, func(ctx context.Context, user string) bool {
		g, err := e.db.Roles().Gate(ctx, user)
		return err == nil && g != nil && g.DeclarationAt.IsZero() // else not the read after it was taken back: the declaration is still on file
	})
	e.say(t, approvRm, approvr, "!erklärung @member:test widerrufen", "")
	stop()

	if !revoked.Load() {
		t.Fatal("the role was never read after the declaration was taken back")
	}
	if r, _ := e.db.Roles().Get(ctx, member.String(), storage.RoleTeam); r == nil || r.Status != storage.RoleRemoved {
		t.Errorf("after the revocation between the read and the suspension: role %+v, want removed", r)
	}
}
