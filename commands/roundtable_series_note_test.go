package commands

import (
	"strings"
	"testing"
	"time"
)

// TestRoundTableSeriesNextDateNote (rt33's Left, left34): the note under
// an announcement about its last change — „Findet doch statt“ after a
// restore, „Verschoben“ after a move — stayed when a series moved on to
// its next date, which was neither restored nor moved, until the next
// change. Now the edit for the next date has no such note; the note stays
// while the changed date is ahead. Fails without the fix: the edit for
// the next date still says „Findet doch statt“ (or „Verschoben“).
func TestRoundTableSeriesNextDateNote(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	for _, c := range []struct {
		name, note string
		change     []string
		end        time.Time // after the changed date
	}{
		{"restored", "Findet doch statt", []string{"!absagen 1", "!wiederherstellen 1"}, time.Date(2026, 12, 3, 21, 0, 0, 0, berlin)},
		{"moved", "Verschoben", []string{"!verschieben 1 4.12. 19 Uhr"}, time.Date(2026, 12, 4, 21, 0, 0, 0, berlin)},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
			e.announce(t, "!rundertisch Stammtisch jeden Donnerstag um 19 Uhr") // 3.12. is a Thursday
			var got []sentMsg
			for _, cmd := range c.change {
				got = e.sayDirect(t, dmOf(coord), coord, cmd)
			}
			if ed := edits(in(got, annRoom1)); len(ed) == 0 || !strings.Contains(ed[len(ed)-1], c.note) {
				t.Fatalf("after the change the announcement reads %q, want %q", ed, c.note)
			}
			e.tick(t, c.end.Add(-time.Hour)) // during the changed date: nothing moves on
			ed := edits(in(e.tick(t, c.end), annRoom1))
			if len(ed) == 0 {
				t.Fatal("the series did not move on to its next date")
			}
			last := ed[len(ed)-1]
			if !strings.Contains(last, "10.12.") && !strings.Contains(last, "11.12.") {
				t.Errorf("the edit does not show the next date: %q", last)
			}
			for _, w := range []string{"Findet doch statt", "Verschoben", "ABGESAGT"} {
				if strings.Contains(last, w) {
					t.Errorf("the next date's announcement says %q: %q", w, last)
				}
			}
		})
	}
}
