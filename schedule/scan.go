package schedule

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// This file turns text into tokens and tokens into items (a date, a time,
// a duration …) without looking at the clock; resolve.go gives them meaning.

// token is one word of the input.
type token struct {
	raw        string // as typed
	norm       string // lower case, umlauts folded (ü → ue), trailing dot of words removed
	start, end int    // byte offsets in the input
}

// tokenRE finds words. ISO dates and "14-tägig" stay whole, "1,5" keeps its
// decimal comma, dashes are words of their own ("19–21 Uhr"), quotes,
// brackets and other commas separate words.
var tokenRE = regexp.MustCompile(`\d{4}-\d{1,2}-\d{1,2}|\d+-t(?:ä|ae|a\x{308})gig|\d+,\d+|[-–—]|[^\s,;()\[\]"'„“”‚‘’«»!?\-–—]+`)

var umlauts = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss",
	"a\u0308", "ae", "o\u0308", "oe", "u\u0308", "ue")

// tokenize splits s into tokens.
func tokenize(s string) []token {
	var toks []token
	for _, loc := range tokenRE.FindAllStringIndex(s, -1) {
		raw := s[loc[0]:loc[1]]
		norm := umlauts.Replace(strings.ToLower(raw))
		if strings.HasSuffix(norm, ".") && strings.ContainsAny(norm, "abcdefghijklmnopqrstuvwxyz") {
			norm = strings.TrimRight(norm, ".")
		}
		if norm == "" {
			continue
		}
		toks = append(toks, token{raw: raw, norm: norm, start: loc[0], end: loc[1]})
	}
	return toks
}

type itemKind int

const (
	kDate     itemKind = iota // day, month, year (0: not given)
	kRel                      // days after today
	kWeekday                  // wd with mode
	kTime                     // h:m; end marks an end time
	kDM                       // "3.12": a date or a time, decided later
	kHour                     // "2h", "19h30": a time or a duration, decided later
	kDuration                 // dur
	kRecur                    // freq, interval, ordinal
	kDaypart                  // pm or am
	kSlash                    // "3/12" that can be either day-month or month-day (English)
)

// Weekday modes.
const (
	wdPlain     = iota // "Do", "Donnerstag", "jeden Donnerstag"
	wdThis             // "diesen Donnerstag"
	wdNext             // "nächsten Donnerstag"
	wdAfterNext        // "übernächsten Donnerstag"
	wdNextWeek         // "nächste Woche Donnerstag"
	wdOrdinal          // "jeden ersten Donnerstag": ordinal in ordinal
)

// item is one meaningful part of the input.
type item struct {
	kind             itemKind
	raw              string // the words as typed, for messages
	day, month, year int
	wd               time.Weekday
	mode             int
	h, m             int
	end              bool
	dur              time.Duration
	freq             Frequency
	interval         int
	ordinal          int
	pm, am           bool
	bare             bool // an English ordinal series without "of the month"
}

var fillers = set("am", "um", "ab", "den", "dem", "der", "die", "das", "von", "vom", "zum", "zur",
	"fuer", "uhr", "lang", "dauer", "ca", "etwa", "jeweils", "und", "gegen", "immer", "start", "beginn")

// everyWords are the English words rewritten to "jeden".
var everyWords = set("every", "each")

// timeLead are the words after which a bare number is an hour.
var timeLead = set("um", "ab", "von", "gegen", "bis", "beginn", "start")

var weekdayNames = map[string]time.Weekday{
	"so": time.Sunday, "sonntag": time.Sunday,
	"mo": time.Monday, "montag": time.Monday,
	"di": time.Tuesday, "dienstag": time.Tuesday,
	"mi": time.Wednesday, "mittwoch": time.Wednesday,
	"do": time.Thursday, "donnerstag": time.Thursday,
	"fr": time.Friday, "freitag": time.Friday,
	"sa": time.Saturday, "samstag": time.Saturday, "sonnabend": time.Saturday,
}

