// Package schedule turns what a coordinator types into a point in time and
// an iCalendar invitation. It is the Matrix-free leaf behind the round-table
// announcements ("Runder Tisch"): the bot passes the text after the command
// and gets back a [When] or a [*ParseError] whose German, informal message
// and hint can be shown as they are.
//
// # Dates and times
//
// [Parse] understands the ways people type a date and a time in German chat:
//
//	3.12. 19 Uhr            03.12.2026 19:00       3.12.26 19:30
//	morgen 19:30            übermorgen 18 Uhr      heute 20 Uhr
//	Do 19 Uhr               Donnerstag 19 Uhr      nächsten Donnerstag 19:00
//	am 3. Dezember um 19 Uhr                       3. Dez 19h
//	19.30 Uhr               7 Uhr abends           2026-12-03 19:00
//
// and, with [ParseIn] in "en" (an English install; German keeps working
// there), what an English coordinator types (english.go):
//
//	on 3 Dec at 7 pm        December 3rd at 19:00  3rd of December 7:30pm
//	tomorrow at 7pm         tonight at 8           next Tuesday 18:30
//	12/25 7 pm (25/12 too; a bare 3/12 is refused: 3 Dec or 12 Mar?)
//	7 pm to 9 pm, for 2 hours, every other Tuesday, every 2nd Tuesday of
//	the month (the 2nd Tuesday, as „jeden zweiten Donnerstag“), weekly
//
// with an optional duration ("90 min", "1,5 h", "2 Std.", "1h30",
// "anderthalb Stunden") or end ("bis 21 Uhr", "19–21 Uhr"; default 90 minutes)
// and an optional recurrence ("wöchentlich", "jeden Donnerstag",
// "alle 2 Wochen", "monatlich", "jeden ersten Donnerstag im Monat").
//
// Decisions, so that nobody has to guess them again:
//
//   - Everything is wall-clock time in the location given to Parse (Europe/Berlin
//     for Lotse). A local time that does not exist (the spring gap, 2:00–3:00
//     on the last Sunday of March) is moved forward by the gap (2:30 → 3:30
//     CEST); one that exists twice (the autumn overlap, 2:00–3:00 on the last
//     Sunday of October) is the first of the two (CEST). Both are the rules of
//     RFC 5545, so calendar programs show the same time; both add a warning.
//   - A date without a year is the occurrence nearest to now. If that one is
//     in the past ("3.12." typed on 5 December) the result is [ErrPast], not
//     next year's date: a date that has just passed is far more often a typo
//     than a plan a year ahead. "3.1." typed in December is next January.
//   - A plain weekday ("Do") is the next such day, today included while the
//     time is still ahead. "nächsten Donnerstag" skips today and adds a
//     warning that names the date, because Germans disagree on what it means.
//   - "3.12" without a final dot is a date when a date is missing and a time
//     when a time is missing; "19.30" (month 30) is always a time.
//   - "2h"/"19h" is a time if no other time is given, else a duration.
//   - A time before 7:00 without "morgens" gets a warning (maybe 19 Uhr meant).
//   - "heute", "morgen" and "übermorgen" count from the local calendar day
//     of now; typed between midnight and 5:00 they get a warning that names
//     the date (someone still up may mean the day that has just ended).
//   - Words that are not understood are an error ([ErrUnrecognized]), never
//     silently dropped: a wrong round-table time is worse than a question.
//
// # iCalendar
//
// [ICS] writes an RFC 5545 calendar with a VTIMEZONE for Europe/Berlin, by
// hand (see ics.go for why); tests read it back with
// github.com/arran4/golang-ical.
//
// # Reminders
//
// [Reminders] plans reminder times before a start; [Due] decides which of
// them to send now, after the bot was down for a while.
package schedule
