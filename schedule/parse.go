package schedule

import (
	"fmt"
	"time"
)

// DefaultDuration is the length of a round table when the text gives none.
const DefaultDuration = 90 * time.Minute

// minDuration and maxDuration bound the length of a round table that
// Parse accepts (ValidDuration).
const (
	minDuration = time.Minute
	maxDuration = 24 * time.Hour
)

// ValidDuration reports whether d is a length of a round table that Parse
// accepts: at least a minute, at most a day.
func ValidDuration(d time.Duration) bool {
	return d >= minDuration && d <= maxDuration
}

// Other bounds of a date.
const (
	farAhead  = 183 * 24 * time.Hour
	earlyHour = 7
	// nightEnds: before this local hour, „heute“, „morgen“ and
	// „übermorgen“ are read from the calendar day that has just begun,
	// which someone still up after midnight may not mean; the date chosen
	// is named in a warning.
	nightEnds = 5
)

// When is the result of [Parse].
type When struct {
	// Start is the first (or only) occurrence, in the location given to Parse.
	Start time.Time
	// Duration is the length; DefaultDuration if the text gives none.
	Duration time.Duration
	// Recurrence is set when the text says "wöchentlich", "jeden Donnerstag"
	// and the like; its Start equals Start.
	Recurrence *Recurrence
	// DurationGiven: the text gave a duration or an end ("90 min", "bis 21
	// Uhr", "to 9 pm"); without one Duration is DefaultDuration.
	DurationGiven bool
	// Warnings are friendly sentences (in the language asked for) about
	// decisions the coordinator should check: daylight-saving switches,
	// "nächsten Donnerstag", a time early in the morning.
	Warnings []string
}

// End returns Start plus Duration.
func (w When) End() time.Time { return w.Start.Add(w.Duration) }

// Parse reads a German date, time, optional duration or end and optional
// recurrence from text, relative to now, in loc (Europe/Berlin for Lotse).
// Warnings are in German. Errors are [*ParseError]s wrapping one of the
// Err* sentinels. The package documentation lists what is understood and
// which decisions Parse makes. A nil loc means time.Local.
func Parse(text string, now time.Time, loc *time.Location) (When, error) {
	return ParseIn(text, now, loc, "de")
}

// ParseIn is [Parse] with warnings in lang ("de" or "en"). Errors carry both
// languages, see [ParseError.MessageIn].
func ParseIn(text string, now time.Time, loc *time.Location, lang string) (When, error) {
	if loc == nil {
		loc = time.Local
	}
	items, perr := scan(tokenizeIn(text, lang), lang == "en")
	if perr != nil {
		perr.Input = text
		return When{}, perr
	}
	r := &resolver{items: items, now: now, loc: loc, tx: TextsFor(lang)}
	w, perr := r.resolve()
	if perr != nil {
		perr.Input = text
		return When{}, perr
	}
	return w, nil
}

// resolver gives the scanned items their meaning.
type resolver struct {
	items    []item
	now      time.Time
	loc      *time.Location
	tx       *Texts
	warnings []string
}

func (r *resolver) warn(format string, args ...any) {
	r.warnings = append(r.warnings, fmt.Sprintf(format, args...))
}

// clock is a time of day.
type clock struct {
	h, m int
	raw  string
}

// format formats c with the language's time format and o'clock word.
func (c clock) format(tx *Texts) string {
	return fmt.Sprintf(tx.Clock, fmt.Sprintf(tx.TimeFormat, c.h, c.m))
}

