package chat

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"maunium.net/go/mautrix/format"

	"github.com/lotse-bot/lotse/guides"
)

// Date layouts, written once. Dates shown to people follow the language of
// the install (Layouts): German „31.12.2026“, English "31 Dec 2026" – the
// way round tables show their dates (schedule.Texts). The constants are
// the German ones.
const (
	// DateLayout is a day: 31.12.2026.
	DateLayout = "02.01.2006"
	// DateTimeLayout is a day and a time: 31.12.2026 18:30.
	DateTimeLayout = "02.01.2006 15:04"
	// ShortDateTimeLayout is a day of this year and a time: 31.12. 18:30.
	ShortDateTimeLayout = "02.01. 15:04"
	// ISODateLayout is a day in file names, keys and audit details: 2026-12-31.
	ISODateLayout = "2006-01-02"
	// StampLayout is an exact time in exports (RFC 3339 with the zone).
	StampLayout = time.RFC3339
)

// Layouts are the layouts of the dates one language shows to people.
type Layouts struct {
	// Date is a day (31.12.2026, 31 Dec 2026).
	Date string
	// DateTime is a day and a time (31.12.2026 18:30, 31 Dec 2026, 18:30).
	DateTime string
	// ShortDateTime is a day of this year and a time (31.12. 18:30, 31 Dec, 18:30).
	ShortDateTime string
}

var (
	germanLayouts  = Layouts{Date: DateLayout, DateTime: DateTimeLayout, ShortDateTime: ShortDateTimeLayout}
	englishLayouts = Layouts{Date: "2 Jan 2006", DateTime: "2 Jan 2006, 15:04", ShortDateTime: "2 Jan, 15:04"}
)

// LayoutsFor returns the date layouts of lang ("de" or "en"), German by
// default. An English reader takes 01.03.2027 for the 3rd of January.
func LayoutsFor(lang string) Layouts {
	if lang == "en" {
		return englishLayouts
	}
	return germanLayouts
}

// InputDateLayouts are the ways people type a day, in the order they are tried.
var InputDateLayouts = []string{DateLayout, "2.1.2006", ISODateLayout, "02.01.06"}

// Format fills a text of a catalogue.
func Format(text string, args ...any) string {
	return fmt.Sprintf(text, args...)
}

// Plural picks the singular or plural form of forms ("one|other", each may
// hold format verbs) for n. A text without "|" is used for every n. The
// forms are cut at the first "|" outside a code span: a command shown in
// backticks may hold one (`!lehren #<Fall> <Anleitung> | <Frage>`), which
// cut the text there before texts33.
func Plural(forms string, n int) string {
	one, other, ok := PluralForms(forms)
	if !ok {
		return forms
	}
	if n == 1 {
		return one
	}
	return other
}

// PluralForms cuts forms at the first "|" outside a code span (`…`) into
// the singular and the plural form; ok is false when there is none.
func PluralForms(forms string) (one, other string, ok bool) {
	inCode := false
	for i := 0; i < len(forms); i++ {
		switch forms[i] {
		case '`':
			inCode = !inCode
		case '|':
			if !inCode {
				return forms[:i], forms[i+1:], true
			}
		}
	}
	return forms, "", false
}

// MaxEscaped is how many characters Escape keeps. A text of a catalogue
// that is stored and later shown through Escape (an access request's last
// error, in the approvers' failure note) must fit, or it loses its end —
// where it says what to do (left33; chattest.CheckFit checks them).
const MaxEscaped = 200

// Escape makes user input safe to put into a Markdown text (one line, at
// most MaxEscaped characters).
func Escape(s string) string {
	return EscapeLong(s, MaxEscaped)
}

// Code makes user input safe to put between the backticks of a code span
// in a Markdown text („Benutzername `%s`“, „`!raum %s`“): one line, at
// most 200 characters. A code span shows its text literally, so Escape's
// backslashes would stay visible there („max\_muster“, and a member who
// copies the command copies them too); only a backtick, which would end
// the span, is replaced.
func Code(s string) string {
	return strings.ReplaceAll(Shorten(s, 200), "`", "'")
}