var monthNames = map[string]time.Month{
	"jan": 1, "januar": 1, "jaenner": 1,
	"feb": 2, "februar": 2,
	"mrz": 3, "mae": 3, "maer": 3, "maerz": 3,
	"apr": 4, "april": 4,
	"mai": 5,
	"jun": 6, "juni": 6,
	"jul": 7, "juli": 7,
	"aug": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9,
	"okt": 10, "oktober": 10,
	"nov": 11, "november": 11,
	"dez": 12, "dezember": 12,
}

var (
	minuteWords = set("min", "mins", "minute", "minuten", "m")
	hourWords   = set("std", "stdn", "stunde", "stunden", "h")
	pmWords     = set("abends", "abend", "nachmittags", "nachmittag", "mittags", "mittag", "pm")
	amWords     = set("morgens", "vormittags", "vormittag", "frueh")
	ordinals    = map[string]int{"ersten": 1, "erster": 1, "erste": 1, "1": 1,
		"zweiten": 2, "zweiter": 2, "zweite": 2, "2": 2,
		"dritten": 3, "dritter": 3, "dritte": 3, "3": 3,
		"vierten": 4, "vierter": 4, "vierte": 4, "4": 4,
		"letzten": -1, "letzter": -1, "letzte": -1}
	countWords = map[string]int{"ein": 1, "eine": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4,
		"fuenf": 5, "sechs": 6, "acht": 8, "vierzehn": 14}
)

var (
	reDateFull = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?$`)
	reISO      = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	reDayDot   = regexp.MustCompile(`^(\d{1,2})\.$`)
	reNum      = regexp.MustCompile(`^\d{1,4}$`)
	reYear     = regexp.MustCompile(`^\d{4}$`)
	reDM       = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})$`)
	reClock    = regexp.MustCompile(`^(\d{1,2}):(\d{2})(uhr|h)?$`)
	reDotClock = regexp.MustCompile(`^(\d{1,2})\.(\d{2})(uhr|h)$`)
	reHourUhr  = regexp.MustCompile(`^(\d{1,2})uhr$`)
	reHourH    = regexp.MustCompile(`^(\d{1,2})h(?:(\d{2})(?:min|m)?)?$`)
	reMinUnit  = regexp.MustCompile(`^(\d{1,4})(min|mins|minuten|m)$`)
	reStdUnit  = regexp.MustCompile(`^(\d{1,2})(std|stdn|stunde|stunden)$`)
	reDecimal  = regexp.MustCompile(`^(\d{1,2})[.,](\d{1,2})$`)
	reDecUnit  = regexp.MustCompile(`^(\d{1,2})[.,](\d{1,2})(h|std|stunden)$`)
	reTaegig   = regexp.MustCompile(`^(\d+)-taegig$`)
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// atoi converts digits that a regexp already matched (at most four).
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// scanner walks the tokens once.
type scanner struct {
	toks  []token
	items []item
	en    bool // English forms too: "December 3", "12/25"
}

// norm returns the normalised token at i, or "" past either end.
func (s *scanner) norm(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].norm
}

// raw returns the typed text of tokens i..j-1.
func (s *scanner) raw(i, j int) string {
	parts := make([]string, 0, j-i)
	for k := i; k < j && k < len(s.toks); k++ {
		parts = append(parts, s.toks[k].raw)
	}
	return strings.Join(parts, " ")
}

func (s *scanner) add(it item, i, j int) int {
	it.raw = s.raw(i, j)
	s.items = append(s.items, it)
	return j
}

