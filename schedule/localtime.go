package schedule

import "time"

// wallKind says how a local wall-clock time maps to an instant.
type wallKind int

const (
	wallNormal  wallKind = iota // exactly one instant
	wallGap                     // no instant: skipped by a forward switch
	wallOverlap                 // two instants: repeated by a backward switch
)

// localTime returns the instant of the wall-clock time y-m-d h:mi in loc
// with the rules of RFC 5545 section 3.3.5, which Go's time.Date leaves
// unspecified: a time in a gap is read with the UTC offset before the gap
// (2:30 becomes 3:30 CEST on the last Sunday of March), a time that occurs
// twice is the first occurrence (2:30 CEST on the last Sunday of October).
// y, m, d must already be a valid date.
func localTime(y int, m time.Month, d, h, mi int, loc *time.Location) (time.Time, wallKind) {
	wall := time.Date(y, m, d, h, mi, 0, 0, time.UTC)
	// Zone transitions are far more than a day apart, so the offsets half a
	// day before and after are the only two candidates.
	_, offBefore := wall.Add(-12 * time.Hour).In(loc).Zone()
	_, offAfter := wall.Add(12 * time.Hour).In(loc).Zone()
	var found []time.Time
	for _, off := range []int{offBefore, offAfter} {
		t := wall.Add(-time.Duration(off) * time.Second).In(loc)
		if sameWall(t, y, m, d, h, mi) && (len(found) == 0 || !found[0].Equal(t)) {
			found = append(found, t)
		}
	}
	switch len(found) {
	case 0:
		return wall.Add(-time.Duration(offBefore) * time.Second).In(loc), wallGap
	case 1:
		return found[0], wallNormal
	}
	if found[1].Before(found[0]) {
		found[0] = found[1]
	}
	return found[0], wallOverlap
}

// sameWall reports whether t shows the wall-clock time y-m-d h:mi.
func sameWall(t time.Time, y int, m time.Month, d, h, mi int) bool {
	ty, tm, td := t.Date()
	return ty == y && tm == m && td == d && t.Hour() == h && t.Minute() == mi
}

// validDate reports whether d.m.y exists.
func validDate(y int, m time.Month, d int) bool {
	if m < time.January || m > time.December || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
	return t.Day() == d && t.Month() == m
}

// isLeap reports whether y is a leap year.
func isLeap(y int) bool { return validDate(y, time.February, 29) }

// dateOf returns the calendar date of t in loc.
func dateOf(t time.Time, loc *time.Location) (int, time.Month, int) {
	return t.In(loc).Date()
}

// addDays returns the calendar date d days after y-m-dd.
func addDays(y int, m time.Month, dd, d int) (int, time.Month, int) {
	return time.Date(y, m, dd+d, 12, 0, 0, 0, time.UTC).Date()
}
