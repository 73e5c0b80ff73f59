package schedule

import (
	"regexp"
	"strings"
)

// English dates (install language "en"). The English words a coordinator
// types are rewritten, token by token, into the German words the scanner
// already understands ("tomorrow" → "morgen", "at" → "um", "7pm" → "7" "pm",
// "every 2nd Tuesday" → "jeden 2 dienstag"); the raw text stays as typed,
// so messages quote the English. One grammar keeps both languages' decisions
// (year inference, daylight saving, "next Tuesday", refusing unknown words)
// identical, and German input keeps working in an English install.
//
// A library was considered and not taken: the well-known Go natural-date
// parsers (github.com/olebedev/when, github.com/markusmobius/go-dateparser)
// guess — they skip words they do not understand and pick a reading of
// "12/3" silently — while a round table's date must be refused rather than
// guessed (a wrong date sends hundreds of people to an empty meeting), and
// they know nothing of the German forms, the durations, ends and series
// this package parses. The vocabulary needed is one small table.

// englishWords map an English word to the German one it means.
var englishWords = map[string]string{
	"on": "am", "at": "um", "from": "von", "starting": "ab", "to": "bis", "until": "bis", "till": "bis", "til": "bis",
	"the": "den", "for": "fuer", "and": "und", "around": "gegen", "about": "ca", "approx": "ca",
	"today": "heute", "tomorrow": "morgen",
	"monday": "montag", "mon": "montag", "tuesday": "dienstag", "tue": "dienstag", "tues": "dienstag",
	"wednesday": "mittwoch", "wed": "mittwoch", "thursday": "donnerstag", "thu": "donnerstag", "thur": "donnerstag",
	"thurs": "donnerstag", "friday": "freitag", "fri": "freitag", "saturday": "samstag", "sat": "samstag",
	"sunday": "sonntag", "sun": "sonntag",
	"mondays": "montags", "tuesdays": "dienstags", "wednesdays": "mittwochs", "thursdays": "donnerstags",
	"fridays": "freitags", "saturdays": "samstags", "sundays": "sonntags",
	"january": "januar", "february": "februar", "march": "maerz", "mar": "maerz", "may": "mai", "june": "juni",
	"july": "juli", "october": "oktober", "oct": "okt", "december": "dezember", "dec": "dez",
	"next": "naechsten", "this": "diesen", "coming": "kommenden",
	"weekly": "woechentlich", "monthly": "monatlich", "biweekly": "zweiwoechentlich", "fortnightly": "zweiwoechentlich",
	"week": "woche", "weeks": "wochen", "month": "monat", "months": "monate", "days": "tage",
	"first": "ersten", "second": "zweiten", "third": "dritten", "fourth": "vierten", "last": "letzten",
	"hour": "stunde", "hours": "stunden", "hr": "std", "hrs": "std", "minute": "minuten", "minutes": "minuten",
	"one": "eine", "two": "zwei", "three": "drei", "four": "vier",
	"p.m": "pm", "a.m": "morgens", "evening": "abends", "afternoon": "nachmittags", "morning": "morgens",
}

// germanAbbreviations are the German two-letter weekdays. In an English
// install they are weekdays only when capitalised: "do", "so" and "mo" in
// lower case are English words of a title ("What we do tomorrow at 7pm").
var germanAbbreviations = set("mo", "di", "mi", "do", "fr", "sa", "so")

