package commands

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// joinAnswer follows a join link as a browser does and returns what
// BigBlueButton answered (the fake answers a refused join with its XML).
func (e *rtEnv) joinAnswer(t *testing.T, link string) string {
	t.Helper()
	resp, err := e.fake.Client().Get(link)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return string(body)
}

// TestRoundTableCancelOrMoveEndsMeeting (rt31, Low–Medium, access): a
// round table cancelled or moved after Lotse had created its meeting (from
// the last reminder, 15 minutes before the start) left that meeting open.
// Everyone with the last reminder's link — and whoever they forwarded it
// to — could still go in, without a moderator, into a meeting that no
// longer took place; after a move the attendees had two meetings. Now the
// cancellation and the move end the meeting Lotse created; a BigBlueButton
// that does not answer holds back neither the cancellation nor the
// attendees' notices, and the coordinator is told to end it themselves.
// Fails without the fix: the meeting still runs and the old link gets in.
func TestRoundTableCancelOrMoveEndsMeeting(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	start := time.Date(2026, 12, 3, 19, 0, 0, 0, berlin)
	mid := fmt.Sprintf("lotse-rt-1-%d", start.Unix())
	setup := func(t *testing.T) (*rtEnv, string) {
		e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
		post := e.announce(t, "!rundertisch Treffen am 3.12. um 19 Uhr")
		e.react(t, annRoom1, mem1, post, "✅")
		e.tick(t, time.Date(2026, 12, 2, 19, 0, 0, 0, berlin))
		got := e.tick(t, start.Add(-15*time.Minute))
		rem := in(got, dmOf(mem1))
		if len(rem) != 1 {
			t.Fatalf("want the last reminder with the link: %s", bodies(got))
		}
		if _, ok := e.fake.Meeting(mid); !ok {
			t.Fatal("meeting not created with the last reminder")
		}
		e.now = start.Add(-5 * time.Minute)
		return e, linkIn(rem[0].content.Body)
	}
	for _, tt := range []struct{ name, cmd, want string }{
		{"cancel", "!absagen 1 ja", "abgesagt"},
		{"move", "!verschieben 1 20 Uhr", "verschoben"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, link := setup(t)
			got := e.sayDirect(t, dmOf(coord), coord, tt.cmd)
			mustContain(t, in(got, dmOf(mem1)), tt.want)
			noneContains(t, got, "nicht beenden")
			if m, _ := e.fake.Meeting(mid); !m.Ended {
				t.Errorf("the meeting of the old date still runs after %q", tt.cmd)
			}
			if ans := e.joinAnswer(t, link); !strings.Contains(ans, "meetingForciblyEnded") {
				t.Errorf("the old link still gets in: %s", ans)
			}
			if tt.name == "move" {
				// The moved date gets its own meeting and link.
				got := e.tick(t, start.Add(45*time.Minute))
				rem := in(got, dmOf(mem1))
				if len(rem) != 1 {
					t.Fatalf("no reminder for the new date: %s", bodies(got))
				}
				if ans := e.joinAnswer(t, linkIn(rem[0].content.Body)); strings.Contains(ans, "FAILED") {
					t.Errorf("the new link does not get in: %s", ans)
				}
			}
		})
	}
	t.Run("BigBlueButton down", func(t *testing.T) {
		e, _ := setup(t)
		e.fake.FailNext(1, http.StatusBadGateway)
		got := e.sayDirect(t, dmOf(coord), coord, "!absagen 1 ja")
		mustContain(t, in(got, dmOf(mem1)), "abgesagt")
		mustContain(t, in(got, dmOf(coord)), "nicht beenden", "ist abgesagt")
		noneContains(t, got, mid, "lotse-rt")
	})
	t.Run("time unchanged", func(t *testing.T) {
		// Only the duration changes: the running meeting stays.
		e, link := setup(t)
		mustContain(t, in(e.sayDirect(t, dmOf(coord), coord, "!verschieben 1 19 Uhr bis 21 Uhr"), dmOf(mem1)), "verschoben")
		if m, _ := e.fake.Meeting(mid); m.Ended {
			t.Error("the meeting was ended though the start stayed")
		}
		if ans := e.joinAnswer(t, link); strings.Contains(ans, "FAILED") {
			t.Errorf("the link no longer gets in: %s", ans)
		}
	})
}

