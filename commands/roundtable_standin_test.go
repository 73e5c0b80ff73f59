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

// TestRoundTableOwnerNotLockedOutByStandIn (mend32a, Low: availability):
// rt32 bounded the moves and follow-ups per round table — three within 24
// hours, whoever sent them. A stand-in (or a coordinator account in the
// wrong hands) who moved someone else's round table three times, to dates
// of their choice, left its own coordinator unable to move it back for a
// day; cancelling it, with every RSVP, was all that remained. The same
// with three follow-ups: the coordinator's link to the notes did not go
// out. Now the round table's coordinator has a bound of their own: the
// stand-in's fourth is refused, the coordinator's own go out, up to three
// of their own. Fails without the fix: the coordinator's move and
// follow-up are refused.
func TestRoundTableOwnerNotLockedOutByStandIn(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	t.Run("move", func(t *testing.T) {
		e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
		e.withCoord2()
		post := e.announce(t, "!rundertisch Umzug am 10.12. um 19 Uhr")
		e.react(t, annRoom1, mem1, post, "✅")
		for _, h := range []string{"15", "16", "17"} {
			mustContain(t, in(e.sayDirect(t, dmOf(coord2), coord2, "!verschieben 1 "+h+" Uhr"), dmOf(mem1)), "verschoben")
		}
		got := e.sayDirect(t, dmOf(coord2), coord2, "!verschieben 1 14 Uhr")
		if len(in(got, dmOf(mem1))) != 0 {
			t.Fatalf("the stand-in's fourth move went out: %s", bodies(got))
		}
		mustContain(t, in(got, dmOf(coord2)), "schon 3-mal verschoben")
		// The coordinator moves it back, and twice more.
		for i, h := range []string{"19", "20", "21"} {
			got := e.sayDirect(t, dmOf(coord), coord, "!verschieben 1 "+h+" Uhr")
			if len(in(got, dmOf(mem1))) == 0 {
				t.Fatalf("the coordinator's move %d was refused: %s", i+1, bodies(got))
			}
			mustContain(t, in(got, dmOf(mem1)), "verschoben", h+":00")
		}
		got = e.sayDirect(t, dmOf(coord), coord, "!verschieben 1 18 Uhr")
		if len(in(got, dmOf(mem1))) != 0 {
			t.Fatalf("the coordinator's fourth move went out: %s", bodies(got))
		}
		mustContain(t, in(got, dmOf(coord)), "schon 6-mal verschoben")
		// And a stand-in stays refused: the round table's bound is used.
		if got := e.sayDirect(t, dmOf(coord2), coord2, "!verschieben 1 18 Uhr"); len(in(got, dmOf(mem1))) != 0 {
			t.Fatalf("a stand-in moved again: %s", bodies(got))
		}
	})
	t.Run("followup", func(t *testing.T) {
		e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
		e.withCoord2()
		post := e.announce(t, "!rundertisch Nachlese am 3.12. um 19 Uhr")
		e.react(t, annRoom1, mem1, post, "✅")
		for i := 1; i <= 3; i++ {
			mustContain(t, in(e.sayDirect(t, dmOf(coord2), coord2, "!nachbereitung 1 Fremd "+string(rune('0'+i))), dmOf(mem1)), "Fremd")
		}
		if got := e.sayDirect(t, dmOf(coord2), coord2, "!nachbereitung 1 Fremd 4"); len(in(got, dmOf(mem1))) != 0 {
			t.Fatalf("the stand-in's fourth follow-up went out: %s", bodies(got))
		}
		got := e.sayDirect(t, dmOf(coord), coord, "!nachbereitung 1 Das Protokoll: https://example.org/p")
		mustContain(t, in(got, dmOf(mem1)), "Das Protokoll")
		if got := e.sayDirect(t, dmOf(coord2), coord2, "!nachbereitung 1 Fremd 5"); len(in(got, dmOf(mem1))) != 0 {
			t.Fatalf("a stand-in's follow-up went out after the bound: %s", bodies(got))
		}
	})
}