var (
	reEnClock   = regexp.MustCompile(`^(\d{1,2}(?:[:.]\d{2})?)(am|pm|a\.m|p\.m)\.?$`)
	reEnOrdinal = regexp.MustCompile(`^(\d{1,2})(st|nd|rd|th)$`)
	reSlash     = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?$`)
)

// english rewrites the English words of toks into German ones (see above).
func english(toks []token) []token {
	out := make([]token, 0, len(toks))
	norm := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].norm
	}
	emit := func(t token, n string) { t.norm = n; out = append(out, t) }
	for i := 0; i < len(toks); i++ {
		t, w, w1 := toks[i], toks[i].norm, norm(i+1)
		if g := reEnClock.FindStringSubmatch(w); g != nil { // "7pm", "7:30pm"
			cut := t.start + len(g[1])
			emit(token{raw: t.raw[:len(g[1])], start: t.start, end: cut}, strings.Replace(g[1], ".", ":", 1))
			part := "pm"
			if strings.HasPrefix(g[2], "a") {
				part = "morgens"
			}
			emit(token{raw: t.raw[len(g[1]):], start: cut, end: t.end}, part)
			continue
		}
		if g := reEnOrdinal.FindStringSubmatch(w); g != nil { // "3rd" → "3", "2nd" after "every"
			emit(t, g[1])
			continue
		}
		switch {
		case w == "am" && isClockWord(norm(i-1)) && !startsGermanDate(norm(i+1)):
			emit(t, "morgens") // "7 am"; "19 Uhr am 3.12." stays German
			continue
		case germanAbbreviations[w] && t.raw == strings.ToLower(t.raw):
			emit(t, "\x00"+w) // never understood
			continue
		case w == "of" && (w1 == "the" || w1 == "each" || w1 == "every") && strings.HasPrefix(norm(i+2), "month"):
			emit(t, "im") // "of the month"
			emit(toks[i+2], "monat")
			i += 2
			continue
		case w == "tonight":
			emit(t, "heute")
			emit(t, "abends")
			continue
		case w == "in" && w1 == "the" && (norm(i+2) == "evening" || norm(i+2) == "morning" || norm(i+2) == "afternoon"):
			i++ // "7 in the evening"
			continue
		case w == "of" && (reNum.MatchString(norm(i-1)) || reEnOrdinal.MatchString(norm(i-1))) && isMonth(w1):
			continue // "3rd of December"
		case w == "o" && w1 == "clock":
			t.raw, t.end = t.raw+"'"+toks[i+1].raw, toks[i+1].end
			emit(t, "uhr")
			i++
			continue
		case w == "day" && w1 == "after" && norm(i+2) == "tomorrow":
			t.raw, t.end = t.raw+" "+toks[i+1].raw+" "+toks[i+2].raw, toks[i+2].end
			emit(t, "uebermorgen")
			i += 2
			continue
		case (w == "half" && (w1 == "an" || w1 == "a") && strings.HasPrefix(norm(i+2), "hour")):
			emit(t, "halbe")
			emit(toks[i+2], "stunde")
			i += 2
			continue
		case (w == "an" || w == "a") && (w1 == "hour" || w1 == "hr"):
			emit(t, "eine")
			continue
		case w == "every" || w == "each":
			switch n2 := englishWord(norm(i + 2)); {
			case w1 == "other": // "every other week", "every other Tuesday"
				emit(t, "alle")
				emit(toks[i+1], "2")
				switch n2 {
				case "woche":
					emit(toks[i+2], "wochen")
					i++
				case "monat":
					emit(toks[i+2], "monate")
					i++
				default:
					emit(toks[i+1], "wochen")
				}
				i++
				continue
			case n2 == "wochen" || n2 == "monate" || n2 == "tage" || n2 == "woche" || n2 == "monat":
				emit(t, "alle") // "every 2 weeks", "every two months"
				continue
			}
			emit(t, "jeden")
			continue
		}
		if n, ok := englishWords[w]; ok {
			emit(t, n)
			continue
		}
		out = append(out, t)
	}
	return out
}

// englishWord returns the German word for w, or w.
func englishWord(w string) string {
	if n, ok := englishWords[w]; ok {
		return n
	}
	return w
}

// isMonth reports whether w is a month name in either language.
func isMonth(w string) bool {
	return monthNames[englishWord(w)] != 0
}

// isClockWord reports whether w can be the hour before "am": "7", "7:30".
func isClockWord(w string) bool {
	return (len(w) <= 2 && reNum.MatchString(w)) || reClock.MatchString(w) || reDecimal.MatchString(w)
}

// startsGermanDate reports whether w begins a German date ("3.12.", "3.",
// "Donnerstag"): "19 am 3.12." is German, not 19 a.m.
func startsGermanDate(w string) bool {
	_, wd := weekdayNames[w]
	return wd || reDateFull.MatchString(w) || reDayDot.MatchString(w) || reDecimal.MatchString(w) || reNum.MatchString(w)
}

// tokenizeIn is tokenize with the English words of lang "en" rewritten.
func tokenizeIn(s, lang string) []token {
	toks := tokenize(s)
	if lang == "en" {
		toks = english(toks)
	}
	return toks
}
