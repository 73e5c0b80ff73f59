package schedule_test

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/lotse-bot/lotse/schedule"
)

// FuzzParse checks that Parse never panics, that a result without error is
// never in the past and has a sane duration, that errors are ParseErrors
// with texts, and that SplitTitle gives back parts of its input.
func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		f.Add(tc.in, int64(0))
	}
	f.Add("29.3. 2:30 Uhr", int64(-200*24*3600))
	f.Add("25.10. 2:30 Uhr", int64(-30*24*3600))
	f.Add("Digitaler Wandel im Bezirk am 3.12. um 19 Uhr 90 min", int64(3600))
	f.Add("99.99.9999 99:99 9999 min", int64(0))
	f.Add("jeden 4. So 0 Uhr bis 23:59", int64(0))
	for _, tc := range englishCases {
		f.Add(tc.in, int64(0))
	}
	f.Add("Book club every other week of the month 7pm o'clock half an", int64(0))
	base := time.Date(2026, 11, 20, 10, 0, 0, 0, berlin)
	f.Fuzz(func(t *testing.T, in string, shift int64) {
		// Any "now" within roughly ±30 years of the base.
		now := base.Add(time.Duration(shift%(1<<30)) * time.Second)
		for _, lang := range []string{"de", "en"} {
			fuzzOne(t, in, now, lang)
		}
	})
}

// fuzzOne checks one input in one install language.
func fuzzOne(t *testing.T, in string, now time.Time, lang string) {
	w, err := schedule.ParseIn(in, now, berlin, lang)
	if err != nil {
		var pe *schedule.ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("Parse(%q) error %T is not a *ParseError", in, err)
		}
		if pe.Message() == "" || pe.HintIn("en") == "" {
			t.Fatalf("Parse(%q): empty message or hint", in)
		}
	} else {
		if !w.Start.After(now) {
			t.Fatalf("Parse(%q) at %v = %v: not in the future", in, now, w.Start)
		}
		// The parsed length of the round table is one Parse accepts
		// (the same predicate Parse checks; a property of the result).
		if !schedule.ValidDuration(w.Duration) {
			t.Fatalf("Parse(%q).Duration = %v: a length Parse refuses", in, w.Duration)
		}
		if w.Recurrence != nil {
			if next := w.Recurrence.Next(w.Start); !next.After(w.Start) {
				t.Fatalf("Parse(%q): Recurrence.Next(Start) = %v", in, next)
			}
		}
		if _, err := schedule.ICS(schedule.Event{UID: "f", Title: in, Start: w.Start, Duration: w.Duration, Recurrence: w.Recurrence, Created: now}); err != nil {
			t.Fatalf("ICS for Parse(%q): %v", in, err)
		}
	}
	title, when := schedule.SplitTitleIn(in, lang)
	if utf8.ValidString(in) && (!utf8.ValidString(title) || !utf8.ValidString(when)) {
		t.Fatalf("SplitTitle(%q) = %q, %q: invalid UTF-8", in, title, when)
	}
	if !strings.Contains(in, when) {
		t.Fatalf("SplitTitle(%q) when %q is not part of the input", in, when)
	}
}
