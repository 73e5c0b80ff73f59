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

	"github.com/lotse-bot/lotse/commands/roundtable"
	"github.com/lotse-bot/lotse/integrations/bbb"
	"github.com/lotse-bot/lotse/integrations/bbb/bbbtest"
	"github.com/lotse-bot/lotse/storage"
)

// DirectRoom gives every user a fixed direct chat (round tables).
func (f *fakeMatrix) DirectRoom(_ context.Context, user id.UserID) (id.RoomID, error) {
	if user == member {
		return dmRoom, nil // the room the support tests' member writes in
	}
	return id.RoomID("!dm-" + strings.TrimPrefix(user.String(), "@")), nil
}

const (
	annRoom1 = id.RoomID("!ann1:test")
	annRoom2 = id.RoomID("!ann2:test")
	mem1     = id.UserID("@mem1:test")
	mem2     = id.UserID("@mem2:test")
)

func dmOf(u id.UserID) id.RoomID { return id.RoomID("!dm-" + strings.TrimPrefix(u.String(), "@")) }

// flakyMatrix fails every send after the first ok ones (a crash in the
// middle of sending), until ok is raised.
type flakyMatrix struct {
	*fakeMatrix
	mu sync.Mutex
	ok int
}

func (f *flakyMatrix) Send(ctx context.Context, roomID id.RoomID, t event.Type, content any, txnID string) (id.EventID, error) {
	f.mu.Lock()
	if f.ok <= 0 {
		f.mu.Unlock()
		return "", errors.New("homeserver gone")
	}
	f.ok--
	f.mu.Unlock()
	return f.fakeMatrix.Send(ctx, roomID, t, content, txnID)
}

type rtEnv struct {
	*supportEnv
	fake *bbbtest.Fake
}