// clockAt reads a time of day starting at token i: "21", "21 Uhr",
// "21:30", "21.30 Uhr", "21h", "21uhr". It returns the index after it.
func (s *scanner) clockAt(i int) (h, m, next int, ok bool) {
	w := s.norm(i)
	if g := reClock.FindStringSubmatch(w); g != nil {
		return atoi(g[1]), atoi(g[2]), s.skipUhr(i + 1), true
	}
	if g := reDotClock.FindStringSubmatch(w); g != nil {
		return atoi(g[1]), atoi(g[2]), i + 1, true
	}
	if g := reHourUhr.FindStringSubmatch(w); g != nil {
		return atoi(g[1]), 0, i + 1, true
	}
	if g := reHourH.FindStringSubmatch(w); g != nil {
		return atoi(g[1]), atoi(g[2]), i + 1, true
	}
	if g := reDM.FindStringSubmatch(w); g != nil && len(g[2]) == 2 {
		return atoi(g[1]), atoi(g[2]), s.skipUhr(i + 1), true
	}
	if len(w) <= 2 && reNum.MatchString(w) {
		return atoi(w), 0, s.skipUhr(i + 1), true
	}
	return 0, 0, i, false
}

// skipUhr returns the index after an optional "Uhr" or "h" at i.
func (s *scanner) skipUhr(i int) int {
	if w := s.norm(i); w == "uhr" || w == "h" {
		return i + 1
	}
	return i
}

// yearAt returns the four-digit year at i (and the index after it), or 0, i.
func (s *scanner) yearAt(i int) (int, int) {
	if reYear.MatchString(s.norm(i)) {
		return atoi(s.norm(i)), i + 1
	}
	return 0, i
}

// scan turns tokens into items. It fails only with ErrUnrecognized. en
// adds the English orders of day and month (see english.go).
func scan(toks []token, en bool) ([]item, *ParseError) {
	s := &scanner{toks: toks, en: en}
	for i := 0; i < len(toks); {
		next, ok := s.step(i)
		if !ok {
			word := toks[i].raw
			return nil, newError(ErrUnrecognized, word,
				func(tx *Texts) string { return fmt.Sprintf(tx.Unrecognized, word) },
				examplesHint(func(tx *Texts) string { return tx.UnrecognizedHint }))
		}
		i = next
	}
	return s.items, nil
}

// step reads the item at token i and returns the index after it.
func (s *scanner) step(i int) (int, bool) {
	w := s.norm(i)
	switch {
	case w == "bis" || w == "ende" || w == "-" || w == "–" || w == "—":
		if h, m, next, ok := s.clockAt(i + 1); ok {
			return s.add(item{kind: kTime, h: h, m: m, end: true}, i, next), true
		}
		return i, false
	case fillers[w]:
		return i + 1, true
	case w == "heute":
		return s.add(item{kind: kRel}, i, i+1), true
	case w == "morgen":
		return s.add(item{kind: kRel, day: 1}, i, i+1), true
	case w == "uebermorgen":
		return s.add(item{kind: kRel, day: 2}, i, i+1), true
	case pmWords[w]:
		return s.add(item{kind: kDaypart, pm: true}, i, i+1), true
	case amWords[w]:
		return s.add(item{kind: kDaypart, am: true}, i, i+1), true
	case w == "woechentlich":
		return s.add(item{kind: kRecur, freq: Weekly, interval: 1}, i, i+1), true
	case w == "zweiwoechentlich" || w == "vierzehntaegig":
		return s.add(item{kind: kRecur, freq: Weekly, interval: 2}, i, i+1), true
	case w == "monatlich":
		return s.add(item{kind: kRecur, freq: Monthly, interval: 1}, i, i+1), true
	case reTaegig.MatchString(w):
		days := atoi(reTaegig.FindStringSubmatch(w)[1])
		if days%7 != 0 || days == 0 {
			return i, false
		}
		return s.add(item{kind: kRecur, freq: Weekly, interval: days / 7}, i, i+1), true
	}
	if wd, ok := weekdayNames[w]; ok {
		return s.add(item{kind: kWeekday, wd: wd, mode: wdPlain}, i, i+1), true
	}
	if wd, ok := pluralWeekday(w); ok { // "donnerstags"
		s.add(item{kind: kRecur, freq: Weekly, interval: 1}, i, i+1)
		return s.add(item{kind: kWeekday, wd: wd, mode: wdPlain}, i, i+1), true
	}
	if next, ok := s.phrase(i); ok {
		return next, true
	}
	if s.en {
		if next, ok := s.englishDate(i); ok {
			return next, true
		}
	}
	return s.number(i)
}

