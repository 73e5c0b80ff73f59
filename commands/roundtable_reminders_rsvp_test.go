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
)

// dmFailMatrix cannot open a direct chat with the users in fail, nor with
// anything that is no Matrix ID (as the homeserver refuses to invite a
// pseudonym).
type dmFailMatrix struct {
	*fakeMatrix
	fail map[id.UserID]bool
}

func (f *dmFailMatrix) DirectRoom(ctx context.Context, user id.UserID) (id.RoomID, error) {
	if _, _, err := user.Parse(); err != nil || f.fail[user] {
		return "", errors.New("M_FORBIDDEN: cannot invite")
	}
	return f.fakeMatrix.DirectRoom(ctx, user)
}

// handleErr handles evt once and returns the handler's error and what was sent.
func (e *rtEnv) handleErr(evt *event.Event) ([]sentMsg, error) {
	e.fm.store(evt)
	before := e.fm.count()
	err := e.h.Handle(context.Background(), Message{Event: evt, Direct: true})
	e.fm.mu.Lock()
	defer e.fm.mu.Unlock()
	return append([]sentMsg(nil), e.fm.sent[before:]...), err
}

// TestRoundTableOneFailingDMHoldsBackNobody (rt24, Medium): an attendee
// whose direct chat cannot be opened (their server refuses Lotse's
// invite, they block Lotse) held back the reminders and personal links of
// everyone after them on every tick, and kept a cancellation from
// reaching the announcements and calendars of the rooms.
func TestRoundTableOneFailingDMHoldsBackNobody(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	blocker := e.blockedRoundTable(t) // the blocker first: before everyone else
	e.say(t, annRoom2, mem2, "!dabei 1", "")
	e.reconfigure(func(d *Deps) { d.Matrix = &dmFailMatrix{fakeMatrix: e.fm, fail: map[id.UserID]bool{blocker: true}} })

	at := time.Date(2026, 12, 2, 19, 0, 0, 0, berlin)
	e.now = at
	before := e.fm.count()
	if err := e.h.TickRoundTables(context.Background(), at); err == nil {
		t.Error("the failed reminder was not reported (it would not be tried again)")
	}
	got := e.fm.sent[before:]
	for _, u := range []id.UserID{coord, mem1, mem2} {
		if len(in(got, dmOf(u))) != 1 {
			t.Errorf("%s got no reminder: %s", u, bodies(got))
		}
	}

	cancel := e.event(dmOf(coord), coord, &event.MessageEventContent{MsgType: event.MsgText, Body: "!absagen 1 ja"})
	got, err := e.handleErr(cancel)
	if err == nil {
		t.Error("the failed notice was not reported")
	}
	mustContain(t, in(got, dmOf(mem1)), "abgesagt")
	mustContain(t, in(got, dmOf(mem2)), "abgesagt")
	var edited, cancelled int
	for _, m := range got {
		if m.content.RelatesTo != nil && m.content.RelatesTo.Type == event.RelReplace && strings.Contains(m.content.Body, "ABGESAGT") {
			edited++
		}
		// The rooms' calendar files (the attendees get one in their direct chat too, rt25).
		if m.content.MsgType == event.MsgFile && (m.room == annRoom2 || m.room == annRoom1 && strings.Contains(e.icsOf(t, m), "METHOD:CANCEL")) {
			cancelled++
		}
	}
	if edited != 2 || cancelled != 2 {
		t.Fatalf("cancellation reached %d announcements and %d calendars of 2 rooms", edited, cancelled)
	}
}

