package schedule_test

import (
	"slices"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/schedule"
)

func formatTimes(ts []time.Time) []string {
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, t.In(berlin).Format(layout))
	}
	return out
}

func TestReminders(t *testing.T) {
	const day = 24 * time.Hour
	tests := []struct {
		name    string
		start   string
		offsets []time.Duration
		want    []string
	}{
		{"none", "2026-12-03 19:00", nil, []string{}},
		{"sorted", "2026-12-03 19:00", []time.Duration{15 * time.Minute, day, time.Hour},
			[]string{"2026-12-02 19:00 +0100", "2026-12-03 18:00 +0100", "2026-12-03 18:45 +0100"}},
		{"duplicates dropped", "2026-12-03 19:00", []time.Duration{time.Hour, 60 * time.Minute},
			[]string{"2026-12-03 18:00 +0100"}},
		{"day before across the spring switch keeps 19:00", "2026-03-29 19:00", []time.Duration{day},
			[]string{"2026-03-28 19:00 +0100"}},
		{"hours are exact across the switch: 23h before is 19:00 too", "2026-03-29 19:00", []time.Duration{day, 23 * time.Hour, 22 * time.Hour},
			[]string{"2026-03-28 19:00 +0100", "2026-03-28 20:00 +0100"}},
		{"week before across the autumn switch", "2026-10-29 19:00", []time.Duration{7 * day},
			[]string{"2026-10-22 19:00 +0200"}},
		{"at start and after", "2026-12-03 19:00", []time.Duration{0, -10 * time.Minute},
			[]string{"2026-12-03 19:00 +0100", "2026-12-03 19:10 +0100"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := formatTimes(schedule.Reminders(at(t, tc.start), tc.offsets))
			if !slices.Equal(got, tc.want) {
				t.Errorf("Reminders = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDue(t *testing.T) {
	start := at(t, "2026-12-03 19:00")
	end := start.Add(90 * time.Minute)
	plan := schedule.Reminders(start, []time.Duration{24 * time.Hour, time.Hour, 10 * time.Minute})
	// plan: 2.12. 19:00, 3.12. 18:00, 3.12. 18:50
	tests := []struct {
		name         string
		plan         []time.Time
		now          string
		due, skipped []string
	}{
		{"nothing yet", plan, "2026-12-01 12:00", []string{}, []string{}},
		{"first on time", plan, "2026-12-02 19:00", []string{"2026-12-02 19:00 +0100"}, []string{}},
		{"first a little late", plan, "2026-12-02 19:03", []string{"2026-12-02 19:00 +0100"}, []string{}},
		{"down overnight: only the latest is sent", plan, "2026-12-03 18:30",
			[]string{"2026-12-03 18:00 +0100"}, []string{"2026-12-02 19:00 +0100"}},
		{"back during the meeting: last reminder still useful", plan, "2026-12-03 19:30",
			[]string{"2026-12-03 18:50 +0100"}, []string{"2026-12-02 19:00 +0100", "2026-12-03 18:00 +0100"}},
		{"back after the meeting: all skipped", plan, "2026-12-03 20:30",
			[]string{}, []string{"2026-12-02 19:00 +0100", "2026-12-03 18:00 +0100", "2026-12-03 18:50 +0100"}},
		{"rest of plan after sending the first", plan[1:], "2026-12-03 18:00", []string{"2026-12-03 18:00 +0100"}, []string{}},
		{"unsorted plan", []time.Time{plan[2], plan[0], plan[1]}, "2026-12-03 18:55",
			[]string{"2026-12-03 18:50 +0100"}, []string{"2026-12-02 19:00 +0100", "2026-12-03 18:00 +0100"}},
		{"empty plan", nil, "2026-12-03 18:55", []string{}, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			due, skipped := schedule.Due(tc.plan, at(t, tc.now), end)
			if got := formatTimes(due); !slices.Equal(got, tc.due) {
				t.Errorf("due = %q, want %q", got, tc.due)
			}
			if got := formatTimes(skipped); !slices.Equal(got, tc.skipped) {
				t.Errorf("skipped = %q, want %q", got, tc.skipped)
			}
		})
	}
}
