package chattest

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/commands/chat"
)

// The house style of member-facing texts (README "What members can do",
// common rules of the passes): German first, informal du, gender-neutral
// words (Genehmigende, Teilnehmende, Mitglied, Person) or the colon form
// (Moderator:in) where there is none, „…“ quotes, – dashes and … in both
// languages, and no word of the other language outside quotes and code.
var (
	// styleCode are spans a text shows as they are: code, links, format verbs.
	styleCode = regexp.MustCompile("`[^`]*`|https?://\\S+|<[^>\\s]+>|%(\\[\\d+\\])?[-+# 0]*\\d*(\\.\\d+)?[a-zA-Z%]")
	// styleQuoted are quoted spans: titles, examples, words of the other language.
	styleQuotedDE = regexp.MustCompile(`„[^“]*“`)
	styleQuotedEN = regexp.MustCompile(`“[^”]*”`)
	// formal address: Lotse says du to everyone ("Sie" mid-sentence
	// would be "sie"; at the start of a sentence it reads as formal too).
	styleFormal = regexp.MustCompile(`\b(Sie|Ihnen|Ihr|Ihre|Ihrem|Ihren|Ihrer|Ihres)\b`)
	// styleSingularVerb is a verb in the third person singular: „Sie muss
	// …“ at the start of a sentence is „she“ or „it“ (die Nachricht), and
	// „Ihr bekommt …“ the informal plural; the formal address takes the
	// plural („Sie müssen“) or, for „Ihr“, a noun („Ihr Antrag“).
	styleSingularVerb = regexp.MustCompile(`^(ist|war|hat|wird|muss|kann|soll|darf|will|mag|seid|\p{Ll}+t)\b`)
	// styleSentenceEnd ends the text before a sentence's first word.
	styleSentenceEnd = regexp.MustCompile(`(^|[.!?:\n])[\s„(*_]*$`)
	// styleMasculine are generic masculine person words; the colon form
	// (Moderator:in, Koordinator:innen) passes.
	styleMasculine = regexp.MustCompile(`\b(Benutzer|Nutzer|Teilnehmer|Mitarbeiter|Moderator|Moderatoren|Koordinator|Koordinatoren|Ansprechpartner|Genehmiger|Kollegen|Helfer|Administrator|Administratoren)\b(:in|:innen)?`)
	// styleGenderMarks are gender forms the project does not use.
	styleGenderMarks = regexp.MustCompile(`\w(\*in|\*innen|_in|_innen|Innen)\b`)
	// stylePairedForms are the paired forms („die oder den
	// Datenschutzbeauftragten“, „jede oder jeder“) and the slash forms
	// (Moderator/in): beside the neutral words and the colon form the
	// rest of the catalogues use, they read as a third way (texts28).
	stylePairedForms = regexp.MustCompile(`\b(der|die|den|dem|des|ein|eine|einen|einem|einer|jede|jeder|jeden|jedem) oder (der|die|den|dem|des|ein|eine|einen|einem|einer|jede|jeder|jeden|jedem)\b|\p{L}+/(in|innen)\b`)
	// styleTermsDE and styleTermsEN are the other spellings and names of
	// a thing the catalogues name one way (README, "What members can
	// do"): the role „Genehmigung“ is not a group of people (they are „die
	// Genehmigenden“), a case is a Supportfall, the chat with Lotse a
	// Direktchat (texts28).
	styleTermsDE = []styleTerm{
		{regexp.MustCompile(`\b(aus|von) der Genehmigung\b`), "the role Genehmigung as a group of people: „die Genehmigenden“, „eine andere genehmigende Person“"},
		{regexp.MustCompile(`\bSupport-?[Tt]icket|\bSupport-Fall|\bSupport-Fälle`), "„Supportfall“"},
		{regexp.MustCompile(`\bDirekt-Chat|\bDM\b|\bPrivatchat`), "„Direktchat“"},
		{regexp.MustCompile(`\bTeam-Raum|\bGenehmigungs-Raum`), "„Teamraum“, „Genehmigungsraum“"},
		{regexp.MustCompile(`(?:^|[\s(„])(?:Mail-?[Aa]dresse|E-?[Mm]ailadresse|Email|EMail)\b`), "„E-Mail“, „E-Mail-Adresse“"},
		{regexp.MustCompile(`\b(Rundertisch|Runder-Tisch)\b`), "„Runder Tisch“"},
	}
	styleTermsEN = []styleTerm{
		{regexp.MustCompile(`\bemails?\b|\bEmails?\b`), "“e-mail”"},
		{regexp.MustCompile(`\bDMs?\b|\bprivate chat`), "“direct chat”"},
		{regexp.MustCompile(`\btickets?\b`), "“support case”"},
		{regexp.MustCompile(`\broundtables?\b`), "“round table”"},
	}
	// styleHelpPronoun starts a command's help line with a verb and a
	// pronoun („cancel it“): in the list of commands nothing comes
	// before it, so the line names what the command works on.
	styleHelpPronoun = regexp.MustCompile(`(?i)^\p{L}+ (it|them|ihn|sie|es)\b`)
	// styleGermanWords in an English text, outside quotes and code.
	styleGermanWords = regexp.MustCompile(`\b(und|oder|nicht|bitte|für|mit|der|das|ist|Anleitung|Anleitungen|Fall|Antrag|Befehl)\b|[äöüÄÖÜß]`)
	// styleEnglishWords in a German text, outside quotes and code.
	styleEnglishWords = regexp.MustCompile(`\b(the|and|please|your|you|request|guide|case|cases)\b`)
	// styleReact asks for a reaction („Reagiere mit ✅“, also „Reagiere auf
	// meine Frage mit ✅“); styleReactHow says how to give one
	// on a phone, where Element hides reactions behind a long press
	// (Lotse's own buttons, such as the keycaps of a choice, are tapped
	// instead: „tippe auf 1️⃣“).
	styleReact    = regexp.MustCompile(`(?i)\b(reagiere|react (with|to))\b`)
	styleReactHow = regexp.MustCompile(`(?i)gedrückt|press and hold`)
	// styleVoteBare is a 👍 or 👎 (the votes on an answer or a case) and
	// styleVoteMeant one with its meaning in words after it („👍 für
	// „ja““, “👍 for “yes””): a screen reader reads the emoji by its name
	// („Daumen hoch“), a client without emoji shows a box, and a request
	// for them says what each means (a11y35).
	styleVoteBare = regexp.MustCompile(`[👍👎]`)
	// A skin tone after the emoji (👍🏽, U+1F3FB … U+1F3FF) is the same
	// vote.
	styleVoteMeant = regexp.MustCompile(`[👍👎][\x{1F3FB}-\x{1F3FF}]?\x{FE0F}? (für „|for “)`)
	// styleClock is a clock face (🕐 … 🕧): a screen reader reads it by
	// its name, a time („sieben Uhr“ for 🕖), which a label of a date
	// at another time contradicts (the round table's „🕖 Do, 18:00“;
	// a11y35).
	styleClock = regexp.MustCompile(`[\x{1F550}-\x{1F567}]`)
	// styleResidue is Markdown or HTML left in a rendered plain body:
	// emphasis marks, a code span's backtick, a link's „](“, a line
	// break tag, an entity, a backslash escape.
	styleResidue = regexp.MustCompile("\\*\\*|__|`|\\]\\(|<br|&[a-zA-Z]+;|&#[0-9]+;|\\\\[!-/:-@\\[-`{-~]")
	// styleCodeSpan is a whole code span: what stands in it is shown as
	// written („`@__lotse:example.org`“), so markup characters in it are
	// no residue.
	styleCodeSpan = regexp.MustCompile("`[^`\n]+`")
	// styleNo is "no" as a placeholder for a number ("!close <no>"): the
	// same texts ask members to answer `yes` or `no`.
	styleNo = regexp.MustCompile(`[<\[#]no[>\]|]`)
	// styleInternal are words of the code: table or config names
	// (snake_case), hex IDs, Matrix event IDs.
	styleInternal = regexp.MustCompile(`\b[a-z]+_[a-z_]+\b|\b[0-9a-f]{8,}\b|\$[A-Za-z0-9_-]{8,}`)
)

