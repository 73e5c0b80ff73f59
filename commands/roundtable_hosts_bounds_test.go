package commands

import (
	"context"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// coord2 is a second coordinator (granted in the config by withCoord2).
const coord2 = id.UserID("@coord2:test")

// withCoord2 makes coord2 a coordinator too, with a display name.
func (e *rtEnv) withCoord2() {
	e.reconfigure(func(d *Deps) { d.RoundTables.Coordinators = []id.UserID{coord, coord2} })
	e.fm.names[coord2] = "Cem Zwei"
	e.fm.joined[annRoom1][coord2] = true
}

// standInAudits are the role-audit entries of round-table changes by actor.
func (e *rtEnv) standInAudits(t *testing.T, actor id.UserID) []storage.RoleAuditEntry {
	t.Helper()
	all, err := e.db.Roles().AuditLog(context.Background(), actor.String())
	if err != nil {
		t.Fatal(err)
	}
	var out []storage.RoleAuditEntry
	for _, a := range all {
		if strings.HasPrefix(a.Action, "roundtable-") {
			out = append(out, a)
		}
	}
	return out
}

// TestRoundTableStandInIsToldAndAudited (rt32, Medium: accountability):
// any coordinator may move, cancel and follow up any round table — one
// steps in for another — but the coordinator who planned it learnt of it
// only from the attendees, and nothing recorded who did it. Now a change
// by someone else tells the coordinator and the co-hosts in their direct
// chats, with the display name and Matrix ID of the one who made it (a
// display name alone could be the coordinator's own), and is written to
// the role audit log with both Matrix IDs; the coordinator's own change
// does neither. Fails without the fix: no notice, no audit entry.
func TestRoundTableStandInIsToldAndAudited(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	for _, tt := range []struct{ name, cmd, action, wantHost, wantMem string }{
		{"move", "!verschieben 1 4.12. 19 Uhr", "roundtable-move", "hat den Runden Tisch #1 „Vertretung“ verschoben auf Fr, 4.12.2026, 19:00–20:30 Uhr. Die Zugesagten und die Ankündigungen sind informiert. War das nicht mit dir abgesprochen, frag bitte nach oder sag dem Team Bescheid.", "verschoben"},
		{"cancel", "!absagen 1 ja", "roundtable-cancel", "hat den Runden Tisch #1 „Vertretung“ am Do, 3.12.2026, 19:00–20:30 Uhr abgesagt. Die Zugesagten und die Ankündigungen sind informiert. War das nicht mit dir abgesprochen, frag bitte nach oder sag dem Team Bescheid.", "abgesagt"},
		{"followup", "!nachbereitung 1 Das Protokoll: https://example.org/p", "roundtable-followup", "hat allen Zugesagten des Runden Tischs #1 „Vertretung“ diese Nachbereitung geschickt:\n\nDas Protokoll: https://example.org/p", "Das Protokoll"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
			e.withCoord2()
			post := e.announce(t, "!rundertisch Vertretung am 3.12. um 19 Uhr\nModeration: @mem2:test")
			e.react(t, annRoom1, mem1, post, "✅")

			got := e.sayDirect(t, dmOf(coord2), coord2, tt.cmd)
			mustContain(t, in(got, dmOf(mem1)), tt.wantMem)
			for _, host := range []id.UserID{coord, mem2} {
				notice := in(got, dmOf(host))
				if len(notice) != 1 {
					t.Fatalf("%s got %d messages: %s", host, len(notice), bodies(notice))
				}
				mustContain(t, notice, "Cem Zwei (@coord2:test) hat ", tt.wantHost)
			}
			mustContain(t, in(got, dmOf(coord2)), "hat davon eine Nachricht von mir bekommen")
			audit := e.standInAudits(t, coord2)
			if len(audit) != 1 || audit[0].Action != tt.action || audit[0].Subject != coord.String() || audit[0].Actor != coord2.String() {
				t.Fatalf("audit: %+v", audit)
			}
		})
	}
	t.Run("own change", func(t *testing.T) {
		e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
		e.withCoord2()
		post := e.announce(t, "!rundertisch Eigene am 3.12. um 19 Uhr")
		e.react(t, annRoom1, mem1, post, "✅")
		got := e.sayDirect(t, dmOf(coord), coord, "!verschieben 1 20 Uhr")
		mustContain(t, in(got, dmOf(mem1)), "verschoben")
		noneContains(t, got, "Cem Zwei", "Nachricht von mir bekommen")
		if len(in(got, dmOf(coord))) != 1 {
			t.Fatalf("the coordinator got more than the answer: %s", bodies(in(got, dmOf(coord))))
		}
		if a := e.standInAudits(t, coord); len(a) != 0 {
			t.Fatalf("own change audited as a stand-in's: %+v", a)
		}
	})
}

