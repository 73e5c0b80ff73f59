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
