package schedule

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	// Europe/Berlin is written into every calendar file and every date is
	// read in it: a host or container without zoneinfo (a slim image, a
	// test machine) must not turn a round table into an error.
	_ "time/tzdata"

	"github.com/lotse-bot/lotse/internal/utf8cut"
)

// The writer is small and by hand on purpose. github.com/arran4/golang-ical
// v0.3.4 (which the tests use to read our output back) writes DTSTART and
// DTEND only in UTC (SetStartAt calls t.UTC()), has no way to add a DAYLIGHT
// part to a VTIMEZONE, escapes parameter values with backslashes (RFC 5545
// has no such escape; values with ":;," must be quoted) and leaves a bare CR
// of a CRLF in TEXT values. A calendar with TZID=Europe/Berlin and a
// VTIMEZONE is what keeps a weekly 19:00 at 19:00 in every client across the
// switch to summer time, so we write the few lines ourselves.

// Methods of [Event] (RFC 5546 iTIP).
const (
	MethodPublish = "PUBLISH"
	MethodRequest = "REQUEST"
	MethodCancel  = "CANCEL"
)

// TZID is the time zone every event is written in.
const TZID = "Europe/Berlin"

// ProdID identifies Lotse as the producer of the calendar.
const ProdID = "-//Lotse//Runder Tisch//DE"

// ErrInvalidEvent means an Event lacks something ICS needs.
var ErrInvalidEvent = errors.New("schedule: invalid event")

// Event is one round table as it goes into a calendar file.
type Event struct {
	// UID is stable per round table (the caller's ID plus a domain, e.g.
	// "rundertisch-42@lotse.example.org"); updates and cancellations reuse it.
	UID string
	// Sequence counts revisions; increase it with every change that
	// attendees should see, including a cancellation.
	Sequence int
	// Method is PUBLISH (default when empty), REQUEST or CANCEL.
	Method string
	// Title, Description and Location are free text, e.g. Location
	// "BigBlueButton (Link kommt per Direktnachricht)".
	Title, Description, Location string
	// Start is converted to Europe/Berlin; Duration must be positive.
	Start    time.Time
	Duration time.Duration
	// Organizer is a display name (CN); OrganizerURI its address, e.g.
	// "mailto:vorstand@example.org" or "matrix:u/lotse:example.org". An
	// ORGANIZER needs an address, so without one "invalid:nomail" is
	// written, as Thunderbird does.
	Organizer    string
	OrganizerURI string
	// Recurrence, if not nil, becomes an RRULE (its Start is ignored here).
	Recurrence *Recurrence
	// Cancelled marks the event STATUS:CANCELLED; Method CANCEL implies it.
	Cancelled bool
	// Created and Modified become CREATED and LAST-MODIFIED when set.
	// DTSTAMP is Modified, else Created, else the current time.
	Created, Modified time.Time
}

// berlin is Europe/Berlin, loaded once.
var berlin = sync.OnceValues(func() (*time.Location, error) { return time.LoadLocation(TZID) })

// vtimezone describes Europe/Berlin with the EU rules in force since 1996:
// summer time from the last Sunday of March, 2:00, to the last Sunday of
// October, 3:00.
var vtimezone = []string{
	"BEGIN:VTIMEZONE",
	"TZID:" + TZID,
	"BEGIN:DAYLIGHT",
	"TZOFFSETFROM:+0100",
	"TZOFFSETTO:+0200",
	"TZNAME:CEST",
	"DTSTART:19700329T020000",
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
	"END:DAYLIGHT",
	"BEGIN:STANDARD",
	"TZOFFSETFROM:+0200",
	"TZOFFSETTO:+0100",
	"TZNAME:CET",
	"DTSTART:19701025T030000",
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
	"END:STANDARD",
	"END:VTIMEZONE",
}

const (
	localLayout = "20060102T150405"
	utcLayout   = "20060102T150405Z"
)