// TestRoundTableMoveWithWarningAsksFirst (rt31, Low, integrity on a bad
// evening): !verschieben dropped the parser's warnings and told every
// attendee at once. „!verschieben 1 6 Uhr“ moved to 6 in the morning, a
// time in the night of the clock change was read an hour later, a typo in
// the year moved the round table to 9999 — each sent to everyone with a
// new calendar file. Now such a move shows the warnings and waits for the
// same command with „ja“; nothing is moved or sent before. Fails without
// the fix: the first command already moves and notifies.
func TestRoundTableMoveWithWarningAsksFirst(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	for _, tt := range []struct{ name, when, want string }{
		{"early morning", "6 Uhr", "6:00"},
		{"clock change night", "28.3.2027 2:30", "3:30"},
		{"far ahead", "3.12.9999 19 Uhr", "9999"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
			post := e.announce(t, "!rundertisch Treffen am 3.12. um 19 Uhr")
			e.react(t, annRoom1, mem1, post, "✅")
			got := e.sayDirect(t, dmOf(coord), coord, "!verschieben 1 "+tt.when)
			if len(in(got, dmOf(mem1))) != 0 || len(in(got, annRoom1)) != 0 {
				t.Fatalf("moved without asking: %s", bodies(got))
			}
			mustContain(t, in(got, dmOf(coord)), "wirklich", "⚠️", tt.want, "„ja“")
			if rt, _ := e.db.RoundTables.Get(t.Context(), 1); !rt.Start.Equal(time.Date(2026, 12, 3, 19, 0, 0, 0, berlin)) || rt.Sequence != 0 {
				t.Fatalf("the round table changed before the confirmation: %v, sequence %d", rt.Start, rt.Sequence)
			}
			got = e.sayDirect(t, dmOf(coord), coord, "!verschieben 1 "+tt.when+" ja")
			mustContain(t, in(got, dmOf(mem1)), "verschoben", tt.want)
			mustContain(t, in(got, dmOf(coord)), "ist verschoben")
			if rt, _ := e.db.RoundTables.Get(t.Context(), 1); rt.Sequence != 1 {
				t.Fatalf("sequence %d after the confirmed move", rt.Sequence)
			}
		})
	}
	t.Run("no warning: moved at once", func(t *testing.T) {
		e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
		post := e.announce(t, "!rundertisch Treffen am 3.12. um 19 Uhr")
		e.react(t, annRoom1, mem1, post, "✅")
		mustContain(t, in(e.sayDirect(t, dmOf(coord), coord, "!verschieben 1 20:00"), dmOf(mem1)), "verschoben", "20:00")
	})
}

