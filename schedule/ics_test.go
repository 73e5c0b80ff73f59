package schedule_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"github.com/lotse-bot/lotse/schedule"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// roundTable is the event of the golden file: long German text with
// umlauts, commas, semicolons, a backslash and line breaks, so that escaping
// and folding are exercised.
func roundTable(t *testing.T) schedule.Event {
	return schedule.Event{
		UID:      "rundertisch-42@lotse.example.org",
		Sequence: 1,
		Method:   schedule.MethodRequest,
		Title:    "Runder Tisch: Digitaler Wandel im Bezirk; Schulen, Ämter & Vereine",
		Description: "Wir sprechen über Glasfaser, digitale Verwaltung und Förderprogramme.\r\n" +
			"Bitte meldet euch vorher an; Fragen gern an die Geschäftsstelle.\n" +
			`Pfad: C:\Protokolle\2026 — Grüße aus dem Vorstand 😊`,
		Location:     "BigBlueButton (Link kommt per Direktnachricht)",
		Start:        at(t, "2026-12-03 19:00"),
		Duration:     90 * time.Minute,
		Organizer:    "Kreisverband Musterstadt, Vorstand",
		OrganizerURI: "mailto:vorstand@example.org",
		Recurrence:   &schedule.Recurrence{Freq: schedule.Weekly},
		Created:      time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC),
		Modified:     time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC),
	}
}

func TestICSGolden(t *testing.T) {
	got, err := schedule.ICS(roundTable(t))
	if err != nil {
		t.Fatalf("ICS: %v", err)
	}
	path := filepath.Join("testdata", "round-table.ics")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run go test ./schedule -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("ICS differs from %s (run with -update after checking):\n%s", path, got)
	}
}

// TestICSLines checks the octet rules of RFC 5545 3.1 on every line.
func TestICSLines(t *testing.T) {
	ev := roundTable(t)
	ev.Description = strings.Repeat("Überörtliche Zusammenarbeit 🚲, ", 20)
	out, err := schedule.ICS(ev)
	if err != nil {
		t.Fatalf("ICS: %v", err)
	}
	if !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Errorf("output does not end with CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n")
	folded := 0
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d has %d octets, want at most 75: %q", i, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i, l)
		}
		if strings.HasPrefix(l, " ") {
			folded++
		}
	}
	if folded < 10 {
		t.Errorf("got %d continuation lines, want the long description folded (>= 10)", folded)
	}
}

// parseBack reads out with golang-ical and returns the calendar and its only event.
func parseBack(t *testing.T, out []byte) (*ics.Calendar, *ics.VEvent) {
	t.Helper()
	cal, err := ics.ParseCalendar(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("ics.ParseCalendar: %v\n%s", err, out)
	}
	events := cal.Events()
	if len(events) != 1 {
		t.Fatalf("got %d events, want 1", len(events))
	}
	return cal, events[0]
}

func prop(t *testing.T, c *ics.ComponentBase, p ics.ComponentProperty) string {
	t.Helper()
	v := c.GetProperty(p)
	if v == nil {
		t.Errorf("property %s missing", p)
		return ""
	}
	return v.Value
}

func calProp(cal *ics.Calendar, name string) string {
	for _, p := range cal.CalendarProperties {
		if p.IANAToken == name {
			return p.Value
		}
	}
	return ""
}