func (r *resolver) resolve() (When, *ParseError) {
	var (
		dates, rels, weekdays []item
		starts, ends          []clock
		recurs                []item
		pm, am                bool
	)
	for _, it := range r.items {
		if it.kind == kSlash {
			return When{}, r.slash(it)
		}
	}
	// Decide "3.12" and "2h": a date or time, a time or a duration.
	r.decidePending()
	for _, it := range r.items {
		switch it.kind {
		case kDate:
			dates = append(dates, it)
		case kRel:
			rels = append(rels, it)
		case kWeekday:
			weekdays = append(weekdays, it)
		case kTime:
			c := clock{h: it.h, m: it.m, raw: it.raw}
			if it.end {
				ends = append(ends, c)
			} else {
				starts = append(starts, c)
			}
		case kRecur:
			recurs = append(recurs, it)
		case kDaypart:
			pm = pm || it.pm
			am = am || it.am
		}
	}

	if len(dates)+len(rels)+len(weekdays) == 0 {
		return When{}, newError(ErrNoDate, "",
			func(tx *Texts) string { return tx.NoDate },
			examplesHint(func(tx *Texts) string { return tx.NoDateHint }))
	}
	for _, c := range append(append([]clock{}, starts...), ends...) {
		if c.h > 23 || c.m > 59 {
			raw := c.raw
			return When{}, newError(ErrInvalidTime, raw,
				func(tx *Texts) string { return fmt.Sprintf(tx.InvalidTime, raw) },
				func(tx *Texts) string { return tx.InvalidTimeHint })
		}
	}
	starts, ends = dedupe(starts), dedupe(ends)
	if len(starts) == 0 {
		return When{}, newError(ErrNoTime, "",
			func(tx *Texts) string { return tx.NoTime },
			func(tx *Texts) string { return tx.NoTimeHint })
	}
	if len(starts) > 1 {
		return When{}, ambiguous("two start times", func(tx *Texts) string {
			return fmt.Sprintf(tx.AmbiguousTimes, starts[0].format(tx), starts[1].format(tx))
		}, nil)
	}
	if len(ends) > 1 {
		return When{}, ambiguous("two end times", func(tx *Texts) string {
			return fmt.Sprintf(tx.AmbiguousTimes, ends[0].format(tx), ends[1].format(tx))
		}, nil)
	}
	start := starts[0]
	if pm {
		start.h = toPM(start.h)
		for i := range ends {
			ends[i].h = toPM(ends[i].h)
		}
	}

	rec, recRaw, perr := r.recurrence(recurs)
	if perr != nil {
		return When{}, perr
	}
	y, m, d, perr := r.day(dates, rels, weekdays, start)
	if perr != nil {
		return When{}, perr
	}

	t, kind := localTime(y, m, d, start.h, start.m, r.loc)
	switch kind {
	case wallGap:
		r.warn(r.tx.WarnGap, start.format(r.tx), r.tx.Date(t), fmt.Sprintf(r.tx.Clock, r.tx.Time(t)))
	case wallOverlap:
		r.warn(r.tx.WarnOverlap, start.format(r.tx), r.tx.Date(t))
	}
	if !t.After(r.now) {
		return When{}, r.past(t, dates)
	}
	if start.h < earlyHour && !pm && !am {
		r.warn(r.tx.WarnEarly, start.format(r.tx), clock{h: start.h + 12, m: start.m}.format(r.tx))
	}
	if t.Sub(r.now) > farAhead {
		r.warn(r.tx.WarnFarAhead, r.tx.Date(t))
	}

	dur, perr := r.duration(t, ends)
	if perr != nil {
		return When{}, perr
	}
	w := When{Start: t, Duration: dur, DurationGiven: len(ends) > 0}
	for _, it := range r.items {
		w.DurationGiven = w.DurationGiven || it.kind == kDuration
	}
	if rec != nil {
		rec.Start = t
		if rec.Freq == Monthly && rec.Ordinal == 0 && t.Day() > 28 {
			r.warn(r.tx.WarnMonthSkips, t.Day())
		}
		if rec.Freq == Monthly && rec.Ordinal != 0 {
			n, last := ordinalOf(t.Year(), t.Month(), t.Day())
			if (rec.Ordinal > 0 && n != rec.Ordinal) || (rec.Ordinal < 0 && !last) {
				raw := recRaw
				return When{}, ambiguous("date is not the ordinal weekday", func(tx *Texts) string {
					return fmt.Sprintf(tx.AmbiguousOrdinal, tx.ShortDate(t), raw)
				}, func(tx *Texts) string { return tx.AmbiguousOrdinalHint })
			}
		}
		for _, it := range r.items {
			if it.kind == kRecur && it.bare {
				r.warn(r.tx.WarnOrdinalSeries, it.raw, r.tx.Ordinals[max(rec.Ordinal, 0)], r.tx.WeekdaysLong[t.Weekday()])
			}
		}
		w.Recurrence = rec
	}
	w.Warnings = r.warnings
	return w, nil
}

