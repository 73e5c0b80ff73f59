package commands

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/integrations/bbb"
	"github.com/lotse-bot/lotse/storage"
)

// noneContains fails if any of msgs contains one of the words.
func noneContains(t *testing.T, msgs []sentMsg, words ...string) {
	t.Helper()
	for _, m := range msgs {
		for _, w := range words {
			if m.content != nil && strings.Contains(m.content.Body, w) {
				t.Errorf("%s got %q: %s", m.room, w, m.content.Body)
			}
		}
	}
}

// TestRoundTableMovedShortlyBeforeStart (rt27, a bad evening): the
// coordinator moves the round table by an hour ten minutes before it
// starts, on the evening of the autumn switch. The new date's 24-hour
// reminder lay in the past at the move; it was sent right after the
// notice of the move, to every attendee, saying „Diese Erinnerung kommt
// verspätet, weil ich kurz nicht erreichbar war“ — Lotse was not. Now only
// the last reminder (it carries the link) comes, at its time; a member who
// joins after its time gets it without the false note too.
func TestRoundTableMovedShortlyBeforeStart(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	// Sunday 25 October 2026: the clocks went back at 03:00 that night.
	e := newRTEnv(t, time.Date(2026, 10, 20, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Herbstabend am 25.10. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")
	if got := e.tick(t, time.Date(2026, 10, 24, 19, 0, 0, 0, berlin)); len(in(got, dmOf(mem1))) != 1 {
		t.Fatalf("24 h reminder: %s", bodies(got))
	}
	if got := e.tick(t, time.Date(2026, 10, 25, 18, 45, 0, 0, berlin)); len(in(got, dmOf(mem1))) != 1 {
		t.Fatalf("15 min reminder: %s", bodies(got))
	}
	e.now = time.Date(2026, 10, 25, 18, 50, 0, 0, berlin)
	got := e.sayDirect(t, dmOf(coord), coord, "!verschieben 1 20 Uhr")
	mustContain(t, in(got, dmOf(mem1)), "verschoben", "So, 25.10.2026, 20:00–21:30 Uhr")

	// A minute after the move: nothing (before: the 24 h reminder, „late“).
	if got := e.tick(t, time.Date(2026, 10, 25, 18, 51, 0, 0, berlin)); len(got) != 0 {
		t.Fatalf("reminders right after the move: %s", bodies(got))
	}
	// The new 15-minute reminder comes at its time, with the new link.
	got = e.tick(t, time.Date(2026, 10, 25, 19, 45, 0, 0, berlin))
	if len(in(got, dmOf(mem1))) != 1 || len(in(got, dmOf(coord))) != 1 {
		t.Fatalf("15 min reminders of the new time: %s", bodies(got))
	}
	mustContain(t, got, "Erinnerung", "20:00")
	noneContains(t, got, "verspätet")

	// A member who joins five minutes before the start gets the last
	// reminder with the link, without the note.
	e.now = time.Date(2026, 10, 25, 19, 55, 0, 0, berlin)
	mustContain(t, in(e.say(t, annRoom2, mem2, "!dabei 1", ""), dmOf(mem2)), "dabei")
	got = e.tick(t, time.Date(2026, 10, 25, 19, 56, 0, 0, berlin))
	if len(got) != 1 || len(in(got, dmOf(mem2))) != 1 {
		t.Fatalf("late joiner: %s", bodies(got))
	}
	mustContain(t, got, "Erinnerung", "Zugangslink")
	noneContains(t, got, "verspätet")
}

// TestRoundTableEndedMeetingStaysEnded (rt27, Low: integrity of a
// moderator's decision): the coordinator ends the meeting for everyone
// half an hour early (to be rid of someone disruptive, or because all is
// said); BigBlueButton drops an ended meeting. Lotse took it for expired,
// created it anew on the next tick, and a member with the link of the
// day-before reminder (bound to no createTime) was back in, without a
// moderator. Now a meeting people were in stays ended; one nobody was in
// yet is still created again (TestRoundTableMeetingRecreatedAfterExpiry),
// and it waits for its first attendee until the round table's end, so that
// it does not expire while the coordinator is late.
func TestRoundTableEndedMeetingStaysEnded(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	x := &expiring{Meetings: e.h.RoundTables.Meetings}
	e.reconfigure(func(d *Deps) { d.RoundTables.Meetings = x })
	post := e.announce(t, "!rundertisch Früher Schluss am 3.12. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")
	early := e.tick(t, time.Date(2026, 12, 2, 19, 0, 0, 0, berlin)) // the day before: a link without createTime
	got := e.tick(t, time.Date(2026, 12, 3, 18, 45, 0, 0, berlin))
	start := time.Date(2026, 12, 3, 19, 0, 0, 0, berlin)
	m, ok := e.fake.Meeting(fmt.Sprintf("lotse-rt-1-%d", start.Unix()))
	if !ok {
		t.Fatal("meeting not created")
	}
	// Created at 18:45 for 19:00–20:30: it waits for its first attendee
	// until 20:30 (before: 25 minutes, until 19:10).
	if n, _ := strconv.Atoi(m.Params.Get("meetingExpireIfNoUserJoinedInMinutes")); n < 105 {
		t.Errorf("an empty meeting expires after %d minutes, before the round table's end", n)
	}
	e.openLink(t, linkIn(in(got, dmOf(coord))[0].content.Body))
	e.openLink(t, linkIn(in(got, dmOf(mem1))[0].content.Body))
	e.tick(t, start.Add(time.Minute)) // both seen

	// The coordinator ends it for everyone at 20:00; BBB drops it.
	c, err := bbb.NewClient(bbb.Options{BaseURL: e.fake.URL(), Secret: "secret-123", HTTPClient: e.fake.Client()})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.End(context.Background(), m.MeetingID); err != nil {
		t.Fatal(err)
	}
	x.gone.Store(true)
	for i := range 10 {
		e.tick(t, start.Add(time.Hour+time.Duration(i)*time.Minute))
	}
	if n := e.fake.Requests("create"); n != 1 {
		t.Fatalf("the ended meeting was created %d more times", n-1)
	}
	if now, ok := e.fake.Meeting(m.MeetingID); !ok || !now.Ended {
		t.Fatalf("the ended meeting runs again: %+v", now)
	}
	// The day before's link does not get anyone back in.
	link := linkIn(in(early, dmOf(mem1))[0].content.Body)
	if link == "" {
		t.Fatalf("no link in the day before's reminder: %s", bodies(early))
	}
	resp, err := e.fake.Client().Get(link)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), "meetingForciblyEnded") {
		t.Fatalf("the day before's link: %s %s", resp.Status, body)
	}
	// The summary still comes after the end.
	mustContain(t, in(e.tick(t, start.Add(91*time.Minute)), dmOf(coord)), "vorbei")
}

