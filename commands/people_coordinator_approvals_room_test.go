package commands

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// TestCoordinatorRevokeLeavesApprovalsRoom: a coordinator belongs in the
// approvals room (the training notices go there; it holds the access
// requests with e-mail addresses). Revoking the role removed them from
// nowhere: they went on reading every new request (thirty-first pass,
// onb31). Someone who still belongs there (an approver too) stays.
func TestCoordinatorRevokeLeavesApprovalsRoom(t *testing.T) {
	for _, tt := range []struct {
		name     string
		approver bool
		kept     bool
	}{
		{"coordinator only", false, false},
		{"coordinator and approver", true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, rooms := newRolesEnv(t)
			if tt.approver {
				setRole(t, e.db, coord, storage.RoleApprover, storage.RoleActive)
			}
			e.fm.joined[approvRm][coord] = true
			mustContain(t, e.say(t, dmRoom, admin, "!rolle "+coord.String()+" -koordination", ""), "entzogen")
			if got := rooms.has(&rooms.kicks, approvRm.String()+" "+coord.String()); got == tt.kept {
				t.Errorf("removed from the approvals room: %v, want %v (%v)", got, !tt.kept, rooms.kicks)
			}
			if rooms.has(&rooms.kicks, teamRoom.String()+" "+coord.String()) {
				t.Errorf("removed from the team room for a coordinator role: %v", rooms.kicks)
			}
		})
	}
}

// TestBootstrapStaysClosedWhenTeamPaused: the first admin's own
// declaration is for the first setup only. When every team member's
// training had expired (all paused), nobody held the active team role and
// the window opened again: a configured admin could record their own
// declaration and training and read the cases without a second person
// (thirty-first pass, onb31). A paused team is a team; and once any team
// role became active through the gate, the window is closed for good.
func TestBootstrapStaysClosedWhenTeamPaused(t *testing.T) {
	e, _ := newRolesEnv(t)
	ctx := context.Background()
	adminDM := id.RoomID("!dm-admin:test")
	say := func(body string) []sentMsg {
		t.Helper()
		return in(e.handle(t, e.event(adminDM, admin, textContent(body)), true), adminDM)
	}
	for _, u := range []id.UserID{alice, bob} {
		setRole(t, e.db, u, storage.RoleTeam, storage.RolePaused)
	}
	mustContain(t, say("!erklärung "+admin.String()+" erhalten 01.03.2026"), "nur beim ersten Einrichten")
	if g, _ := e.db.Roles().Gate(ctx, admin.String()); g != nil && !g.DeclarationAt.IsZero() {
		t.Fatal("the admin's own declaration was recorded while the team is paused")
	}
	// And a join of the team room is no longer taken for the first setup.
	mustContain(t, in(e.handle(t, memberEvent(teamRoom, sitter, event.MembershipJoin, "", ""), false), teamRoom),
		"keine freigeschaltete Team-Rolle")

	// A team built by the approvers (no bootstrap), then everyone removed.
	e, _ = newRolesEnv(t)
	for _, u := range []id.UserID{alice, bob} {
		setRole(t, e.db, u, storage.RoleTeam, storage.RoleRemoved)
	}
	e.fm.joined[dmRoom][approvr] = true
	e.say(t, dmRoom, member, "!team beitreten", "")
	e.say(t, approvRm, approvr, "!erklärung @member:test erhalten", "")
	e.say(t, approvRm, approvr, "!schulung @member:test heute", "")
	if !e.h.support.IsTeam(ctx, member) {
		t.Fatal("setup: the member's team role is not active")
	}
	setRole(t, e.db, member, storage.RoleTeam, storage.RoleRemoved)
	mustContain(t, say("!erklärung "+admin.String()+" erhalten 01.03.2026"), "nur beim ersten Einrichten")
	if e.h.support.IsTeam(ctx, admin) {
		t.Fatal("the admin activated their own team role after the team had been built")
	}
}

// memberEvent is an m.room.member event of user in room; prev is the
// membership before it ("" for none).
func memberEvent(room id.RoomID, user id.UserID, membership, prev event.Membership, name string) *event.Event {
	n := supportEvt.Add(1)
	key := user.String()
	evt := &event.Event{ID: id.EventID(fmt.Sprintf("$m%d", n)), RoomID: room, Sender: user, Type: event.StateMember, StateKey: &key,
		Content: event.Content{Parsed: &event.MemberEventContent{Membership: membership, Displayname: name}}}
	if prev != "" {
		evt.Unsigned.PrevContent = &event.Content{Parsed: &event.MemberEventContent{Membership: prev}}
	}
	return evt
}

