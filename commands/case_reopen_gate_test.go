package commands

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestCaseReopenAssigneeTrainingExpired: a case resolved by a volunteer
// whose data-protection training has since expired — their team role
// still active, as the worker's tick has not paused it yet — comes back
// free for claiming when its member writes again, as it did before
// race35: IsTeam (role and team gate) says they are no longer in the
// team. race35's ReopenChecked checked the role's status in the write
// only and kept the case „in Arbeit“ for them. Fails without the fix.
func TestCaseReopenAssigneeTrainingExpired(t *testing.T) {
	for _, tt := range []struct {
		name   string
		closed bool // closed for good by the member, reopened by the team
	}{
		{"member writes into the resolved case", false},
		{"team reopens the closed case", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			e, _ := newRolesEnv(t)
			root := e.openCase(t)
			e.say(t, teamRoom, alice, "!übernehmen", root)
			e.say(t, teamRoom, alice, "!erledigt Neu gestartet.", root)
			if tt.closed {
				e.say(t, dmRoom, member, "!schließen 1", "")
			}
			if c, err := e.db.Cases.Get(ctx, 1); err != nil || c.Assignee != alice.String() {
				t.Fatalf("the case is not alice's: %+v, %v", c, err)
			}

			trained := e.now.AddDate(-1, 0, -2)
			if err := e.db.Roles().PutGate(ctx, storage.TeamGate{UserID: alice.String(), DeclarationAt: trained, DeclarationBy: approvr.String(),
				TrainingAt: trained, TrainingBy: approvr.String(), UpdatedAt: trained}, storage.RoleAuditEntry{}); err != nil {
				t.Fatal(err)
			}
			e.now = e.now.Add(time.Hour)
			if has, err := e.db.Roles().Has(ctx, alice.String(), storage.RoleTeam); err != nil || !has {
				t.Fatalf("alice's team role is not active before the tick: %v, %v", has, err)
			}
			if e.h.support.IsTeam(ctx, alice) {
				t.Fatal("alice counts as team with an expired training")
			}

			var sent []sentMsg
			if tt.closed {
				sent = e.say(t, teamRoom, bob, "!wiedereröffnen 1", "")
			} else {
				sent = e.say(t, dmRoom, member, "Es geht leider doch wieder nicht.", "")
				mustContain(t, in(sent, dmRoom), "wieder geöffnet")
			}
			c, err := e.db.Cases.Get(ctx, 1)
			if err != nil {
				t.Fatal(err)
			}
			if c.Status != storage.CaseOpen {
				t.Fatalf("not reopened: %v", c.Status)
			}
			if c.Assignee != "" {
				t.Errorf("reopened „in Arbeit“ for %s, whose training has expired", c.Assignee)
			}
			mustContain(t, in(sent, teamRoom), "wieder offen zur Übernahme")
		})
	}
}
