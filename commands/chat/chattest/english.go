package chattest

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// English finds German in what Lotse sent in an English install: German
// function words, umlauts, German month and weekday names, German dates
// (31.12.2026, 31.12.), German quotes („), German command names where the
// command has an English one, and "1" before a plural ("1 cases"). CheckStyle
// looks at the catalogues; English looks at the messages, so it also finds
// what a catalogue never held: hard-coded strings, dates formatted the
// German way, a text of the wrong catalogue.
//
// Texts that may be German are left out: guide content (an English
// install can run German guides) and the words of the people Lotse talks
// to. Whole titles (Phrases) are replaced before anything else; of the
// rest, every word that is part of a run of three words found in the
// Corpus (guide bodies, what people wrote) is left out.
type English struct {
	phrases  []string
	corpus   []string
	shingles map[[3]string]bool
	// commands maps a German command name to its English one.
	commands map[string]string
}

// phraseMark stands for a replaced phrase: one word, in the corpus too.
const phraseMark = "xphrasex"

// NewEnglish builds the check. phrases are titles that may be German
// (guide and topic titles, names); corpus are longer texts that may be
// German (guide bodies, everything people wrote); commands maps each
// German command name to the English name the English help shows
// ("hilfe" → "help").
func NewEnglish(phrases, corpus []string, commands map[string]string) *English {
	e := &English{shingles: map[[3]string]bool{}, commands: commands}
	for _, p := range phrases {
		if strings.TrimSpace(p) != "" {
			e.phrases = append(e.phrases, p)
		}
	}
	// Longest first: a title that contains another is replaced whole.
	sort.Slice(e.phrases, func(i, j int) bool { return len(e.phrases[i]) > len(e.phrases[j]) })
	for _, c := range corpus {
		e.corpus = append(e.corpus, c)
		ws := englishWords(e.replacePhrases(englishLink.ReplaceAllString(c, " ")))
		for i := 0; i+2 < len(ws); i++ {
			e.shingles[[3]string{ws[i].norm, ws[i+1].norm, ws[i+2].norm}] = true
		}
	}
	return e
}

func (e *English) replacePhrases(s string) string {
	for _, p := range e.phrases {
		s = strings.ReplaceAll(s, p, phraseMark)
	}
	return s
}

type englishWord struct {
	start, end int
	norm       string
}

var englishWordRe = regexp.MustCompile(`[\p{L}\p{N}]+`)

func englishWords(s string) []englishWord {
	var out []englishWord
	for _, loc := range englishWordRe.FindAllStringIndex(s, -1) {
		out = append(out, englishWord{loc[0], loc[1], strings.ToLower(s[loc[0]:loc[1]])})
	}
	return out
}