// slash refuses "3/12": 3 December to most of the world, 12 March in the
// United States. The hint names both days and how to write either.
func (r *resolver) slash(it item) *ParseError {
	raw := it.raw
	dm := time.Date(2000, time.Month(it.month), it.day, 12, 0, 0, 0, time.UTC)
	md := time.Date(2000, time.Month(it.day), it.month, 12, 0, 0, 0, time.UTC)
	return ambiguous("day and month order", func(tx *Texts) string {
		return fmt.Sprintf(tx.AmbiguousSlash, raw, tx.dayMonth(dm), tx.dayMonth(md))
	}, func(tx *Texts) string {
		return fmt.Sprintf(tx.AmbiguousSlashHint, tx.dayMonth(dm), tx.dayMonth(md))
	})
}

// toPM turns 7 into 19 for "7 Uhr abends"; 12 stays 12.
func toPM(h int) int {
	if h < 12 {
		return h + 12
	}
	return h
}

// dedupe drops repeated equal clocks.
func dedupe(cs []clock) []clock {
	var out []clock
	for _, c := range cs {
		dup := false
		for _, o := range out {
			dup = dup || (o.h == c.h && o.m == c.m)
		}
		if !dup {
			out = append(out, c)
		}
	}
	return out
}

// ambiguous builds an ErrAmbiguous error whose message embeds detail(tx);
// a nil hint means AmbiguousHint with the examples.
func ambiguous(logDetail string, detail, hint func(tx *Texts) string) *ParseError {
	if hint == nil {
		hint = examplesHint(func(tx *Texts) string { return tx.AmbiguousHint })
	}
	return newError(ErrAmbiguous, logDetail,
		func(tx *Texts) string { return fmt.Sprintf(tx.Ambiguous, detail(tx)) }, hint)
}

// decidePending rewrites kDM and kHour items once the certain ones are known.
func (r *resolver) decidePending() {
	hasDate, hasTime := false, false
	for _, it := range r.items {
		switch it.kind {
		case kDate, kRel, kWeekday:
			hasDate = true
		case kTime:
			hasTime = hasTime || !it.end
		}
	}
	for i := range r.items {
		it := &r.items[i]
		switch it.kind {
		case kDM:
			switch {
			case !hasDate:
				it.kind, hasDate = kDate, true
			case !hasTime:
				it.kind, hasTime = kTime, true
			default:
				it.kind = kDate // a second date: reported as ambiguous
			}
		case kHour:
			if !hasTime {
				it.kind, hasTime = kTime, true
			} else {
				it.kind = kDuration
				it.dur = time.Duration(it.h)*time.Hour + time.Duration(it.m)*time.Minute
			}
		}
	}
}

// recurrence merges the recurrence items and returns the words typed.
func (r *resolver) recurrence(recurs []item) (*Recurrence, string, *ParseError) {
	var rec *Recurrence
	raw := ""
	for _, it := range recurs {
		cand := &Recurrence{Freq: it.freq, Interval: it.interval, Ordinal: it.ordinal}
		if rec != nil && *rec != *cand {
			return nil, "", ambiguous("two recurrences",
				func(tx *Texts) string { return tx.AmbiguousRecurrence },
				func(tx *Texts) string { return tx.AmbiguousRecurrenceHint })
		}
		rec, raw = cand, it.raw
	}
	return rec, raw, nil
}

// today returns the local date of now.
func (r *resolver) today() (int, time.Month, int) { return dateOf(r.now, r.loc) }