// CheckStyle walks the catalogues german and english (values or pointers of
// the same struct type; empty texts are skipped, see CheckTexts for them)
// and fails t on a text (a string field or map entry; lists are words
// members type, such as UndoWords, and are left out) that breaks the house style: straight quotes, "..."
// or " - " for a dash; in German the formal Sie, a generic masculine, a
// gender star or an English word; in English German quotes, a German
// word or "no" for a number; in both a request for a reaction that does
// not say how to react on a phone; in both an internal name (snake_case, a hex or event ID). Quoted
// spans („…“, “…”), code spans, links and format verbs are left out.
//
// It also fails on a paired or slash gender form („die oder den“,
// Moderator/in), on another name for a thing the catalogues name one way
// (styleTermsDE, styleTermsEN: the role „Genehmigung“ for the people who
// hold it, „E-Mail“, „Direktchat“, “round table”), and on a command's help
// line (a Description) that starts with a pronoun („cancel it“).
func CheckStyle(t testing.TB, german, english any) {
	t.Helper()
	check := func(lang string, v any) {
		t.Helper()
		walkTexts("", reflect.Indirect(reflect.ValueOf(v)), func(path, text string) {
			for _, p := range styleProblems(lang, text) {
				t.Errorf("%s: text %s: %s: %q", lang, path, p, text)
			}
			if strings.HasSuffix(path, ".Description") && styleHelpPronoun.MatchString(text) {
				t.Errorf("%s: text %s: a help line starts with a pronoun; name what the command works on: %q", lang, path, text)
			}
		})
	}
	check("de", german)
	check("en", english)
}