// englishDate reads "December 3" (a month name, then the day) and
// "12/25", "25/12/2026": a slash date is read only when one order is
// impossible (a number above 12) or both give the same day; "3/12" is a
// kSlash item, refused by the resolver with a hint to write the month.
func (s *scanner) englishDate(i int) (int, bool) {
	w, w1 := s.norm(i), s.norm(i+1)
	if mo, ok := monthNames[w]; ok && len(w1) <= 2 && reNum.MatchString(w1) {
		y, next := s.yearAt(i + 2)
		return s.add(item{kind: kDate, day: atoi(w1), month: int(mo), year: y}, i, next), true
	}
	g := reSlash.FindStringSubmatch(w)
	if g == nil {
		return i, false
	}
	a, b, y := atoi(g[1]), atoi(g[2]), atoi(g[3])
	if len(g[3]) == 2 {
		y += 2000
	}
	it := item{kind: kDate, year: y}
	switch {
	case a > 12 || a == b:
		it.day, it.month = a, b
	case b > 12:
		it.day, it.month = b, a
	default:
		it.kind, it.day, it.month = kSlash, a, b
	}
	return s.add(it, i, i+1), true
}

// pluralWeekday recognises "montags" … "sonntags".
func pluralWeekday(w string) (time.Weekday, bool) {
	base, ok := strings.CutSuffix(w, "s")
	if !ok || len(base) < 5 {
		return 0, false
	}
	wd, ok := weekdayNames[base]
	return wd, ok
}

