package schedule_test

import (
	"testing"
	"time"

	"github.com/lotse-bot/lotse/schedule"
)

func TestRecurrenceNext(t *testing.T) {
	tests := []struct {
		name  string
		rec   schedule.Recurrence
		after string
		want  string // "" for the zero time
	}{
		{"before start gives start", schedule.Recurrence{Freq: schedule.Weekly, Start: at(t, "2026-12-03 19:00")},
			"2026-11-20 10:00", "2026-12-03 19:00 +0100"},
		{"at start gives the next", schedule.Recurrence{Freq: schedule.Weekly, Start: at(t, "2026-12-03 19:00")},
			"2026-12-03 19:00", "2026-12-10 19:00 +0100"},
		{"weekly over spring switch stays 19:00", schedule.Recurrence{Freq: schedule.Weekly, Start: at(t, "2026-03-26 19:00")},
			"2026-03-27 00:00", "2026-04-02 19:00 +0200"},
		{"weekly on the spring switch Sunday", schedule.Recurrence{Freq: schedule.Weekly, Start: at(t, "2026-03-22 19:00")},
			"2026-03-23 00:00", "2026-03-29 19:00 +0200"},
		{"weekly over autumn switch stays 19:00", schedule.Recurrence{Freq: schedule.Weekly, Start: at(t, "2026-10-22 19:00")},
			"2026-10-23 00:00", "2026-10-29 19:00 +0100"},
		{"weekly at 2:30 into the spring gap", schedule.Recurrence{Freq: schedule.Weekly, Start: at(t, "2026-03-22 02:30")},
			"2026-03-23 00:00", "2026-03-29 03:30 +0200"},
		{"weekly at 2:30 into the autumn overlap takes the first", schedule.Recurrence{Freq: schedule.Weekly, Start: at(t, "2026-10-18 02:30")},
			"2026-10-19 00:00", "2026-10-25 02:30 +0200"},
		{"every two weeks", schedule.Recurrence{Freq: schedule.Weekly, Interval: 2, Start: at(t, "2026-12-03 19:00")},
			"2026-12-04 00:00", "2026-12-17 19:00 +0100"},
		{"weekly over the year end", schedule.Recurrence{Freq: schedule.Weekly, Start: at(t, "2026-12-31 19:00")},
			"2026-12-31 20:00", "2027-01-07 19:00 +0100"},
		{"weekly years later", schedule.Recurrence{Freq: schedule.Weekly, Start: at(t, "2026-12-03 19:00")},
			"2036-07-01 12:00", "2036-07-03 19:00 +0200"},
		{"monthly by day", schedule.Recurrence{Freq: schedule.Monthly, Start: at(t, "2026-12-03 19:00")},
			"2026-12-03 19:00", "2027-01-03 19:00 +0100"},
		{"monthly into summer time", schedule.Recurrence{Freq: schedule.Monthly, Start: at(t, "2026-03-03 19:00")},
			"2026-03-04 00:00", "2026-04-03 19:00 +0200"},
		{"monthly on the 31st skips short months", schedule.Recurrence{Freq: schedule.Monthly, Start: at(t, "2026-12-31 19:00")},
			"2027-01-31 20:00", "2027-03-31 19:00 +0200"},
		{"monthly on 29 Feb waits for a leap year's Feb or a 29th", schedule.Recurrence{Freq: schedule.Monthly, Start: at(t, "2028-01-29 19:00")},
			"2028-01-30 00:00", "2028-02-29 19:00 +0100"},
		{"first Thursday", schedule.Recurrence{Freq: schedule.Monthly, Ordinal: 1, Start: at(t, "2026-12-03 19:00")},
			"2026-12-03 20:00", "2027-01-07 19:00 +0100"},
		{"last Friday", schedule.Recurrence{Freq: schedule.Monthly, Ordinal: -1, Start: at(t, "2026-11-27 19:00")},
			"2026-11-28 00:00", "2026-12-25 19:00 +0100"},
		{"fourth Monday", schedule.Recurrence{Freq: schedule.Monthly, Ordinal: 4, Start: at(t, "2026-03-23 19:00")},
			"2026-03-24 00:00", "2026-04-27 19:00 +0200"},
		{"every two months", schedule.Recurrence{Freq: schedule.Monthly, Interval: 2, Start: at(t, "2026-11-03 19:00")},
			"2026-11-04 00:00", "2027-01-03 19:00 +0100"},
		{"no start", schedule.Recurrence{Freq: schedule.Weekly}, "2026-11-04 00:00", ""},
		{"no frequency", schedule.Recurrence{Start: at(t, "2026-12-03 19:00")}, "2026-12-04 00:00", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.rec.Next(at(t, tc.after))
			gotS := ""
			if !got.IsZero() {
				gotS = got.In(berlin).Format(layout)
			}
			if gotS != tc.want {
				t.Errorf("Next(%s) = %q, want %q", tc.after, gotS, tc.want)
			}
		})
	}
}

// TestRecurrenceWallClock walks two years of weekly occurrences: every one
// is at 19:00 local time and on the same weekday.
func TestRecurrenceWallClock(t *testing.T) {
	rec := schedule.Recurrence{Freq: schedule.Weekly, Start: at(t, "2026-01-08 19:00")}
	t0 := rec.Start
	for i := range 104 {
		next := rec.Next(t0)
		if next.Hour() != 19 || next.Minute() != 0 || next.Weekday() != time.Thursday {
			t.Fatalf("occurrence %d = %v, want Thursday 19:00", i, next)
		}
		if d := next.Sub(t0); d < 167*time.Hour || d > 169*time.Hour {
			t.Fatalf("occurrence %d is %v after the previous one", i, d)
		}
		t0 = next
	}
}

func TestRecurrenceDescribe(t *testing.T) {
	tests := []struct {
		rec      schedule.Recurrence
		de, en   string
		wantRule string
	}{
		{schedule.Recurrence{Freq: schedule.Weekly, Start: at(t, "2026-12-03 19:00")}, "wöchentlich", "weekly", "FREQ=WEEKLY"},
		{schedule.Recurrence{Freq: schedule.Weekly, Interval: 2, Start: at(t, "2026-12-03 19:00")}, "alle 2 Wochen", "every 2 weeks", "FREQ=WEEKLY;INTERVAL=2"},
		{schedule.Recurrence{Freq: schedule.Monthly, Start: at(t, "2026-12-03 19:00")}, "monatlich am 3.", "monthly on day 3", "FREQ=MONTHLY"},
		{schedule.Recurrence{Freq: schedule.Monthly, Ordinal: 1, Start: at(t, "2026-12-03 19:00")}, "jeden ersten Donnerstag im Monat", "every first Thursday of the month", "FREQ=MONTHLY;BYDAY=1TH"},
		{schedule.Recurrence{Freq: schedule.Monthly, Ordinal: -1, Start: at(t, "2026-11-27 19:00")}, "jeden letzten Freitag im Monat", "every last Friday of the month", "FREQ=MONTHLY;BYDAY=-1FR"},
		{schedule.Recurrence{}, "", "", ""},
	}
	for _, tc := range tests {
		if got := schedule.German.Describe(tc.rec); got != tc.de {
			t.Errorf("German.Describe(%+v) = %q, want %q", tc.rec, got, tc.de)
		}
		if got := schedule.English.Describe(tc.rec); got != tc.en {
			t.Errorf("English.Describe(%+v) = %q, want %q", tc.rec, got, tc.en)
		}
		if got := tc.rec.RRule(); got != tc.wantRule {
			t.Errorf("RRule(%+v) = %q, want %q", tc.rec, got, tc.wantRule)
		}
	}
}