// TestRoundTableAttendeesOnlyForHosts (rt32, Medium: personal data): any
// coordinator could list who joined any round table — names and Matrix
// IDs, page by page — though only its coordinator and co-hosts need them.
// Now another coordinator is refused (without a name), a co-host with the
// coordinator role is not. Fails without the fix: coord2 gets the list.
func TestRoundTableAttendeesOnlyForHosts(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	e.withCoord2()
	post := e.announce(t, "!rundertisch Fremd am 3.12. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")
	e.announce(t, "!rundertisch Gemeinsam am 4.12. um 19 Uhr\nModeration: @coord2:test")
	e.say(t, annRoom1, mem1, "!dabei 2", "")

	got := e.sayDirect(t, dmOf(coord2), coord2, "!teilnehmende 1")
	mustContain(t, got, "nur der Person, die ihn koordiniert, und der Moderation")
	noneContains(t, got, "Mia Eins", mem1.String())
	mustContain(t, e.sayDirect(t, dmOf(coord), coord, "!teilnehmende 1"), "Mia Eins")
	mustContain(t, e.sayDirect(t, dmOf(coord2), coord2, "!teilnehmende 2"), "Mia Eins")
}

// TestRoundTableRetryAfterAnothersChange (rt31's Left, rt32, Low:
// integrity): a move whose attendee notice failed is handled again by the
// worker. It knew its own retry only by the round table's last event: after
// another coordinator's move in between, the retry was taken as new — it
// moved the round table back, read „morgen“ anew at the retry's time and
// told every attendee again. Now the event's change is recorded with the
// change; the retry changes and sends nothing and tells its author that a
// later change holds. Fails without the fix: the round table is moved to
// the retry's „morgen“.
func TestRoundTableRetryAfterAnothersChange(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	e.withCoord2()
	post := e.announce(t, "!rundertisch Wiederholung am 3.12. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")

	// coord's move: the database changes, mem1's direct chat fails.
	e.reconfigure(func(d *Deps) { d.Matrix = &dmFailMatrix{fakeMatrix: e.fm, fail: map[id.UserID]bool{mem1: true}} })
	first := e.event(dmOf(coord), coord, &event.MessageEventContent{MsgType: event.MsgText, Body: "!verschieben 1 morgen 19 Uhr"})
	if _, err := e.handleErr(first); err == nil {
		t.Fatal("the failed notice was not reported (the event would not be tried again)")
	}
	if rt, _ := e.db.RoundTables.Get(context.Background(), 1); !rt.Start.Equal(time.Date(2026, 12, 2, 19, 0, 0, 0, berlin)) {
		t.Fatalf("first move: %v", rt.Start)
	}
	e.reconfigure(func(d *Deps) { d.Matrix = e.fm })

	// coord2 moves it again; then, a day later, the worker retries coord's.
	mustContain(t, in(e.sayDirect(t, dmOf(coord2), coord2, "!verschieben 1 5.12. 18 Uhr"), dmOf(mem1)), "Sa, 5.12.2026, 18:00")
	want, _ := e.db.RoundTables.Get(context.Background(), 1)
	e.now = e.now.Add(24 * time.Hour)
	got, err := e.handleErr(first)
	if err != nil {
		t.Fatalf("retry: %v", err)
	}
	if len(in(got, dmOf(mem1))) != 0 || len(in(got, annRoom1)) != 0 {
		t.Fatalf("the retry sent again: %s", bodies(got))
	}
	mustContain(t, in(got, dmOf(coord)), "danach kam aber schon eine weitere Änderung")
	if rt, _ := e.db.RoundTables.Get(context.Background(), 1); !rt.Start.Equal(want.Start) || rt.Sequence != want.Sequence {
		t.Fatalf("the retry changed the round table: %v (sequence %d), want %v (%d)", rt.Start, rt.Sequence, want.Start, want.Sequence)
	}
	// Its own retry right after the failure still repeats its sends.
	e.reconfigure(func(d *Deps) { d.Matrix = &dmFailMatrix{fakeMatrix: e.fm, fail: map[id.UserID]bool{mem1: true}} })
	again := e.event(dmOf(coord2), coord2, &event.MessageEventContent{MsgType: event.MsgText, Body: "!verschieben 1 6.12. 18 Uhr"})
	if _, err := e.handleErr(again); err == nil {
		t.Fatal("the failed notice was not reported")
	}
	e.reconfigure(func(d *Deps) { d.Matrix = e.fm })
	got, err = e.handleErr(again)
	if err != nil {
		t.Fatalf("own retry: %v", err)
	}
	mustContain(t, in(got, dmOf(mem1)), "So, 6.12.2026, 18:00")
	if rt, _ := e.db.RoundTables.Get(context.Background(), 1); rt.Sequence != want.Sequence+1 {
		t.Fatalf("own retry: sequence %d, want %d", rt.Sequence, want.Sequence+1)
	}
}

