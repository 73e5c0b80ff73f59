package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/people"
	"github.com/lotse-bot/lotse/storage"
)

// setRole stores a role directly (test setup).
func setRole(t testing.TB, db *storage.DB, user id.UserID, role, status string) {
	t.Helper()
	if _, err := db.Roles().Set(context.Background(), user.String(), role, status, "@setup:test", storage.RoleAuditEntry{}, time.Now()); err != nil {
		t.Fatal(err)
	}
}

// fakeRooms records invites, kicks and opened DMs.
type fakeRooms struct {
	mu      sync.Mutex
	invites []string
	kicks   []string
	dms     map[id.UserID]id.RoomID
}

func (f *fakeRooms) Invite(_ context.Context, room id.RoomID, user id.UserID, _ string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.invites = append(f.invites, room.String()+" "+user.String())
	return nil
}

func (f *fakeRooms) Kick(_ context.Context, room id.RoomID, user id.UserID, _ string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.kicks = append(f.kicks, room.String()+" "+user.String())
	return nil
}

func (f *fakeRooms) OpenDM(_ context.Context, user id.UserID) (id.RoomID, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.dms == nil {
		f.dms = map[id.UserID]id.RoomID{}
	}
	if r, ok := f.dms[user]; ok {
		return r, nil
	}
	r := id.RoomID("!dm-" + user.Localpart() + ":test")
	f.dms[user] = r
	return r, nil
}

func (f *fakeRooms) has(list *[]string, s string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, x := range *list {
		if x == s {
			return true
		}
	}
	return false
}

const (
	admin    = id.UserID("@admin:test")
	approvr  = id.UserID("@approver:test")
	coord    = id.UserID("@coord:test")
	sitter   = id.UserID("@sitter:test") // in the team room without a role
	approvRm = id.RoomID("!approvals:test")
)

func newRolesEnv(t *testing.T) (*supportEnv, *fakeRooms) {
	t.Helper()
	e := newSupportEnv(t)
	rooms := &fakeRooms{}
	e.reconfigure(func(d *Deps) {
		d.Rooms = rooms
		d.Roles = Roles{Admins: []id.UserID{admin}, TrainingRequired: true, TrainingValidity: 365 * 24 * time.Hour, TrainingRemindBefore: 30 * 24 * time.Hour}
		d.Access.ApprovalsRoom = approvRm
	})
	setRole(t, e.db, approvr, storage.RoleApprover, storage.RoleActive)
	setRole(t, e.db, coord, storage.RoleCoordinator, storage.RoleActive)
	e.fm.joined[teamRoom][sitter] = true
	e.fm.joined[approvRm] = map[id.UserID]bool{approvr: true, botID: true}
	return e, rooms
}