func newRTEnv(t *testing.T, now time.Time) *rtEnv {
	t.Helper()
	e := newSupportEnv(t)
	e.now = now
	e.reconfigure(func(d *Deps) { d.Support = Support{} }) // support cases off: only round tables
	fake := bbbtest.New(t, "secret-123")
	client, err := bbb.NewClient(bbb.Options{BaseURL: fake.URL(), Secret: "secret-123", HTTPClient: fake.Client()})
	if err != nil {
		t.Fatal(err)
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e.reconfigure(func(d *Deps) {
		d.RoundTables = RoundTables{Coordinators: []id.UserID{coord}, Rooms: []id.RoomID{annRoom1, annRoom2},
			Location: berlin, Meetings: client, UIDDomain: "test"}
	})
	e.fm.joined = map[id.RoomID]map[id.UserID]bool{annRoom1: {coord: true, mem1: true, botID: true}, annRoom2: {mem2: true, botID: true}}
	e.fm.names = map[id.UserID]string{coord: "Clara Koordination", mem1: "Mia Eins", mem2: "Ben *Zwei_"}
	e.fm.encrypted = map[id.RoomID]bool{annRoom2: true}
	return &rtEnv{supportEnv: e, fake: fake}
}

func (e *rtEnv) tick(t *testing.T, at time.Time) []sentMsg {
	t.Helper()
	e.now = at
	before := e.fm.count()
	if err := e.h.TickRoundTables(context.Background(), at); err != nil {
		t.Fatalf("tick at %v: %v", at, err)
	}
	e.fm.mu.Lock()
	defer e.fm.mu.Unlock()
	return append([]sentMsg(nil), e.fm.sent[before:]...)
}

// sayDirect handles body from sender in room, a direct chat with Lotse.
func (e *rtEnv) sayDirect(t *testing.T, room id.RoomID, sender id.UserID, body string) []sentMsg {
	t.Helper()
	return e.handle(t, e.event(room, sender, &event.MessageEventContent{MsgType: event.MsgText, Body: body}), true)
}

// redact handles a redaction of target by sender.
func (e *rtEnv) redact(t *testing.T, room id.RoomID, sender id.UserID, target id.EventID) []sentMsg {
	t.Helper()
	n := supportEvt.Add(1)
	evt := &event.Event{ID: id.EventID(fmt.Sprintf("$x%d", n)), RoomID: room, Sender: sender, Type: event.EventRedaction,
		Redacts: target, Content: event.Content{Parsed: &event.RedactionEventContent{Redacts: target}}}
	return e.handle(t, evt, false)
}

func files(msgs []sentMsg) []sentMsg {
	var out []sentMsg
	for _, m := range msgs {
		if m.content != nil && m.content.MsgType == event.MsgFile {
			out = append(out, m)
		}
	}
	return out
}

// roomFiles are the files of msgs sent to the announcement rooms (not the
// calendar files in attendees' direct chats, rt25).
func roomFiles(msgs []sentMsg) []sentMsg {
	var out []sentMsg
	for _, m := range msgs {
		if m.room == annRoom1 || m.room == annRoom2 {
			out = append(out, m)
		}
	}
	return out
}

// icsOf reads the calendar file of a sent m.file (decrypting it if needed).
func (e *rtEnv) icsOf(t *testing.T, m sentMsg) string {
	t.Helper()
	if m.content.Info == nil || m.content.Info.MimeType != "text/calendar" {
		t.Fatalf("file is not text/calendar: %+v", m.content.Info)
	}
	return e.fileText(t, m)
}

// announce plans and confirms a round table and returns the announcement event in annRoom1.
func (e *rtEnv) announce(t *testing.T, cmd string) id.EventID {
	t.Helper()
	sent := e.say(t, dmOf(coord), coord, cmd, "")
	if len(sent) == 0 || !strings.Contains(sent[0].content.Body, "Vorschau") {
		t.Fatalf("no preview: %s", bodies(sent))
	}
	prompt := id.EventID("$" + sent[0].txn)
	sent = e.react(t, dmOf(coord), coord, prompt, "✅")
	mustContain(t, in(sent, dmOf(coord)), "angekündigt")
	if p := in(sent, annRoom1); len(p) != 2 || p[1].content.MsgType != event.MsgFile {
		t.Fatalf("room 1 got %d messages: %s", len(p), bodies(p))
	}
	if p := in(sent, annRoom2); len(p) != 2 || p[1].content.File == nil {
		t.Fatalf("encrypted room 2 must get an encrypted file: %+v", p)
	}
	return id.EventID("$" + in(sent, annRoom1)[0].txn)
}

func TestRoundTableFlow(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	// Friday before the switch to summer time (Sunday 29 March 2026).
	e := newRTEnv(t, time.Date(2026, 3, 27, 10, 0, 0, 0, berlin))

	// Only coordinators plan; the parser's result is shown before anything is announced.
	mustContain(t, e.say(t, dmOf(mem1), mem1, "!rundertisch Test am 29.3. um 19 Uhr", ""), "Koordinator:innen")
	mustContain(t, e.say(t, dmOf(coord), coord, "!rundertisch Test am 31.2. um 19 Uhr", ""), "Den Termin verstehe ich nicht", "31.2.")
	post := e.announce(t, "!rundertisch Digitaler Wandel am 29.3. um 19 Uhr 90 min\nBeschreibung: Wir reden über <b>Cloud</b>.\nPlätze: 2")
	ics := e.icsOf(t, files(e.fm.sent)[0])
	for _, want := range []string{"UID:rundertisch-1@test", "SEQUENCE:0", "BEGIN:VTIMEZONE", "DTSTART;TZID=Europe/Berlin:20260329T190000", "METHOD:PUBLISH"} {
		if !strings.Contains(ics, want) {
			t.Errorf("ics lacks %q:\n%s", want, ics)
		}
	}
	for _, m := range e.fm.sent {
		if m.content != nil && strings.Contains(m.content.FormattedBody, "<b>Cloud") {
			t.Fatal("user HTML was not escaped")
		}
	}

	// RSVP by reaction (room 1) and by command (room 2); a stranger cannot.
	sent := e.react(t, annRoom1, mem1, post, "✅")
	// The DM names the number to withdraw with (ux20, finding M4).
	mustContain(t, in(sent, dmOf(mem1)), "dabei", "So, 29.3.2026, 19:00–20:30 Uhr", "!absage 1")
	reaction := id.EventID(fmt.Sprintf("$r%d", supportEvt.Load()))
	mustContain(t, in(e.say(t, annRoom2, mem2, "!dabei 1", ""), dmOf(mem2)), "dabei")
	mustContain(t, e.say(t, dmOf(outsider), outsider, "!dabei 1", ""), "finde ich in keinem")
	mustContain(t, e.sayDirect(t, dmOf(coord), coord, "!teilnehmende 1"), "2 Zusagen", "Mia Eins", "Ben *Zwei_")
	mustContain(t, e.sayDirect(t, dmOf(mem1), mem1, "!rundetische"), "#1", "Digitaler Wandel", "2 Zusagen")

	// 24 h before is 19:00 CET on Saturday (23 real hours before, across the switch).
	if got := e.tick(t, time.Date(2026, 3, 28, 18, 59, 0, 0, berlin)); len(got) != 0 {
		t.Fatalf("reminder too early: %s", bodies(got))
	}
	got := e.tick(t, time.Date(2026, 3, 28, 19, 0, 0, 0, berlin))
	if len(in(got, dmOf(mem1))) != 1 || len(in(got, dmOf(mem2))) != 1 || len(in(got, dmOf(coord))) != 1 {
		t.Fatalf("24 h reminders: %s", bodies(got))
	}
	mustContain(t, got, "Erinnerung", "ab etwa 10 Minuten")
	if len(e.tick(t, time.Date(2026, 3, 28, 19, 1, 0, 0, berlin))) != 0 {
		t.Fatal("a reminder was sent twice")
	}
	// Join links only in DMs; valid, signed; VIEWER for members, MODERATOR for the coordinator.
	for _, m := range got {
		if !strings.HasPrefix(m.room.String(), "!dm-") {
			t.Fatalf("reminder outside a DM: %s", m.room)
		}
	}

	// Withdrawal by removing the reaction.
	mustContain(t, in(e.redact(t, annRoom1, mem1, reaction), dmOf(mem1)), "zurückgezogen")
	// And back in by command.
	mustContain(t, in(e.say(t, annRoom1, mem1, "!dabei 1", ""), dmOf(mem1)), "dabei")
	// Full: capacity 2.
	e.fm.joined[annRoom1][outsider] = true
	mustContain(t, e.say(t, annRoom1, outsider, "!dabei 1", ""), "voll")

	// 15 min before (CEST): meeting created, links bound to it.
	got = e.tick(t, time.Date(2026, 3, 29, 18, 45, 0, 0, berlin))
	if len(got) != 3 {
		t.Fatalf("15 min reminders: %d\n%s", len(got), bodies(got))
	}
	m, ok := e.fake.Meeting("lotse-rt-1-" + fmt.Sprint(time.Date(2026, 3, 29, 19, 0, 0, 0, berlin).Unix()))
	if !ok {
		t.Fatalf("meeting not created: %+v", e.fake.Meetings())
	}
	for _, msg := range got {
		link := linkIn(msg.content.Body)
		info, err := e.fake.VerifyJoinURL(link)
		if err != nil {
			t.Fatalf("join link: %v", err)
		}
		wantRole := "VIEWER"
		if msg.room == dmOf(coord) {
			wantRole = "MODERATOR"
		}
		if info.Role != wantRole || info.CreateTime != m.CreateTime {
			t.Errorf("link for %s: role %s createTime %d (meeting %d)", msg.room, info.Role, info.CreateTime, m.CreateTime)
		}
		if msg.room == dmOf(mem2) && info.FullName != "Ben *Zwei_" {
			t.Errorf("fullName %q", info.FullName)
		}
	}
	// While it runs, attendance is read from BBB (who came with their
	// link, rt25); after the end the coordinator gets the summary.
	e.openLink(t, linkIn(in(got, dmOf(mem2))[0].content.Body))
	e.tick(t, time.Date(2026, 3, 29, 19, 10, 0, 0, berlin))
	got = e.tick(t, time.Date(2026, 3, 29, 20, 31, 0, 0, berlin))
	mustContain(t, in(got, dmOf(coord)), "vorbei", "In der Videokonferenz war 1 Person: Ben *Zwei_", "Zugesagt hatten 2 Personen")
	if len(e.tick(t, time.Date(2026, 3, 29, 20, 40, 0, 0, berlin))) != 0 {
		t.Fatal("summary sent twice")
	}
	got = e.say(t, dmOf(coord), coord, "!nachbereitung 1 Protokoll: https://cloud.example.org/s/abc", "")
	if len(in(got, dmOf(mem1))) != 1 || len(in(got, dmOf(mem2))) != 1 {
		t.Fatalf("follow-up: %s", bodies(got))
	}
	mustContain(t, got, "https://cloud.example.org/s/abc", "Gesendet an 2")
}

// linkIn extracts the join link from a reminder.
func linkIn(body string) string {
	i := strings.Index(body, "http")
	if i < 0 {
		return ""
	}
	end := strings.IndexAny(body[i:], " \n")
	if end < 0 {
		end = len(body) - i
	}
	// The plain body shows a labelled link as „label (URL)“ (rt25).
	return strings.TrimSuffix(body[i:i+end], ")")
}

func TestRoundTableRescheduleCancelAndAutumnSwitch(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	// Last Sunday of October 2026 is the 25th: 10:00 CET; 24 h before is 10:00 CEST (25 real hours).
	e := newRTEnv(t, time.Date(2026, 10, 20, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Herbst am 25.10. um 10 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")
	got := e.tick(t, time.Date(2026, 10, 24, 10, 0, 0, 0, berlin))
	if len(in(got, dmOf(mem1))) != 1 {
		t.Fatalf("24 h reminder across the autumn switch: %s", bodies(got))
	}
	if d := time.Date(2026, 10, 25, 10, 0, 0, 0, berlin).Sub(time.Date(2026, 10, 24, 10, 0, 0, 0, berlin)); d != 25*time.Hour {
		t.Fatalf("test assumption: %v", d)
	}

	// Non-coordinators cannot change it.
	mustContain(t, e.say(t, dmOf(mem1), mem1, "!absagen 1", ""), "Koordinator:innen")
	// A date it cannot read is explained, and nothing changes.
	mustContain(t, e.say(t, dmOf(coord), coord, "!verschieben 1 31.2. 19 Uhr", ""), "Den Termin verstehe ich nicht", "31.2.")
	// Reschedule: attendees told, announcements edited, new .ics with SEQUENCE 1; duration kept.
	before := len(files(e.fm.sent))
	got = e.say(t, dmOf(coord), coord, "!verschieben 1 1.11. 19 Uhr", "")
	mustContain(t, in(got, dmOf(mem1)), "verschoben", "So, 1.11.2026, 19:00–20:30 Uhr", "!absage 1")
	mustContain(t, in(got, dmOf(coord)), "1 Zugesagte")
	var edits int
	for _, m := range got {
		if m.content != nil && m.content.RelatesTo != nil && m.content.RelatesTo.Type == event.RelReplace {
			edits++
		}
	}
	if edits != 2 {
		t.Fatalf("want 2 announcement edits, got %d", edits)
	}
	fs := roomFiles(files(e.fm.sent)[before:])
	if len(fs) != 2 || !strings.Contains(e.icsOf(t, fs[0]), "SEQUENCE:1") || !strings.Contains(e.icsOf(t, fs[0]), "DTSTART;TZID=Europe/Berlin:20261101T190000") {
		t.Fatalf("rescheduled ics: %d files", len(fs))
	}
	// The old reminders do not come again; the new 24 h one does.
	if got := e.tick(t, time.Date(2026, 10, 25, 9, 45, 0, 0, berlin)); len(got) != 0 {
		t.Fatalf("reminder for the old date: %s", bodies(got))
	}
	// Cancel: asked first (one attendee), then told, edited, METHOD:CANCEL with SEQUENCE 2.
	before = len(files(e.fm.sent))
	got = e.say(t, dmOf(coord), coord, "!absagen 1", "")
	if len(got) != 1 || len(files(e.fm.sent)) != before {
		t.Fatalf("cancelled without asking: %s", bodies(got))
	}
	mustContain(t, got, "1 Person hat zugesagt", "!absagen 1 ja", "zurückziehen: !absage 1")
	got = e.say(t, dmOf(coord), coord, "!absagen 1 ja", "")
	mustContain(t, in(got, dmOf(mem1)), "abgesagt")
	mustContain(t, got, "ABGESAGT")
	fs = roomFiles(files(e.fm.sent)[before:])
	ics := e.icsOf(t, fs[0])
	if !strings.Contains(ics, "METHOD:CANCEL") || !strings.Contains(ics, "SEQUENCE:2") || !strings.Contains(ics, "STATUS:CANCELLED") {
		t.Fatalf("cancel ics:\n%s", ics)
	}
	if got := e.tick(t, time.Date(2026, 10, 31, 19, 0, 0, 0, berlin)); len(got) != 0 {
		t.Fatalf("reminder after cancel: %s", bodies(got))
	}
	mustContain(t, e.say(t, annRoom1, mem1, "!dabei 1", ""), "abgesagt")
}

// TestRoundTableRemindersSurviveCrash: the homeserver goes away in the
// middle of sending reminders to many attendees; after "restart" every
// reminder arrives exactly once. Reminders whose time passed while Lotse
// was down are sent late with a note, or skipped after the end.
func TestRoundTableRemindersSurviveCrash(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Viele am 3.12. um 19 Uhr")
	const n = 40
	for i := range n {
		u := id.UserID(fmt.Sprintf("@m%d:test", i))
		e.fm.joined[annRoom1][u] = true
		e.react(t, annRoom1, u, post, "✅")
	}
	flaky := &flakyMatrix{fakeMatrix: e.fm, ok: 17}
	e.reconfigure(func(d *Deps) { d.Matrix = flaky })
	at := time.Date(2026, 12, 2, 19, 0, 0, 0, berlin)
	e.now = at
	if err := e.h.TickRoundTables(context.Background(), at); err == nil {
		t.Fatal("tick with a failing homeserver did not fail")
	}
	flaky.ok = 1 << 30
	e.tick(t, at.Add(time.Minute))
	e.tick(t, at.Add(2*time.Minute))
	counts := map[id.RoomID]int{}
	for _, m := range e.fm.sent {
		if m.content != nil && strings.Contains(m.content.Body, "Erinnerung") {
			counts[m.room]++
		}
	}
	if len(counts) != n+1 {
		t.Fatalf("%d recipients got a reminder, want %d", len(counts), n+1)
	}
	for room, c := range counts {
		if c != 1 {
			t.Errorf("%s got %d reminders", room, c)
		}
	}
	// Down from before the 15-min reminder until 10 min after start: sent late, with a note.
	got := e.tick(t, time.Date(2026, 12, 3, 19, 10, 0, 0, berlin))
	if len(got) != n+1 {
		t.Fatalf("late reminders: %d", len(got))
	}
	mustContain(t, got[:1], "verspätet")
	// A round table whose reminders all passed while down until after its end: skipped.
	e2 := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	post2 := e2.announce(t, "!rundertisch Verpasst am 3.12. um 19 Uhr")
	e2.react(t, annRoom1, mem1, post2, "✅")
	got = e2.tick(t, time.Date(2026, 12, 3, 21, 0, 0, 0, berlin))
	for _, m := range got {
		if strings.Contains(m.content.Body, "Erinnerung") {
			t.Fatalf("reminder after the end: %s", m.content.Body)
		}
	}
	mustContain(t, got, "vorbei")
}

// TestRoundTableSkipOneDate: in a series, "!absage <Nr> diesmal" keeps a
// member away from the next date only (no reminder, no link), "!dabei"
// takes that back, and the date after it comes as usual.
func TestRoundTableSkipOneDate(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 3, 2, 10, 0, 0, 0, berlin)) // a Monday
	e.announce(t, "!rundertisch Stammtisch jeden ersten Donnerstag um 19 Uhr")
	mustContain(t, in(e.say(t, annRoom1, mem1, "!dabei 1", ""), dmOf(mem1)), "dabei")
	mustContain(t, in(e.say(t, annRoom2, mem2, "!dabei 1", ""), dmOf(mem2)), "dabei")

	mustContain(t, in(e.say(t, annRoom1, mem1, "!absage 1 diesmal", ""), dmOf(mem1)), "nicht dabei", "Do, 5.3.2026", "weiteren Terminen", "!dabei 1")
	mustContain(t, in(e.say(t, annRoom2, mem2, "!absage 1 diesmal", ""), dmOf(mem2)), "nicht dabei")
	mustContain(t, in(e.say(t, annRoom2, mem2, "!dabei 1", ""), dmOf(mem2)), "dabei")
	// Both stay in the series.
	mustContain(t, e.sayDirect(t, dmOf(coord), coord, "!teilnehmende 1"), "2 Zusagen")

	// 24 h before the first date: mem2 (back in) is reminded, mem1 not.
	got := e.tick(t, time.Date(2026, 3, 4, 19, 0, 0, 0, berlin))
	if len(in(got, dmOf(mem1))) != 0 || len(in(got, dmOf(mem2))) != 1 {
		t.Fatalf("reminders for 5.3.: mem1 %d, mem2 %d: %s", len(in(got, dmOf(mem1))), len(in(got, dmOf(mem2))), bodies(got))
	}
	// The next date of the series (2.4.) reminds mem1 again.
	e.tick(t, time.Date(2026, 3, 5, 23, 0, 0, 0, berlin))
	got = e.tick(t, time.Date(2026, 4, 1, 19, 0, 0, 0, berlin))
	if len(in(got, dmOf(mem1))) != 1 {
		t.Fatalf("mem1 not reminded of the next date: %s", bodies(got))
	}
}

// TestRSVPWithdrawnOnlyByItsAuthor: a redaction naming a member's ✅ on an
// announcement withdraws the RSVP only when the member sends it in the
// announcement room. Anyone else's – from any room Lotse is in, e.g. inside
// an encrypted event no server checks, or forged by a server – withdraws
// nothing, also when the inbox no longer knows the reaction and the RSVP
// itself is checked (sec20 review, Medium 1).
func TestRSVPWithdrawnOnlyByItsAuthor(t *testing.T) {
	const elsewhere = id.RoomID("!elsewhere:test")
	for _, tc := range []struct {
		name      string
		forgotten bool // the inbox no longer knows the reaction
		room      id.RoomID
		sender    id.UserID
		withdrawn bool
	}{
		{"another user, from another room", false, elsewhere, outsider, false},
		{"another member, in the announcement room", false, annRoom1, mem2, false},
		{"the member, from their direct chat", false, dmOf(mem1), mem1, false},
		{"another user, inbox forgot the reaction", true, elsewhere, outsider, false},
		{"another member in the room, inbox forgot the reaction", true, annRoom1, mem2, false},
		{"the member from another room, inbox forgot the reaction", true, elsewhere, mem1, false},
		{"the member, in the announcement room", false, annRoom1, mem1, true},
		{"the member in the room, inbox forgot the reaction", true, annRoom1, mem1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newRTEnv(t, rtFriday(t))
			post := e.announce(t, "!rundertisch Test am 29.3. um 19 Uhr")
			reaction := &event.Event{ID: "$mem1-check", RoomID: annRoom1, Sender: mem1, Type: event.EventReaction,
				Content: event.Content{Parsed: &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: post, Key: "✅"}}}}
			e.handle(t, reaction, false)
			if att, _ := e.db.RoundTables.Attendees(context.Background(), 1); len(att) != 1 {
				t.Fatalf("precondition: mem1 attends: %+v", att)
			}
			if tc.forgotten {
				e.forgetInbox(t, reaction.ID)
			}
			sent := e.redact(t, tc.room, tc.sender, reaction.ID)
			att, _ := e.db.RoundTables.Attendees(context.Background(), 1)
			if withdrawn := len(att) == 0; withdrawn != tc.withdrawn {
				t.Errorf("withdrawn: %v, want %v; sent: %s", withdrawn, tc.withdrawn, bodies(sent))
			}
		})
	}
}

