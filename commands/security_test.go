package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/support"
	"github.com/lotse-bot/lotse/integrations/nextcloud/nextcloudtest"
	"github.com/lotse-bot/lotse/storage"
)

// Regression tests of issue #15 at the level of the router. Reactions go
// through the one permission check: the reacting person must hold the
// target's role, and the reaction must come from the room the target lives
// in.

// TestClaimReactionNeedsTeamRole: sitting in the team room without the team
// role, a ✋ on a case claims nothing (issue #15, finding 6).
func TestClaimReactionNeedsTeamRole(t *testing.T) {
	e := newSupportEnv(t)
	root := e.openCase(t)
	e.fm.joined[teamRoom][outsider] = true
	sent := e.react(t, teamRoom, outsider, root, "✋")
	mustContain(t, sent, "nur Mitglieder des Digitalisierungsteams")
	if c, _ := e.db.Cases.Get(context.Background(), 1); c.Assignee != "" {
		t.Fatalf("a person without the team role claimed the case: assignee %s", c.Assignee)
	}
	e.react(t, teamRoom, alice, root, "✋")
	if c, _ := e.db.Cases.Get(context.Background(), 1); c.Assignee != alice.String() {
		t.Fatalf("a team member's ✋ did not claim the case: assignee %q", c.Assignee)
	}
}

// TestRSVPReactionOnlyFromItsRoom: a ✅ on an announcement, sent from
// another room (by someone who cannot see the announcement), is no RSVP and
// sends no personal link (issue #15, finding 5).
func TestRSVPReactionOnlyFromItsRoom(t *testing.T) {
	e := newRTEnv(t, rtFriday(t))
	post := e.announce(t, "!rundertisch Test am 29.3. um 19 Uhr")
	const elsewhere = id.RoomID("!elsewhere:test")
	e.fm.joined[elsewhere] = map[id.UserID]bool{outsider: true, botID: true}
	if sent := e.react(t, elsewhere, outsider, post, "✅"); len(sent) != 0 {
		t.Fatalf("a reaction from another room was answered: %s", bodies(sent))
	}
	// mem2 sits in the other announcement room, not in annRoom1 where post is.
	if sent := e.react(t, annRoom2, mem2, post, "✅"); len(sent) != 0 {
		t.Fatalf("a reaction from another announcement room was answered: %s", bodies(sent))
	}
	if att, _ := e.db.RoundTables.Attendees(context.Background(), 1); len(att) != 0 {
		t.Fatalf("reactions from other rooms counted as RSVPs: %+v", att)
	}
	mustContain(t, in(e.react(t, annRoom1, mem1, post, "✅"), dmOf(mem1)), "dabei")
}

// rtFriday is Friday 27 March 2026, 10:00 in Berlin (two days before the
// round tables of the tests).
func rtFriday(t *testing.T) time.Time {
	t.Helper()
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	return time.Date(2026, 3, 27, 10, 0, 0, 0, berlin)
}

// TestAnnouncementRoomsAreChecked: a coordinator's `Räume:` line names
// only configured announcement rooms or group rooms Lotse and the
// coordinator share — never the team room, a direct chat, or a room the
// coordinator is not in (issue #15, finding 7).
func TestAnnouncementRoomsAreChecked(t *testing.T) {
	e := newRTEnv(t, rtFriday(t))
	e.reconfigure(func(d *Deps) { d.Support.TeamRoom = teamRoom })
	const shared, foreign = id.RoomID("!shared:test"), id.RoomID("!foreign:test")
	e.fm.joined[teamRoom] = map[id.UserID]bool{coord: true, botID: true}
	e.fm.joined[dmOf(coord)] = map[id.UserID]bool{coord: true, botID: true}
	e.fm.joined[shared] = map[id.UserID]bool{coord: true, mem1: true, botID: true}
	e.fm.joined[foreign] = map[id.UserID]bool{mem1: true, botID: true}
	for _, room := range []id.RoomID{teamRoom, dmOf(coord), foreign} {
		cmd := &event.MessageEventContent{MsgType: event.MsgText, Body: "!rundertisch Test am 29.3. um 19 Uhr\nRäume: " + room.String()}
		sent := e.handle(t, e.event(dmOf(coord), coord, cmd), true)
		mustContain(t, in(sent, dmOf(coord)), "kann ich nicht ankündigen")
	}
	if rts, _ := e.db.RoundTables.WithStatus(context.Background(), "draft", 10); len(rts) != 0 {
		t.Fatalf("a round table was planned for a forbidden room: %+v", rts[0].Rooms)
	}
	for _, room := range []id.RoomID{shared, annRoom2} {
		mustContain(t, in(e.say(t, dmOf(coord), coord, "!rundertisch Test am 29.3. um 19 Uhr\nRäume: "+room.String(), ""), dmOf(coord)), "Vorschau")
	}
}