// TestRoleCommandMatrix: who may use which role command, where.
func TestRoleCommandMatrix(t *testing.T) {
	e, _ := newRolesEnv(t)
	refusedManage := "nur Admins und Genehmigende"
	tests := []struct {
		who     id.UserID
		room    id.RoomID
		cmd     string
		want    string
		allowed bool
	}{
		{member, dmRoom, "!rollen", refusedManage, false},
		{alice, dmRoom, "!rollen", refusedManage, false}, // team is no manager
		{coord, dmRoom, "!rollen", refusedManage, false},
		{sitter, "!other:test", "!rollen", refusedManage, false},
		{approvr, dmRoom, "!rollen", "Rollen", true},
		{admin, dmRoom, "!roles", "Rollen", true},
		{approvr, approvRm, "!rollen", "Rollen", true},
		{approvr, "!other:test", "!rollen", "nicht hier", false}, // roles never shown in other rooms
		{member, dmRoom, "!rolle @x:test team", refusedManage, false},
		{alice, dmRoom, "!rolle @x:test koordination", refusedManage, false},
		{approvr, dmRoom, "!rolle @x:test genehmigung", "nur Admins", false},
		{approvr, dmRoom, "!rolle @approver:test koordination", "nicht für dich selbst", false},
		{admin, dmRoom, "!rolle @y:test genehmigung", "Genehmigung", true},
		{approvr, dmRoom, "!rolle @z:test koordination", "Koordination", true},
		{member, dmRoom, "!erklärung @x:test erhalten", refusedManage, false},
		{coord, dmRoom, "!schulung @x:test 01.02.2026", refusedManage, false},
		{sitter, dmRoom, "!erklärung @x:test erhalten", refusedManage, false},
		{member, dmRoom, "!aufbewahrung", refusedManage, false},
		{admin, dmRoom, "!aufbewahrung", "Probelauf der Löschfristen", true},
	}
	for _, tt := range tests {
		t.Run(tt.who.Localpart()+" "+tt.cmd, func(t *testing.T) {
			if tt.room == dmRoom {
				e.fm.joined[dmRoom] = map[id.UserID]bool{tt.who: true, botID: true}
			}
			sent := in(e.say(t, tt.room, tt.who, tt.cmd, ""), tt.room)
			mustContain(t, sent, tt.want)
		})
	}
	if ok, _ := e.db.Roles().Has(context.Background(), "@x:test", storage.RoleCoordinator); ok {
		t.Error("a refused grant was stored")
	}
	if ok, _ := e.db.Roles().Has(context.Background(), "@y:test", storage.RoleApprover); !ok {
		t.Error("the admin's approver grant was not stored")
	}
}

// TestTeamGate: sitting in the team room grants nothing; the application
// waits for the declaration and the training; then the role is active and
// Lotse invites to the team room; removal kicks and returns cases.
func TestTeamGate(t *testing.T) {
	e, rooms := newRolesEnv(t)
	ctx := context.Background()
	// Someone in the team room without the role is ignored there and
	// refused elsewhere: no case data.
	// (issue 19 point 6: they are told once, in their DM, how to get the role).
	if sent := e.say(t, teamRoom, sitter, "!offen", ""); len(in(sent, teamRoom)) != 0 || len(sent) != 1 || strings.Contains(bodies(sent), "Fall") {
		t.Fatalf("answered a team command of someone without the role: %s", bodies(sent))
	}
	mustContain(t, in(e.say(t, "!other:test", sitter, "!fall 1", ""), "!other:test"), "nur Mitglieder des Digitalisierungsteams")

	// The member applies in the DM.
	sent := e.say(t, dmRoom, member, "!team beitreten", "")
	mustContain(t, in(sent, dmRoom), "Verpflichtungserklärung", "Datenschutzschulung")
	mustContain(t, in(sent, approvRm), "möchte ins Digitalisierungsteam")
	if e.h.support.IsTeam(ctx, member) {
		t.Fatal("team role active without declaration")
	}
	// Declaration only: still blocked (training required).
	e.fm.joined[dmRoom][approvr] = true
	sent = e.say(t, approvRm, approvr, "!erklärung @member:test erhalten 01.03.2026", "")
	mustContain(t, in(sent, approvRm), "eingetragen", "fehlt noch")
	if e.h.support.IsTeam(ctx, member) || rooms.has(&rooms.invites, teamRoom.String()+" "+member.String()) {
		t.Fatal("team role active without training")
	}
	// The member cannot use team commands yet.
	e.fm.joined[teamRoom][member] = true
	if sent := e.say(t, teamRoom, member, "!offen", ""); len(in(sent, teamRoom)) != 0 || strings.Contains(bodies(sent), "Fall") {
		t.Fatalf("answered a team command before the gate was passed: %s", bodies(sent))
	}
	// Training: now active, invited, told in the DM.
	sent = e.say(t, approvRm, approvr, "!schulung @member:test 15.02.2026", "")
	mustContain(t, in(sent, approvRm), "freigeschaltet")
	mustContain(t, in(sent, dmRoom), "Willkommen an Bord")
	if !e.h.support.IsTeam(ctx, member) || !rooms.has(&rooms.invites, teamRoom.String()+" "+member.String()) {
		t.Fatal("team role not active or no invite after declaration and training")
	}
	mustContain(t, in(e.say(t, teamRoom, member, "!offen", ""), teamRoom), "")

	// A case claimed by the member goes back to the queue on removal.
	e.openCase(t)
	c := &storage.Case{ID: 1}
	e.say(t, teamRoom, member, "!übernehmen 1", "")
	if got, _ := e.db.Cases.Get(ctx, c.ID); got.Assignee != member.String() {
		t.Fatalf("claim failed: %+v", got)
	}
	sent = e.say(t, approvRm, approvr, "!rolle @member:test team entziehen", "")
	mustContain(t, in(sent, approvRm), "entzogen")
	mustContain(t, in(sent, teamRoom), "wieder offen")
	if got, _ := e.db.Cases.Get(ctx, c.ID); got.Assignee != "" {
		t.Fatalf("case still claimed after removal: %+v", got)
	}
	if !rooms.has(&rooms.kicks, teamRoom.String()+" "+member.String()) || !rooms.has(&rooms.kicks, approvRm.String()+" "+member.String()) {
		t.Fatalf("not removed from team and approvals rooms: %v", rooms.kicks)
	}
	if e.h.support.IsTeam(ctx, member) {
		t.Fatal("still team after removal")
	}
	// Every change is in the audit log.
	log, _ := e.db.Roles().AuditLog(ctx, member.String())
	var actions []string
	for _, l := range log {
		actions = append(actions, l.Action)
	}
	for _, want := range []string{"apply", "declaration", "training", "activate", "revoke"} {
		if !strings.Contains(strings.Join(actions, ","), want) {
			t.Errorf("audit log lacks %s: %v", want, actions)
		}
	}
}