// day picks the calendar day from the date, relative-day and weekday items
// and checks that they agree.
func (r *resolver) day(dates, rels, weekdays []item, c clock) (int, time.Month, int, *ParseError) {
	var (
		y       int
		m       time.Month
		d       int
		have    bool
		perr    *ParseError
		typedWd *item
	)
	set := func(ny int, nm time.Month, nd int) *ParseError {
		if have && (ny != y || nm != m || nd != d) {
			a := time.Date(y, m, d, 12, 0, 0, 0, r.loc)
			b := time.Date(ny, nm, nd, 12, 0, 0, 0, r.loc)
			return ambiguous("two dates", func(tx *Texts) string {
				return fmt.Sprintf(tx.AmbiguousDates, tx.Date(a), tx.Date(b))
			}, nil)
		}
		y, m, d, have = ny, nm, nd, true
		return nil
	}
	for _, it := range dates {
		ny, nm, nd, perr := r.date(it, c)
		if perr != nil {
			return 0, 0, 0, perr
		}
		if perr := set(ny, nm, nd); perr != nil {
			return 0, 0, 0, perr
		}
	}
	ty, tm, td := r.today()
	for _, it := range rels {
		ny, nm, nd := addDays(ty, tm, td, it.day)
		if perr = set(ny, nm, nd); perr != nil {
			return 0, 0, 0, perr
		}
		if r.now.In(r.loc).Hour() < nightEnds {
			r.warn(r.tx.WarnAfterMidnight, it.raw, r.tx.Date(time.Date(ny, nm, nd, 12, 0, 0, 0, r.loc)))
		}
	}
	for i := range weekdays {
		it := weekdays[i]
		if have {
			// A weekday next to a date only has to match it.
			typedWd = &it
			continue
		}
		ny, nm, nd := r.weekday(it, c)
		if perr = set(ny, nm, nd); perr != nil {
			return 0, 0, 0, perr
		}
	}
	if typedWd != nil {
		for _, it := range weekdays {
			actual := time.Date(y, m, d, 12, 0, 0, 0, r.loc)
			if actual.Weekday() != it.wd {
				wd := it.wd
				return 0, 0, 0, ambiguous("weekday does not match the date", func(tx *Texts) string {
					return fmt.Sprintf(tx.AmbiguousWeekday, tx.ShortDate(actual), tx.WeekdaysLong[actual.Weekday()], tx.WeekdaysLong[wd])
				}, func(tx *Texts) string { return tx.AmbiguousWeekdayHint })
			}
		}
	}
	return y, m, d, nil
}

