package schedule

import (
	"slices"
	"time"
)

// Reminders returns the times to remind at, offsets before start, sorted
// and without duplicates. An offset that is a whole number of days is
// counted in calendar days in start's location, so "one day before" a
// 19:00 meeting is 19:00 the day before even across a daylight-saving
// switch; other offsets are exact durations. Negative offsets give times
// after start.
func Reminders(start time.Time, offsets []time.Duration) []time.Time {
	plan := make([]time.Time, 0, len(offsets))
	for _, off := range offsets {
		var t time.Time
		if off != 0 && off%(24*time.Hour) == 0 {
			t = start.AddDate(0, 0, -int(off/(24*time.Hour)))
		} else {
			t = start.Add(-off)
		}
		plan = append(plan, t)
	}
	slices.SortFunc(plan, func(a, b time.Time) int { return a.Compare(b) })
	return slices.CompactFunc(plan, func(a, b time.Time) bool { return a.Equal(b) })
}

// Due splits the reminders of plan (those not yet sent) that are due at now.
// A reminder whose time has come is due. When several came while the bot
// was down, only the latest is sent (late), because it says everything the
// earlier ones would; the others are skipped. Once the meeting has ended
// (now not before end) every reminder whose time has come is skipped.
// Reminders still ahead are in neither list. Both lists are sorted.
func Due(plan []time.Time, now, end time.Time) (due []time.Time, skipped []time.Time) {
	var past []time.Time
	for _, t := range plan {
		if !t.After(now) {
			past = append(past, t)
		}
	}
	slices.SortFunc(past, func(a, b time.Time) int { return a.Compare(b) })
	if len(past) == 0 {
		return nil, nil
	}
	if !now.Before(end) {
		return nil, past
	}
	return past[len(past)-1:], past[:len(past)-1]
}
