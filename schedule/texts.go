package schedule

import (
	"fmt"
	"time"
)

// Texts holds every user-visible text of the package in one language. A
// struct (not a map) makes the compiler check that each language has every
// text. Format verbs are documented per field; %s arguments are plain text
// (the caller escapes them for Markdown if it needs to).
type Texts struct {
	// Lang is the BCP 47 code.
	Lang string

	// Weekdays are short weekday names, Sunday first.
	Weekdays [7]string
	// Months are month names, January first.
	Months [12]string
	// DateFormat formats a date. Arguments: [1] weekday (string), [2] day,
	// [3] month number, [4] month name (string), [5] year.
	DateFormat string
	// ShortDateFormat is DateFormat without the weekday (same arguments).
	ShortDateFormat string
	// TimeFormat formats a time of day: %d = hour, %02d = minute.
	TimeFormat string
	// RangeFormat formats start and end: %s = date, %s = start time, %s = end time.
	RangeFormat string
	// RangeNextDayFormat is RangeFormat when the end is on a later day:
	// %s = start date, %s = start time, %s = end date, %s = end time.
	RangeNextDayFormat string
	// Clock appends the word for o'clock: %s = time.
	Clock string

	// Examples is a short list of inputs that work, used in hints.
	Examples string

	// NoDate: no date found. NoDateHint follows it.
	NoDate     string
	NoDateHint string
	// NoTime: a date but no time of day.
	NoTime     string
	NoTimeHint string
	// Past: %s = the formatted start.
	Past     string
	PastHint string
	// PastNoYearHint suggests adding the year: %s = the date with next year.
	PastNoYearHint string
	// Ambiguous: %s = what is unclear (one of the Ambiguous* details).
	Ambiguous string
	// AmbiguousHint follows two dates or two times: %s = Examples.
	AmbiguousHint string
	// AmbiguousWeekdayHint follows AmbiguousWeekday.
	AmbiguousWeekdayHint string
	// AmbiguousDurationsHint follows AmbiguousDurations.
	AmbiguousDurationsHint string
	// AmbiguousRecurrenceHint follows AmbiguousRecurrence.
	AmbiguousRecurrenceHint string
	// AmbiguousSlash: %s = the words typed ("3/12"), %s and %s = the two
	// days it can be (day-month, month-day).
	AmbiguousSlash string
	// AmbiguousSlashHint: %s, %s = the two days, written with the month's name.
	AmbiguousSlashHint string
	// AmbiguousOrdinalHint follows AmbiguousOrdinal.
	AmbiguousOrdinalHint string
	// AmbiguousDates: %s, %s = the two days found.
	AmbiguousDates string
	// AmbiguousTimes: %s, %s = the two times found.
	AmbiguousTimes string
	// AmbiguousWeekday: %s = date (short), %s = its real weekday, %s = the weekday typed.
	AmbiguousWeekday string
	// AmbiguousDurations: duration and end time (or two durations) disagree.
	AmbiguousDurations string
	// AmbiguousRecurrence: two different repetitions.
	AmbiguousRecurrence string
	// AmbiguousOrdinal: %s = date (short), %s = the words typed ("jeden zweiten Donnerstag").
	AmbiguousOrdinal string
	// InvalidDate: %s = what was typed.
	InvalidDate     string
	InvalidDateHint string
	// LeapDayHint: %d = next leap year.
	LeapDayHint string
	// InvalidTime: %s = what was typed.
	InvalidTime     string
	InvalidTimeHint string
	// InvalidDuration: %s = what was typed or computed.
	InvalidDuration     string
	InvalidDurationHint string
	// Unrecognized: %s = the word.
	Unrecognized     string
	UnrecognizedHint string

	// WarnGap: %s = time typed, %s = date, %s = time used.
	WarnGap string
	// WarnOverlap: %s = time typed, %s = date.
	WarnOverlap string
	// WarnNextWeekday: %s = words typed, %s = date chosen.
	WarnNextWeekday string
	// WarnAfterMidnight: %s = words typed („morgen“), %s = date chosen.
	WarnAfterMidnight string
	// WarnToday: %s = time; the weekday typed is today.
	WarnToday string
	// WarnEarly: %s = time read, %s = the afternoon or evening alternative.
	WarnEarly string
	// WarnEndNextDay: %s = end (date and time).
	WarnEndNextDay string
	// WarnMonthSkips: %d = day of month.
	WarnMonthSkips string
	// WarnFarAhead: %s = date; more than half a year ahead.
	WarnFarAhead string
	// WarnOrdinalSeries: %s = the words typed ("every 2nd Tuesday"), %s =
	// ordinal word, %s = weekday; only for English input without "of the month".
	WarnOrdinalSeries string

	// Weekly, EveryWeeks (%d = weeks), Monthly (%d = day of month) and
	// MonthlyNth (%s = ordinal word, %s = weekday) describe a recurrence.
	Weekly     string
	EveryWeeks string
	Monthly    string
	MonthlyNth string
	// Ordinals are "ersten" … "vierten"; index 0 is "letzten".
	Ordinals [5]string
	// WeekdaysLong are full weekday names, Sunday first.
	WeekdaysLong [7]string
}