// TestRoundTableFollowupsOneAtATime (mend32a, Low: the bound dodged from
// several rooms): events of different rooms are handled at the same time,
// and a follow-up counted the follow-ups of the last 24 hours, then
// recorded its own — follow-ups sent at once from several rooms all read
// a count below MaxFollowups and all went out. Now a follow-up is a change
// of the round table like a move (one at a time): while one is being sent,
// another one of the same round table is tried again later (busy), and
// counts the first. Fails without the fix: the second goes out in the
// middle of the first.
func TestRoundTableFollowupsOneAtATime(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	e.withCoord2()
	post := e.announce(t, "!rundertisch Zugleich am 3.12. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")
	h := &holdingMatrix{fakeMatrix: e.fm, reached: make(chan struct{}), release: make(chan struct{}),
		match: func(room id.RoomID, c *event.MessageEventContent) bool {
			return room == dmOf(mem1) && strings.Contains(c.Body, "Erste")
		}}
	e.reconfigure(func(d *Deps) { d.Matrix = h })

	first := e.event(dmOf(coord), coord, &event.MessageEventContent{MsgType: event.MsgText, Body: "!nachbereitung 1 Erste"})
	e.fm.store(first)
	done := make(chan error, 1)
	go func() { done <- e.h.Handle(context.Background(), Message{Event: first, Direct: true}) }()
	<-h.reached // the first is being sent to the attendees

	second := e.event(dmOf(coord2), coord2, &event.MessageEventContent{MsgType: event.MsgText, Body: "!nachbereitung 1 Zweite"})
	_, err := e.handleErr(second)
	var busy interface{ Busy() bool }
	if err == nil {
		t.Error("the second follow-up went through in the middle of the first")
	} else if !errors.As(err, &busy) || !busy.Busy() {
		t.Errorf("the second follow-up failed, not waited: %v", err)
	}
	close(h.release)
	if err := <-done; err != nil {
		t.Fatalf("first: %v", err)
	}
	got, err := e.handleErr(second) // the worker's retry
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, in(got, dmOf(mem1)), "Zweite")
}

// TestRoundTableStandInInTheExport (mend32a, Low: texts): rt32 writes a
// stand-in's change of someone else's round table to the role log, and
// roles32 split that log in the export: entries about the person in full
// (role_audit), what they did to others without the others
// (role_audit_by_you_for_others). The entry lands right — the round
// table's coordinator finds it with the stand-in's Matrix ID, the stand-in
// without the coordinator's — but the words beside the file spoke of
// roles only („Protokolleinträge zu Rollen“, „… das du für andere
// eingetragen hast“): a coordinator whose round table was moved found an
// entry about roles they never had changed. Fails without the fix: the
// words do not name the round tables.
func TestRoundTableStandInInTheExport(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	ctx := context.Background()
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	e.withCoord2()
	post := e.announce(t, "!rundertisch Auskunft am 10.12. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")
	mustContain(t, in(e.sayDirect(t, dmOf(coord2), coord2, "!verschieben 1 18 Uhr"), dmOf(mem1)), "verschoben")

	own, err := e.db.Privacy().Export(ctx, coord.String())
	if err != nil {
		t.Fatal(err)
	}
	if rows := own["role_audit"]; len(rows) != 1 || rows[0]["action"] != "roundtable-move" || rows[0]["actor"] != coord2.String() {
		t.Errorf("the coordinator's export: %+v", rows)
	}
	theirs, err := e.db.Privacy().Export(ctx, coord2.String())
	if err != nil {
		t.Fatal(err)
	}
	if rows := theirs["role_audit_by_you_for_others"]; len(rows) != 1 || rows[0]["action"] != "roundtable-move" {
		t.Errorf("the stand-in's export: %+v", rows)
	} else if strings.Contains(fmt.Sprint(rows), coord.String()) || len(theirs["role_audit"]) != 0 {
		t.Errorf("the stand-in's export names the coordinator: %+v", theirs)
	}

	mustContain(t, in(e.sayDirect(t, dmOf(coord), coord, "!meine-daten"), dmOf(coord)),
		"1 Protokolleintrag zu deinen Rollen oder deinen Runden Tischen")
	mustContain(t, in(e.sayDirect(t, dmOf(coord2), coord2, "!meine-daten"), dmOf(coord2)),
		"1 Eintrag im Rollenprotokoll zu etwas, das du für eine andere Person eingetragen oder an ihrem Runden Tisch geändert hast (ohne deren Namen)")
}