// EscapeLong is Escape with a custom length limit of n characters.
func EscapeLong(s string, n int) string {
	return format.EscapeMarkdown(Shorten(s, n))
}

// Shorten is [guides.Shorten]: s on one line, cut to max characters
// (runes) with "…"; for quoting what someone wrote.
func Shorten(s string, max int) string { return guides.Shorten(s, max) }

// EscapeMultiline escapes every line of s and keeps the line breaks.
func EscapeMultiline(s string) string {
	parts := strings.Split(s, "\n")
	for i, p := range parts {
		parts[i] = Escape(p)
	}
	return strings.Join(parts, "  \n")
}

// StripModifiers removes variation selectors and skin tones from a
// reaction key, so that ✅ and ✅️ (or 👍🏽) are the same.
func StripModifiers(key string) string {
	return strings.Map(func(r rune) rune {
		if r == '\ufe0f' || (r >= 0x1F3FB && r <= 0x1F3FF) {
			return -1
		}
		return r
	}, key)
}

// NormWords lowercases and strips punctuation, for word lists.
func NormWords(text string) string {
	t := strings.ToLower(strings.TrimFunc(text, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }))
	return strings.Join(strings.Fields(t), " ")
}

// Summarize shortens a member's text to one line of at most 120 characters.
func Summarize(q string) string {
	return Shorten(q, 120)
}

// Local formats t in the environment's time zone with layout.
func (e *Env) Local(t time.Time, layout string) string {
	return t.In(e.Location).Format(layout)
}

// Day is the day of t in the environment's time zone and language
// (31.12.2026, 31 Dec 2026).
func (e *Env) Day(t time.Time) string { return e.Local(t, LayoutsFor(e.Lang).Date) }

// DayTime is Day with the time (31.12.2026 18:30, 31 Dec 2026, 18:30).
func (e *Env) DayTime(t time.Time) string { return e.Local(t, LayoutsFor(e.Lang).DateTime) }

// ShortDayTime is DayTime without the year, for a day of this year
// (31.12. 18:30, 31 Dec, 18:30).
func (e *Env) ShortDayTime(t time.Time) string { return e.Local(t, LayoutsFor(e.Lang).ShortDateTime) }

// YesWords and NoWords are the short answers to a yes/no question (after
// NormWords).
var (
	YesWords = map[string]bool{"ja": true, "j": true, "yes": true, "y": true, "ok": true, "okay": true, "gerne": true, "gern": true, "ja bitte": true, "bitte": true, "✅": true, "👍": true}
	NoWords  = map[string]bool{"nein": true, "n": true, "no": true, "nee": true, "nö": true, "nein danke": true, "lieber nicht": true, "❌": true}
)

// The answer particles (review rvP11, finding 6): the one source of the
// words that say yes or no to every yes/no question of Lotse's — the case
// offer, the access request's confirmation — and of the answer
// decision's readings of a reply ("nein, ich brauche Hilfe", "nein
// danke"), which build their lists from these. German: Duden grammar,
// "Antwortpartikeln" (ja, nein) and the colloquial forms Duden lists
// ("jo", "jap", "jup"; "nee", "nö"); English: Cambridge Grammar of
// English, "response words" (yes, yeah, yep, yup; no, nope, nah).
var (
	// YesParticles say yes alone ("yep" as "ja").
	YesParticles = map[string]bool{"ja": true, "jo": true, "jap": true, "jup": true, "yes": true, "yeah": true,
		"yep": true, "yup": true}
	// NoParticles say no alone ("nope" as "nein"; "noe" is "nö" as
	// typed without umlaut).
	NoParticles = map[string]bool{"nein": true, "nee": true, "nö": true, "noe": true, "no": true, "nope": true,
		"nah": true, "ne": true}
	// NoAlone are the NoParticles that are also a word of another kind
	// in a German message: "nah" is the German adjective and adverb
	// (Duden, "nah, nahe": in geringer Entfernung — "nah an der Tür",
	// "ganz nah dran"). It says no only as the whole message ("nah",
	// "nah."; SaysNo of the whole) or set apart by a clause break ("nah,
	// no worries"), never before the next word of a longer message
	// (review of the eleventh pass: „nah dran, aber …“ declined a case
	// offer).
	// "ne" is the colloquial "nein" (Duden, "ne": ugs. "nein" — „ne,
	// danke“), the colloquial article "eine" („ne Frage“; Duden, "'ne")
	// and the tag "nicht wahr" („gut, ne?“): a "no" alone or before a
	// clause break only („ne danke“ is the polite refusal by the
	// answer decision's reading of thanks after a "no").
	NoAlone = map[string]bool{"nah": true, "ne": true}
)

