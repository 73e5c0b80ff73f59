package schedule_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/schedule"
)

// englishCases are what a coordinator of an English install types
// (mend27c). now is Friday 20 November 2026, 10:00.
var englishCases = []parseCase{
	{name: "on 3 Dec at 7 pm", now: fri, in: "on 3 Dec at 7 pm", start: "2026-12-03 19:00 +0100"},
	{name: "December 3 at 19:00", now: fri, in: "December 3 at 19:00", start: "2026-12-03 19:00 +0100"},
	{name: "Dec 3rd 7pm", now: fri, in: "Dec 3rd 7pm", start: "2026-12-03 19:00 +0100"},
	{name: "3rd of December at 7:30pm", now: fri, in: "3rd of December at 7:30pm", start: "2026-12-03 19:30 +0100"},
	{name: "on the 3rd of December", now: fri, in: "on the 3rd of December at 7 p.m.", start: "2026-12-03 19:00 +0100"},
	{name: "month, day, year", now: fri, in: "December 3, 2026 at 7 pm", start: "2026-12-03 19:00 +0100"},
	{name: "German date, English time", now: fri, in: "3.12. at 7 pm", start: "2026-12-03 19:00 +0100"},
	{name: "12/25 is month-day", now: fri, in: "12/25 at 7 pm", start: "2026-12-25 19:00 +0100"},
	{name: "25/12 is day-month", now: fri, in: "25/12 at 7 pm", start: "2026-12-25 19:00 +0100"},
	{name: "3/3 is the same both ways", now: fri, in: "3/3 at 7 pm", start: "2027-03-03 19:00 +0100"},
	{name: "3/12 is refused", now: fri, in: "3/12 at 7 pm", err: schedule.ErrAmbiguous},
	{name: "13/13 does not exist", now: fri, in: "13/13 at 7 pm", err: schedule.ErrInvalidDate},
	{name: "tomorrow at 7pm", now: fri, in: "tomorrow at 7pm", start: "2026-11-21 19:00 +0100"},
	{name: "tonight at 8", now: fri, in: "tonight at 8", start: "2026-11-20 20:00 +0100"},
	{name: "the day after tomorrow", now: fri, in: "the day after tomorrow at 6 pm", start: "2026-11-22 18:00 +0100"},
	{name: "next Tuesday 18:30", now: fri, in: "next Tuesday 18:30", start: "2026-11-24 18:30 +0100", warn: []string{"next Tuesday"}},
	{name: "this Thursday", now: fri, in: "this Thursday 7 pm", start: "2026-11-26 19:00 +0100"},
	{name: "Thu 7 am", now: fri, in: "Thu 7 am", start: "2026-11-26 07:00 +0100"},
	{name: "9 o'clock", now: fri, in: "3 Dec 9 o'clock", start: "2026-12-03 09:00 +0100"},
	{name: "7 in the evening", now: fri, in: "3 Dec at 7 in the evening", start: "2026-12-03 19:00 +0100"},

	// Durations and ends.
	{name: "7 pm to 9 pm", now: fri, in: "3 Dec 7 pm to 9 pm", start: "2026-12-03 19:00 +0100", dur: 2 * time.Hour},
	{name: "7-9 pm", now: fri, in: "3 Dec 7-9 pm", start: "2026-12-03 19:00 +0100", dur: 2 * time.Hour},
	{name: "from 7 until 9 pm", now: fri, in: "3 Dec from 7 until 9 pm", start: "2026-12-03 19:00 +0100", dur: 2 * time.Hour},
	{name: "for 2 hours", now: fri, in: "3 Dec at 7 pm for 2 hours", start: "2026-12-03 19:00 +0100", dur: 2 * time.Hour},
	{name: "for an hour", now: fri, in: "3 Dec at 7 pm for an hour", start: "2026-12-03 19:00 +0100", dur: time.Hour},
	{name: "half an hour", now: fri, in: "3 Dec at 7 pm for half an hour", start: "2026-12-03 19:00 +0100", dur: 30 * time.Minute},
	{name: "1.5 hours", now: fri, in: "3 Dec at 7 pm 1.5 hours", start: "2026-12-03 19:00 +0100", dur: 90 * time.Minute},
	{name: "90 minutes", now: fri, in: "3 Dec at 7 pm 90 minutes", start: "2026-12-03 19:00 +0100", dur: 90 * time.Minute},

	// Series.
	{name: "every Tuesday", now: fri, in: "every Tuesday at 7 pm", start: "2026-11-24 19:00 +0100", rec: "FREQ=WEEKLY"},
	{name: "Thursdays", now: fri, in: "Thursdays at 7 pm", start: "2026-11-26 19:00 +0100", rec: "FREQ=WEEKLY"},
	{name: "weekly from", now: fri, in: "weekly from 3 Dec at 7 pm", start: "2026-12-03 19:00 +0100", rec: "FREQ=WEEKLY"},
	{name: "every other Tuesday", now: fri, in: "every other Tuesday at 7 pm", start: "2026-11-24 19:00 +0100", rec: "FREQ=WEEKLY;INTERVAL=2"},
	{name: "every other week", now: fri, in: "every other week on Thursday at 7 pm", start: "2026-11-26 19:00 +0100", rec: "FREQ=WEEKLY;INTERVAL=2"},
	{name: "every 2 weeks", now: fri, in: "every 2 weeks on Thursday at 7 pm", start: "2026-11-26 19:00 +0100", rec: "FREQ=WEEKLY;INTERVAL=2"},
	{name: "every two weeks", now: fri, in: "every two weeks Thu 7 pm", start: "2026-11-26 19:00 +0100", rec: "FREQ=WEEKLY;INTERVAL=2"},
	{name: "biweekly", now: fri, in: "biweekly Thu 7 pm", start: "2026-11-26 19:00 +0100", rec: "FREQ=WEEKLY;INTERVAL=2"},
	{name: "monthly", now: fri, in: "monthly from 3 Dec at 7 pm", start: "2026-12-03 19:00 +0100", rec: "FREQ=MONTHLY"},
	{name: "every 2nd Tuesday", now: fri, in: "every 2nd Tuesday at 7 pm", start: "2026-12-08 19:00 +0100", rec: "FREQ=MONTHLY;BYDAY=2TU", warn: []string{"second Tuesday of each month. If you mean every other week, write “every other Tuesday”"}},
	{name: "every second Tuesday of the month", now: fri, in: "every second Tuesday of the month at 7 pm", start: "2026-12-08 19:00 +0100", rec: "FREQ=MONTHLY;BYDAY=2TU"},
	{name: "every last Friday", now: fri, in: "every last Friday of the month 7 pm", start: "2026-11-27 19:00 +0100", rec: "FREQ=MONTHLY;BYDAY=-1FR"},

	// German keeps working in an English install.
	{name: "German am um", now: fri, in: "am 3.12. um 19 Uhr", start: "2026-12-03 19:00 +0100"},
	{name: "German time first", now: fri, in: "19 Uhr am 3.12.", start: "2026-12-03 19:00 +0100"},
	{name: "German um 19 am", now: fri, in: "um 19 am 3.12.", start: "2026-12-03 19:00 +0100"},
	{name: "German Do", now: fri, in: "Do 19 Uhr", start: "2026-11-26 19:00 +0100"},
	{name: "German nächsten", now: fri, in: "jeden ersten Donnerstag im Monat 19 Uhr", start: "2026-12-03 19:00 +0100", rec: "FREQ=MONTHLY;BYDAY=1TH"},
	{name: "lower-case do is an English word", now: fri, in: "do 19 Uhr", err: schedule.ErrUnrecognized},

	// Still refused.
	{name: "no date", now: fri, in: "at 7 pm", err: schedule.ErrNoDate},
	{name: "unknown word", now: fri, in: "3 Dec at 7 pm pizza", err: schedule.ErrUnrecognized},
	{name: "past", now: midDec, in: "December 3 at 7 pm", err: schedule.ErrPast},
}