// German is the default language: informal "du".
var German = Texts{
	Lang:               "de",
	Weekdays:           [7]string{"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"},
	WeekdaysLong:       [7]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
	Months:             [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	DateFormat:         "%[1]s, %[2]d.%[3]d.%[5]d",
	ShortDateFormat:    "%[2]d.%[3]d.%[5]d",
	TimeFormat:         "%d:%02d",
	RangeFormat:        "%s, %s–%s Uhr",
	RangeNextDayFormat: "%s, %s Uhr bis %s, %s Uhr",
	Clock:              "%s Uhr",
	Examples:           "„am 3.12. um 19 Uhr“, „morgen 19:30 90 min“, „nächsten Donnerstag 19 Uhr bis 21 Uhr“ oder „jeden Donnerstag 19 Uhr“",

	NoDate:         "Ich finde kein Datum in deiner Nachricht.",
	NoDateHint:     "Schreib zum Beispiel %s.",
	NoTime:         "Ich sehe ein Datum, aber keine Uhrzeit.",
	NoTimeHint:     "Schreib die Uhrzeit dazu, zum Beispiel „um 19 Uhr“ oder „19:30“.",
	Past:           "%s liegt in der Vergangenheit.",
	PastHint:       "Nimm einen Termin in der Zukunft.",
	PastNoYearHint: "Nimm einen Termin in der Zukunft. Meinst du nächstes Jahr, schreib das Jahr dazu: „%s“.",
	Ambiguous:      "Das ist nicht eindeutig: %s",
	AmbiguousHint:  "Schreib Datum und Uhrzeit je nur einmal, zum Beispiel %s.",

	AmbiguousWeekdayHint:    "Prüf das Datum oder lass den Wochentag weg.",
	AmbiguousDurationsHint:  "Gib entweder die Dauer („90 min“) oder das Ende („bis 21 Uhr“) an.",
	AmbiguousRecurrenceHint: "Nimm nur eine Wiederholung: „wöchentlich“, „alle 2 Wochen“, „monatlich“ oder „jeden ersten Donnerstag“.",
	AmbiguousOrdinalHint:    "Lass das Datum weg, dann nehme ich den nächsten passenden Tag.",
	AmbiguousDates:          "Ich finde zwei Tage, %s und %s.",
	AmbiguousTimes:          "Ich finde zwei Uhrzeiten, %s und %s.",
	AmbiguousWeekday:        "Der %s ist ein %s, kein %s.",
	AmbiguousDurations:      "Dauer und Ende passen nicht zusammen.",
	AmbiguousRecurrence:     "Ich finde zwei verschiedene Wiederholungen.",
	AmbiguousOrdinal:        "Der %s passt nicht zu „%s“.",
	AmbiguousSlash:          "„%s“ kann der %s oder der %s sein.",
	AmbiguousSlashHint:      "Schreib den Monat als Wort, zum Beispiel „%s“ oder „%s“.",

	InvalidDate:         "Den Tag „%s“ gibt es nicht.",
	InvalidDateHint:     "Prüf Tag und Monat, zum Beispiel „30.4.“ statt „31.4.“.",
	LeapDayHint:         "Den 29. Februar gibt es nur in Schaltjahren, das nächste ist %d.",
	InvalidTime:         "Die Uhrzeit „%s“ gibt es nicht.",
	InvalidTimeHint:     "Schreib die Uhrzeit von 0:00 bis 23:59, zum Beispiel „19:30“ oder „19 Uhr“.",
	InvalidDuration:     "Die Dauer „%s“ kann ich nicht nehmen.",
	InvalidDurationHint: "Eine Dauer geht von 1 Minute bis 24 Stunden, zum Beispiel „90 min“, „1,5 h“ oder „bis 21 Uhr“.",
	Unrecognized:        "Das Wort „%s“ verstehe ich nicht.",
	UnrecognizedHint:    "Lass es weg oder schreib es anders, zum Beispiel %s.",

	WarnGap:           "%s gibt es am %s wegen der Umstellung auf Sommerzeit nicht, ich nehme %s.",
	WarnOverlap:       "%s gibt es am %s wegen der Umstellung auf Winterzeit zweimal, ich nehme das erste Mal (Sommerzeit).",
	WarnNextWeekday:   "„%s“ verstehe ich als %s. Meinst du eine Woche später, schreib das Datum.",
	WarnAfterMidnight: "Es ist schon nach Mitternacht: „%s“ verstehe ich als %s. Meinst du einen anderen Tag, schreib das Datum.",
	WarnToday:         "Das ist heute, %s.",
	WarnEarly:         "Ich lese %s morgens. Meinst du nachmittags oder abends, schreib %s.",
	WarnEndNextDay:    "Der Termin endet erst am nächsten Tag: %s.",
	WarnMonthSkips:    "In Monaten ohne %d. Tag fällt der Termin aus.",
	WarnFarAhead:      "%s ist mehr als ein halbes Jahr hin. Stimmt das Jahr?",
	WarnOrdinalSeries: "Ich lese „%s“ als den %s %s jedes Monats. Meinst du alle zwei Wochen, schreib „alle 2 Wochen“.",

	Weekly:     "wöchentlich",
	EveryWeeks: "alle %d Wochen",
	Monthly:    "monatlich am %d.",
	MonthlyNth: "jeden %s %s im Monat",
	Ordinals:   [5]string{"letzten", "ersten", "zweiten", "dritten", "vierten"},
}

// English is available by configuration.
var English = Texts{
	Lang:               "en",
	Weekdays:           [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
	WeekdaysLong:       [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
	Months:             [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	DateFormat:         "%[1]s %[2]d %[4]s %[5]d",
	ShortDateFormat:    "%[2]d %[4]s %[5]d",
	TimeFormat:         "%d:%02d",
	RangeFormat:        "%s, %s–%s",
	RangeNextDayFormat: "%s, %s to %s, %s",
	Clock:              "%s",
	Examples:           "“on 3 Dec at 7 pm”, “tomorrow 19:30 90 min”, “next Thursday 7 pm to 9 pm” or “every Thursday 7 pm”",

	NoDate:         "I can't find a date in your message.",
	NoDateHint:     "Try for example %s.",
	NoTime:         "I see a date but no time.",
	NoTimeHint:     "Add the time, for example “at 7 pm” or “19:30”.",
	Past:           "%s is in the past.",
	PastHint:       "Pick a time in the future.",
	PastNoYearHint: "Pick a time in the future. If you mean next year, add the year: “%s”.",
	Ambiguous:      "That's not clear: %s",
	AmbiguousHint:  "Give the date and the time only once, for example %s.",

	AmbiguousWeekdayHint:    "Check the date or leave out the weekday.",
	AmbiguousDurationsHint:  "Give either the duration (“90 min”) or the end (“to 9 pm”).",
	AmbiguousRecurrenceHint: "Use just one repetition: “weekly”, “every 2 weeks”, “monthly” or “every first Thursday”.",
	AmbiguousOrdinalHint:    "Leave out the date and I'll take the next matching day.",
	AmbiguousDates:          "I found two days, %s and %s.",
	AmbiguousTimes:          "I found two times, %s and %s.",
	AmbiguousWeekday:        "%s is a %s, not a %s.",
	AmbiguousDurations:      "The duration and the end don't match.",
	AmbiguousRecurrence:     "I found two different repetitions.",
	AmbiguousOrdinal:        "%s doesn't fit “%s”.",
	AmbiguousSlash:          "“%s” can be %s or %s.",
	AmbiguousSlashHint:      "Write the month as a word, for example “%s” or “%s”.",

	InvalidDate:         "The day “%s” doesn't exist.",
	InvalidDateHint:     "Check day and month, for example “30 Apr” instead of “31 Apr”.",
	LeapDayHint:         "29 February only exists in leap years; the next one is %d.",
	InvalidTime:         "The time “%s” doesn't exist.",
	InvalidTimeHint:     "Use a time from 0:00 to 23:59, for example “19:30” or “7 pm”.",
	InvalidDuration:     "I can't use the duration “%s”.",
	InvalidDurationHint: "A duration is between 1 minute and 24 hours, for example “90 min”, “1.5 h” or “to 9 pm”.",
	Unrecognized:        "I don't understand the word “%s”.",
	UnrecognizedHint:    "Leave it out or write it differently, for example %s.",

	WarnGap:           "%s doesn't exist on %s because summer time starts; I'm using %s.",
	WarnOverlap:       "%s happens twice on %s because summer time ends; I'm using the first one (summer time).",
	WarnNextWeekday:   "I read “%s” as %s. If you mean a week later, give the date.",
	WarnAfterMidnight: "It's already past midnight: I read “%s” as %s. If you mean another day, give the date.",
	WarnToday:         "That's today, %s.",
	WarnEarly:         "I read %s in the morning. If you mean the afternoon or evening, write %s.",
	WarnEndNextDay:    "It ends on the next day: %s.",
	WarnMonthSkips:    "It won't take place in months without a day %d.",
	WarnFarAhead:      "%s is more than half a year away. Is the year right?",
	WarnOrdinalSeries: "I read “%s” as the %s %s of each month. If you mean every other week, write “every other %[3]s”.",

	Weekly:     "weekly",
	EveryWeeks: "every %d weeks",
	Monthly:    "monthly on day %d",
	MonthlyNth: "every %s %s of the month",
	Ordinals:   [5]string{"last", "first", "second", "third", "fourth"},
}

// dayMonth writes the day and month of t with the month's name: „3.
// Dezember“, “3 Dec”.
func (tx *Texts) dayMonth(t time.Time) string {
	if tx.Lang == "de" {
		return fmt.Sprintf("%d. %s", t.Day(), tx.Months[t.Month()-1])
	}
	return fmt.Sprintf("%d %s", t.Day(), tx.Months[t.Month()-1])
}

// TextsFor returns the texts of lang, German by default.
func TextsFor(lang string) *Texts {
	if lang == "en" {
		return &English
	}
	return &German
}

// Date formats the date of t, e.g. "Do, 3.12.2026".
func (tx *Texts) Date(t time.Time) string {
	return fmt.Sprintf(tx.DateFormat, tx.Weekdays[t.Weekday()], t.Day(), int(t.Month()), tx.Months[t.Month()-1], t.Year())
}

// ShortDate formats the date of t without the weekday, e.g. "3.12.2026".
func (tx *Texts) ShortDate(t time.Time) string {
	return fmt.Sprintf(tx.ShortDateFormat, tx.Weekdays[t.Weekday()], t.Day(), int(t.Month()), tx.Months[t.Month()-1], t.Year())
}

// Time formats the time of day of t, e.g. "19:00".
func (tx *Texts) Time(t time.Time) string {
	return fmt.Sprintf(tx.TimeFormat, t.Hour(), t.Minute())
}

// DateTime formats date and time, e.g. "Do, 3.12.2026, 19:00 Uhr".
func (tx *Texts) DateTime(t time.Time) string {
	return tx.Date(t) + ", " + fmt.Sprintf(tx.Clock, tx.Time(t))
}

// Range formats a start and a duration, e.g. "Do, 3.12.2026, 19:00–20:30 Uhr".
// Both ends are shown in the location of start.
func (tx *Texts) Range(start time.Time, d time.Duration) string {
	end := start.Add(d).In(start.Location())
	if y, m, dd := end.Date(); y == start.Year() && m == start.Month() && dd == start.Day() {
		return fmt.Sprintf(tx.RangeFormat, tx.Date(start), tx.Time(start), tx.Time(end))
	}
	return fmt.Sprintf(tx.RangeNextDayFormat, tx.Date(start), tx.Time(start), tx.Date(end), tx.Time(end))
}

// Describe says in words how r repeats, e.g. "wöchentlich" or "jeden ersten
// Donnerstag im Monat". The zero Recurrence gives "".
func (tx *Texts) Describe(r Recurrence) string {
	switch r.Freq {
	case Weekly:
		if r.interval() > 1 {
			return fmt.Sprintf(tx.EveryWeeks, r.interval())
		}
		return tx.Weekly
	case Monthly:
		if r.Ordinal != 0 {
			o := r.Ordinal
			if o < 0 {
				o = 0
			}
			return fmt.Sprintf(tx.MonthlyNth, tx.Ordinals[o], tx.WeekdaysLong[r.Start.Weekday()])
		}
		return fmt.Sprintf(tx.Monthly, r.Start.Day())
	}
	return ""
}
