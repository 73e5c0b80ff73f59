package commands

import (
	"testing"
	"time"

	"maunium.net/go/mautrix/id"
)

// TestRoundTableEnglishDates (mend27c): in an English install a
// coordinator types the date in English. „!roundtable Digital change on
// 3 Dec at 7 pm“ made the title „Digital change on 3 Dec at“ and found no
// date; „!reschedule 1 at 8 pm“ was refused („at“). Now both work, with
// and without an end, a bare „3/12“ is refused with the way to write it,
// and German dates keep working.
func TestRoundTableEnglishDates(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	e.reconfigure(func(d *Deps) { d.Texts = &English })

	got := withContent(e.say(t, dmOf(coord), coord, "!roundtable Digital change on 3 Dec at 7 pm", ""))
	mustContain(t, got, "round table #1: Digital change\n", "Thu 3 Dec 2026, 19:00–20:30")
	sent := e.react(t, dmOf(coord), coord, id.EventID("$"+got[0].txn), "✅")
	if len(in(sent, annRoom1)) == 0 {
		t.Fatalf("not announced: %s", bodies(withContent(sent)))
	}
	post := id.EventID("$" + in(sent, annRoom1)[0].txn)
	e.react(t, annRoom1, mem1, post, "✅")

	got = e.sayDirect(t, dmOf(coord), coord, "!reschedule 1 at 8 pm")
	mustContain(t, in(got, dmOf(mem1)), "Thu 3 Dec 2026, 20:00–21:30")
	got = e.sayDirect(t, dmOf(coord), coord, "!reschedule 1 December 4 from 6 pm until 8:30 pm")
	mustContain(t, in(got, dmOf(mem1)), "Fri 4 Dec 2026, 18:00–20:30")
	// Without a duration the old one stays (here 2:30).
	got = e.sayDirect(t, dmOf(coord), coord, "!reschedule 1 tomorrow at 7pm")
	mustContain(t, in(got, dmOf(mem1)), "Wed 2 Dec 2026, 19:00–21:30")

	got = withContent(e.sayDirect(t, dmOf(coord), coord, "!reschedule 1 3/12 at 8 pm"))
	mustContain(t, got, "“3/12” can be 3 Dec or 12 Mar", "month as a word")
	if len(in(got, dmOf(mem1))) != 0 {
		t.Fatalf("an ambiguous date moved the round table: %s", bodies(got))
	}

	// German keeps working in the English install.
	got = withContent(e.say(t, dmOf(coord), coord, "!roundtable Runder Tisch am 10.12. um 19 Uhr", ""))
	mustContain(t, got, "round table #2: Runder Tisch\n", "Thu 10 Dec 2026, 19:00–20:30")
}

// withContent drops what has no message content (reactions, edits' markers).
func withContent(msgs []sentMsg) []sentMsg {
	var out []sentMsg
	for _, m := range msgs {
		if m.content != nil {
			out = append(out, m)
		}
	}
	return out
}

// TestRoundTableEndedByMistakeComesBack (mend27c, a second look at rt27):
// a meeting people were in that BigBlueButton no longer knows stays ended
// (rt27) — also when the coordinator ended it by mistake or BBB
// restarted. The coordinator gets it back by moving the round table a few
// minutes ahead: a new meeting is created and every attendee gets the
// last reminder with a new link, once.
func TestRoundTableEndedByMistakeComesBack(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	x := &expiring{Meetings: e.h.RoundTables.Meetings}
	e.reconfigure(func(d *Deps) { d.RoundTables.Meetings = x })
	post := e.announce(t, "!rundertisch Versehen am 3.12. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")
	got := e.tick(t, time.Date(2026, 12, 3, 18, 45, 0, 0, berlin))
	start := time.Date(2026, 12, 3, 19, 0, 0, 0, berlin)
	e.openLink(t, linkIn(in(got, dmOf(mem1))[0].content.Body))
	e.tick(t, start.Add(time.Minute)) // seen
	x.gone.Store(true)                // ended by mistake (or BBB restarted) at 19:20
	if e.tick(t, start.Add(20*time.Minute)); e.fake.Requests("create") != 1 {
		t.Fatal("an ended meeting was created again")
	}
	x.gone.Store(false)

	e.now = start.Add(21 * time.Minute)
	got = withContent(e.sayDirect(t, dmOf(coord), coord, "!verschieben 1 19:25"))
	mustContain(t, in(got, dmOf(mem1)), "verschoben", "19:25")
	got = withContent(e.tick(t, start.Add(22*time.Minute)))
	if e.fake.Requests("create") != 2 {
		t.Fatalf("the moved round table's meeting was not created: %s", bodies(got))
	}
	if len(in(got, dmOf(mem1))) != 1 || linkIn(in(got, dmOf(mem1))[0].content.Body) == "" {
		t.Fatalf("no new link for the attendee: %s", bodies(got))
	}
	noneContains(t, got, "verspätet")
	if again := e.tick(t, start.Add(23*time.Minute)); len(in(again, dmOf(mem1))) != 0 {
		t.Fatalf("the link came twice: %s", bodies(again))
	}
}