func TestParseEnglish(t *testing.T) {
	for _, tc := range englishCases {
		t.Run(tc.name, func(t *testing.T) {
			checkParse(t, tc, "en", true)
		})
	}
}

// TestParseGermanInEnglishInstall: every German case gives the same day,
// time, duration, series or error in an English install.
func TestParseGermanInEnglishInstall(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			checkParse(t, tc, "en", false)
		})
	}
}

// TestParseEnglishInGermanInstall: a German install does not read English
// words (unchanged): "at" is not understood.
func TestParseEnglishInGermanInstall(t *testing.T) {
	if _, err := schedule.ParseIn("3 Dec at 7 pm", at(t, fri), berlin, "de"); !errors.Is(err, schedule.ErrUnrecognized) {
		t.Errorf("ParseIn(de) error = %v, want ErrUnrecognized", err)
	}
}

// TestSlashMessage: the refusal of "3/12" names both days and how to write them.
func TestSlashMessage(t *testing.T) {
	_, err := schedule.ParseIn("3/12 at 7 pm", at(t, fri), berlin, "en")
	var pe *schedule.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error = %v, want a *ParseError", err)
	}
	msg, hint := pe.MessageIn("en"), pe.HintIn("en")
	for _, want := range []string{"3/12", "3 Dec", "12 Mar"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if !strings.Contains(hint, "3 Dec") || !strings.Contains(hint, "month as a word") {
		t.Errorf("hint %q does not say how to write it", hint)
	}
	if de := pe.MessageIn("de"); !strings.Contains(de, "3. Dezember") || !strings.Contains(de, "12. März") {
		t.Errorf("German message %q lacks the days", de)
	}
}