// ClauseBreaks are the marks that end a clause: a comma, the end of a
// sentence, a line break, a dash ("Hallo - wie …") and a closing
// parenthesis (BreakBefore reads their typographic forms too).
const ClauseBreaks = ",.!?:;\n-)"

// BreakBefore reports whether one of the characters of breaks stands
// between position p of text and the word before it (only blanks
// besides). The typographic forms that phones and word processors put
// for typed ones count as those: "…" as ".", the dashes "–" and "—" as
// "-" ("Hallo – wie …", "ein Problem… wie …"). It is the answer
// decision's reading of a clause break, here so that support reads the
// particles of NoAlone the same way (SetApart).
func BreakBefore(text string, p int, breaks string) bool {
	for k := p; k > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:k])
		k -= size
		switch r {
		case '…':
			r = '.'
		case '–', '—':
			r = '-'
		}
		switch {
		case r < utf8.RuneSelf && strings.IndexByte(breaks, byte(r)) >= 0:
			return true
		case unicode.IsSpace(r):
			continue
		default:
			return false
		}
	}
	return false
}

// SetApart reports whether the word of text that ends at end stands
// apart from what follows it: no word (letters or digits) follows, or a
// clause break (ClauseBreaks, BreakBefore) stands before the next one. A
// particle of NoAlone says no only so ("nah", "nah, no worries"; "nah
// dran" is the adverb): the one reading of it, for support's case offer
// and the answer decision's run of reply particles (they differed on "—"
// and ")"; final review of the thirteenth pass). A hyphen right after the
// word counts as a break here; both read it as a compound ("nah-dran")
// by their own rules.
func SetApart(text string, end int) bool {
	next := strings.IndexFunc(text[end:], func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	return next < 0 || BreakBefore(text, end+next, ClauseBreaks)
}

// The polite yes: an answer particle that says yes with the words that
// make it a polite acceptance, and nothing else — Duden, "bitte" ("ja,
// bitte!": accepting an offer politely), "gern(e)" ("ja, gern!"), with
// "sehr" ("ja, sehr gerne"); Cambridge Dictionary, "yes please" (used to
// accept something politely). YesWords has "ja bitte" but not "ja,
// bitte", "ja gerne" or "yes please". Every yes/no question of Lotse's
// reads it alike (SaysYes): the case offer, the access request's
// confirmation, and the answer workflow, which asks what it is about
// when nothing is pending.
var (
	// yesPolite make a yes polite.
	yesPolite = map[string]bool{"bitte": true, "gerne": true, "gern": true, "sehr": true, "please": true}
	// yesSure make a yes emphatic: Duden, "klar" (ugs.
	// "selbstverständlich": "ja klar"), "sicher" ("ja, sicher"),
	// "natürlich"; Cambridge Dictionary, "sure" ("yes, sure"). A yes
	// to a question (SaysYes), no polite yes with nothing pending.
	yesSure = map[string]bool{"klar": true, "sicher": true, "natürlich": true, "sure": true}
)

// maxPoliteYes bounds the words of a polite yes ("oh ja, sehr gerne
// bitte").
const maxPoliteYes = 5

// readYes reads the bare words fs of a message (the fields of BareWords
// of its NormWords: punctuation and emoji between dropped) as a yes
// alone: yes, one of YesParticles with nothing but other particles,
// yesPolite and yesSure around it; polite, one of yesPolite among them;
// sure, one of yesSure.
func readYes(fs []string) (yes, polite, sure bool) {
	if len(fs) > maxPoliteYes {
		return false, false, false
	}
	for _, f := range fs {
		switch {
		case YesParticles[f]:
			yes = true
		case yesPolite[f]:
			polite = true
		case yesSure[f]:
			sure = true
		default:
			return false, false, false
		}
	}
	return yes, polite, sure
}

// PoliteYes reports whether words (NormWords of a message) are a polite
// yes alone: YesParticles and yesPolite, one of each at least, with
// punctuation or emoji between (BareWords: "ja, gerne!", "yes, please 🙂").
func PoliteYes(words string) bool {
	yes, polite, sure := readYes(strings.Fields(BareWords(words)))
	return yes && polite && !sure
}

// SaysYes reports whether words (NormWords of a message) answer a yes/no
// question with yes: one of YesWords (also with punctuation or emoji:
// "ok!"), or answer particles that say yes, alone ("yep", "jo") or polite
// or emphatic ("ja, gerne!", "yes please", "ja klar"), or with words of
// approval ("ok, mach das"). NormWords drops a final question mark: a
// caller with the message reads it with YesTo. The bare words are read
// once, for all three readings.
func SaysYes(words string) bool {
	bare := BareWords(words)
	if YesWords[words] || YesWords[bare] {
		return true
	}
	fs := strings.Fields(bare)
	yes, _, _ := readYes(fs)
	return yes || acceptYes(fs)
}

// YesTo reads a message (text as sent, words its NormWords) as the answer
// to a yes/no question, taking a yes only when it does not ask: "ok?",
// "ja gut?" ask whether something is all right and answer no question
// with yes, however they say it (review rvR12, finding 7). A message says
// yes when SaysYes reads it so or words is one of also (the access
// request's confirmation takes "abschicken", "senden"); yes reports such
// a message that does not end asking (EndsAsking), asksYes one that does
// (the case offer asks its question again). The callers, the case offer
// and the access request's confirmation, read only these.
func YesTo(text, words string, also ...string) (yes, asksYes bool) {
	if !SaysYes(words) && !slices.Contains(also, words) {
		return false, false
	}
	asks := EndsAsking(text)
	return !asks, asks
}

// The yes with words of approval: a yes particle or "ok" with what
// approves the offer and nothing else — Duden, "okay" (einverstanden),
// "gut" ("[also] gut!": Einverständnis), "passen" (ugs. "passt": es ist
// recht), "einverstanden", "super", "prima", "perfekt" (Zustimmung),
// "machen" ("mach das!", "mach mal"); Cambridge Dictionary, "go ahead"
// (used to give someone permission), "do it", "fine", "alright". "ja ok",
// "jo, passt", "ok, mach das", "yes, go ahead" answer a yes/no question
// with yes: read as neither, the case offer got „Alles klar!“ and stayed
// open with nothing sent (review of the eleventh pass, the talk12 probes).
var (
	// acceptAnchors make the words a yes: YesParticles, "ok" and its
	// spellings, "einverstanden".
	acceptAnchors = map[string]bool{"ok": true, "okay": true, "okey": true, "einverstanden": true}
	// acceptWords approve alone beside an anchor.
	acceptWords = map[string]bool{"gut": true, "passt": true, "super": true, "prima": true, "perfekt": true,
		"fine": true, "alright": true}
	// acceptPhrases approve only as a whole, beside an anchor: the
	// imperatives of doing it ("mach das", "mach mal", "go ahead", "do
	// it"). Their words alone approve nothing ("ok das", "ok mal", "ok
	// go"), and "mach's gut" is a farewell (Duden, "machen": „mach's
	// gut!“), no approval (review rvR12, finding 1).
	acceptPhrases = map[string]bool{"mach das": true, "mach mal": true, "mach es": true, "mach": true, "machs": true,
		"mache": true, "mache das": true, "go ahead": true, "do it": true}
)

// acceptYes reports whether the bare words fs of a message (as readYes
// reads them) are a yes with words of approval alone: acceptAnchors or
// YesParticles, one at least, with acceptWords, acceptPhrases, yesPolite
// and yesSure, at most maxPoliteYes words.
func acceptYes(fs []string) bool {
	if len(fs) < 2 || len(fs) > maxPoliteYes {
		return false
	}
	anchor := false
	for i := 0; i < len(fs); i++ {
		f := fs[i]
		switch {
		case YesParticles[f] || acceptAnchors[f]:
			anchor = true
		case acceptWords[f] || yesPolite[f] || yesSure[f]:
		case i+1 < len(fs) && acceptPhrases[f+" "+fs[i+1]] && (i+2 == len(fs) || fs[i+2] != "gut"):
			// ("mach es gut" is the farewell's long form; review
			// rvS12, finding 1.)
			i++
		case acceptPhrases[f] && (i+1 == len(fs) || fs[i+1] != "gut"):
		default:
			return false
		}
	}
	return anchor
}

// EndsAsking reports whether text (a message as sent) asks: a question
// mark after its last letter or digit, with anything else around it —
// "ok?", "ok?!", "ja gut? 🙂", "ok? :)", the full-width "ok？" ask whether
// something is all right, and answer no yes/no question with yes (review
// rvR12, finding 7; rvS12, finding 2).
func EndsAsking(text string) bool {
	tail := text[strings.LastIndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })+1:]
	return strings.ContainsAny(tail, "?？")
}

