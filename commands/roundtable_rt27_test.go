package commands

import (
	"strings"
	"testing"
	"time"
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
