package schedule_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/schedule"
)

const layout = "2006-01-02 15:04 -0700"

// Reference "now"s. 20 Nov 2026 is a Friday.
const (
	fri       = "2026-11-20 10:00"
	midDec    = "2026-12-15 12:00"
	newYear   = "2026-12-31 20:00"
	preSpring = "2026-03-25 12:00" // DST starts Sunday 29 March 2026, 2:00 → 3:00
	preAutumn = "2026-10-20 12:00" // DST ends Sunday 25 October 2026, 3:00 → 2:00
	dec2027   = "2027-12-01 12:00"
)

type parseCase struct {
	name  string
	now   string
	in    string
	start string        // in layout; empty when an error is expected
	dur   time.Duration // 0: DefaultDuration
	err   error
	warn  []string // substrings, one per expected warning, in order
	rec   string   // expected RRULE, "" for none
}

var parseCases = []parseCase{
	// The forms people type.
	{name: "day.month.", now: fri, in: "3.12. 19 Uhr", start: "2026-12-03 19:00 +0100"},
	{name: "full date and clock", now: fri, in: "03.12.2026 19:00", start: "2026-12-03 19:00 +0100"},
	{name: "two-digit year", now: fri, in: "3.12.26 19:30", start: "2026-12-03 19:30 +0100"},
	{name: "date with comma", now: fri, in: "3.12.2026, 19:00 Uhr", start: "2026-12-03 19:00 +0100"},
	{name: "year as separate word", now: fri, in: "3.12. 2026 19 Uhr", start: "2026-12-03 19:00 +0100"},
	{name: "iso", now: fri, in: "2026-12-03 19:00", start: "2026-12-03 19:00 +0100"},
	{name: "morgen", now: fri, in: "morgen 19:30", start: "2026-11-21 19:30 +0100"},
	{name: "übermorgen", now: fri, in: "übermorgen 18 Uhr", start: "2026-11-22 18:00 +0100"},
	{name: "uebermorgen", now: fri, in: "uebermorgen 18 Uhr", start: "2026-11-22 18:00 +0100"},
	{name: "heute", now: fri, in: "heute 20 Uhr", start: "2026-11-20 20:00 +0100"},
	{name: "heute abend", now: fri, in: "heute Abend um 8", start: "2026-11-20 20:00 +0100"},
	{name: "weekday short", now: fri, in: "Do 19 Uhr", start: "2026-11-26 19:00 +0100"},
	{name: "weekday short with dot", now: fri, in: "Do. 19 Uhr", start: "2026-11-26 19:00 +0100"},
	{name: "weekday long", now: fri, in: "Donnerstag 19 Uhr", start: "2026-11-26 19:00 +0100"},
	{name: "weekday is today", now: fri, in: "Freitag 19 Uhr", start: "2026-11-20 19:00 +0100", warn: []string{"heute"}},
	{name: "weekday today but time passed", now: fri, in: "Freitag 9 Uhr", start: "2026-11-27 09:00 +0100"},
	{name: "nächsten", now: fri, in: "nächsten Donnerstag 19:00", start: "2026-11-26 19:00 +0100", warn: []string{"Do, 26.11.2026"}},
	{name: "nächsten on the same weekday", now: fri, in: "nächsten Freitag 19 Uhr", start: "2026-11-27 19:00 +0100", warn: []string{"nächsten Freitag"}},
	{name: "übernächsten", now: fri, in: "übernächsten Donnerstag 19 Uhr", start: "2026-12-03 19:00 +0100", warn: []string{"3.12.2026"}},
	{name: "diesen", now: fri, in: "diesen Sonntag 17 Uhr", start: "2026-11-22 17:00 +0100"},
	{name: "nächste Woche", now: fri, in: "nächste Woche Mittwoch 19 Uhr", start: "2026-11-25 19:00 +0100"},
	{name: "month name", now: fri, in: "am 3. Dezember um 19 Uhr", start: "2026-12-03 19:00 +0100"},
	{name: "month abbreviation and 19h", now: fri, in: "3. Dez 19h", start: "2026-12-03 19:00 +0100"},
	{name: "month abbreviation with dot and year", now: fri, in: "3. Dez. 2026 19h", start: "2026-12-03 19:00 +0100"},
	{name: "month name without dot", now: fri, in: "3 Dezember 19 Uhr", start: "2026-12-03 19:00 +0100"},
	{name: "März", now: fri, in: "5. März 19 Uhr", start: "2027-03-05 19:00 +0100"},
	{name: "dot as time separator", now: fri, in: "3.12. 19.30 Uhr", start: "2026-12-03 19:30 +0100"},
	{name: "dot time after um", now: fri, in: "3.12. um 19.30", start: "2026-12-03 19:30 +0100"},
	{name: "dot time without Uhr", now: fri, in: "3.12. 19.30", start: "2026-12-03 19:30 +0100"},
	{name: "time first", now: fri, in: "19.30 Uhr am 3.12.", start: "2026-12-03 19:30 +0100"},
	{name: "date without final dot", now: fri, in: "3.12 19 Uhr", start: "2026-12-03 19:00 +0100"},
	{name: "date and time without dots", now: fri, in: "3.12 19.30", start: "2026-12-03 19:30 +0100"},
	{name: "weekday matching date", now: fri, in: "Do, 3.12. 19 Uhr", start: "2026-12-03 19:00 +0100"},
	{name: "7 Uhr abends", now: fri, in: "3.12. 7 Uhr abends", start: "2026-12-03 19:00 +0100"},
	{name: "um 19h", now: fri, in: "am 3.12. um 19h", start: "2026-12-03 19:00 +0100"},
	{name: "19h30", now: fri, in: "3.12. 19h30", start: "2026-12-03 19:30 +0100"},
	{name: "19uhr", now: fri, in: "3.12. 19uhr", start: "2026-12-03 19:00 +0100"},
	{name: "umlauts decomposed", now: fri, in: "u\u0308bermorgen 18 Uhr", start: "2026-11-22 18:00 +0100"},
	{name: "upper case", now: fri, in: "MORGEN 19 UHR", start: "2026-11-21 19:00 +0100"},

	// Durations and ends.
	{name: "90 min", now: fri, in: "3.12. 19 Uhr 90 min", start: "2026-12-03 19:00 +0100", dur: 90 * time.Minute},
	{name: "45min", now: fri, in: "3.12. 19 Uhr 45min", start: "2026-12-03 19:00 +0100", dur: 45 * time.Minute},
	{name: "1,5 h", now: fri, in: "3.12. 19 Uhr 1,5 h", start: "2026-12-03 19:00 +0100", dur: 90 * time.Minute},
	{name: "1,5h", now: fri, in: "3.12. 19 Uhr 1,5h", start: "2026-12-03 19:00 +0100", dur: 90 * time.Minute},
	{name: "1.5 Stunden", now: fri, in: "3.12. 19 Uhr 1.5 Stunden", start: "2026-12-03 19:00 +0100", dur: 90 * time.Minute},
	{name: "2 Std.", now: fri, in: "3.12. 19 Uhr 2 Std.", start: "2026-12-03 19:00 +0100", dur: 2 * time.Hour},
	{name: "2h after time", now: fri, in: "3.12. 19 Uhr 2h", start: "2026-12-03 19:00 +0100", dur: 2 * time.Hour},
	{name: "1h30", now: fri, in: "3.12. 19 Uhr 1h30", start: "2026-12-03 19:00 +0100", dur: 90 * time.Minute},
	{name: "1 Std. 30 min", now: fri, in: "3.12. 19 Uhr 1 Std. 30 min", start: "2026-12-03 19:00 +0100", dur: 90 * time.Minute},
	{name: "anderthalb Stunden", now: fri, in: "3.12. 19 Uhr anderthalb Stunden", start: "2026-12-03 19:00 +0100", dur: 90 * time.Minute},
	{name: "eine Stunde", now: fri, in: "3.12. 19 Uhr eine Stunde", start: "2026-12-03 19:00 +0100", dur: time.Hour},
	{name: "eine halbe Stunde", now: fri, in: "3.12. 19 Uhr eine halbe Stunde", start: "2026-12-03 19:00 +0100", dur: 30 * time.Minute},
	{name: "für 2 Stunden", now: fri, in: "3.12. 19 Uhr für 2 Stunden", start: "2026-12-03 19:00 +0100", dur: 2 * time.Hour},
	{name: "bis 21 Uhr", now: fri, in: "3.12. 19 Uhr bis 21 Uhr", start: "2026-12-03 19:00 +0100", dur: 2 * time.Hour},
	{name: "bis 20.30", now: fri, in: "3.12. 19 Uhr bis 20.30", start: "2026-12-03 19:00 +0100", dur: 90 * time.Minute},
	{name: "19-21 Uhr", now: fri, in: "3.12. 19-21 Uhr", start: "2026-12-03 19:00 +0100", dur: 2 * time.Hour},
	{name: "19:00–21:30", now: fri, in: "3.12. 19:00–21:30", start: "2026-12-03 19:00 +0100", dur: 150 * time.Minute},
	{name: "von bis", now: fri, in: "am 3.12. von 19 bis 21 Uhr", start: "2026-12-03 19:00 +0100", dur: 2 * time.Hour},
	{name: "end and matching duration", now: fri, in: "3.12. 19 Uhr bis 21 Uhr 2 h", start: "2026-12-03 19:00 +0100", dur: 2 * time.Hour},
	{name: "end after midnight", now: fri, in: "3.12. 22 Uhr bis 1 Uhr", start: "2026-12-03 22:00 +0100", dur: 3 * time.Hour, warn: []string{"nächsten Tag"}},
	{name: "pm applies to end", now: fri, in: "3.12. 7 bis 9 abends", start: "2026-12-03 19:00 +0100", dur: 2 * time.Hour},

	// Recurrence.
	{name: "jeden Donnerstag", now: fri, in: "jeden Donnerstag 19 Uhr", start: "2026-11-26 19:00 +0100", rec: "FREQ=WEEKLY"},
	{name: "donnerstags", now: fri, in: "donnerstags 19 Uhr", start: "2026-11-26 19:00 +0100", rec: "FREQ=WEEKLY"},
	{name: "wöchentlich ab", now: fri, in: "wöchentlich ab 3.12. 19 Uhr", start: "2026-12-03 19:00 +0100", rec: "FREQ=WEEKLY"},
	{name: "jeden Do and wöchentlich agree", now: fri, in: "wöchentlich, jeden Do 19 Uhr", start: "2026-11-26 19:00 +0100", rec: "FREQ=WEEKLY"},
	{name: "alle 2 Wochen", now: fri, in: "alle 2 Wochen Do 19 Uhr", start: "2026-11-26 19:00 +0100", rec: "FREQ=WEEKLY;INTERVAL=2"},
	{name: "14-tägig", now: fri, in: "14-tägig Do 19 Uhr", start: "2026-11-26 19:00 +0100", rec: "FREQ=WEEKLY;INTERVAL=2"},
	{name: "monatlich", now: fri, in: "monatlich 3.12. 19 Uhr", start: "2026-12-03 19:00 +0100", rec: "FREQ=MONTHLY"},
	{name: "jeden ersten Donnerstag im Monat", now: fri, in: "jeden ersten Donnerstag im Monat 19 Uhr", start: "2026-12-03 19:00 +0100", rec: "FREQ=MONTHLY;BYDAY=1TH"},
	{name: "jeden 1. Donnerstag", now: fri, in: "jeden 1. Donnerstag 19 Uhr", start: "2026-12-03 19:00 +0100", rec: "FREQ=MONTHLY;BYDAY=1TH"},
	{name: "jeden letzten Freitag", now: fri, in: "jeden letzten Freitag 19 Uhr", start: "2026-11-27 19:00 +0100", rec: "FREQ=MONTHLY;BYDAY=-1FR"},
	{name: "ordinal and matching date", now: fri, in: "jeden ersten Donnerstag, ab 3.12. 19 Uhr", start: "2026-12-03 19:00 +0100", rec: "FREQ=MONTHLY;BYDAY=1TH"},
	{name: "monthly on the 31st", now: fri, in: "monatlich ab 31.12. 19 Uhr", start: "2026-12-31 19:00 +0100", rec: "FREQ=MONTHLY", warn: []string{"31."}},

	// Year inference.
	{name: "January typed in December", now: midDec, in: "3.1. 19 Uhr", start: "2027-01-03 19:00 +0100"},
	{name: "just passed date is past, not next year", now: midDec, in: "3.12. 19 Uhr", err: schedule.ErrPast},
	{name: "morgen on New Year's Eve", now: newYear, in: "morgen 19 Uhr", start: "2027-01-01 19:00 +0100"},
	{name: "weekday over the year end", now: newYear, in: "Sa 11 Uhr", start: "2027-01-02 11:00 +0100"},
	{name: "half a year back is past", now: fri, in: "3.6. 19 Uhr", err: schedule.ErrPast},
	{name: "next year explicitly", now: fri, in: "3.6.2027 19 Uhr", start: "2027-06-03 19:00 +0200", warn: []string{"halbes Jahr"}},

	// Leap day.
	{name: "29.2. without a leap year near", now: fri, in: "29.2. 19 Uhr", err: schedule.ErrInvalidDate},
	{name: "29.2.2027", now: fri, in: "29.2.2027 19 Uhr", err: schedule.ErrInvalidDate},
	{name: "29.2.2028", now: fri, in: "29.2.2028 19 Uhr", start: "2028-02-29 19:00 +0100", warn: []string{"halbes Jahr"}},
	{name: "29.2. in the year before a leap year", now: dec2027, in: "29.2. 19 Uhr", start: "2028-02-29 19:00 +0100"},

	// Daylight saving time 2026.
	{name: "evening after spring switch", now: preSpring, in: "29.3. 19 Uhr", start: "2026-03-29 19:00 +0200"},
	{name: "evening before spring switch", now: preSpring, in: "28.3. 19 Uhr", start: "2026-03-28 19:00 +0100"},
	{name: "spring gap moves forward", now: preSpring, in: "29.3. 2:30 Uhr morgens", start: "2026-03-29 03:30 +0200", warn: []string{"Sommerzeit nicht, ich nehme 3:30"}},
	{name: "meeting across the spring switch", now: preSpring, in: "29.3. 1 Uhr morgens bis 4 Uhr", start: "2026-03-29 01:00 +0100", dur: 2 * time.Hour},
	{name: "sunday weekday on spring switch", now: preSpring, in: "So 19 Uhr", start: "2026-03-29 19:00 +0200"},
	{name: "evening after autumn switch", now: preAutumn, in: "25.10. 19 Uhr", start: "2026-10-25 19:00 +0100"},
	{name: "evening before autumn switch", now: preAutumn, in: "24.10. 19 Uhr", start: "2026-10-24 19:00 +0200"},
	{name: "autumn overlap takes the first", now: preAutumn, in: "25.10. 2:30 Uhr morgens", start: "2026-10-25 02:30 +0200", warn: []string{"zweimal"}},
	{name: "meeting across the autumn switch", now: preAutumn, in: "25.10. 1 Uhr morgens bis 4 Uhr", start: "2026-10-25 01:00 +0200", dur: 4 * time.Hour},
	{name: "weekly across the autumn switch", now: preAutumn, in: "jeden Donnerstag 19 Uhr", start: "2026-10-22 19:00 +0200", rec: "FREQ=WEEKLY"},

	// Warnings.
	{name: "early hour", now: fri, in: "morgen 7:30", start: "2026-11-21 07:30 +0100"},
	{name: "very early hour", now: fri, in: "morgen 6 Uhr", start: "2026-11-21 06:00 +0100", warn: []string{"18:00 Uhr"}},
	{name: "early hour with morgens", now: fri, in: "morgen früh 6 Uhr", start: "2026-11-21 06:00 +0100"},

	// Errors.
	{name: "empty", now: fri, in: "", err: schedule.ErrNoDate},
	{name: "only a time", now: fri, in: "19 Uhr", err: schedule.ErrNoDate},
	{name: "only a date", now: fri, in: "3.12.", err: schedule.ErrNoTime},
	{name: "weekday without time", now: fri, in: "heute abend", err: schedule.ErrNoTime},
	{name: "today passed", now: fri, in: "heute 9 Uhr", err: schedule.ErrPast},
	{name: "earlier today", now: fri, in: "20.11. 9:59", err: schedule.ErrPast},
	{name: "long ago", now: fri, in: "1.1.2020 19 Uhr", err: schedule.ErrPast},
	{name: "two dates", now: fri, in: "3.12. 4.12. 19 Uhr", err: schedule.ErrAmbiguous},
	{name: "two times", now: fri, in: "3.12. 19 Uhr 20 Uhr", err: schedule.ErrAmbiguous},
	{name: "weekday contradicts date", now: fri, in: "Fr 3.12. 19 Uhr", err: schedule.ErrAmbiguous},
	{name: "morgen contradicts date", now: fri, in: "morgen 3.12. 19 Uhr", err: schedule.ErrAmbiguous},
	{name: "duration contradicts end", now: fri, in: "3.12. 19 Uhr 90 min bis 22 Uhr", err: schedule.ErrAmbiguous},
	{name: "two durations", now: fri, in: "3.12. 90 min 19 Uhr 2 Std", err: schedule.ErrAmbiguous},
	{name: "two recurrences", now: fri, in: "wöchentlich monatlich 3.12. 19 Uhr", err: schedule.ErrAmbiguous},
	{name: "ordinal contradicts date", now: fri, in: "jeden zweiten Donnerstag ab 3.12. 19 Uhr", err: schedule.ErrAmbiguous},
	{name: "31.2.", now: fri, in: "31.2. 19 Uhr", err: schedule.ErrInvalidDate},
	{name: "31.4.", now: fri, in: "31.4.2027 19 Uhr", err: schedule.ErrInvalidDate},
	{name: "month 13", now: fri, in: "3.13. 19 Uhr", err: schedule.ErrInvalidDate},
	{name: "day 32", now: fri, in: "32.12 19 Uhr", err: schedule.ErrInvalidDate},
	{name: "25 Uhr", now: fri, in: "3.12. 25 Uhr", err: schedule.ErrInvalidTime},
	{name: "19:75", now: fri, in: "3.12. 19:75", err: schedule.ErrInvalidTime},
	{name: "too long", now: fri, in: "3.12. 19 Uhr 25 Std", err: schedule.ErrInvalidDuration},
	{name: "zero minutes", now: fri, in: "3.12. 19 Uhr 0 min", err: schedule.ErrInvalidDuration},
	{name: "unknown word", now: fri, in: "3.12. 19 Uhr Pizza", err: schedule.ErrUnrecognized},
	{name: "bare number", now: fri, in: "3.12. 19", err: schedule.ErrUnrecognized},
	{name: "bis without time", now: fri, in: "3.12. 19 Uhr bis Ende", err: schedule.ErrUnrecognized},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := schedule.Parse(tc.in, at(t, tc.now), berlin)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("Parse(%q) error = %v, want %v (got start %v)", tc.in, err, tc.err, got.Start)
				}
				var pe *schedule.ParseError
				if !errors.As(err, &pe) {
					t.Fatalf("Parse(%q) error %T is not a *ParseError", tc.in, err)
				}
				if pe.Message() == "" || pe.Hint() == "" || pe.MessageIn("en") == "" || pe.HintIn("en") == "" {
					t.Errorf("Parse(%q): empty message or hint: %q / %q", tc.in, pe.Message(), pe.Hint())
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q) error = %v", tc.in, err)
			}
			if s := got.Start.In(berlin).Format(layout); s != tc.start {
				t.Errorf("Parse(%q).Start = %s, want %s", tc.in, s, tc.start)
			}
			if got.Start.Location() != berlin {
				t.Errorf("Parse(%q).Start location = %v, want Europe/Berlin", tc.in, got.Start.Location())
			}
			wantDur := tc.dur
			if wantDur == 0 {
				wantDur = schedule.DefaultDuration
			}
			if got.Duration != wantDur {
				t.Errorf("Parse(%q).Duration = %v, want %v", tc.in, got.Duration, wantDur)
			}
			gotRec := ""
			if got.Recurrence != nil {
				gotRec = got.Recurrence.RRule()
				if !got.Recurrence.Start.Equal(got.Start) {
					t.Errorf("Parse(%q).Recurrence.Start = %v, want Start %v", tc.in, got.Recurrence.Start, got.Start)
				}
			}
			if gotRec != tc.rec {
				t.Errorf("Parse(%q) recurrence = %q, want %q", tc.in, gotRec, tc.rec)
			}
			checkWarnings(t, tc.in, got.Warnings, tc.warn)
		})
	}
}

// checkWarnings wants exactly one warning per substring, in order.
func checkWarnings(t *testing.T, in string, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("Parse(%q).Warnings = %q, want %d matching %q", in, got, len(want), want)
		return
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("Parse(%q).Warnings[%d] = %q, want it to contain %q", in, i, got[i], want[i])
		}
	}
}