// TestRevokedTeamRoleSticks: after the team role was revoked, `!team
// beitreten` does not activate it again although declaration and training
// are on file; only a person with the right to grant it can, and the audit
// log says who (issue #15, finding 2).
func TestRevokedTeamRoleSticks(t *testing.T) {
	e, _ := newRolesEnv(t)
	ctx := context.Background()
	e.say(t, dmRoom, member, "!team beitreten", "")
	e.say(t, approvRm, approvr, "!erklärung @member:test erhalten 01.03.2026", "")
	e.say(t, approvRm, approvr, "!schulung @member:test 15.02.2026", "")
	if !e.h.support.IsTeam(ctx, member) {
		t.Fatal("setup: team role not active after declaration and training")
	}
	mustContain(t, in(e.say(t, approvRm, approvr, "!rolle @member:test team entziehen", ""), approvRm), "entzogen")

	sent := e.say(t, dmRoom, member, "!team beitreten", "")
	if e.h.support.IsTeam(ctx, member) {
		t.Fatal("a revoked team member re-activated the role by applying")
	}
	mustContain(t, in(sent, dmRoom), "entzogen")
	mustContain(t, in(sent, approvRm), "!rolle @member:test team")
	// Evidence recorded again by an approver is not a grant either.
	e.say(t, approvRm, approvr, "!erklärung @member:test erhalten 01.03.2026", "")
	if e.h.support.IsTeam(ctx, member) {
		t.Fatal("recording the declaration again re-activated a revoked role")
	}
	// An approver grants it again: active, and the audit log names them.
	e.say(t, approvRm, approvr, "!rolle @member:test team", "")
	if !e.h.support.IsTeam(ctx, member) {
		t.Fatal("an approver's grant did not re-activate the role")
	}
	log, _ := e.db.Roles().AuditLog(ctx, member.String())
	granted := false
	for _, l := range log {
		granted = granted || (l.Action == "grant" && l.Actor == approvr.String() && l.Subject == member.String())
	}
	if !granted {
		t.Fatalf("the audit log does not say who granted the role again: %+v", log)
	}
}

// TestCaseDraftBounded: what a member writes before confirming a case is
// bounded in lines and bytes; the member is told once, and the case still
// opens (issue #15, finding 8: a 2.4 MB draft made opening the case fail).
func TestCaseDraftBounded(t *testing.T) {
	e := newSupportEnv(t)
	ctx := context.Background()
	told := 0
	for i := range 12 {
		q := fmt.Sprintf("Frage %d zum Spendenformular: %s", i, strings.Repeat("wieso weshalb warum ", 60))
		// Handled once each, as in production (e.say also replays every event).
		before := e.fm.count()
		evt := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: q})
		if err := e.h.Handle(ctx, Message{Event: evt, Direct: true}); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(bodies(in(e.fm.sent[before:], dmRoom)), "Das ist schon eine Menge") {
			told++
		}
	}
	d, err := e.db.Cases.Draft(ctx, dmRoom.String(), member.String(), e.now.Add(-time.Hour))
	if err != nil || d == nil {
		t.Fatalf("no draft: %v", err)
	}
	if len(d.Question) > support.MaxDraftBytes+len("\n[…]") || strings.Count(d.Question, "\n") > support.MaxDraftLines {
		t.Fatalf("draft grew to %d bytes, %d lines", len(d.Question), strings.Count(d.Question, "\n")+1)
	}
	if told != 1 {
		t.Fatalf("member told %d times that the draft is full, want once", told)
	}
	mustContain(t, in(e.say(t, dmRoom, member, "ja", ""), dmRoom), "Supportfall")
	if c, _ := e.db.Cases.Get(ctx, 1); c == nil {
		t.Fatal("the case did not open")
	}
}