// SaysNo reports whether words (NormWords of a message) answer a yes/no
// question with no: one of NoWords (also with punctuation or emoji), or
// answer particles that say no and nothing else ("nope", "nah", "nee,
// nee").
func SaysNo(words string) bool {
	bare := BareWords(words)
	if NoWords[words] || NoWords[bare] {
		return true
	}
	fs := strings.Fields(bare)
	if len(fs) == 0 || len(fs) > maxPoliteYes {
		return false
	}
	for _, f := range fs {
		if !NoParticles[f] {
			return false
		}
	}
	return true
}

// noneFitsWords are the whole messages that say none of the guides
// offered fits (the answers to "Passt keine davon?", after NormWords).
var noneFitsWords = map[string]bool{
	"keine": true, "keine davon": true, "keine davon passt": true, "passt keine": true, "passt keine davon": true, "keine passt": true,
	"nichts davon": true, "nichts passt": true, "passt nicht": true, "leider keine davon": true, "nein keine davon": true,
	"none": true, "none of them": true, "none of these": true, "none of those": true, "none of them fits": true, "none of them fit": true,
	"none of these fit": true, "none fits": true, "neither": true, "no none of them": true}

// NoneFits reports whether words (NormWords of a message) says that none
// of the guides offered fits, also with punctuation or an emoji between
// or after the words ("nein, keine davon", "Nein – keine davon", "keine
// davon 🙁").
func NoneFits(words string) bool {
	return noneFitsWords[words] || noneFitsWords[BareWords(words)]
}