// phrase reads word groups: "nächsten Donnerstag", "jeden ersten Donnerstag
// im Monat", "alle 2 Wochen", "anderthalb Stunden".
func (s *scanner) phrase(i int) (int, bool) {
	w, w1, w2 := s.norm(i), s.norm(i+1), s.norm(i+2)
	mode := -1
	switch w {
	case "diesen", "dieser", "diese", "kommenden", "kommender", "kommende":
		mode = wdThis
	case "naechsten", "naechster", "naechste":
		mode = wdNext
	case "uebernaechsten", "uebernaechster", "uebernaechste":
		mode = wdAfterNext
	}
	if mode >= 0 {
		if wd, ok := weekdayNames[w1]; ok {
			return s.add(item{kind: kWeekday, wd: wd, mode: mode}, i, i+2), true
		}
		if w1 == "woche" && mode == wdNext {
			if wd, ok := weekdayNames[w2]; ok {
				return s.add(item{kind: kWeekday, wd: wd, mode: wdNextWeek}, i, i+3), true
			}
		}
		return i, false
	}
	switch w {
	case "jeden", "jede", "jedem", "jeder":
		if wd, ok := weekdayNames[w1]; ok {
			s.add(item{kind: kRecur, freq: Weekly, interval: 1}, i, i+2)
			return s.add(item{kind: kWeekday, wd: wd, mode: wdPlain}, i, i+2), true
		}
		switch w1 {
		case "woche":
			return s.add(item{kind: kRecur, freq: Weekly, interval: 1}, i, i+2), true
		case "monat":
			return s.add(item{kind: kRecur, freq: Monthly, interval: 1}, i, i+2), true
		}
		n, ok := ordinals[strings.TrimSuffix(w1, ".")]
		wd, ok2 := weekdayNames[w2]
		if !ok || !ok2 {
			return i, false
		}
		next := i + 3
		ofMonth := false
		if (s.norm(next) == "im" || s.norm(next) == "des") && strings.HasPrefix(s.norm(next+1), "monat") {
			next, ofMonth = next+2, true
		}
		// "every 2nd Tuesday" is often meant as every other week in
		// English: without "of the month" the resolver says how it reads
		// it ("every first", "every last" and German are clear).
		s.add(item{kind: kRecur, freq: Monthly, interval: 1, ordinal: n, bare: s.en && !ofMonth && n == 2 && everyWords[strings.ToLower(s.toks[i].raw)]}, i, next)
		return s.add(item{kind: kWeekday, wd: wd, mode: wdOrdinal, ordinal: n}, i, next), true
	case "alle":
		n, ok := countWords[w1]
		if !ok && reNum.MatchString(w1) && len(w1) <= 2 {
			n, ok = atoi(w1), true
		}
		if !ok || n < 1 {
			return i, false
		}
		switch w2 {
		case "wochen", "woche":
			return s.add(item{kind: kRecur, freq: Weekly, interval: n}, i, i+3), true
		case "tage":
			if n%7 == 0 {
				return s.add(item{kind: kRecur, freq: Weekly, interval: n / 7}, i, i+3), true
			}
		case "monate", "monat":
			return s.add(item{kind: kRecur, freq: Monthly, interval: n}, i, i+3), true
		}
		return i, false
	}
	// Durations in words.
	switch {
	case (w == "anderthalb" || w == "eineinhalb") && hourWords[w1]:
		return s.add(item{kind: kDuration, dur: 90 * time.Minute}, i, i+2), true
	case (w == "eine" || w == "einer") && w1 == "halbe" && hourWords[w2]:
		return s.add(item{kind: kDuration, dur: 30 * time.Minute}, i, i+3), true
	case w == "halbe" && hourWords[w1]:
		return s.add(item{kind: kDuration, dur: 30 * time.Minute}, i, i+2), true
	case w == "dreiviertelstunde" || (w == "dreiviertel" && hourWords[w1]):
		next := i + 1
		if w == "dreiviertel" {
			next++
		}
		return s.add(item{kind: kDuration, dur: 45 * time.Minute}, i, next), true
	case w == "viertelstunde":
		return s.add(item{kind: kDuration, dur: 15 * time.Minute}, i, i+1), true
	case countWords[w] > 0 && countWords[w] <= 8 && hourWords[w1]:
		return s.add(item{kind: kDuration, dur: time.Duration(countWords[w]) * time.Hour}, i, i+2), true
	}
	return i, false
}