// TestRoundTableLongTextsRefused (rt31, Low, integrity of what members
// read): a description of 3,000 short lines (30,000 characters) made the
// announcement too big for one event; the cut that keeps it sendable
// (sec29) took away its last lines — how to join and withdraw. A 60 KB
// title went whole into every calendar file and, shortened, into every
// notice. Now a title over roundtable.MaxTitle or a description over
// roundtable.MaxDescription characters is refused with a friendly
// message, and nothing is planned. The announcement also says that a ✅ is
// seen by everyone in the room and how to join unseen. Fails without the
// bound: the round table is planned (and its announcement cut).
func TestRoundTableLongTextsRefused(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	for _, tt := range []struct{ name, cmd, want string }{
		{"description", "!rundertisch Treffen am 3.12. um 19 Uhr\nBeschreibung: " + strings.Repeat("Tagesordnung 😀 ", 2000), "Die Beschreibung hat 29999 Zeichen"},
		{"description lines", "!rundertisch Treffen am 3.12. um 19 Uhr\n" + strings.Repeat("Zeile <&>\n", 3000), "höchstens 2000"},
		{"title", "!rundertisch " + strings.Repeat("Wort", 60000/4) + " am 3.12. um 19 Uhr", "höchstens 200 Zeichen"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
			got := in(e.say(t, dmOf(coord), coord, tt.cmd, ""), dmOf(coord))
			mustContain(t, got, tt.want)
			noneContains(t, got, "Vorschau")
			if rt, err := e.db.RoundTables.Get(t.Context(), 1); err != nil || rt != nil {
				t.Errorf("planned: %+v %v", rt, err)
			}
		})
	}
	t.Run("at the bound", func(t *testing.T) {
		e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
		desc := strings.TrimSpace(strings.Repeat("Zeile <&>\n", 200)) // 1,999 characters
		e.announce(t, "!rundertisch "+strings.Repeat("T", 200)+" am 3.12. um 19 Uhr\nBeschreibung: "+desc)
		posts := 0
		for _, m := range in(e.fm.sent, annRoom1) {
			if m.content.MsgType == event.MsgNotice {
				posts++
				mustContain(t, []sentMsg{m}, "!absage 1", "sehen alle hier im Raum", "im Direktchat")
				noneContains(t, []sentMsg{m}, "gekürzt", "…]")
			}
		}
		if posts != 1 {
			t.Fatalf("%d announcements in room 1", posts)
		}
	})
}

// TestRoundTableListInGroupRoom (rt31, Low, confidentiality): in a group
// room everyone reads the answer to `!rundetische`, and it listed every
// round table the asker may see — also those of a closed room the others
// there are not in (title, date, number of RSVPs), and for a coordinator
// those of every room. Now a group room's list names only the round tables
// announced in that room and says where to see all; a direct chat lists
// all of the asker's. Fails without the fix: the closed room's round
// table is named in room 1.
func TestRoundTableListInGroupRoom(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	e.fm.joined[annRoom1][mem2] = true // mem2 is in both rooms, mem1 in room 1 only
	for _, cmd := range []string{"Offene Runde am 3.12. um 19 Uhr\nRäume: " + annRoom1.String(), "Geheimrunde am 4.12. um 19 Uhr\nRäume: " + annRoom2.String()} {
		sent := in(e.say(t, dmOf(coord), coord, "!rundertisch "+cmd, ""), dmOf(coord))
		mustContain(t, in(e.react(t, dmOf(coord), coord, id.EventID("$"+sent[0].txn), "✅"), dmOf(coord)), "angekündigt")
	}

	for _, who := range []id.UserID{mem2, coord} {
		got := in(e.sayIn(t, annRoom1, who, "!rundetische", false), annRoom1)
		mustContain(t, got, "Offene Runde", "Direktchat")
		noneContains(t, got, "Geheimrunde")
	}
	mustContain(t, e.sayDirect(t, dmOf(mem2), mem2, "!rundetische"), "Offene Runde", "Geheimrunde")
	got := in(e.sayIn(t, annRoom2, mem2, "!rundetische", false), annRoom2)
	mustContain(t, got, "Geheimrunde")
	noneContains(t, got, "Offene Runde")
}