// TestRoundTableAfterCoordinatorErased (rt24, Medium): a coordinator (or
// a co-host, any member the coordinator names) who erases their data
// becomes a pseudonym in the round table. Lotse tried to remind the
// pseudonym first on every tick, failed, and so reminded nobody; the
// summary to it failed too, and a series never moved on.
func TestRoundTableAfterCoordinatorErased(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 3, 2, 10, 0, 0, 0, berlin)) // a Monday
	post := e.announce(t, "!rundertisch Stammtisch jeden Donnerstag um 19 Uhr\nModeration: @mem2:test")
	e.react(t, annRoom1, mem1, post, "✅")
	if _, err := e.db.Privacy().Erase(context.Background(), coord.String(), "", e.now); err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.Privacy().Erase(context.Background(), mem2.String(), "", e.now); err != nil {
		t.Fatal(err)
	}
	e.reconfigure(func(d *Deps) { d.Matrix = &dmFailMatrix{fakeMatrix: e.fm} })

	got := e.tick(t, time.Date(2026, 3, 4, 19, 0, 0, 0, berlin))
	if len(in(got, dmOf(mem1))) != 1 || len(got) != 1 {
		t.Fatalf("24 h reminder: %s", bodies(got))
	}
	e.tick(t, time.Date(2026, 3, 5, 21, 0, 0, 0, berlin))
	rt, err := e.db.RoundTables.Get(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 3, 12, 19, 0, 0, 0, berlin); !rt.Start.Equal(want) {
		t.Fatalf("series at %v, want %v", rt.Start, want)
	}
}

// TestRoundTableWithoutBBBPromisesNoLink (rt24, the coordinator's bad
// day): without BigBlueButton configured, the announcement, its calendar
// file, the coordinator's confirmation and the member's RSVP all promised
// a personal link by direct message that never came (the reminder said
// „von der Moderation“).
func TestRoundTableWithoutBBBPromisesNoLink(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	e.reconfigure(func(d *Deps) { d.RoundTables.Meetings = nil })
	post := e.announce(t, "!rundertisch Ohne Video am 3.12. um 19 Uhr")
	got := e.react(t, annRoom1, mem1, post, "✅")
	got = append(got, e.tick(t, time.Date(2026, 12, 2, 19, 0, 0, 0, berlin))...)
	all := append([]sentMsg(nil), e.fm.sent...)
	var texts []string
	for _, m := range all {
		if m.content == nil {
			continue
		}
		texts = append(texts, m.content.Body)
		if m.content.MsgType == event.MsgFile && m.room == annRoom1 {
			texts = append(texts, e.icsOf(t, m))
		}
	}
	for _, s := range texts {
		if strings.Contains(s, "Zugangslink") && !strings.Contains(s, "verschicke ich nicht") || strings.Contains(s, "Link kommt") {
			t.Errorf("promises a link that never comes: %s", s)
		}
	}
	mustContain(t, in(got, dmOf(mem1)), "von der Moderation")
}

// TestRoundTableReactionFloodBounded (rt24, Medium): setting and removing
// ✅ in a loop made one direct message each (join, withdraw), opening the
// chat and encrypting every time: a script held up Lotse's sending for
// everyone. Now a member's reactions to one round table confirm at most
// three times an hour; the RSVP still follows the last reaction.
func TestRoundTableReactionFloodBounded(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Flut am 3.12. um 19 Uhr")
	dms := 0
	for range 50 {
		dms += len(in(e.react(t, annRoom1, mem1, post, "✅"), dmOf(mem1)))
		reaction := id.EventID(fmt.Sprintf("$r%d", supportEvt.Load()))
		dms += len(in(e.redact(t, annRoom1, mem1, reaction), dmOf(mem1)))
	}
	sent := in(e.react(t, annRoom1, mem1, post, "✅"), dmOf(mem1))
	dms += len(sent)
	last := id.EventID(fmt.Sprintf("$r%d", supportEvt.Load()))
	if dms != 3 {
		t.Fatalf("101 reactions made %d direct messages, want 3", dms)
	}
	if r, err := e.db.RoundTables.RSVP(context.Background(), 1, mem1.String()); err != nil || r == nil || !r.Attending {
		t.Fatalf("the last ✅ did not count: %+v %v", r, err)
	}
	// A second ✅ (here on the same announcement again) says nothing.
	if got := in(e.react(t, annRoom1, mem1, post, "✅"), dmOf(mem1)); len(got) != 0 {
		t.Fatalf("a second ✅ was answered: %s", bodies(got))
	}
	// An hour later a change is confirmed again.
	e.now = e.now.Add(time.Hour)
	mustContain(t, in(e.redact(t, annRoom1, mem1, last), dmOf(mem1)), "zurückgezogen")
	// Commands are answered as before.
	mustContain(t, in(e.say(t, annRoom1, mem1, "!dabei 1", ""), dmOf(mem1)), "dabei")
}

