package commands

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// newRolesEnvNoApprovalsRoom is newRolesEnv with support cases on and
// access requests off: there is no approvals room (the config check
// accepts it; approvals_room needs nextcloud_url or bbb_url).
func newRolesEnvNoApprovalsRoom(t *testing.T) (*supportEnv, *fakeRooms) {
	t.Helper()
	e, rooms := newRolesEnv(t)
	e.reconfigure(func(d *Deps) { d.Access.ApprovalsRoom = "" })
	return e, rooms
}

// TestApplicationWithoutApprovalsRoomReachesManagers: without an
// approvals room a team application reached nobody, while the applicant
// was told that the approvers would get in touch; now each admin and
// approver gets it in their direct chat, once, and so does an application
// after a revocation (twenty-seventh pass, onb27).
func TestApplicationWithoutApprovalsRoomReachesManagers(t *testing.T) {
	e, _ := newRolesEnvNoApprovalsRoom(t)
	sent := e.say(t, dmRoom, member, "!team beitreten", "")
	mustContain(t, in(sent, dmRoom), "Die Genehmigenden melden sich bei dir")
	for _, m := range []id.UserID{admin, approvr} {
		mustContain(t, in(sent, dmOf(m)), "möchte ins Digitalisierungsteam", "!erklärung")
	}
	for _, other := range []id.UserID{coord, member, alice} {
		if got := in(sent, dmOf(other)); len(got) != 0 {
			t.Errorf("%s was told of the application: %s", other, bodies(got))
		}
	}
	// The notices' records are the applicant's (their erasure deletes
	// them), not the managers' (whole27: they were in the managers'
	// exports and survived the applicant's erasure).
	ctx := context.Background()
	for who, want := range map[id.UserID]int{member: 2, admin: 0, approvr: 0} {
		data, err := e.db.Privacy().Export(ctx, who.String())
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, row := range data["scheduled_notice"] {
			if strings.Contains(fmt.Sprint(row), "@member:test") {
				n++
			}
		}
		if n != want {
			t.Errorf("%s's export has %d notices about the application, want %d: %v", who, n, want, data["scheduled_notice"])
		}
	}
	// Applying again while the approvers already know tells nobody anew.
	again := e.say(t, dmRoom, member, "!team beitreten", "")
	for _, m := range []id.UserID{admin, approvr} {
		if got := in(again, dmOf(m)); len(got) != 0 {
			t.Errorf("%s was told again: %s", m, bodies(got))
		}
	}
	// After a revocation the re-application reaches them too.
	e.fm.joined[dmRoom][approvr] = true
	e.say(t, dmRoom, approvr, "!rolle @member:test team entziehen", "")
	sent = e.say(t, dmRoom, member, "!team beitreten", "")
	mustContain(t, in(sent, dmRoom), "Die Genehmigenden wissen Bescheid")
	mustContain(t, in(sent, dmOf(admin)), "möchte wieder ins Digitalisierungsteam")
}

// TestTrainingNoticesWithoutApprovalsRoomReachCoordinators: the training
// notices for the coordinators went only to the approvals room; without
// one they were never sent, though the code promised their direct chats.
func TestTrainingNoticesWithoutApprovalsRoomReachCoordinators(t *testing.T) {
	e, _ := newRolesEnvNoApprovalsRoom(t)
	ctx := context.Background()
	e.fm.joined[dmRoom][approvr] = true
	e.say(t, dmRoom, member, "!team beitreten", "")
	e.say(t, dmRoom, approvr, "!erklärung @member:test erhalten", "")
	e.say(t, dmRoom, approvr, "!schulung @member:test 02.03.2026", "")
	if !e.h.support.IsTeam(ctx, member) {
		t.Fatal("not active")
	}
	tick := func() []sentMsg {
		before := e.fm.count()
		for range 3 {
			if err := e.h.TickPeople(ctx, e.now); err != nil {
				t.Fatal(err)
			}
		}
		return e.fm.sent[before:]
	}
	e.now = e.now.AddDate(0, 11, 10)
	sent := tick()
	mustContain(t, in(sent, dmOf(coord)), "läuft am")
	if n := len(in(sent, dmOf(coord))); n != 1 {
		t.Errorf("coordinator got %d reminders, want 1: %s", n, bodies(sent))
	}
	e.now = e.now.AddDate(0, 1, 0)
	sent = tick()
	mustContain(t, in(sent, dmOf(coord)), "pausiert")
	if ok, _ := e.db.Roles().Has(ctx, member.String(), storage.RoleTeam); ok {
		t.Error("team role not paused")
	}
}

