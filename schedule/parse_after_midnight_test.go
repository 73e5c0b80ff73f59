package schedule_test

import (
	"testing"
	"time"

	"github.com/lotse-bot/lotse/schedule"
)

// TestParseRelativeDayNearMidnight: „heute“, „morgen“ and „übermorgen“
// count from the calendar day in Berlin, also when the server's clock (and
// the now it passes) is in UTC, where it is still the day before until 1:00
// or 2:00. Between midnight and 5:00 the day chosen is named in a warning:
// „morgen 19 Uhr“ typed at 0:30 by someone still up means, as often as not,
// the evening of the day that has just begun — before, it became the next
// day's evening without a word, and an announcement went out with it.
func TestParseRelativeDayNearMidnight(t *testing.T) {
	utc := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		name, lang, in string
		now            time.Time
		start          string
		warn           []string
	}{
		// 7 Dec 2026 23:30 UTC is Tue 8 Dec 0:30 in Berlin.
		{"morgen after midnight, server in UTC", "de", "morgen 19 Uhr", utc("2026-12-07 23:30"), "2026-12-09 19:00 +0100",
			[]string{"nach Mitternacht: „morgen“ verstehe ich als Mi, 9.12.2026"}},
		{"heute after midnight", "de", "heute 19 Uhr", utc("2026-12-07 23:30"), "2026-12-08 19:00 +0100",
			[]string{"„heute“ verstehe ich als Di, 8.12.2026"}},
		{"übermorgen after midnight", "de", "übermorgen 19 Uhr", utc("2026-12-08 03:59"), "2026-12-10 19:00 +0100",
			[]string{"„übermorgen“ verstehe ich als Do, 10.12.2026"}},
		{"tomorrow after midnight", "en", "tomorrow 7 pm", utc("2026-12-07 23:30"), "2026-12-09 19:00 +0100",
			[]string{"past midnight"}},
		// In summer Berlin is two hours ahead: 22:30 UTC is 0:30.
		{"morgen after midnight in summer", "de", "morgen 19 Uhr", utc("2026-07-06 22:30"), "2026-07-08 19:00 +0200",
			[]string{"„morgen“ verstehe ich als Mi, 8.7.2026"}},
		// 5:00 in Berlin and later: the day as always, no warning.
		{"morgen in the morning", "de", "morgen 19 Uhr", utc("2026-12-08 04:00"), "2026-12-09 19:00 +0100", nil},
		// 23:30 in Berlin is still 22:30 in UTC: the Berlin day counts.
		{"morgen before midnight, server in UTC", "de", "morgen 19 Uhr", utc("2026-12-07 22:30"), "2026-12-08 19:00 +0100", nil},
		// A date typed is what it says: no warning.
		{"date after midnight", "de", "9.12. 19 Uhr", utc("2026-12-07 23:30"), "2026-12-09 19:00 +0100", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := schedule.ParseIn(tc.in, tc.now, berlin, tc.lang)
			if err != nil {
				t.Fatalf("ParseIn(%q) error = %v", tc.in, err)
			}
			if s := got.Start.In(berlin).Format(layout); s != tc.start {
				t.Errorf("ParseIn(%q).Start = %s, want %s", tc.in, s, tc.start)
			}
			checkWarnings(t, tc.in, got.Warnings, tc.warn)
		})
	}
}