// TestPersonalNoticesUseCheckedDirectChat: notices Lotse sends on its own
// (team role active, training reminders, the onboarding reminder) go to the
// direct chat as the bot checks it now, never to a room an older version
// stored as the person's DM (`team_gate.dm_room`, `member_state.dm_room`):
// that room may be one a third person made and can read (issue #15, Low).
func TestPersonalNoticesUseCheckedDirectChat(t *testing.T) {
	e, _ := newRolesEnv(t)
	e.reconfigure(func(d *Deps) {
		d.Onboarding.Welcome = true
		d.Onboarding.ReminderAfter = 24 * time.Hour
	})
	ctx := context.Background()
	// An older Lotse took this room for the member's DM and stored it.
	const stale = id.RoomID("!stale:test")
	e.fm.joined[stale] = map[id.UserID]bool{member: true, botID: true}
	cmd := &event.MessageEventContent{MsgType: event.MsgText, Body: "!team beitreten"}
	e.handle(t, e.event(stale, member, cmd), true)
	before := e.fm.count()
	e.say(t, approvRm, approvr, "!erklärung @member:test erhalten", "")
	e.say(t, approvRm, approvr, "!schulung @member:test heute", "")
	if !e.h.support.IsTeam(ctx, member) {
		t.Fatal("setup: team role not active")
	}
	for _, now := range []time.Time{e.now.Add(48 * time.Hour), e.now.AddDate(0, 11, 10)} {
		if err := e.h.TickPeople(ctx, now); err != nil {
			t.Fatal(err)
		}
	}
	sent := e.fm.sent[before:]
	if got := in(sent, stale); len(got) != 0 {
		t.Fatalf("personal notices went to the stored room: %s", bodies(got))
	}
	mustContain(t, in(sent, dmRoom), "Willkommen an Bord", "Kleine Erinnerung", "läuft am")
}

// mediaMatrix is fakeMatrix whose Download says a file is too large (as
// bot.ErrTooLarge does) and whose Upload fails, as the test asks.
type mediaMatrix struct {
	*fakeMatrix
	tooLarge, uploadFails bool
}

type tooLargeErr struct{}

func (tooLargeErr) Error() string  { return "permanent failure: file too large" }
func (tooLargeErr) TooLarge() bool { return true }

func (m *mediaMatrix) Download(ctx context.Context, uri id.ContentURIString) ([]byte, error) {
	if m.tooLarge {
		return nil, fmt.Errorf("%w: more than 8 bytes", tooLargeErr{})
	}
	return m.fakeMatrix.Download(ctx, uri)
}

func (m *mediaMatrix) Upload(ctx context.Context, data []byte, mime string) (id.ContentURIString, error) {
	if m.uploadFails {
		return "", errors.New("homeserver gone")
	}
	return m.fakeMatrix.Upload(ctx, data, mime)
}

// TestRelayedFileErrors: a file too large to pass on gets a friendly
// message to the member and a note in the case thread, not the general
// error; and a failing relay returns an error without the file's name
// (handler errors are logged and stored in inbox.last_error; issue #15,
// Low).
func TestRelayedFileErrors(t *testing.T) {
	e := newSupportEnv(t)
	ctx := context.Background()
	e.say(t, dmRoom, member, "!ticket Meine Mails kommen nicht an", "")
	e.say(t, dmRoom, member, "ja", "")
	mm := &mediaMatrix{fakeMatrix: e.fm, tooLarge: true}
	e.reconfigure(func(d *Deps) { d.Matrix = mm })
	uri, _ := e.fm.Upload(ctx, []byte("big"), "image/png")
	img := func() *event.Event {
		return e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgImage, Body: "Kontoauszug-Meier.png", URL: uri})
	}
	sent := e.handle(t, img(), true)
	mustContain(t, in(sent, dmRoom), "zu groß")
	mustContain(t, in(sent, teamRoom), "zu groß")

	mm.tooLarge, mm.uploadFails = false, true
	err := e.h.Handle(ctx, Message{Event: img(), Direct: true})
	if err == nil {
		t.Fatal("a failing upload returned no error")
	}
	if strings.Contains(err.Error(), "Kontoauszug") {
		t.Fatalf("the handler's error names the member's file: %v", err)
	}
}

// TestTeamApplicationPostedOnce: applying again while the approvers
// already know posts nothing new in the approvals room — neither while the
// application is pending nor after a revocation; the member still gets an
// answer each time (issue #15, Low: `!team beitreten` reposted every time).
func TestTeamApplicationPostedOnce(t *testing.T) {
	e, _ := newRolesEnv(t)
	approvals := func(n int, what string) {
		t.Helper()
		var posts []sentMsg
		for range n {
			sent := e.say(t, dmRoom, member, "!team beitreten", "")
			if len(in(sent, dmRoom)) == 0 {
				t.Fatal("the member got no answer")
			}
			posts = append(posts, in(sent, approvRm)...)
		}
		if len(posts) != 1 {
			t.Fatalf("%s: %d posts in the approvals room, want 1: %s", what, len(posts), bodies(posts))
		}
	}
	approvals(3, "pending")
	e.say(t, approvRm, approvr, "!erklärung @member:test erhalten", "")
	e.say(t, approvRm, approvr, "!schulung @member:test heute", "")
	e.say(t, approvRm, approvr, "!rolle @member:test team entziehen", "")
	approvals(3, "revoked")
}