// styleProblems lists what breaks the house style in text of lang ("de"
// or "en").
func styleProblems(lang, text string) []string {
	var out []string
	plain := styleCode.ReplaceAllString(text, " ")
	if strings.Contains(plain, `"`) {
		out = append(out, `straight quotes ("…"): use „…“ (German) or “…” (English)`)
	}
	if strings.Contains(plain, "...") {
		out = append(out, `"..." instead of …`)
	}
	if strings.Contains(plain, " - ") {
		out = append(out, `" - " instead of the dash –`)
	}
	if styleReact.MatchString(plain) && !styleReactHow.MatchString(plain) {
		out = append(out, "asks for a reaction without saying how on a phone: „tippe auf ✅“ when Lotse put the reaction there, else how (press and hold the message)")
	}
	if styleReact.MatchString(plain) && styleVoteBare.MatchString(styleVoteMeant.ReplaceAllString(plain, " ")) {
		out = append(out, "asks for 👍 or 👎 without saying in words what each means: „👍 für „ja““, “👍 for “yes””")
	}
	if m := styleClock.FindString(text); m != "" {
		out = append(out, "clock face "+m+": a screen reader reads it as a time („sieben Uhr“); label in words („Wann:“)")
	}
	if m := plainResidue(text); m != "" {
		out = append(out, "markup "+m+" left in the plain body (what a notification, a screen reader or a plain client reads)")
	}
	if lang == "de" {
		if strings.ContainsAny(plain, "”") {
			out = append(out, "English quote ” in German: use „…“")
		}
		words := styleQuotedDE.ReplaceAllString(plain, " ")
		if m := formalAddress(words); m != "" {
			out = append(out, "formal address "+m+": Lotse says du")
		}
		for _, m := range styleMasculine.FindAllStringSubmatch(words, -1) {
			if m[2] == "" {
				out = append(out, "generic masculine "+m[1]+": a neutral word (Teilnehmende, Person) or "+m[1]+":in")
			}
		}
		if m := styleGenderMarks.FindString(words); m != "" {
			out = append(out, "gender form "+m+": the project writes neutral words or :in")
		}
		if m := stylePairedForms.FindString(words); m != "" {
			out = append(out, "paired or slash form „"+m+"“: the project writes neutral words or :in")
		}
		out = append(out, termProblems(styleTermsDE, words)...)
		if m := styleRoundTableCase.FindStringSubmatch(words); m != nil {
			out = append(out, "„"+m[1]+" Runder Tisch“: after a preposition the name declines (für den Runden Tisch, am Runden Tisch, des Runden Tischs)")
		}
		if m := styleEnglishWords.FindString(words); m != "" {
			out = append(out, "English word "+m+" in German")
		}
		plain = words
	} else {
		if m := styleNo.FindString(text); m != "" {
			out = append(out, m+` for a number: it reads as the answer "no"; write <number>`)
		}
		if strings.ContainsAny(plain, "„") {
			out = append(out, "German quote „ in English: use “…”")
		}
		words := styleQuotedEN.ReplaceAllString(plain, " ")
		if m := styleGermanWords.FindString(words); m != "" {
			out = append(out, "German "+m+" in English")
		}
		out = append(out, termProblems(styleTermsEN, words)...)
		plain = words
	}
	if m := styleInternal.FindString(plain); m != "" {
		out = append(out, "internal name "+m)
	}
	return out
}

// styleRoundTableCase finds „Runder Tisch“ in the nominative right after
// a preposition („für Runder Tisch #3“, „an Runder Tisch #3“): a
// preposition governs the accusative or dative, and the adjective declines
// with its article (Duden: „für den Runden Tisch“, „am Runden Tisch“; the
// genitive „des Runden Tischs“ for „von“). The catalogues write the name
// as a label only where it stands alone („Runder Tisch #3 ist abgesagt“).
var styleRoundTableCase = regexp.MustCompile(`(?i:(?:^|[\s(])(an|auf|aus|bei|durch|für|gegen|hinter|in|mit|nach|neben|ohne|über|um|unter|von|vor|zu|zwischen))\s+Runder\s+Tisch`)

