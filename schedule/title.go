package schedule

import (
	"strings"
)

// SplitTitle splits the arguments of "!rundertisch" into the title and the
// date part, e.g. "Digitaler Wandel im Bezirk am 3.12. um 19 Uhr 90 min"
// into "Digitaler Wandel im Bezirk" and "3.12. um 19 Uhr 90 min". The date
// part is the longest tail that consists only of words Parse understands
// and holds a day or a time; a leading "am" or "um" is dropped from it,
// quotes and trailing separators from the title. Without such a tail, when
// is "".
func SplitTitle(args string) (title, when string) { return SplitTitleIn(args, "de") }

// SplitTitleIn is [SplitTitle] for an install in lang: with "en" the date
// part may also be English ("Digital change on 3 Dec at 7 pm"); German
// date parts are found in both.
func SplitTitleIn(args, lang string) (title, when string) {
	toks := tokenizeIn(args, lang)
	en := lang == "en"
	cut := -1
	// A date part is a handful of words; looking at long tails only costs time.
	for i := max(0, len(toks)-maxWhenTokens); i < len(toks); i++ {
		if validTail(toks[i:], en) {
			cut = i
			break
		}
	}
	if cut < 0 {
		return cleanTitle(args), ""
	}
	// Don't take title words that merely happen to be fillers ("Treffen der").
	for cut < len(toks) && fillers[toks[cut].norm] && !connectors[toks[cut].norm] {
		cut++
	}
	whenStart := cut
	if n := toks[whenStart].norm; n == "am" || n == "um" {
		whenStart++
	}
	title = cleanTitle(args[:toks[cut].start])
	if whenStart < len(toks) {
		when = strings.TrimSpace(args[toks[whenStart].start:])
	}
	return title, when
}

// maxWhenTokens bounds the date part SplitTitle looks for.
const maxWhenTokens = 24

// connectors may start the date part.
var connectors = set("am", "um", "ab", "von", "vom", "den")

// validTail reports whether toks scan completely, hold a day or a time and
// don't name two different kinds of day or two start times: "von morgen am
// 3.12." is a title word plus a date.
func validTail(toks []token, en bool) bool {
	items, perr := scan(toks, en)
	if perr != nil {
		return false
	}
	var days, weekdays, times int
	for _, it := range items {
		switch it.kind {
		case kDate, kRel, kDM, kSlash:
			days++
		case kWeekday:
			weekdays++
		case kTime, kHour:
			if !it.end {
				times++
			}
		}
	}
	return days+weekdays+times > 0 && days <= 1 && weekdays <= 1 && times <= 2
}

// cleanTitle trims spaces, quotes and trailing separators.
func cleanTitle(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, " \t:-–—,;")
	s = strings.Trim(s, "\"'„“”‚‘’«» \t")
	return strings.TrimSpace(s)
}