// holdingMatrix holds the first edit sent to room until release is
// closed, after telling reached: a command stopped in the middle.
type holdingMatrix struct {
	*fakeMatrix
	room             id.RoomID
	held             atomic.Bool
	reached, release chan struct{}
	// match picks the send to hold (nil: an edit in room).
	match func(roomID id.RoomID, c *event.MessageEventContent) bool
}

// isEditIn reports whether c, sent to roomID, is an edit in h.room.
func (h *holdingMatrix) isEditIn(roomID id.RoomID, c *event.MessageEventContent) bool {
	return roomID == h.room && c.RelatesTo != nil && c.RelatesTo.Type == event.RelReplace
}

func (h *holdingMatrix) Send(ctx context.Context, roomID id.RoomID, t event.Type, content any, txnID string) (id.EventID, error) {
	match := h.match
	if match == nil {
		match = h.isEditIn
	}
	if c, ok := content.(*event.MessageEventContent); ok && match(roomID, c) {
		if h.held.CompareAndSwap(false, true) {
			close(h.reached)
			<-h.release
		}
	}
	return h.fakeMatrix.Send(ctx, roomID, t, content, txnID)
}

// TestRoundTableTwoCoordinatorsAtOnce (rt27, Low: integrity): one
// coordinator moves the round table while another cancels it, each in
// their direct chat (events of different rooms are handled at the same
// time). The move had read the round table before the cancellation; it
// edited the announcement back to „angekündigt“ at the new time after the
// cancellation had marked it „abgesagt“, and the attendee was told
// „verschoben“ last — the database said cancelled: no reminder, no
// meeting, people came. Now the second change waits for the first (its
// event is tried again) and reads the round table anew.
func TestRoundTableTwoCoordinatorsAtOnce(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	coord2 := id.UserID("@coord2:test")
	e.reconfigure(func(d *Deps) { d.RoundTables.Coordinators = []id.UserID{coord, coord2} })
	post := e.announce(t, "!rundertisch Zwei Hände am 3.12. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")
	h := &holdingMatrix{fakeMatrix: e.fm, room: annRoom1, reached: make(chan struct{}), release: make(chan struct{})}
	e.reconfigure(func(d *Deps) { d.Matrix = h })
	handle := func(room id.RoomID, sender id.UserID, body string) (*event.Event, error) {
		evt := e.event(room, sender, &event.MessageEventContent{MsgType: event.MsgText, Body: body})
		item := storage.InboxItem{EventID: evt.ID.String(), RoomID: evt.RoomID.String(), Sender: evt.Sender.String(),
			EventType: evt.Type.Type, ReceivedAt: e.now, State: storage.InboxDone}
		if err := e.db.Inbox.Commit(context.Background(), []storage.InboxItem{item}, nil, ""); err != nil {
			t.Fatal(err)
		}
		e.fm.store(evt)
		return evt, e.h.Handle(context.Background(), Message{Event: evt, Direct: true})
	}

	moved := make(chan error, 1)
	go func() {
		_, err := handle(dmOf(coord), coord, "!verschieben 1 20 Uhr")
		moved <- err
	}()
	<-h.reached // the move has changed the database and edits the announcement
	cancel, err := handle(dmOf(coord2), coord2, "!absagen 1 ja")
	if err == nil {
		t.Error("the cancellation went through in the middle of the move")
	}
	close(h.release)
	if err := <-moved; err != nil {
		t.Fatalf("move: %v", err)
	}
	// The worker tries the cancellation again.
	if err := e.h.Handle(context.Background(), Message{Event: cancel, Direct: true}); err != nil {
		t.Fatalf("cancel retried: %v", err)
	}

	var lastEdit, lastNotice string
	for _, m := range e.fm.sent {
		if m.content == nil {
			continue
		}
		if m.room == annRoom1 && m.content.RelatesTo != nil && m.content.RelatesTo.Type == event.RelReplace {
			lastEdit = m.content.Body
		}
		if m.room == dmOf(mem1) && (strings.Contains(m.content.Body, "verschoben") || strings.Contains(m.content.Body, "abgesagt")) {
			lastNotice = m.content.Body
		}
	}
	if !strings.Contains(lastEdit, "ABGESAGT") {
		t.Errorf("the announcement's last edit: %s", lastEdit)
	}
	if !strings.Contains(lastNotice, "abgesagt") || strings.Contains(lastNotice, "verschoben") {
		t.Errorf("the attendee's last notice: %s", lastNotice)
	}
	if rt, _ := e.db.RoundTables.Get(context.Background(), 1); rt.Status != storage.RoundTableCancelled {
		t.Errorf("status %s", rt.Status)
	}
}