// TestTrainingExpiry: reminder before, pause after, notices once each (fake clock).
func TestTrainingExpiry(t *testing.T) {
	e, rooms := newRolesEnv(t)
	ctx := context.Background()
	e.fm.joined[dmRoom][approvr] = true
	e.say(t, dmRoom, member, "!team beitreten", "")
	e.say(t, approvRm, approvr, "!erklärung @member:test erhalten", "")
	e.say(t, approvRm, approvr, "!schulung @member:test 02.03.2026", "")
	if !e.h.support.IsTeam(ctx, member) {
		t.Fatal("not active")
	}
	count := func() int { return e.fm.count() }
	// 11 months later: reminder to the member and the coordinators, once.
	e.now = e.now.AddDate(0, 11, 10)
	before := count()
	for range 3 {
		if err := e.h.TickPeople(ctx, e.now); err != nil {
			t.Fatal(err)
		}
	}
	sent := e.fm.sent[before:]
	mustContain(t, in(sent, dmRoom), "läuft am")
	mustContain(t, in(sent, approvRm), "läuft am")
	if len(sent) != 2 {
		t.Fatalf("want 2 reminders, got %d: %s", len(sent), bodies(sent))
	}
	if m := in(sent, approvRm)[0].content.Mentions; m == nil || !m.Has(coord) {
		t.Errorf("coordinator not mentioned: %+v", m)
	}
	// After expiry: paused, removed from the team room, told once.
	e.now = e.now.AddDate(0, 1, 0)
	before = count()
	for range 3 {
		if err := e.h.TickPeople(ctx, e.now); err != nil {
			t.Fatal(err)
		}
	}
	sent = e.fm.sent[before:]
	mustContain(t, in(sent, dmRoom), "abgelaufen")
	mustContain(t, in(sent, approvRm), "pausiert")
	if len(sent) != 2 {
		t.Fatalf("want 2 expiry notices, got %d: %s", len(sent), bodies(sent))
	}
	if e.h.support.IsTeam(ctx, member) {
		t.Fatal("team role not paused after expiry")
	}
	if !rooms.has(&rooms.kicks, teamRoom.String()+" "+member.String()) {
		t.Fatal("not removed from the team room after expiry")
	}
	// A new training activates again.
	e.say(t, approvRm, approvr, "!schulung @member:test heute", "")
	if !e.h.support.IsTeam(ctx, member) {
		t.Fatal("not active again after a new training")
	}
}