// BareWords returns words (NormWords of a short answer) without its
// punctuation, symbols and emoji, the words joined by single spaces ("nein,
// keine davon" → "nein keine davon", "hat nicht geholfen 🙁" → "hat nicht
// geholfen"), for matching a list of short answers. Longer than
// maxNoneFitsBytes it is no short answer: "" (no work on a long message).
func BareWords(words string) string {
	if len(words) > maxNoneFitsBytes {
		return ""
	}
	bare := strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.Is(unicode.Variation_Selector, r) || r == '\u200d' {
			return ' ' // the zero-width joiner and variation selectors of emoji
		}
		return r
	}, words)
	return strings.Join(strings.Fields(bare), " ")
}

// maxNoneFitsBytes bounds the messages NoneFits reads further: the
// longest answer of the list with a few emoji and marks.
const maxNoneFitsBytes = 64

// Ref reads a reference to a numbered thing as people type it: "12" or
// "#12" (cases, requests, round tables). ok is false for anything else.
func Ref(s string) (n int64, ok bool) {
	n, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(s), "#"), 10, 64)
	return n, err == nil && n > 0
}

// Page reads a list's page number from args (the first argument: "2" is the
// second page; anything else, or nothing, the first) and returns the page
// and the bounds [from, to) of its items among total, size items a page.
// Long lists are sent a page per message so that each stays far below
// Matrix's event size limit; the page's last line names the next page.
func Page(args []string, total, size int) (page, from, to int) {
	page = 1
	if len(args) > 0 {
		if n, err := strconv.Atoi(args[0]); err == nil && n > 1 {
			page = n
		}
	}
	from = min((page-1)*size, total)
	return page, from, min(from+size, total)
}
