package commands

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestTeamAccessEndsWithTheEvidence: the team role gives access only
// while the evidence on file carries it. A training that expired ends it
// at the check itself, before the worker's tick paused the role (after a
// restart the events that waited are handled before the first tick), and
// a declaration taken back ends it also when the role's own change to
// pending was not written (a crash between the two writes). Each case:
// the member's team command in the team room is not answered with case
// data, and support's IsTeam says no.
func TestTeamAccessEndsWithTheEvidence(t *testing.T) {
	for _, tt := range []struct {
		name  string
		lapse func(t *testing.T, e *supportEnv)
	}{
		{"training expired, no tick yet", func(t *testing.T, e *supportEnv) {
			e.now = e.now.AddDate(1, 0, 1) // the worker has not run since
		}},
		{"declaration taken back, role still active", func(t *testing.T, e *supportEnv) {
			ctx := context.Background()
			g, err := e.db.Roles().Gate(ctx, member.String())
			if err != nil || g == nil {
				t.Fatalf("gate: %v %v", g, err)
			}
			g.DeclarationAt, g.DeclarationBy = time.Time{}, ""
			if err := e.db.Roles().PutGate(ctx, *g, storage.RoleAuditEntry{Key: "declaration-revoke:crash", At: e.now,
				Actor: approvr.String(), Subject: member.String(), Action: "declaration-revoke", Detail: storage.RoleTeam}); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, _ := newRolesEnv(t)
			ctx := context.Background()
			e.fm.joined[dmRoom][approvr] = true
			e.say(t, dmRoom, member, "!team beitreten", "")
			e.say(t, approvRm, approvr, "!erklärung @member:test erhalten", "")
			e.say(t, approvRm, approvr, "!schulung @member:test heute", "")
			if !e.h.support.IsTeam(ctx, member) {
				t.Fatal("not active after declaration and training")
			}
			e.fm.joined[teamRoom][member] = true
			e.otherCase(t) // a case the member could read: „Drucker druckt nicht“
			if sent := e.say(t, teamRoom, member, "!offen", ""); !strings.Contains(bodies(in(sent, teamRoom)), "Drucker") {
				t.Fatalf("setup: the active member does not see the open case: %s", bodies(sent))
			}

			tt.lapse(t, e)
			if r, _ := e.db.Roles().Get(ctx, member.String(), storage.RoleTeam); r == nil || r.Status != storage.RoleActive {
				t.Fatalf("setup: the stored role should still be active: %+v", r)
			}
			if e.h.support.IsTeam(ctx, member) {
				t.Error("IsTeam: the team role still counts after the evidence lapsed")
			}
			sent := e.say(t, teamRoom, member, "!offen", "")
			if strings.Contains(bodies(sent), "Drucker") {
				t.Errorf("a team command was answered with case data after the evidence lapsed: %s", bodies(sent))
			}
		})
	}
}

// TestLapsedTeamRoleNotInvitedBack: a member whose training expired
// before the worker paused the role is not told „schon freigeschaltet“
// by `!team beitreten` and is not invited back into the team room — by
// their own request or by a manager's grant; both hear what is missing.
func TestLapsedTeamRoleNotInvitedBack(t *testing.T) {
	e, rooms := newRolesEnv(t)
	e.fm.joined[dmRoom][approvr] = true
	e.say(t, dmRoom, member, "!team beitreten", "")
	e.say(t, approvRm, approvr, "!erklärung @member:test erhalten", "")
	e.say(t, approvRm, approvr, "!schulung @member:test heute", "")
	delete(e.fm.joined[teamRoom], member) // left the team room
	e.now = e.now.AddDate(1, 0, 1)        // the training expired; no tick yet
	invites := func() []string {
		rooms.mu.Lock()
		defer rooms.mu.Unlock()
		return append([]string(nil), rooms.invites...)
	}
	before := len(invites())
	sent := in(e.say(t, dmRoom, member, "!team beitreten", ""), dmRoom)
	if b := bodies(sent); strings.Contains(b, "schon") || !strings.Contains(b, "Datenschutzschulung") {
		t.Errorf("the member's own request: %s", b)
	}
	sent = in(e.say(t, approvRm, approvr, "!rolle @member:test team", ""), approvRm)
	if b := bodies(sent); strings.Contains(b, "schon") || !strings.Contains(b, "Datenschutzschulung") {
		t.Errorf("the manager's grant: %s", b)
	}
	for _, inv := range invites()[before:] {
		if strings.HasPrefix(inv, teamRoom.String()) {
			t.Errorf("invited back into the team room with an expired training: %s", inv)
		}
	}
}