var (
	// germanOnly are German words that are no English words (nor parts of
	// English text: "die", "am", "so", "war" are left out).
	germanOnly = wordSet(`und oder nicht bitte fuer mit der das den dem des ein eine einen einem einer ist sind wird
		werden wurde hast kannst du dich dir dein deine deinen deinem deiner ich mich mir wir uns noch kein keine keinen auch
		schon bei beim zum zur vom von auf aus zu uhr um nur jetzt hier danke wenn dann aber sich sie es oft gibt
		fall antrag antraege anleitung anleitungen termin zusage zusagen absage erinnerung genehmigung genehmigungen
		raum teilnehmende mitglied koordination datenschutz schulung meine daten protokoll runder tisch tische
		supportfall hilfe erledigt offen`)
	germanMonths = wordSet(`januar februar maerz mai juni juli oktober dezember`)
	germanDays   = wordSet(`montag dienstag mittwoch donnerstag freitag samstag sonntag sonnabend`)
	// germanDate is a German numeric date: 31.12.2026, 31.12.26, 31.12.
	germanDate = regexp.MustCompile(`\b\d{1,2}\.\d{1,2}\.(\d{4}\b|\d{2}\b)?`)
	// germanWeekday is a German weekday before a date: "So, 29.3." or "Mo 3.".
	germanWeekday = regexp.MustCompile(`\b(Mo|Di|Mi|Do|Fr|Sa|So)\.?,? \d`)
	// oneOfMany is "1" before a plural: "1 cases", "(1 RSVPs)".
	oneOfMany = regexp.MustCompile(`(^|[^\d.,#])1 ([A-Za-z]+s)\b`)
	// singularS are words that end in s and are no plurals.
	singularS    = wordSet(`is was has this its yes as does his us plus bus status access address process focus less`)
	englishLink  = regexp.MustCompile(`https?://\S+`)
	englishQuote = regexp.MustCompile(`“[^”]*”`)
	// commandRef is a command in a text: !name.
	commandRef = regexp.MustCompile(`!([\p{L}\p{N}][\p{L}\p{N}-]*)`)
	// germanQuote is the German opening quote.
	germanQuote = regexp.MustCompile(`„`)
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// fold writes umlauts the ASCII way (März → maerz), for the word lists.
var fold = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss")

// Problems lists the German in text, one entry each: the word or span
// and why.
func (e *English) Problems(text string) []string {
	// Links are addresses, not words; a quote of what someone wrote
	// (“31.2.”) is theirs.
	text = englishLink.ReplaceAllString(text, " ")
	text = englishQuote.ReplaceAllStringFunc(text, func(q string) string {
		inner := strings.TrimSuffix(strings.TrimPrefix(q, "“"), "”")
		for _, c := range e.corpus {
			if inner != "" && strings.Contains(c, inner) {
				return " "
			}
		}
		return q
	})
	text = e.replacePhrases(text)
	ws := englishWords(text)
	covered := make([]bool, len(ws))
	for i := 0; i+2 < len(ws); i++ {
		if e.shingles[[3]string{ws[i].norm, ws[i+1].norm, ws[i+2].norm}] {
			covered[i], covered[i+1], covered[i+2] = true, true, true
		}
	}
	// A single word between two left out is left out too: a list's
	// number or a link the rendering put there, not a leftover.
	for i := 1; i+1 < len(ws); i++ {
		if !covered[i] && covered[i-1] && covered[i+1] {
			covered[i] = true
		}
	}
	// isCovered reports whether the span [start, end) touches a word left
	// out (or a replaced phrase), or the character right beside one (the
	// quote around a quoted guide phrase).
	isCovered := func(start, end int) bool {
		for i, w := range ws {
			if covered[i] && w.start <= end && start <= w.end {
				return true
			}
		}
		return false
	}
	var out []string
	for i, w := range ws {
		if covered[i] || w.norm == phraseMark {
			continue
		}
		word := text[w.start:w.end]
		folded := fold.Replace(w.norm)
		switch {
		case strings.ContainsAny(w.norm, "äöüß"):
			out = append(out, word+": umlaut")
		case germanOnly[folded]:
			out = append(out, word+": German word")
		case germanMonths[folded] || germanDays[folded]:
			out = append(out, word+": German month or weekday")
		}
	}
	spans := []struct {
		re   *regexp.Regexp
		why  string
		part int
	}{
		{germanDate, "German date", 0},
		{germanWeekday, "German weekday", 0},
		{germanQuote, "German quote „", 0},
		{oneOfMany, "1 before a plural", 2},
	}
	for _, s := range spans {
		for _, m := range s.re.FindAllStringSubmatchIndex(text, -1) {
			start, end := m[2*s.part], m[2*s.part+1]
			if isCovered(start, end) {
				continue
			}
			if s.re == oneOfMany && singularS[strings.ToLower(text[start:end])] {
				continue
			}
			out = append(out, text[m[0]:m[1]]+": "+s.why)
		}
	}
	for _, m := range commandRef.FindAllStringSubmatchIndex(text, -1) {
		name := strings.TrimRightFunc(text[m[2]:m[3]], func(r rune) bool { return r == '-' || unicode.IsPunct(r) })
		if en, ok := e.commands[strings.ToLower(name)]; ok && !isCovered(m[0], m[1]) {
			out = append(out, "!"+name+": German command, English !"+en)
		}
	}
	return out
}