// TestAttendeesOnlyInDirectChat: a coordinator's „!teilnehmende 1“ in a
// group room does not post the attendees' names and Matrix IDs there (also
// of people from another announcement room); it says to ask in the direct
// chat, where the list comes (sec20 review, Medium 3).
func TestAttendeesOnlyInDirectChat(t *testing.T) {
	e := newRTEnv(t, rtFriday(t))
	post := e.announce(t, "!rundertisch Test am 29.3. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")
	e.say(t, dmOf(mem2), mem2, "!dabei 1", "")
	const group = id.RoomID("!public-group:test")
	e.fm.joined[group] = map[id.UserID]bool{coord: true, outsider: true, botID: true}
	for _, room := range []id.RoomID{group, annRoom1} {
		sent := in(e.say(t, room, coord, "!teilnehmende 1", ""), room)
		if all := bodies(sent); strings.Contains(all, mem1.String()) || strings.Contains(all, mem2.String()) {
			t.Errorf("attendee list posted into %s: %s", room, all)
		}
		mustContain(t, sent, "nur im Direktchat")
	}
	mustContain(t, in(e.sayDirect(t, dmOf(coord), coord, "!teilnehmende 1"), dmOf(coord)), "2 Zusagen", mem1.String(), mem2.String())
	// Members still learn nothing in a direct chat.
	mustContain(t, e.sayDirect(t, dmOf(mem1), mem1, "!teilnehmende 1"), "Koordinator:innen")
}