// TestChecklistStepsLinkTheirGuides: a member on a phone reads „3.
// Willkommensmail erhalten …“ in the checklist and types „!anleitung 3“ —
// which opened the third topic's list (the numbers of !anleitung), not the
// step's guide. Where guides have a web address, each step's title in the
// welcome and the checklist links its guide; the checklist's hint says
// that its numbers are for !start only (thirty-first pass, onb31).
func TestChecklistStepsLinkTheirGuides(t *testing.T) {
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) {
		d.Onboarding = Onboarding{Welcome: true}
		d.GuideURL = func(id string) string { return "https://hilfe.example.org/" + id }
	})
	link := `<a href="https://hilfe.example.org/nextcloud/erste-anmeldung.md">Willkommensmail erhalten`
	welcome := in(e.say(t, dmRoom, member, "hallo", ""), dmRoom)
	if len(welcome) == 0 || !strings.Contains(welcome[0].content.FormattedBody, link) {
		t.Errorf("the welcome's step does not link its guide:\n%s", bodies(welcome))
	}
	list := in(e.say(t, dmRoom, member, "!start", ""), dmRoom)
	if len(list) != 1 || !strings.Contains(list[0].content.FormattedBody, link) {
		t.Fatalf("the checklist's step does not link its guide:\n%s", bodies(list))
	}
	mustContain(t, list, "nur für !start")
}

// TestCoordinatorGrantInvitesToApprovalsRoom: the coordinators' training
// notices go to the approvals room (mentioning them); a new coordinator
// was never invited there, so they saw none (thirty-first pass, onb31).
// As for an approver, Lotse invites them.
func TestCoordinatorGrantInvitesToApprovalsRoom(t *testing.T) {
	e, rooms := newRolesEnv(t)
	carol := id.UserID("@carol:test")
	mustContain(t, e.say(t, dmRoom, approvr, "!rolle "+carol.String()+" koordination", ""), "Koordination")
	if !rooms.has(&rooms.invites, approvRm.String()+" "+carol.String()) {
		t.Errorf("the new coordinator was not invited to the approvals room: %v", rooms.invites)
	}
	if rooms.has(&rooms.invites, teamRoom.String()+" "+carol.String()) {
		t.Errorf("a coordinator was invited to the team room: %v", rooms.invites)
	}
}

// TestErasureEndsRolesInTheLog: !daten-löschen deletes a team member's
// role rows; the role log showed their grant and activation, pseudonymised,
// but no end — read later, the pseudonym still held the team role. Now
// each role held ends with an "erase" entry, which names nobody after the
// erasure (thirty-first pass, onb31).
func TestErasureEndsRolesInTheLog(t *testing.T) {
	e, _ := newRolesEnv(t)
	ctx := context.Background()
	setRole(t, e.db, alice, storage.RoleCoordinator, storage.RoleActive)
	sent := in(e.say(t, dmRoom, alice, "!daten-löschen", ""), dmRoom)
	m := regexp.MustCompile("!daten-löschen ([A-Za-zÄÖÜäöüß]+)").FindStringSubmatch(bodies(sent))
	if m == nil {
		t.Fatalf("no confirmation token: %s", bodies(sent))
	}
	mustContain(t, in(e.say(t, dmRoom, alice, "!daten-löschen "+m[1], ""), dmRoom), "Erledigt")
	entries, err := e.db.Roles().AuditLog(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	ended := map[string]bool{}
	for _, a := range entries {
		for _, f := range []string{a.Key, a.Actor, a.Subject, a.Detail} {
			if strings.Contains(f, alice.String()) {
				t.Errorf("after the erasure a role log entry names the member: %+v", a)
			}
		}
		if a.Action == "erase" {
			ended[a.Detail] = true
		}
	}
	if !ended[storage.RoleTeam] || !ended[storage.RoleCoordinator] || ended[storage.RoleApprover] {
		t.Errorf("the log ends roles %v, want team and coordinator", ended)
	}
}