// TestHelpByRole: !hilfe lists the commands of one's roles only.
func TestHelpByRole(t *testing.T) {
	e, _ := newRolesEnv(t)
	for _, tt := range []struct {
		who       id.UserID
		want, not []string
	}{
		{member, []string{"!datenschutz", "!team beitreten"}, []string{"!rolle", "!offen"}},
		{sitter, []string{"!datenschutz"}, []string{"!rolle", "!offen"}},
		{alice, []string{"!offen"}, []string{"!rolle"}},
		{approvr, []string{"!rolle", "!erklärung"}, []string{"!offen"}},
		{admin, []string{"!rolle", "!aufbewahrung"}, []string{"!offen"}},
	} {
		e.fm.joined[dmRoom] = map[id.UserID]bool{tt.who: true, botID: true}
		sent := in(e.say(t, dmRoom, tt.who, "!hilfe", ""), dmRoom)
		mustContain(t, sent, tt.want...)
		for _, n := range tt.not {
			if strings.Contains(sent[len(sent)-1].content.Body, n) {
				t.Errorf("help for %s lists %s", tt.who, n)
			}
		}
	}
}

// failingKicks is fakeRooms whose kicks fail, as when the person's power
// level in the room is not below Lotse's.
type failingKicks struct{ *fakeRooms }

func (failingKicks) Kick(context.Context, id.RoomID, id.UserID, string) error {
	return errors.New("M_FORBIDDEN: You cannot kick user")
}

// TestRevokeKickFailureTold: when Lotse cannot remove someone whose team
// role was revoked (or paused when the training expired) and they are
// still in the team room, the one who revoked it and the team are told,
// with the manual way out; someone who already left is no news (security
// review 20, finding 2: only an Info log, the person kept reading).
func TestRevokeKickFailureTold(t *testing.T) {
	for _, tt := range []struct {
		name, cmd, where string
		user             id.UserID
		room             id.RoomID // where the team (or the approvers) are told
		joined           bool
	}{
		{"still in the team room", "!rolle @alice:test -team", "@alice:test ist noch im Teamraum", alice, teamRoom, true},
		{"already left", "!rolle @alice:test -team", "@alice:test ist noch im Teamraum", alice, teamRoom, false},
		{"approver still in the approvals room", "!rolle @approver:test -genehmigung", "@approver:test ist noch im Genehmigungsraum", approvr, approvRm, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, rooms := newRolesEnv(t)
			e.reconfigure(func(d *Deps) { d.Rooms = failingKicks{rooms} })
			e.fm.joined[tt.room][tt.user] = tt.joined
			sent := e.say(t, dmRoom, admin, tt.cmd, "")
			dm, room := in(sent, dmRoom), in(sent, tt.room)
			mustContain(t, dm, "entzogen")
			told := strings.Contains(bodies(dm), "konnte die Person nicht entfernen")
			if told != tt.joined || strings.Contains(bodies(room), tt.where) != tt.joined {
				t.Fatalf("told the admin: %v, want %v:\n%s\n%s:\n%s", told, tt.joined, bodies(dm), tt.room, bodies(room))
			}
			if tt.joined {
				mustContain(t, dm, tt.where, "von Hand")
			}
		})
	}
}