// number reads tokens that start with a digit.
func (s *scanner) number(i int) (int, bool) {
	w, w1, prev := s.norm(i), s.norm(i+1), s.norm(i-1)
	if g := reISO.FindStringSubmatch(w); g != nil {
		return s.add(item{kind: kDate, year: atoi(g[1]), month: atoi(g[2]), day: atoi(g[3])}, i, i+1), true
	}
	if g := reDateFull.FindStringSubmatch(w); g != nil {
		y, next := atoi(g[3]), i+1
		if g[3] == "" {
			y, next = s.yearAt(i + 1)
		} else if len(g[3]) == 2 {
			y += 2000
		}
		return s.add(item{kind: kDate, day: atoi(g[1]), month: atoi(g[2]), year: y}, i, next), true
	}
	if g := reDayDot.FindStringSubmatch(w); g != nil {
		if mo, ok := monthNames[w1]; ok {
			y, next := s.yearAt(i + 2)
			return s.add(item{kind: kDate, day: atoi(g[1]), month: int(mo), year: y}, i, next), true
		}
		return i, false
	}
	if g := reDecUnit.FindStringSubmatch(w); g != nil {
		return s.add(item{kind: kDuration, dur: decimalHours(g[1], g[2])}, i, i+1), true
	}
	if g := reMinUnit.FindStringSubmatch(w); g != nil {
		return s.add(item{kind: kDuration, dur: time.Duration(atoi(g[1])) * time.Minute}, i, i+1), true
	}
	if g := reStdUnit.FindStringSubmatch(w); g != nil {
		return s.add(item{kind: kDuration, dur: time.Duration(atoi(g[1])) * time.Hour}, i, i+1), true
	}
	if g := reHourUhr.FindStringSubmatch(w); g != nil {
		return s.add(item{kind: kTime, h: atoi(g[1])}, i, i+1), true
	}
	if g := reHourH.FindStringSubmatch(w); g != nil {
		if timeLead[prev] {
			return s.add(item{kind: kTime, h: atoi(g[1]), m: atoi(g[2])}, i, i+1), true
		}
		return s.add(item{kind: kHour, h: atoi(g[1]), m: atoi(g[2])}, i, i+1), true
	}
	if g := reClock.FindStringSubmatch(w); g != nil {
		return s.add(item{kind: kTime, h: atoi(g[1]), m: atoi(g[2])}, i, s.skipUhr(i+1)), true
	}
	if g := reDotClock.FindStringSubmatch(w); g != nil {
		return s.add(item{kind: kTime, h: atoi(g[1]), m: atoi(g[2])}, i, i+1), true
	}
	if g := reDecimal.FindStringSubmatch(w); g != nil {
		a, b := atoi(g[1]), atoi(g[2])
		comma := strings.Contains(w, ",")
		switch {
		case hourWords[w1] && (comma || len(g[2]) == 1):
			return s.add(item{kind: kDuration, dur: decimalHours(g[1], g[2])}, i, i+2), true
		case comma:
			return i, false
		case w1 == "uhr" || w1 == "h" || timeLead[prev] || pmWords[w1] || amWords[w1]:
			return s.add(item{kind: kTime, h: a, m: b}, i, s.skipUhr(i+1)), true
		case prev == "am" || prev == "den" || prev == "vom":
			return s.dateWithYear(item{kind: kDate, day: a, month: b}, i, i+1), true
		case len(g[2]) == 2 && a <= 23 && b >= 13:
			return s.add(item{kind: kTime, h: a, m: b}, i, i+1), true
		case a >= 24 || (b <= 12 && reYear.MatchString(w1)):
			return s.dateWithYear(item{kind: kDate, day: a, month: b}, i, i+1), true
		}
		return s.add(item{kind: kDM, day: a, month: b, h: a, m: b}, i, i+1), true
	}
	if reNum.MatchString(w) {
		n := atoi(w)
		switch {
		case len(w) <= 2 && monthNames[w1] != 0:
			y, next := s.yearAt(i + 2)
			return s.add(item{kind: kDate, day: n, month: int(monthNames[w1]), year: y}, i, next), true
		case minuteWords[w1]:
			return s.add(item{kind: kDuration, dur: time.Duration(n) * time.Minute}, i, i+2), true
		case hourWords[w1] && w1 != "h":
			return s.add(item{kind: kDuration, dur: time.Duration(n) * time.Hour}, i, i+2), true
		case len(w) > 2:
			return i, false
		case w1 == "h":
			if timeLead[prev] {
				return s.add(item{kind: kTime, h: n}, i, i+2), true
			}
			return s.add(item{kind: kHour, h: n}, i, i+2), true
		case w1 == "uhr" || timeLead[prev] || pmWords[w1] || amWords[w1]:
			return s.add(item{kind: kTime, h: n}, i, s.skipUhr(i+1)), true
		case w1 == "-" || w1 == "–" || w1 == "—" || w1 == "bis":
			if _, _, _, ok := s.clockAt(i + 2); ok {
				return s.add(item{kind: kTime, h: n}, i, i+1), true
			}
		}
	}
	return i, false
}

// dateWithYear adds a date item whose year may follow as the next token.
func (s *scanner) dateWithYear(it item, i, next int) int {
	it.year, next = s.yearAt(next)
	return s.add(it, i, next)
}

// decimalHours converts "1" and "5" (from "1,5") to 1h30m.
func decimalHours(whole, frac string) time.Duration {
	f := atoi(frac)
	scale := 10
	if len(frac) == 2 {
		scale = 100
	}
	return time.Duration(atoi(whole))*time.Hour + time.Duration(f)*time.Hour/time.Duration(scale)
}