// TestRoundTableListOnlyVisible: `!rundetische` lists only round tables
// announced in a room the asker is in (or theirs to coordinate), not those
// of every room (issue #15, Low).
func TestRoundTableListOnlyVisible(t *testing.T) {
	e := newRTEnv(t, rtFriday(t))
	sent := e.say(t, dmOf(coord), coord, "!rundertisch Geheimrunde am 29.3. um 19 Uhr\nRäume: "+annRoom2.String(), "")
	sent = in(sent, dmOf(coord))
	mustContain(t, sent, "Vorschau")
	mustContain(t, in(e.react(t, dmOf(coord), coord, id.EventID("$"+sent[0].txn), "✅"), dmOf(coord)), "angekündigt")

	if got := bodies(in(e.sayDirect(t, dmOf(mem1), mem1, "!rundetische"), dmOf(mem1))); strings.Contains(got, "Geheimrunde") {
		t.Fatalf("a round table of a room the asker is not in was listed: %s", got)
	}
	mustContain(t, in(e.sayDirect(t, dmOf(mem2), mem2, "!rundetische"), dmOf(mem2)), "Geheimrunde")
	mustContain(t, in(e.sayDirect(t, dmOf(coord), coord, "!rundetische"), dmOf(coord)), "Geheimrunde")
}

// TestAnonymousSupportExport: with support_anonymous the answers do not
// name the team member, and neither does the member's data export (issue
// #15, Low): assignee, author and actor of their cases read "the team".
func TestAnonymousSupportExport(t *testing.T) {
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) { d.Support.Anonymous = true })
	root := e.openCase(t)
	e.say(t, teamRoom, alice, "!übernehmen 1", "")
	e.say(t, teamRoom, alice, "!zuweisen 1 @alice:test", "")
	answer := in(e.say(t, teamRoom, alice, "!antwort Das Formular findest du im Netz.", root), dmRoom)
	mustContain(t, answer, "Antwort vom Digitalisierungsteam:", "Formular")
	if body := bodies(answer); strings.Contains(body, "Alice") || strings.Contains(body, "(Digitalisierungsteam)") {
		t.Errorf("the anonymous answer names Alice or the team twice:\n%s", body)
	}
	sent := in(e.say(t, dmRoom, member, "!meine-daten", ""), dmRoom)
	if len(sent) == 0 || sent[0].content.FileName == "" {
		t.Fatalf("no export file: %s", bodies(sent))
	}
	f := sent[0].content
	var data []byte
	if f.File != nil {
		var err error
		if data, err = e.fm.Download(context.Background(), f.File.URL); err == nil {
			err = f.File.DecryptInPlace(data)
		}
		if err != nil {
			t.Fatal(err)
		}
	} else {
		data, _ = e.fm.Download(context.Background(), f.URL)
	}
	export := string(data)
	if !strings.Contains(export, "Das Formular") || !strings.Contains(export, "Digitalisierungsteam") {
		t.Fatalf("the export lacks the case: %s", export)
	}
	if strings.Contains(export, alice.String()) || strings.Contains(export, alice.Localpart()) {
		t.Fatalf("the export names the team member %s: %s", alice, export)
	}
}