// TestRevokeKeepsWhoBelongsInApprovalsRoom: losing the team role removes
// from the approvals room only who does not belong there by the rule that
// also warns about joins (admins, approvers, coordinators); a coordinator
// keeps it (they get the training notices there), a plain team member
// does not (whole-change review 20, people, M3).
func TestRevokeKeepsWhoBelongsInApprovalsRoom(t *testing.T) {
	for _, tt := range []struct {
		name string
		user id.UserID
		kept bool
	}{
		{"coordinator", coord, true},
		{"approver", approvr, true},
		{"team member only", alice, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, rooms := newRolesEnv(t)
			setRole(t, e.db, tt.user, storage.RoleTeam, storage.RoleActive)
			e.fm.joined[approvRm][tt.user] = true
			e.fm.joined[teamRoom][tt.user] = true
			e.say(t, dmRoom, admin, "!rolle "+tt.user.String()+" -team", "")
			if got := rooms.has(&rooms.kicks, approvRm.String()+" "+tt.user.String()); got == tt.kept {
				t.Errorf("removed from the approvals room: %v, want %v (%v)", got, !tt.kept, rooms.kicks)
			}
			if !rooms.has(&rooms.kicks, teamRoom.String()+" "+tt.user.String()) {
				t.Errorf("not removed from the team room: %v", rooms.kicks)
			}
			// With a removal that fails, nobody is told to remove a
			// coordinator from the approvals room by hand.
			e, rooms = newRolesEnv(t)
			setRole(t, e.db, tt.user, storage.RoleTeam, storage.RoleActive)
			e.fm.joined[approvRm][tt.user] = true
			e.fm.joined[teamRoom][tt.user] = true
			e.reconfigure(func(d *Deps) { d.Rooms = failingKicks{rooms} })
			sent := bodies(e.say(t, dmRoom, admin, "!rolle "+tt.user.String()+" -team", ""))
			if strings.Contains(sent, "Genehmigungsraum") == tt.kept {
				t.Errorf("told to remove by hand from the approvals room: %v, want %v:\n%s", tt.kept, !tt.kept, sent)
			}
		})
	}
}

// TestPauseKickFailureTold: the training expired, the team role is paused,
// the removal from the team room fails: the team room is told, once.
func TestPauseKickFailureTold(t *testing.T) {
	e, rooms := newRolesEnv(t)
	ctx := context.Background()
	e.fm.joined[dmRoom][approvr] = true
	e.say(t, dmRoom, member, "!team beitreten", "")
	e.say(t, approvRm, approvr, "!erklärung @member:test erhalten", "")
	e.say(t, approvRm, approvr, "!schulung @member:test 02.03.2026", "")
	e.reconfigure(func(d *Deps) { d.Rooms = failingKicks{rooms} })
	e.fm.joined[teamRoom][member] = true
	e.now = e.now.AddDate(1, 0, 10)
	before := e.fm.count()
	for range 3 {
		if err := e.h.TickPeople(ctx, e.now); err != nil {
			t.Fatal(err)
		}
	}
	team := in(e.fm.sent[before:], teamRoom)
	if len(team) != 1 || !strings.Contains(team[0].content.Body, "@member:test ist noch im Teamraum") {
		t.Fatalf("want one warning in the team room, got:\n%s", bodies(team))
	}
}

