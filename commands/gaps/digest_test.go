package gaps_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/commands/gaps"
)

func TestWeek(t *testing.T) {
	for _, tt := range []struct {
		now      time.Time
		weekday  int
		week     string
		dueLocal string
	}{
		{time.Date(2026, 12, 4, 10, 0, 0, 0, berlin), 1, "2026-W49", "2026-11-30 09:00"},
		{time.Date(2026, 12, 6, 23, 0, 0, 0, berlin), 0, "2026-W49", "2026-12-06 09:00"},
		{time.Date(2026, 12, 7, 0, 30, 0, 0, berlin), 5, "2026-W50", "2026-12-11 09:00"},
		// ISO week 53 and the turn of the year.
		{time.Date(2027, 1, 1, 12, 0, 0, 0, berlin), 1, "2026-W53", "2026-12-28 09:00"},
		// The switch to summer time: still 9:00 local.
		{time.Date(2027, 3, 29, 12, 0, 0, 0, berlin), 1, "2027-W13", "2027-03-29 09:00"},
	} {
		week, due := gaps.Week(tt.now, tt.weekday, 9)
		if week != tt.week || due.Format("2006-01-02 15:04") != tt.dueLocal {
			t.Errorf("Week(%s, %d) = %s %s, want %s %s", tt.now, tt.weekday, week, due.Format("2006-01-02 15:04"), tt.week, tt.dueLocal)
		}
	}
}

// digests are the digests the team room got (the homeserver keeps each
// transaction once).
func (f *fixture) digests() []string {
	var out []string
	for _, s := range f.hs.Sent() {
		if s.Room == teamRoom {
			out = append(out, s.Content.Body)
		}
	}
	return out
}

func (f *fixture) tick() error { return f.gw.Tick(context.Background(), f.now) }

// TestDigestOncePerWeek: the digest is sent exactly once per week across
// ticks, restarts, a second process on the same database (a standby that
// took over) and a crash between the send and its record; weeks without
// new questions send nothing; each digest covers only what came since the
// last one.
func TestDigestOncePerWeek(t *testing.T) {
	for name, uri := range databases(t) {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t, uri) // Friday 4 December 2026, 10:00; digest: Mondays 9:00
			f.ask(dm, member, noGuide)
			f.ask(dm, other, "Wie melde ich eine Demo am Marktplatz an?")
			f.ask(lobby, other, "Wo bekomme ich Flyer für den Wahlkampf?")

			// Monday 7 December, 8:59: not yet.
			f.now = time.Date(2026, 12, 7, 8, 59, 0, 0, berlin)
			if err := f.tick(); err != nil || len(f.digests()) != 0 {
				t.Fatalf("before the hour: %v %q", err, f.digests())
			}
			// 9:00: the homeserver keeps the digest, but the reply is lost (a
			// crash before Lotse recorded it).
			f.now = f.now.Add(time.Minute)
			f.hs.fail = true
			if err := f.tick(); err == nil {
				t.Fatal("a lost reply went unnoticed")
			}
			f.hs.fail = false
			// A question after the claim belongs to next week's digest.
			f.ask(dm, member, "Wer zahlt die Fahrtkosten zum Parteitag?")
			f.restart()
			f.now = f.now.Add(time.Minute)
			if err := f.tick(); err != nil {
				t.Fatal(err)
			}
			var tries []string
			for _, txn := range f.hs.attempts {
				if strings.HasPrefix(txn, "lotse-gaps/") {
					tries = append(tries, txn)
				}
			}
			if len(tries) != 2 || tries[0] != tries[1] {
				t.Fatalf("digest sends %q, want two with one transaction", tries)
			}
			got := f.digests()
			if len(got) != 1 {
				t.Fatalf("%d digests, want 1: %q", len(got), got)
			}
			d := got[0]
			for _, want := range []string{"3 Fragen", "2×", "„Wie melde ich eine Demo an?“", "„Wie melde ich eine Demo am Marktplatz an?“", "Flyer"} {
				if !strings.Contains(d, want) {
					t.Errorf("digest lacks %q:\n%s", want, d)
				}
			}
			for _, leak := range []string{"@member", "@other", "!dm", "!lobby", "Fahrtkosten"} {
				if strings.Contains(d, leak) {
					t.Errorf("digest shows %q:\n%s", leak, d)
				}
			}
			// Later ticks, another restart, a standby's process: nothing more
			// is even tried.
			attempts := len(f.hs.attempts)
			for i := 0; i < 3; i++ {
				f.now = f.now.Add(time.Hour)
				if err := f.tick(); err != nil {
					t.Fatal(err)
				}
				f.restart()
			}
			if len(f.hs.attempts) != attempts {
				t.Fatalf("tried to send again: %q", f.hs.attempts[attempts:])
			}

			// Next week: only the question asked since.
			f.now = time.Date(2026, 12, 14, 9, 5, 0, 0, berlin)
			if err := f.tick(); err != nil {
				t.Fatal(err)
			}
			got = f.digests()
			if len(got) != 2 || !strings.Contains(got[1], "Fahrtkosten") || strings.Contains(got[1], "Demo") || !strings.Contains(got[1], "1 Frage") {
				t.Fatalf("second week: %q", got)
			}
			// A week with nothing new sends nothing, and is not tried again.
			f.now = time.Date(2026, 12, 21, 9, 0, 0, 0, berlin)
			if err := f.tick(); err != nil || len(f.digests()) != 2 {
				t.Fatalf("empty week: %v %d digests", err, len(f.digests()))
			}
			attempts = len(f.hs.attempts)
			f.restart()
			if err := f.tick(); err != nil || len(f.hs.attempts) != attempts {
				t.Fatalf("empty week tried again: %v", err)
			}
		})
	}
}