// TestExistingNextcloudAccountIDNotTold: a request names an e-mail address
// that belongs to an account that existed before; Lotse cannot verify the
// address, so the requester is not told that account's user ID — only the
// approvers see it (issue #15, Low).
func TestExistingNextcloudAccountIDNotTold(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	e.nc.AddUser(nextcloudtest.User{ID: "vorstand.geheim", Email: "chef@example.org", DisplayName: "Chef"})
	e.requestNextcloud(t, member, "AG Digitales", "chef@example.org")
	e.say(t, approvals, alice, "!genehmigen 1", "")
	before := e.fm.count()
	if err := e.h.AccessTick(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	e.fm.mu.Lock()
	news := append([]sentMsg(nil), e.fm.sent[before:]...)
	e.fm.mu.Unlock()
	mustContain(t, in(news, dmRoom), "chef@example.org", "AG Digitales")
	if b := bodies(in(news, dmRoom)); strings.Contains(b, "vorstand.geheim") {
		t.Fatalf("the requester was told the user ID of an existing account: %s", b)
	}
	mustContain(t, in(news, approvals), "vorstand.geheim")
}

// TestBBBRoomNameFirstRequester: a BBB room belongs to the member first
// granted it; a second member asking for the same name (same meeting) is
// not made its moderator — the approvers are told why — and `!raum` gives
// them no link (issue #15, Low: rooms were keyed by name only).
func TestBBBRoomNameFirstRequester(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	request := func(who id.UserID, name string, n int) []sentMsg {
		t.Helper()
		e.say(t, dmRoom, who, "!zugang bbb", "")
		e.say(t, dmRoom, who, name, "")
		e.say(t, dmRoom, who, "Monatliche Treffen", "")
		e.say(t, dmRoom, who, "ja", "")
		e.say(t, approvals, carol, fmt.Sprintf("!genehmigen %d", n), "")
		before := e.fm.count()
		if err := e.h.AccessTick(ctx, e.now); err != nil {
			t.Fatal(err)
		}
		return e.fm.sent[before:]
	}
	if !joinLink.MatchString(bodies(in(request(member, "AG Umwelt Süd", 1), dmRoom))) {
		t.Fatal("the first requester got no link")
	}
	sent := request(outsider, "AG Umwelt Süd", 2)
	if joinLink.MatchString(bodies(sent)) {
		t.Fatalf("a second requester of the same room got a moderator link: %s", bodies(sent))
	}
	mustContain(t, in(sent, approvals), "anderes Mitglied")
	if r, _ := e.db.Access().Get(ctx, 2); r.Status == storage.AccessProvisioned {
		t.Fatalf("the second request was provisioned: %+v", r)
	}
	if got := bodies(in(e.say(t, dmRoom, outsider, "!raum AG Umwelt Süd", ""), dmRoom)); joinLink.MatchString(got) {
		t.Fatalf("!raum gave the second requester a link: %s", got)
	}
	mustContain(t, in(e.say(t, dmRoom, member, "!raum AG Umwelt Süd", ""), dmRoom), "AG Umwelt Süd")
}

// TestTeamRoomJoinWithoutRoleWarned: someone without the team role (not an
// admin or approver) joining the team room is pointed out to the team, once
// per join; a team member's or an approver's join is not, nor a join
// during the bootstrap, when nobody holds the team role yet (issue #15, Low).
func TestTeamRoomJoinWithoutRoleWarned(t *testing.T) {
	e, _ := newRolesEnv(t)
	join := func(user id.UserID) []sentMsg {
		t.Helper()
		n := supportEvt.Add(1)
		key := user.String()
		evt := &event.Event{ID: id.EventID(fmt.Sprintf("$j%d", n)), RoomID: teamRoom, Sender: user, Type: event.StateMember, StateKey: &key,
			Content: event.Content{Parsed: &event.MemberEventContent{Membership: event.MembershipJoin}}}
		return in(e.handle(t, evt, false), teamRoom)
	}
	mustContain(t, join(outsider), "@outsider:test", "keine freigeschaltete Team-Rolle", "!rolle @outsider:test team")
	for _, u := range []id.UserID{alice, approvr, admin} {
		if sent := join(u); len(sent) != 0 {
			t.Fatalf("the join of %s was warned about: %s", u, bodies(sent))
		}
	}
	// The first setup: a database whose team rows were never active (a
	// team once seen stays a team for good, mend31a, so a fresh env's
	// members are removed before Lotse looks).
	e, _ = newRolesEnv(t)
	for _, u := range []id.UserID{alice, bob} {
		setRole(t, e.db, u, storage.RoleTeam, storage.RoleRemoved)
	}
	if sent := join(sitter); len(sent) != 0 {
		t.Fatalf("warned during the bootstrap (nobody in the team yet): %s", bodies(sent))
	}
}

// TestTeamOnlyGuideNotSentToMember: `!antwort <Nr> anleitung …` sends only
// guides members may see; a team-only guide stays in the team (issue #15,
// Low: team-only guides reached members).
func TestTeamOnlyGuideNotSentToMember(t *testing.T) {
	e := newSupportEnv(t)
	root := e.openCase(t)
	sent := e.say(t, teamRoom, alice, "!antwort 1 anleitung team/verpflichtungserklaerung-und-schulung.md", root)
	if got := in(sent, dmRoom); len(got) != 0 {
		t.Fatalf("a team-only guide was sent to the member: %s", bodies(got))
	}
	mustContain(t, in(sent, teamRoom), "nur fürs Team")
	mustContain(t, in(e.say(t, teamRoom, alice, "!antwort 1 anleitung konto/passwort-vergessen.md", root), dmRoom), "Passwort")
}