// TestRoleTargetNotRepliedTo: the person a role command is about is the
// one named in the text (or by a pill), never the sender of the message
// replied to (clients put them into m.mentions) and never Lotse (security
// review 20, finding 7).
func TestRoleTargetNotRepliedTo(t *testing.T) {
	const (
		carol = id.UserID("@carol:test")
		dave  = id.UserID("@dave:test")
		erin  = id.UserID("@erin:test")
	)
	for _, tt := range []struct {
		name, body, html string
		mentions         []id.UserID
		reply            bool
		want             id.UserID // "": nobody gets the role
	}{
		{"reply, ID in the text", "!rolle @carol:test koordination", "", []id.UserID{approvr}, true, carol},
		{"reply, pill", "!rolle Dave koordination", `!rolle <a href="https://matrix.to/#/@dave:test">Dave</a> koordination`, []id.UserID{approvr, dave}, true, dave},
		{"reply, nobody named", "!rolle koordination", "", []id.UserID{approvr}, true, ""},
		{"reply quote links the replied-to sender", "!rolle koordination",
			`<mx-reply><blockquote><a href="https://matrix.to/#/@approver:test">@approver:test</a> hi</blockquote></mx-reply>!rolle koordination`, []id.UserID{approvr}, true, ""},
		{"no reply, mention besides Lotse", "!rolle Erin koordination", "", []id.UserID{botID, erin}, false, erin},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, _ := newRolesEnv(t)
			e.fm.joined[approvRm][admin] = true
			e.fm.names[dave], e.fm.names[erin] = "Dave", "Erin"
			cmd := &event.MessageEventContent{MsgType: event.MsgText, Body: tt.body, Mentions: &event.Mentions{UserIDs: tt.mentions}}
			if tt.html != "" {
				cmd.Format, cmd.FormattedBody = event.FormatHTML, tt.html
			}
			if tt.reply {
				cmd.RelatesTo = (&event.RelatesTo{}).SetReplyTo("$approver-msg")
			}
			sent := e.handle(t, e.event(approvRm, admin, cmd), false)
			for _, u := range []id.UserID{approvr, carol, dave, erin, botID} {
				if has, _ := e.db.Roles().Has(context.Background(), u.String(), storage.RoleCoordinator); has != (u == tt.want) {
					t.Errorf("%s has the role: %v, want %v; answer: %s", u, has, u == tt.want, bodies(sent))
				}
			}
		})
	}
}

// TestApprovalsRoomJoinWithoutRoleWarned: someone who is neither admin,
// approver nor coordinator joins the approvals room: the approvers are
// warned there, once per join (security review 20, finding 5).
func TestApprovalsRoomJoinWithoutRoleWarned(t *testing.T) {
	e, _ := newRolesEnv(t)
	join := func(user id.UserID) []sentMsg {
		t.Helper()
		n := supportEvt.Add(1)
		key := user.String()
		evt := &event.Event{ID: id.EventID(fmt.Sprintf("$j%d", n)), RoomID: approvRm, Sender: user, Type: event.StateMember, StateKey: &key,
			Content: event.Content{Parsed: &event.MemberEventContent{Membership: event.MembershipJoin}}}
		return in(e.handle(t, evt, false), approvRm)
	}
	mustContain(t, join(outsider), "@outsider:test", "Genehmigungsraum", "!rolle @outsider:test genehmigung")
	mustContain(t, join(alice), "@alice:test") // the team reads no access requests
	for _, u := range []id.UserID{approvr, admin, coord} {
		if sent := join(u); len(sent) != 0 {
			t.Fatalf("the join of %s was warned about: %s", u, bodies(sent))
		}
	}
	setRole(t, e.db, approvr, storage.RoleApprover, storage.RoleRemoved)
	if sent := join(sitter); len(sent) != 0 {
		t.Fatalf("warned while there is no approver yet: %s", bodies(sent))
	}
}

// TestRolesListPaged: !rollen shows one page of RolesPage lines and
// says how to see the next one (security review 20, finding 8).
func TestRolesListPaged(t *testing.T) {
	e, _ := newRolesEnv(t)
	for i := range 60 {
		setRole(t, e.db, id.UserID(fmt.Sprintf("@c%02d:test", i)), storage.RoleCoordinator, storage.RoleActive)
	}
	first := in(e.say(t, dmRoom, admin, "!rollen", ""), dmRoom)
	mustContain(t, first, "!rollen 2")
	if n := strings.Count(bodies(first), "\n- "); n > people.RolesPage {
		t.Fatalf("%d lines on the first page", n)
	}
	second := in(e.say(t, dmRoom, admin, "!rollen 2", ""), dmRoom)
	mustContain(t, second, "@c59:test")
	if strings.Contains(bodies(second), "!rollen 3") || strings.Contains(bodies(second), "@c00:test") {
		t.Fatalf("second page:\n%s", bodies(second))
	}
}