// TestRoundTableICSNamesNoCoordinator (rt24, Low): the calendar file,
// posted to everyone in the announcement rooms, named the coordinator by
// display name and Matrix ID as ORGANIZER (the announcement names
// neither); after the coordinator's erasure it named the pseudonym.
func TestRoundTableICSNamesNoCoordinator(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	e.announce(t, "!rundertisch Kalender am 3.12. um 19 Uhr")
	ics := e.icsOf(t, in(files(e.fm.sent), annRoom1)[0])
	for _, leak := range []string{strings.TrimPrefix(coord.String(), "@"), "Clara"} {
		if strings.Contains(ics, leak) {
			t.Errorf("the .ics names the coordinator (%q):\n%s", leak, ics)
		}
	}
	if !strings.Contains(ics, "ORGANIZER") || !strings.Contains(ics, "matrix:u/"+strings.TrimPrefix(botID.String(), "@")) {
		t.Errorf("the .ics has no organizer (Lotse):\n%s", ics)
	}
}

// TestRescheduleOnlyTheTime (rt24, the coordinator's bad day): „!verschieben
// 1 20 Uhr“ — a later start on the same day — was refused for want of a
// date; it now keeps the round table's day (and its duration).
func TestRescheduleOnlyTheTime(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Später am 3.12. um 19 Uhr 90 min")
	e.react(t, annRoom1, mem1, post, "✅")
	got := e.sayDirect(t, dmOf(coord), coord, "!verschieben 1 20 Uhr")
	mustContain(t, in(got, dmOf(mem1)), "Do, 3.12.2026, 20:00–21:30 Uhr")
	mustContain(t, in(got, dmOf(coord)), "verschoben auf Do, 3.12.2026, 20:00–21:30 Uhr")
	// A time on the same day that has passed is still refused.
	e.now = time.Date(2026, 12, 3, 21, 0, 0, 0, berlin)
	mustContain(t, e.sayDirect(t, dmOf(coord), coord, "!verschieben 1 20:30"), "Vergangenheit")
}

// TestNoRSVPAfterTheEnd (rt24, Low): a ✅ or „!dabei“ after a one-off
// round table ended, before the next tick marked it done, was accepted
// („Du bist dabei“ for a past date).
func TestNoRSVPAfterTheEnd(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Vorbei am 3.12. um 19 Uhr")
	e.now = time.Date(2026, 12, 3, 20, 30, 0, 0, berlin) // the end; no tick yet
	mustContain(t, in(e.say(t, annRoom1, mem1, "!dabei 1", ""), dmOf(mem1)), "abgesagt oder vorbei")
	e.fm.joined[annRoom1][mem2] = true
	mustContain(t, in(e.react(t, annRoom1, mem2, post, "✅"), dmOf(mem2)), "abgesagt oder vorbei")
	if att, _ := e.db.RoundTables.Attendees(context.Background(), 1); len(att) != 0 {
		t.Fatalf("RSVPs after the end: %+v", att)
	}
}

// blockedRoundTable announces a round table on 3 December at 19:00 in
// annRoom1 and lets a member of another server, blocker, confirm it with
// ✅ first, then mem1: the setup of the tests of a recipient whose direct
// chat fails (rt24, mend24b, fix24a).
func (e *rtEnv) blockedRoundTable(t *testing.T) id.UserID {
	t.Helper()
	post := e.announce(t, "!rundertisch Blockade am 3.12. um 19 Uhr")
	blocker := id.UserID("@blocker:evil.test")
	e.fm.joined[annRoom1][blocker] = true
	e.react(t, annRoom1, blocker, post, "✅")
	e.react(t, annRoom1, mem1, post, "✅")
	return blocker
}