// TestDeclarationRevoked: a recorded declaration can be taken back
// (!erklärung @name widerrufen); before, the word was read as a date and
// the evidence stayed for good. An active team member goes back to
// pending: out of the team room, their cases back in the queue, told in
// their direct chat; a new declaration activates them again. Only
// managers may do it.
func TestDeclarationRevoked(t *testing.T) {
	e, rooms := newRolesEnv(t)
	ctx := context.Background()
	e.fm.joined[dmRoom][approvr] = true
	e.say(t, dmRoom, member, "!team beitreten", "")
	e.say(t, approvRm, approvr, "!erklärung @member:test erhalten 01.03.2026", "")
	e.say(t, approvRm, approvr, "!schulung @member:test 15.02.2026", "")
	if !e.h.support.IsTeam(ctx, member) {
		t.Fatal("not active")
	}
	e.fm.joined[teamRoom][member] = true
	e.openCase(t)
	e.say(t, teamRoom, member, "!übernehmen 1", "")
	if got, _ := e.db.Cases.Get(ctx, 1); got.Assignee != member.String() {
		t.Fatalf("claim failed: %+v", got)
	}

	// Someone without the right cannot.
	mustContain(t, in(e.say(t, dmRoom, member, "!erklärung @alice:test widerrufen", ""), dmRoom), "nur Admins und Genehmigende")

	sent := e.say(t, approvRm, approvr, "!erklärung @member:test widerrufen", "")
	mustContain(t, in(sent, approvRm), "ausgetragen", "wartet jetzt wieder")
	mustContain(t, in(sent, dmRoom), "nicht mehr eingetragen")
	if e.h.support.IsTeam(ctx, member) {
		t.Error("team role still active after the declaration was taken back")
	}
	if r, _ := e.db.Roles().Get(ctx, member.String(), storage.RoleTeam); r == nil || r.Status != storage.RolePending {
		t.Errorf("team role = %+v, want pending", r)
	}
	if !rooms.has(&rooms.kicks, teamRoom.String()+" "+member.String()) {
		t.Errorf("not removed from the team room: %v", rooms.kicks)
	}
	if got, _ := e.db.Cases.Get(ctx, 1); got.Assignee != "" {
		t.Errorf("case still claimed: %+v", got)
	}
	if g, _ := e.db.Roles().Gate(ctx, member.String()); g == nil || !g.DeclarationAt.IsZero() {
		t.Errorf("declaration still on file: %+v", g)
	}
	for _, key := range []string{"declaration-revoke:", "suspend:"} {
		found := false
		log, _ := e.db.Roles().AuditLog(ctx, member.String())
		for _, l := range log {
			found = found || (l.Action+":" == key && l.Actor == approvr.String())
		}
		if !found {
			t.Errorf("audit log lacks %s by the approver: %+v", key, log)
		}
	}
	// A second time: nothing on file.
	mustContain(t, in(e.say(t, approvRm, approvr, "!declaration @member:test withdraw", ""), approvRm), "keine Verpflichtungserklärung")
	// A new declaration activates again (the training is still valid).
	e.say(t, approvRm, approvr, "!erklärung @member:test erhalten", "")
	if !e.h.support.IsTeam(ctx, member) {
		t.Error("not active again after a new declaration")
	}
}