// ICS returns ev as an RFC 5545 iCalendar file (CRLF line ends, lines
// folded at 75 octets) with a VTIMEZONE for Europe/Berlin and one VEVENT.
func ICS(ev Event) ([]byte, error) {
	method := ev.Method
	if method == "" {
		method = MethodPublish
	}
	switch {
	case method != MethodPublish && method != MethodRequest && method != MethodCancel:
		return nil, fmt.Errorf("%w: unknown method %q", ErrInvalidEvent, ev.Method)
	case strings.TrimSpace(ev.UID) == "":
		return nil, fmt.Errorf("%w: empty UID", ErrInvalidEvent)
	case ev.Start.IsZero():
		return nil, fmt.Errorf("%w: no start", ErrInvalidEvent)
	case ev.Duration <= 0:
		return nil, fmt.Errorf("%w: duration %v is not positive", ErrInvalidEvent, ev.Duration)
	case ev.Sequence < 0:
		return nil, fmt.Errorf("%w: negative sequence", ErrInvalidEvent)
	}
	loc, err := berlin()
	if err != nil {
		return nil, fmt.Errorf("failed to load time zone %s: %w", TZID, err)
	}
	start := ev.Start.In(loc)
	end := ev.Start.Add(ev.Duration).In(loc)
	stamp := ev.Modified
	if stamp.IsZero() {
		stamp = ev.Created
	}
	if stamp.IsZero() {
		stamp = time.Now()
	}
	status := "CONFIRMED"
	if ev.Cancelled || method == MethodCancel {
		status = "CANCELLED"
	}

	w := &icsWriter{}
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:" + ProdID)
	w.line("CALSCALE:GREGORIAN")
	w.line("METHOD:" + method)
	for _, l := range vtimezone {
		w.line(l)
	}
	w.line("BEGIN:VEVENT")
	w.line("UID:" + escapeText(ev.UID))
	w.line("SEQUENCE:" + strconv.Itoa(ev.Sequence))
	w.line("DTSTAMP:" + stamp.UTC().Format(utcLayout))
	if !ev.Created.IsZero() {
		w.line("CREATED:" + ev.Created.UTC().Format(utcLayout))
	}
	if !ev.Modified.IsZero() {
		w.line("LAST-MODIFIED:" + ev.Modified.UTC().Format(utcLayout))
	}
	w.line("DTSTART;TZID=" + TZID + ":" + start.Format(localLayout))
	w.line("DTEND;TZID=" + TZID + ":" + end.Format(localLayout))
	if ev.Recurrence != nil {
		rec := *ev.Recurrence
		rec.Start = start
		if rule := rec.RRule(); rule != "" {
			w.line("RRULE:" + rule)
		}
	}
	w.line("SUMMARY:" + escapeText(ev.Title))
	if ev.Description != "" {
		w.line("DESCRIPTION:" + escapeText(ev.Description))
	}
	if ev.Location != "" {
		w.line("LOCATION:" + escapeText(ev.Location))
	}
	if ev.Organizer != "" || ev.OrganizerURI != "" {
		uri := ev.OrganizerURI
		if uri == "" {
			uri = "invalid:nomail"
		}
		prop := "ORGANIZER"
		if ev.Organizer != "" {
			prop += ";CN=" + paramValue(ev.Organizer)
		}
		w.line(prop + ":" + stripControls(uri))
	}
	w.line("STATUS:" + status)
	w.line("TRANSP:OPAQUE")
	w.line("END:VEVENT")
	w.line("END:VCALENDAR")
	return w.buf.Bytes(), nil
}

// icsWriter collects folded content lines.
type icsWriter struct{ buf bytes.Buffer }

// maxLineOctets is the longest content line without CRLF (RFC 5545 3.1).
const maxLineOctets = 75

// line writes one content line, folded so that no line exceeds 75 octets
// and no UTF-8 sequence is split. A continuation starts with a space, which
// counts towards its 75 octets.
func (w *icsWriter) line(s string) {
	limit := maxLineOctets
	for len(s) > limit {
		head := utf8cut.Prefix(s, limit)
		w.buf.WriteString(head)
		w.buf.WriteString("\r\n ")
		s = s[len(head):]
		limit = maxLineOctets - 1
	}
	w.buf.WriteString(s)
	w.buf.WriteString("\r\n")
}

// textEscaper escapes a TEXT value (RFC 5545 3.3.11). Line breaks of any
// kind become \n.
var textEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\r", `\n`, "\n", `\n`)

// escapeText escapes s as a TEXT value and drops control characters that a
// TEXT value may not hold.
func escapeText(s string) string {
	return stripControls(textEscaper.Replace(s))
}

// stripControls removes control characters except HTAB, and invalid UTF-8.
func stripControls(s string) string {
	s = strings.ToValidUTF8(s, "")
	return strings.Map(func(r rune) rune {
		if (r < 0x20 && r != '\t') || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// paramValue returns s as a parameter value: DQUOTE is not allowed at all
// (RFC 5545 3.1; RFC 6868's ^' is not widely read), so it becomes ', and
// values with ":", ";" or "," are quoted.
func paramValue(s string) string {
	s = strings.ReplaceAll(stripControls(s), `"`, "'")
	if strings.ContainsAny(s, ":;,") {
		return `"` + s + `"`
	}
	return s
}