// styleTerm is another name for a thing the catalogues name one way.
type styleTerm struct {
	re   *regexp.Regexp
	want string
}

// styleCommand is a command's name outside a code span (the usages of
// the help: „!ticket <Anliegen>“); commands keep their names.
var styleCommand = regexp.MustCompile(`![\p{L}\p{N}-]+`)

// termProblems lists the other names of terms found in words, command
// names left out.
func termProblems(terms []styleTerm, words string) []string {
	var out []string
	words = styleCommand.ReplaceAllString(words, " ")
	for _, term := range terms {
		if m := term.re.FindString(words); m != "" {
			out = append(out, "other name "+m+": write "+term.want)
		}
	}
	return out
}

// formalAddress returns the first word of words that addresses the reader
// formally (Sie, Ihnen, Ihre, …), or "". At the start of a sentence „Sie“
// and „Ihr“ followed by a verb in the singular (or the informal plural)
// are not: „Sie muss von Hand entfernt werden“ (die Nachricht), „Ihr
// bekommt den Link“ (the team). Flagging them pushed writers to worse
// German, a noun repeated instead of its pronoun (mend24a).
func formalAddress(words string) string {
	for _, loc := range styleFormal.FindAllStringIndex(words, -1) {
		m := words[loc[0]:loc[1]]
		if (m == "Sie" || m == "Ihr") && styleSentenceEnd.MatchString(words[:loc[0]]) &&
			styleSingularVerb.MatchString(strings.TrimLeft(words[loc[1]:], " ")) {
			continue
		}
		return m
	}
	return ""
}

// walkTexts calls fn on every string field and map entry of v, not on
// lists (input words).
func walkTexts(path string, v reflect.Value, fn func(path, text string)) {
	walkStrings(path, v, false, fn)
}

// EachString calls fn on every string of v (a catalogue, as a value or a
// pointer): its fields, map entries and, unlike the checks of this
// package, which read only sentences, the entries of its lists (word
// lists such as gaps' UndoWords) and what pointers and interfaces hold.
// For a test that looks for something in every string a catalogue holds
// (commands' TestTextsNameOnlyCommands).
func EachString(v any, fn func(path, text string)) {
	walkStrings("", reflect.ValueOf(v), true, fn)
}

// walkStrings walks v for walkTexts and EachString; lists, pointers and
// interfaces only when all is set.
func walkStrings(path string, v reflect.Value, all bool, fn func(path, text string)) {
	switch v.Kind() {
	case reflect.String:
		fn(path, v.String())
	case reflect.Pointer, reflect.Interface:
		if all && !v.IsNil() {
			walkStrings(path, v.Elem(), all, fn)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walkStrings(join(path, v.Type().Field(i).Name), v.Field(i), all, fn)
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			walkStrings(path+"["+k.String()+"]", v.MapIndex(k), all, fn)
		}
	case reflect.Slice, reflect.Array:
		if all {
			for i := range v.Len() {
				walkStrings(path+"["+strconv.Itoa(i)+"]", v.Index(i), all, fn)
			}
		}
	}
}

// StyleProblems lists what breaks the house style in text of lang ("de"
// or "en"), as CheckStyle does for a catalogue: for texts built outside
// one (the findings of `lotse setup`).
func StyleProblems(lang, text string) []string { return styleProblems(lang, text) }

// plainResidue returns the first piece of markup that text, rendered as
// Lotse sends it (chat.Render: the plain body beside the HTML), leaves
// in the plain body, or "". Each format verb is filled with a word or a
// number and each plural form is rendered alone. The one renderer
// cleans what it parses; markup it cannot parse stays (emphasis closed
// before a letter after punctuation: „**Mitmachen:**Tippe“, an odd
// number of backticks), and a notification or a screen reader reads it
// out („Sternchen Sternchen“).
func plainResidue(text string) string {
	forms := []string{text}
	if one, other, ok := chat.PluralForms(text); ok {
		forms = []string{one, other}
	}
	for _, form := range forms {
		filled := verb.ReplaceAllStringFunc(form, func(vb string) string {
			switch {
			case vb == "%%":
				return "%"
			case strings.HasSuffix(vb, "d"):
				return "2"
			}
			return "Wort"
		})
		// A code span's content is checked as one word: its characters
		// are the member's to type, not markup.
		filled = styleCodeSpan.ReplaceAllString(filled, "`Code`")
		plain, _ := chat.Render(filled)
		if m := styleResidue.FindString(plain); m != "" {
			return m
		}
	}
	return ""
}