// TestRolesShowTrainingExpiry: !rollen and !team say until when the
// training counts, or since when it has expired — not only the day it
// took place, from which the coordinators had to work it out.
func TestRolesShowTrainingExpiry(t *testing.T) {
	e, _ := newRolesEnv(t)
	e.fm.joined[dmRoom][approvr] = true
	e.say(t, dmRoom, member, "!team beitreten", "")
	e.say(t, approvRm, approvr, "!erklärung @member:test erhalten 01.03.2026", "")
	e.say(t, approvRm, approvr, "!schulung @member:test 15.02.2026", "")
	mustContain(t, in(e.say(t, approvRm, approvr, "!rollen", ""), approvRm), "Erklärung: 01.03.2026, Schulung gültig bis 15.02.2027")
	mustContain(t, in(e.say(t, dmRoom, member, "!team", ""), dmRoom), "Schulung gültig bis 15.02.2027")
	e.now = e.now.AddDate(1, 0, 0)
	mustContain(t, in(e.say(t, approvRm, approvr, "!rollen", ""), approvRm), "Schulung abgelaufen am 15.02.2027")
}

// TestLobbyLeaveNotWelcomed: the bot hands on leaves as well as joins; a
// member leaving a lobby room who had not been welcomed yet got the
// welcome as they left. A join still welcomes.
func TestLobbyLeaveNotWelcomed(t *testing.T) {
	e, rooms := newRolesEnv(t)
	const lobby = id.RoomID("!lobby:test")
	e.reconfigure(func(d *Deps) { d.Onboarding = Onboarding{Welcome: true, LobbyRooms: []id.RoomID{lobby}} })
	n := 0
	membership := func(user id.UserID, m event.Membership) []sentMsg {
		n++
		key := user.String()
		evt := &event.Event{ID: id.EventID(fmt.Sprintf("$lobby%d", n)), RoomID: lobby, Sender: user, StateKey: &key,
			Type: event.StateMember, Content: event.Content{Parsed: &event.MemberEventContent{Membership: m}}}
		return e.handle(t, evt, false)
	}
	leaver, joiner := id.UserID("@leaver:test"), id.UserID("@joiner:test")
	if sent := membership(leaver, event.MembershipLeave); len(sent) != 0 {
		t.Errorf("a member leaving the lobby got: %s", bodies(sent))
	}
	sent := membership(joiner, event.MembershipJoin)
	dm, _ := rooms.OpenDM(context.Background(), joiner)
	mustContain(t, in(sent, dm), "Willkommen")
}

// TestEvidenceForUnknownOrForeignIDWarned: recording a declaration or
// training, or granting a role, for an ID Lotse never heard of (a typo)
// or on another server (a look-alike) warns the one who does it; for an
// applicant of Lotse's own server it stays quiet.
func TestEvidenceForUnknownOrForeignIDWarned(t *testing.T) {
	e, _ := newRolesEnv(t)
	e.fm.joined[dmRoom][approvr] = true
	e.say(t, dmRoom, member, "!team beitreten", "")
	for _, tt := range []struct {
		cmd  string
		want []string
	}{
		{"!erklärung @member:test erhalten", nil},
		{"!schulung @member:test heute", nil},
		{"!erklärung @memher:test erhalten", []string{"noch nie etwas gehört", "@memher:test"}},
		{"!rolle @anna:examp1e.org koordination", []string{"auf dem Server examp1e.org, nicht auf test", "noch nie etwas gehört"}},
		{"!schulung @anna:examp1e.org heute", []string{"auf dem Server examp1e.org"}},
	} {
		t.Run(tt.cmd, func(t *testing.T) {
			sent := in(e.say(t, approvRm, approvr, tt.cmd, ""), approvRm)
			if tt.want == nil {
				if strings.Contains(bodies(sent), "⚠️") {
					t.Errorf("warned about a known ID: %s", bodies(sent))
				}
				return
			}
			mustContain(t, sent, append([]string{"⚠️"}, tt.want...)...)
		})
	}
}