// TestRoundTableNoLinkAfterBan (rt27, Low: access): a member who joined
// and was then banned from the announcement room by its moderators kept
// their RSVP, and with it the reminders and the personal link into the
// meeting. Now nothing is sent while they are in none of the round
// table's rooms; back in the room, the next reminder comes.
func TestRoundTableNoLinkAfterBan(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Nach dem Bann am 3.12. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")
	delete(e.fm.joined[annRoom1], mem1) // banned
	got := e.tick(t, time.Date(2026, 12, 2, 19, 0, 0, 0, berlin))
	if len(in(got, dmOf(mem1))) != 0 || len(in(got, dmOf(coord))) != 1 {
		t.Fatalf("24 h reminders after the ban: %s", bodies(got))
	}
	got = e.tick(t, time.Date(2026, 12, 3, 18, 45, 0, 0, berlin))
	if len(in(got, dmOf(mem1))) != 0 || len(in(got, dmOf(coord))) != 1 {
		t.Fatalf("links after the ban: %s", bodies(got))
	}
	e.fm.joined[annRoom1][mem1] = true // let back in
	got = e.tick(t, time.Date(2026, 12, 3, 18, 46, 0, 0, berlin))
	if len(in(got, dmOf(mem1))) != 1 {
		t.Fatalf("back in the room: %s", bodies(got))
	}
	mustContain(t, got, "Zugangslink")
}