func TestICSParsesBack(t *testing.T) {
	ev := roundTable(t)
	out, err := schedule.ICS(ev)
	if err != nil {
		t.Fatalf("ICS: %v", err)
	}
	cal, got := parseBack(t, out)

	for name, want := range map[string]string{
		"VERSION": "2.0", "PRODID": schedule.ProdID, "METHOD": "REQUEST", "CALSCALE": "GREGORIAN",
	} {
		if v := calProp(cal, name); v != want {
			t.Errorf("calendar %s = %q, want %q", name, v, want)
		}
	}
	wantDesc := strings.ReplaceAll(ev.Description, "\r\n", "\n")
	for p, want := range map[ics.ComponentProperty]string{
		ics.ComponentPropertyUniqueId:     ev.UID,
		ics.ComponentPropertySequence:     "1",
		ics.ComponentPropertySummary:      ev.Title,
		ics.ComponentPropertyDescription:  wantDesc,
		ics.ComponentPropertyLocation:     ev.Location,
		ics.ComponentPropertyStatus:       "CONFIRMED",
		ics.ComponentPropertyRrule:        "FREQ=WEEKLY",
		ics.ComponentPropertyDtstamp:      "20261120T093000Z",
		ics.ComponentPropertyCreated:      "20261120T090000Z",
		ics.ComponentPropertyLastModified: "20261120T093000Z",
		ics.ComponentPropertyOrganizer:    "mailto:vorstand@example.org",
	} {
		if v := prop(t, &got.ComponentBase, p); v != want {
			t.Errorf("%s = %q, want %q", p, v, want)
		}
	}
	if cn := got.GetProperty(ics.ComponentPropertyOrganizer).ICalParameters["CN"]; len(cn) != 1 || cn[0] != ev.Organizer {
		t.Errorf("ORGANIZER CN = %q, want %q", cn, ev.Organizer)
	}
	start, err := got.GetStartAt()
	if err != nil || !start.Equal(ev.Start) {
		t.Errorf("DTSTART = %v (%v), want %v", start, err, ev.Start)
	}
	end, err := got.GetEndAt()
	if err != nil || !end.Equal(ev.Start.Add(ev.Duration)) {
		t.Errorf("DTEND = %v (%v), want %v", end, err, ev.Start.Add(ev.Duration))
	}
	if tz := got.GetProperty(ics.ComponentPropertyDtStart).ICalParameters["TZID"]; len(tz) != 1 || tz[0] != "Europe/Berlin" {
		t.Errorf("DTSTART TZID = %q, want Europe/Berlin", tz)
	}

	zones := cal.Timezones()
	if len(zones) != 1 {
		t.Fatalf("got %d VTIMEZONEs, want 1", len(zones))
	}
	if id := prop(t, &zones[0].ComponentBase, ics.ComponentPropertyTzid); id != "Europe/Berlin" {
		t.Errorf("VTIMEZONE TZID = %q", id)
	}
	var kinds []string
	for _, sub := range zones[0].SubComponents() {
		switch c := sub.(type) {
		case *ics.Daylight:
			kinds = append(kinds, "DAYLIGHT "+prop(t, &c.ComponentBase, ics.ComponentProperty(ics.PropertyTzoffsetto))+" "+prop(t, &c.ComponentBase, ics.ComponentPropertyRrule))
		case *ics.Standard:
			kinds = append(kinds, "STANDARD "+prop(t, &c.ComponentBase, ics.ComponentProperty(ics.PropertyTzoffsetto))+" "+prop(t, &c.ComponentBase, ics.ComponentPropertyRrule))
		}
	}
	want := []string{"DAYLIGHT +0200 FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "STANDARD +0100 FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"}
	if strings.Join(kinds, "|") != strings.Join(want, "|") {
		t.Errorf("VTIMEZONE parts = %q, want %q", kinds, want)
	}
}

func TestICSVariants(t *testing.T) {
	base := func() schedule.Event {
		return schedule.Event{
			UID: "rt-1@lotse.example.org", Title: "Runder Tisch", Start: at(t, "2026-03-26 19:00"),
			Duration: time.Hour, Created: time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC),
		}
	}
	tests := []struct {
		name   string
		modify func(*schedule.Event)
		want   map[ics.ComponentProperty]string // VEVENT properties
		method string
		absent []ics.ComponentProperty
	}{
		{name: "publish by default", modify: func(*schedule.Event) {}, method: "PUBLISH",
			want:   map[ics.ComponentProperty]string{ics.ComponentPropertyStatus: "CONFIRMED", ics.ComponentPropertySequence: "0", ics.ComponentPropertyDtStart: "20260326T190000", ics.ComponentPropertyDtEnd: "20260326T200000"},
			absent: []ics.ComponentProperty{ics.ComponentPropertyRrule, ics.ComponentPropertyOrganizer, ics.ComponentPropertyDescription, ics.ComponentPropertyLocation, ics.ComponentPropertyLastModified}},
		{name: "cancel", modify: func(e *schedule.Event) { e.Method = schedule.MethodCancel; e.Sequence = 2 }, method: "CANCEL",
			want: map[ics.ComponentProperty]string{ics.ComponentPropertyStatus: "CANCELLED", ics.ComponentPropertySequence: "2"}},
		{name: "cancelled publish", modify: func(e *schedule.Event) { e.Cancelled = true }, method: "PUBLISH",
			want: map[ics.ComponentProperty]string{ics.ComponentPropertyStatus: "CANCELLED"}},
		{name: "UTC start is written in Berlin time", modify: func(e *schedule.Event) { e.Start = time.Date(2026, 3, 29, 17, 0, 0, 0, time.UTC) }, method: "PUBLISH",
			want: map[ics.ComponentProperty]string{ics.ComponentPropertyDtStart: "20260329T190000", ics.ComponentPropertyDtEnd: "20260329T200000"}},
		{name: "across the spring switch", modify: func(e *schedule.Event) {
			e.Start = time.Date(2026, 3, 29, 0, 30, 0, 0, time.UTC) // 1:30 CET
			e.Duration = 90 * time.Minute                           // ends 4:00 CEST
		}, method: "PUBLISH",
			want: map[ics.ComponentProperty]string{ics.ComponentPropertyDtStart: "20260329T013000", ics.ComponentPropertyDtEnd: "20260329T040000"}},
		{name: "monthly ordinal", modify: func(e *schedule.Event) {
			e.Recurrence = &schedule.Recurrence{Freq: schedule.Monthly, Ordinal: -1}
		}, method: "PUBLISH", want: map[ics.ComponentProperty]string{ics.ComponentPropertyRrule: "FREQ=MONTHLY;BYDAY=-1TH"}},
		{name: "every two weeks", modify: func(e *schedule.Event) {
			e.Recurrence = &schedule.Recurrence{Freq: schedule.Weekly, Interval: 2}
		}, method: "PUBLISH", want: map[ics.ComponentProperty]string{ics.ComponentPropertyRrule: "FREQ=WEEKLY;INTERVAL=2"}},
		{name: "organizer without address", modify: func(e *schedule.Event) { e.Organizer = `Anna "Ani" Muster` }, method: "PUBLISH",
			want: map[ics.ComponentProperty]string{ics.ComponentPropertyOrganizer: "invalid:nomail"}},
		{name: "control characters dropped", modify: func(e *schedule.Event) { e.Title = "Runder\x00 Tisch\x1b" }, method: "PUBLISH",
			want: map[ics.ComponentProperty]string{ics.ComponentPropertySummary: "Runder Tisch"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ev := base()
			tc.modify(&ev)
			out, err := schedule.ICS(ev)
			if err != nil {
				t.Fatalf("ICS: %v", err)
			}
			cal, got := parseBack(t, out)
			if m := calProp(cal, "METHOD"); m != tc.method {
				t.Errorf("METHOD = %q, want %q", m, tc.method)
			}
			for p, want := range tc.want {
				if v := prop(t, &got.ComponentBase, p); v != want {
					t.Errorf("%s = %q, want %q", p, v, want)
				}
			}
			for _, p := range tc.absent {
				if got.GetProperty(p) != nil {
					t.Errorf("%s present, want none", p)
				}
			}
		})
	}
}

func TestICSInvalid(t *testing.T) {
	ok := schedule.Event{UID: "x", Title: "T", Start: at(t, "2026-12-03 19:00"), Duration: time.Hour, Created: time.Now()}
	tests := []struct {
		name   string
		modify func(*schedule.Event)
	}{
		{"no UID", func(e *schedule.Event) { e.UID = " " }},
		{"no start", func(e *schedule.Event) { e.Start = time.Time{} }},
		{"zero duration", func(e *schedule.Event) { e.Duration = 0 }},
		{"unknown method", func(e *schedule.Event) { e.Method = "ADD" }},
		{"negative sequence", func(e *schedule.Event) { e.Sequence = -1 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ev := ok
			tc.modify(&ev)
			if _, err := schedule.ICS(ev); !errors.Is(err, schedule.ErrInvalidEvent) {
				t.Errorf("ICS error = %v, want ErrInvalidEvent", err)
			}
		})
	}
}