// TestAttendeesInPages: a long attendee list comes in pages of
// AttendeesPage, each one message well under Matrix's event size limit,
// with the command for the next page (whole-change review 20, L4: with
// 400 attendees and more the one message went over 64 KiB and never
// arrived).
func TestAttendeesInPages(t *testing.T) {
	e := newRTEnv(t, rtFriday(t))
	e.announce(t, "!rundertisch Test am 29.3. um 19 Uhr")
	const n = 2*roundtable.AttendeesPage + 20
	for i := range n {
		user := fmt.Sprintf("@attendee%04d-%s:test", i, strings.Repeat("x", 200))
		if _, err := e.db.RoundTables.SetRSVP(context.Background(), storage.RSVP{RoundTableID: 1, UserID: user, Attending: true,
			UpdatedAt: e.now.Add(time.Duration(i) * time.Second)}, 0); err != nil {
			t.Fatal(err)
		}
	}
	page := func(cmd string) []sentMsg {
		t.Helper()
		sent := in(e.sayDirect(t, dmOf(coord), coord, cmd), dmOf(coord))
		if len(sent) != 1 {
			t.Fatalf("%s: %d messages, want 1", cmd, len(sent))
		}
		if size := len(bodies(sent)); size > 24<<10 {
			t.Errorf("%s: %d bytes of text in one message", cmd, size)
		}
		return sent
	}
	first := page("!teilnehmende 1")
	mustContain(t, first, fmt.Sprintf("%d Zusagen", n), "@attendee0000-", "70 weitere Zusagen: !teilnehmende 1 2")
	if strings.Contains(bodies(first), fmt.Sprintf("@attendee%04d-", roundtable.AttendeesPage)) {
		t.Errorf("the first page goes on past %d attendees", roundtable.AttendeesPage)
	}
	mustContain(t, page("!teilnehmende 1 2"), fmt.Sprintf("@attendee%04d-", roundtable.AttendeesPage), "20 weitere Zusagen: !teilnehmende 1 3")
	last := page("!teilnehmende 1 3")
	mustContain(t, last, fmt.Sprintf("@attendee%04d-", n-1))
	if strings.Contains(bodies(last), "weitere") {
		t.Errorf("the last page points to another: %s", bodies(last))
	}
}

// TestSummaryWithoutRSVPs: the coordinator's summary of a round table
// nobody had said yes to says so, instead of „Zugesagt hatten 0 Personen: “
// with an empty list.
func TestSummaryWithoutRSVPs(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 3, 27, 10, 0, 0, 0, berlin))
	e.announce(t, "!rundertisch Leere Runde am 29.3. um 19 Uhr 90 min")
	e.tick(t, time.Date(2026, 3, 29, 18, 45, 0, 0, berlin))
	e.tick(t, time.Date(2026, 3, 29, 19, 10, 0, 0, berlin))
	got := in(e.tick(t, time.Date(2026, 3, 29, 20, 31, 0, 0, berlin)), dmOf(coord))
	mustContain(t, got, "vorbei", "Zugesagt hatte niemand.")
	for _, m := range got {
		if strings.Contains(m.content.Body, "0 Personen") {
			t.Fatalf("summary counts zero people: %s", m.content.Body)
		}
	}
}
