package schedule

import (
	"fmt"
	"time"
)

// Frequency is how often a [Recurrence] repeats.
type Frequency int

const (
	// Weekly repeats every Interval weeks on the weekday of Start.
	Weekly Frequency = iota + 1
	// Monthly repeats every Interval months, on the day of month of Start
	// or, with Ordinal, on the n-th weekday of Start.
	Monthly
)

// maxOccurrenceSteps bounds the search in Next; 10,000 weeks are 190 years.
const maxOccurrenceSteps = 10000

// Recurrence describes a repeating round table. Occurrences keep the local
// wall-clock time of Start in Start's location, so a 19:00 meeting stays at
// 19:00 across the switch to and from summer time. The rules are those of
// the RRULE that [Recurrence.RRule] writes, so calendar programs agree.
type Recurrence struct {
	// Freq is Weekly or Monthly.
	Freq Frequency
	// Interval is the number of weeks or months between occurrences; 0 means 1.
	Interval int
	// Ordinal, for Monthly only, picks the n-th weekday of Start in the month
	// (1–4, or -1 for the last). 0 repeats on Start's day of month; months
	// without that day are skipped, as RFC 5545 does.
	Ordinal int
	// Start is the first occurrence.
	Start time.Time
}

func (r Recurrence) interval() int {
	if r.Interval < 1 {
		return 1
	}
	return r.Interval
}

// Next returns the first occurrence strictly after after, or the zero time
// if r has no Start or no valid Freq.
func (r Recurrence) Next(after time.Time) time.Time {
	if r.Start.IsZero() || (r.Freq != Weekly && r.Freq != Monthly) {
		return time.Time{}
	}
	if r.Start.After(after) {
		return r.Start
	}
	loc := r.Start.Location()
	y, m, d := r.Start.Date()
	h, mi := r.Start.Hour(), r.Start.Minute()
	step := r.interval()
	// Start the search a little before the answer: elapsed whole periods
	// minus one, so that the loop runs only a few times.
	elapsed := after.Sub(r.Start)
	var k int
	switch r.Freq {
	case Weekly:
		k = int(elapsed/(7*24*time.Hour))/step - 1
	case Monthly:
		k = int(elapsed/(31*24*time.Hour))/step - 1
	}
	k = max(k, 0)
	for range maxOccurrenceSteps {
		t, ok := r.occurrence(k, y, m, d, h, mi, step, loc)
		k++
		if ok && t.After(after) {
			return t
		}
	}
	return time.Time{}
}

// occurrence returns the k-th period's date, and false if that period has
// none (a monthly day 31 in April).
func (r Recurrence) occurrence(k, y int, m time.Month, d, h, mi, step int, loc *time.Location) (time.Time, bool) {
	switch r.Freq {
	case Weekly:
		oy, om, od := addDays(y, m, d, 7*step*k)
		t, _ := localTime(oy, om, od, h, mi, loc)
		return t, true
	case Monthly:
		first := time.Date(y, m+time.Month(step*k), 1, 12, 0, 0, 0, time.UTC)
		oy, om := first.Year(), first.Month()
		od := d
		if r.Ordinal != 0 {
			od = nthWeekday(oy, om, r.Start.Weekday(), r.Ordinal)
		}
		if !validDate(oy, om, od) {
			return time.Time{}, false
		}
		t, _ := localTime(oy, om, od, h, mi, loc)
		return t, true
	}
	return time.Time{}, false
}

// nthWeekday returns the day of month of the n-th (1–4, -1 last) weekday wd
// in y-m.
func nthWeekday(y int, m time.Month, wd time.Weekday, n int) int {
	if n < 0 {
		last := time.Date(y, m+1, 0, 12, 0, 0, 0, time.UTC)
		return last.Day() - (int(last.Weekday())-int(wd)+7)%7
	}
	first := time.Date(y, m, 1, 12, 0, 0, 0, time.UTC)
	return 1 + (int(wd)-int(first.Weekday())+7)%7 + 7*(n-1)
}

// ordinalOf returns which n-th weekday of its month the day d is (1–5), and
// whether it is the last one.
func ordinalOf(y int, m time.Month, d int) (n int, last bool) {
	return (d-1)/7 + 1, !validDate(y, m, d+7)
}

// byDay are the RFC 5545 weekday codes, Sunday first.
var byDay = [7]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// RRule returns the value of the RFC 5545 RRULE property for r, e.g.
// "FREQ=WEEKLY" or "FREQ=MONTHLY;BYDAY=1TH", or "" for an invalid r.
func (r Recurrence) RRule() string {
	var s string
	switch r.Freq {
	case Weekly:
		s = "FREQ=WEEKLY"
	case Monthly:
		s = "FREQ=MONTHLY"
	default:
		return ""
	}
	if r.interval() > 1 {
		s += fmt.Sprintf(";INTERVAL=%d", r.interval())
	}
	if r.Freq == Monthly && r.Ordinal != 0 {
		s += fmt.Sprintf(";BYDAY=%d%s", r.Ordinal, byDay[r.Start.Weekday()])
	}
	return s
}