// date resolves a date item, inferring a missing year.
func (r *resolver) date(it item, c clock) (int, time.Month, int, *ParseError) {
	m := time.Month(it.month)
	if it.year != 0 {
		if !validDate(it.year, m, it.day) {
			return 0, 0, 0, r.invalidDate(it)
		}
		return it.year, m, it.day, nil
	}
	// The occurrence nearest to now; a past one is reported by the caller.
	ny, _, _ := r.today()
	var best time.Time
	for _, y := range []int{ny - 1, ny, ny + 1} {
		if !validDate(y, m, it.day) {
			continue
		}
		t, _ := localTime(y, m, it.day, min(c.h, 23), min(c.m, 59), r.loc)
		if best.IsZero() || absDur(t.Sub(r.now)) < absDur(best.Sub(r.now)) {
			best = t
		}
	}
	if best.IsZero() {
		if it.month == 2 && it.day == 29 {
			// No leap year among last, this and next year: the next one is later.
			year := ny + 1
			for !isLeap(year) {
				year++
			}
			return 0, 0, 0, r.leapDay(it, year)
		}
		return 0, 0, 0, r.invalidDate(it)
	}
	return best.Year(), m, it.day, nil
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

func (r *resolver) invalidDate(it item) *ParseError {
	raw := it.raw
	if it.month == 2 && it.day == 29 {
		year := it.year + 1
		for !isLeap(year) {
			year++
		}
		return r.leapDay(it, year)
	}
	return newError(ErrInvalidDate, raw,
		func(tx *Texts) string { return fmt.Sprintf(tx.InvalidDate, raw) },
		func(tx *Texts) string { return tx.InvalidDateHint })
}

func (r *resolver) leapDay(it item, next int) *ParseError {
	raw := it.raw
	return newError(ErrInvalidDate, raw,
		func(tx *Texts) string { return fmt.Sprintf(tx.InvalidDate, raw) },
		func(tx *Texts) string { return fmt.Sprintf(tx.LeapDayHint, next) })
}

// weekday resolves a weekday item to the date it means.
func (r *resolver) weekday(it item, c clock) (int, time.Month, int) {
	ty, tm, td := r.today()
	today := time.Date(ty, tm, td, 12, 0, 0, 0, time.UTC).Weekday()
	delta := (int(it.wd) - int(today) + 7) % 7
	at := func(days int) time.Time {
		y, m, d := addDays(ty, tm, td, days)
		t, _ := localTime(y, m, d, min(c.h, 23), min(c.m, 59), r.loc)
		return t
	}
	switch it.mode {
	case wdNext, wdAfterNext:
		if delta == 0 {
			delta = 7
		}
		if it.mode == wdAfterNext {
			delta += 7
		}
		r.warn(r.tx.WarnNextWeekday, it.raw, r.tx.Date(at(delta)))
	case wdNextWeek:
		delta = 7 - (int(today)+6)%7 + (int(it.wd)+6)%7
	case wdOrdinal:
		return r.ordinalDay(it, c)
	default:
		if delta == 0 {
			if at(0).After(r.now) {
				r.warn(r.tx.WarnToday, r.tx.Date(at(0)))
			} else {
				delta = 7
			}
		}
	}
	return addDays(ty, tm, td, delta)
}

// ordinalDay finds the next n-th weekday of a month ("jeden ersten
// Donnerstag") at clock c after now.
func (r *resolver) ordinalDay(it item, c clock) (int, time.Month, int) {
	ty, tm, _ := r.today()
	for k := range 3 {
		first := time.Date(ty, tm+time.Month(k), 1, 12, 0, 0, 0, time.UTC)
		d := nthWeekday(first.Year(), first.Month(), it.wd, it.ordinal)
		t, _ := localTime(first.Year(), first.Month(), d, min(c.h, 23), min(c.m, 59), r.loc)
		if t.After(r.now) {
			return first.Year(), first.Month(), d
		}
	}
	return ty, tm, 1 // unreachable: next month's occurrence is always ahead
}

// past builds ErrPast; without a typed year the hint suggests next year.
func (r *resolver) past(t time.Time, dates []item) *ParseError {
	noYear := false
	for _, it := range dates {
		noYear = noYear || it.year == 0
	}
	hint := func(tx *Texts) string { return tx.PastHint }
	if noYear {
		y := t.Year() + 1
		for !validDate(y, t.Month(), t.Day()) {
			y++
		}
		hint = func(tx *Texts) string {
			return fmt.Sprintf(tx.PastNoYearHint, fmt.Sprintf("%d.%d.%d", t.Day(), int(t.Month()), y))
		}
	}
	return newError(ErrPast, t.Format(time.RFC3339),
		func(tx *Texts) string { return fmt.Sprintf(tx.Past, tx.DateTime(t)) }, hint)
}

// duration combines duration items and an end time.
func (r *resolver) duration(start time.Time, ends []clock) (time.Duration, *ParseError) {
	// Adjacent duration items add up ("1 Std. 30 min"); separate groups
	// must not exist.
	var groups []time.Duration
	var raws []string
	prevDur := false
	for _, it := range r.items {
		if it.kind != kDuration {
			prevDur = false
			continue
		}
		if prevDur {
			groups[len(groups)-1] += it.dur
			raws[len(raws)-1] += " " + it.raw
		} else {
			groups = append(groups, it.dur)
			raws = append(raws, it.raw)
		}
		prevDur = true
	}
	if len(groups) > 1 {
		return 0, ambiguous("two durations",
			func(tx *Texts) string { return tx.AmbiguousDurations },
			func(tx *Texts) string { return tx.AmbiguousDurationsHint })
	}
	dur, raw := DefaultDuration, ""
	if len(groups) == 1 {
		dur, raw = groups[0], raws[0]
	}
	if len(ends) == 1 {
		y, m, d := start.Date()
		e := ends[0]
		end, _ := localTime(y, m, d, e.h, e.m, r.loc)
		if !end.After(start) {
			y, m, d = addDays(y, m, d, 1)
			end, _ = localTime(y, m, d, e.h, e.m, r.loc)
			r.warn(r.tx.WarnEndNextDay, r.tx.DateTime(end))
		}
		if len(groups) == 1 && end.Sub(start) != dur {
			return 0, ambiguous("duration and end disagree",
				func(tx *Texts) string { return tx.AmbiguousDurations },
				func(tx *Texts) string { return tx.AmbiguousDurationsHint })
		}
		dur, raw = end.Sub(start), ends[0].raw
	}
	if !ValidDuration(dur) {
		return 0, newError(ErrInvalidDuration, raw,
			func(tx *Texts) string { return fmt.Sprintf(tx.InvalidDuration, raw) },
			func(tx *Texts) string { return tx.InvalidDurationHint })
	}
	return dur, nil
}