// TestRoundTableChangeDuringSessionKeepsMeeting (mend31b, Low, a bad
// evening): a weekly round table's coordinator types „!verschieben 1
// Freitag 19 Uhr“ during Thursday's session (next time on Friday), or
// cancels the series then. The occurrence under way is what moves, and
// rt31's end of the meeting threw everyone out of the running session.
// Now a meeting under way stays open and the coordinator reads so; before
// the start it is still ended (TestRoundTableCancelOrMoveEndsMeeting).
// Fails without the fix: the meeting is ended and the link refused.
func TestRoundTableChangeDuringSessionKeepsMeeting(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	start := time.Date(2026, 12, 3, 19, 0, 0, 0, berlin) // a Thursday
	mid := fmt.Sprintf("lotse-rt-1-%d", start.Unix())
	for _, tt := range []struct{ name, cmd, want string }{
		{"move", "!verschieben 1 4.12. 19 Uhr", "verschoben"},
		{"cancel", "!absagen 1 ja", "abgesagt"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
			post := e.announce(t, "!rundertisch Stammtisch jeden Donnerstag um 19 Uhr")
			e.react(t, annRoom1, mem1, post, "✅")
			e.tick(t, time.Date(2026, 12, 2, 19, 0, 0, 0, berlin))
			rem := in(e.tick(t, start.Add(-15*time.Minute)), dmOf(mem1))
			if len(rem) != 1 {
				t.Fatal("want the last reminder with the link")
			}
			link := linkIn(rem[0].content.Body)
			e.now = start.Add(20 * time.Minute) // the session runs
			got := e.sayDirect(t, dmOf(coord), coord, tt.cmd)
			mustContain(t, in(got, dmOf(mem1)), tt.want)
			mustContain(t, in(got, dmOf(coord)), "läuft schon", "offen gelassen")
			noneContains(t, got, mid, "lotse-rt", "nicht beenden")
			if m, ok := e.fake.Meeting(mid); !ok || m.Ended {
				t.Errorf("the running session was ended by %q", tt.cmd)
			}
			if ans := e.joinAnswer(t, link); strings.Contains(ans, "FAILED") {
				t.Errorf("the link of the running session no longer gets in: %s", ans)
			}
		})
	}
	t.Run("cancel before the start, handled again after it", func(t *testing.T) {
		// The runtime tries an event again after an error: the meeting the
		// first run ended is not said to run.
		e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
		post := e.announce(t, "!rundertisch Stammtisch jeden Donnerstag um 19 Uhr")
		e.react(t, annRoom1, mem1, post, "✅")
		e.tick(t, time.Date(2026, 12, 2, 19, 0, 0, 0, berlin))
		e.tick(t, start.Add(-15*time.Minute))
		e.now = start.Add(-5 * time.Minute)
		cancel := e.event(dmOf(coord), coord, &event.MessageEventContent{MsgType: event.MsgText, Body: "!absagen 1 ja"})
		noneContains(t, e.handle(t, cancel, true), "läuft schon")
		if m, _ := e.fake.Meeting(mid); !m.Ended {
			t.Fatal("the meeting was not ended before the start")
		}
		e.now = start.Add(5 * time.Minute)
		noneContains(t, e.handle(t, cancel, true), "läuft schon", "offen gelassen")
	})
}

// TestRoundTableMoveDraftSaysWhat (lead, thirty-first pass; rt31's page
// named it): „!verschieben“ on a round table that is planned but not yet
// announced answered „abgesagt oder vorbei“ — wrong, and the coordinator
// did not learn what to do. Now the draft is named as one, with the way to
// the new time, and nothing changes. Fails without the draft branch in
// cmdReschedule: the reply is NotOpen.
func TestRoundTableMoveDraftSaysWhat(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	mustContain(t, in(e.say(t, dmOf(coord), coord, "!rundertisch Treffen am 3.12. um 19 Uhr", ""), dmOf(coord)), "Vorschau")
	got := in(e.say(t, dmOf(coord), coord, "!verschieben 1 4.12. 19 Uhr", ""), dmOf(coord))
	mustContain(t, got, "noch nicht angekündigt", "!absagen 1", "!rundertisch")
	noneContains(t, got, "abgesagt oder vorbei")
	rt, err := e.db.RoundTables.Get(t.Context(), 1)
	if err != nil || rt == nil {
		t.Fatalf("round table 1: %+v %v", rt, err)
	}
	if want := time.Date(2026, 12, 3, 19, 0, 0, 0, berlin); !rt.Start.Equal(want) || rt.Status != "draft" {
		t.Errorf("draft changed: start %v status %s, want %v draft", rt.Start, rt.Status, want)
	}
}