// TestDigestOfAFailedWeekNotLost: a week whose digest could not be sent
// until the week was over goes out before the next week's (which covers
// only its own questions), each exactly once.
func TestDigestOfAFailedWeekNotLost(t *testing.T) {
	f := newFixture(t, t.TempDir()+"/lotse.db") // Friday 4 December 2026; digest: Mondays 9:00
	f.ask(dm, member, noGuide)
	f.hs.reject = true
	for _, day := range []int{7, 9, 13} { // Monday to Sunday of week 50: every send refused
		f.now = time.Date(2026, 12, day, 9, 30, 0, 0, berlin)
		if err := f.tick(); err == nil {
			t.Fatal("a refused send went unnoticed")
		}
	}
	f.hs.reject = false
	f.now = time.Date(2026, 12, 13, 10, 0, 0, 0, berlin)
	f.ask(dm, other, "Wo bekomme ich Flyer für den Wahlkampf?")
	f.restart()
	f.now = time.Date(2026, 12, 14, 9, 0, 0, 0, berlin)
	for range 2 {
		if err := f.tick(); err != nil {
			t.Fatal(err)
		}
	}
	got := f.digests()
	if len(got) != 2 || !strings.Contains(got[0], "Demo") || strings.Contains(got[0], "Flyer") ||
		!strings.Contains(got[1], "Flyer") || strings.Contains(got[1], "Demo") {
		t.Fatalf("digests %q, want week 50's (Demo), then week 51's (Flyer)", got)
	}
	// The rest of the week's ticks (every minute) touch no database: with
	// it closed, a tick that read or claimed anything would fail.
	_ = f.db.Close()
	f.now = f.now.Add(time.Hour)
	if err := f.tick(); err != nil {
		t.Fatalf("a tick after the week's digest used the database: %v", err)
	}
}

// TestDigestOff: no digest without a weekday or without a team room.
func TestDigestOff(t *testing.T) {
	for _, change := range []func(*gaps.Config){
		func(c *gaps.Config) { c.Weekday = -1 },
		func(c *gaps.Config) { c.TeamRoom = "" },
		func(c *gaps.Config) { c.Keep = false },
	} {
		f := newFixture(t, t.TempDir()+"/lotse.db")
		f.ask(dm, member, noGuide)
		change(&f.cfg)
		f.restart()
		f.now = time.Date(2026, 12, 7, 10, 0, 0, 0, berlin)
		if err := f.tick(); err != nil || len(f.digests()) != 0 {
			t.Fatalf("digest sent: %v %q", err, f.digests())
		}
	}
}