// TestRoundTableMovesBounded (rt32, Low: a coordinator account in the
// wrong hands): every move tells every attendee and sends them a calendar
// file; a hundred moves were a hundred messages to each of them. Now a
// round table is moved at most MaxMoves times within 24 hours; the next
// one is refused with a friendly text (and what to do instead), nothing
// changed or sent, and allowed again a day later. Fails without the fix:
// the fourth move goes out.
func TestRoundTableMovesBounded(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Oft am 10.12. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")
	for _, h := range []string{"18", "19", "20"} {
		mustContain(t, in(e.sayDirect(t, dmOf(coord), coord, "!verschieben 1 "+h+" Uhr"), dmOf(mem1)), "verschoben")
	}
	got := e.sayDirect(t, dmOf(coord), coord, "!verschieben 1 21 Uhr")
	if len(in(got, dmOf(mem1))) != 0 || len(in(got, annRoom1)) != 0 {
		t.Fatalf("the fourth move went out: %s", bodies(got))
	}
	mustContain(t, in(got, dmOf(coord)), "schon 3-mal verschoben", "Kann es nicht warten: !absagen 1 und neu planen.")
	if rt, _ := e.db.RoundTables.Get(context.Background(), 1); rt.Start.In(berlin).Hour() != 20 {
		t.Fatalf("moved: %v", rt.Start)
	}
	e.now = e.now.Add(25 * time.Hour)
	mustContain(t, in(e.sayDirect(t, dmOf(coord), coord, "!verschieben 1 21 Uhr"), dmOf(mem1)), "verschoben", "21:00")
}

// TestRoundTableFollowupsBounded (rt32, Low: a coordinator account in the
// wrong hands): a follow-up is free text — a link of the sender's choice —
// in every attendee's direct chat, and there was no bound on how many.
// Now MaxFollowups within 24 hours per round table; the next is refused
// with a friendly text and nothing sent, and goes out a day later. The
// retry of a follow-up that counted is not refused. Fails without the
// fix: the fourth follow-up goes out.
func TestRoundTableFollowupsBounded(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Viel zu sagen am 3.12. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")
	var third *event.Event
	for i := 1; i <= 3; i++ {
		third = e.event(dmOf(coord), coord, &event.MessageEventContent{MsgType: event.MsgText, Body: "!nachbereitung 1 Teil " + string(rune('0'+i))})
		got, err := e.handleErr(third)
		if err != nil {
			t.Fatal(err)
		}
		mustContain(t, in(got, dmOf(mem1)), "Teil "+string(rune('0'+i)))
	}
	got := e.sayDirect(t, dmOf(coord), coord, "!nachbereitung 1 Teil 4")
	if len(in(got, dmOf(mem1))) != 0 {
		t.Fatalf("the fourth follow-up went out: %s", bodies(got))
	}
	mustContain(t, in(got, dmOf(coord)), "schon 3 Nachbereitungen gegangen")
	if got, err := e.handleErr(third); err != nil || strings.Contains(bodies(got), "schon 3") {
		t.Fatalf("the retry of the third: %v %s", err, bodies(got))
	}
	e.now = e.now.Add(25 * time.Hour)
	mustContain(t, in(e.sayDirect(t, dmOf(coord), coord, "!nachbereitung 1 Teil 4"), dmOf(mem1)), "Teil 4")
}