// checkParse runs tc through ParseIn in lang; warnings are compared only
// when they are in tc's language.
func checkParse(t *testing.T, tc parseCase, lang string, warnings bool) {
	t.Helper()
	got, err := schedule.ParseIn(tc.in, at(t, tc.now), berlin, lang)
	if tc.err != nil {
		if !errors.Is(err, tc.err) {
			t.Fatalf("ParseIn(%q, %s) error = %v, want %v (got start %v)", tc.in, lang, err, tc.err, got.Start)
		}
		var pe *schedule.ParseError
		if !errors.As(err, &pe) || pe.MessageIn(lang) == "" || pe.HintIn(lang) == "" {
			t.Errorf("ParseIn(%q, %s): no message or hint: %v", tc.in, lang, err)
		}
		return
	}
	if err != nil {
		t.Fatalf("ParseIn(%q, %s) error = %v", tc.in, lang, err)
	}
	if s := got.Start.In(berlin).Format(layout); s != tc.start {
		t.Errorf("ParseIn(%q, %s).Start = %s, want %s", tc.in, lang, s, tc.start)
	}
	wantDur := tc.dur
	if wantDur == 0 {
		wantDur = schedule.DefaultDuration
	}
	if got.Duration != wantDur {
		t.Errorf("ParseIn(%q, %s).Duration = %v, want %v", tc.in, lang, got.Duration, wantDur)
	}
	gotRec := ""
	if got.Recurrence != nil {
		gotRec = got.Recurrence.RRule()
	}
	if gotRec != tc.rec {
		t.Errorf("ParseIn(%q, %s) recurrence = %q, want %q", tc.in, lang, gotRec, tc.rec)
	}
	if warnings {
		checkWarnings(t, tc.in, got.Warnings, tc.warn)
	} else if len(got.Warnings) != len(tc.warn) {
		t.Errorf("ParseIn(%q, %s).Warnings = %q, want %d", tc.in, lang, got.Warnings, len(tc.warn))
	}
}
