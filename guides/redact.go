package guides

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lotse-bot/lotse/internal/utf8cut"
)

// Personal data in texts kept for the team or written into a guide draft
// is replaced by visible placeholders: passwords and PINs typed after such a
// word, e-mail addresses, Matrix IDs (users, rooms, room aliases,
// communities), IBANs (bank account numbers), phone numbers and the names
// given.
// Names in free text cannot be recognised reliably; only the names the
// caller knows (the asker's display name and user name) are replaced.
// This is the one redactor of Lotse: guide drafts ([NewDraft]), kept
// unanswered questions and learned example questions all use it.

// PersonalKind is a kind of personal data [Redact] replaces.
type PersonalKind string

// The kinds of personal data [Redact] replaces, in the order it looks for
// them.
const (
	PersonalSecret   PersonalKind = "secret"
	PersonalEmail    PersonalKind = "email"
	PersonalMatrixID PersonalKind = "matrix"
	PersonalIBAN     PersonalKind = "iban"
	PersonalPhone    PersonalKind = "phone"
	PersonalName     PersonalKind = "name"
)

// RedactMarks are the placeholders that replace each kind of personal data,
// in the language of the text ("[E-Mail entfernt]"). An empty IBAN mark
// takes the Phone mark (an IBAN is never left in the text).
type RedactMarks struct {
	Email, MatrixID, IBAN, Phone, Name, Secret string
}

// Redacted tells what [Redact] replaced.
type Redacted struct {
	// Count is the number of places replaced.
	Count int
	// Kinds are the kinds replaced, each once, in the order secret, email,
	// Matrix ID, IBAN, phone, name.
	Kinds []PersonalKind
}

// note counts one place of kind k.
func (r *Redacted) note(k PersonalKind) {
	r.Count++
	if !slices.Contains(r.Kinds, k) {
		r.Kinds = append(r.Kinds, k)
	}
}

// Redact replaces in s passwords and PINs ([secretRE]), e-mail addresses,
// Matrix IDs, IBANs ([ibanRE]) and phone numbers and
// the given names (a display name, a user name: whole words, ignoring case,
// each as given, not split into parts; names shorter than three letters
// are left out) by marks. It returns the text and what it replaced. Invalid
// UTF-8 in s becomes U+FFFD.
func Redact(s string, marks RedactMarks, names []string) (string, Redacted) {
	if marks.IBAN == "" {
		marks.IBAN = marks.Phone
	}
	r := &redactor{marks: marks, compiled: map[string]*regexp.Regexp{}}
	seen := map[string]bool{}
	for _, n := range names {
		n = strings.TrimSpace(strings.ToValidUTF8(n, "\uFFFD"))
		if utf8.RuneCountInString(n) < 3 || seen[strings.ToLower(n)] {
			continue
		}
		seen[strings.ToLower(n)] = true
		r.names = append(r.names, n)
	}
	slices.SortStableFunc(r.names, byRuneLength)
	s = r.personal(strings.ToValidUTF8(s, "\uFFFD"))
	return s, r.found
}

// byRuneLength orders longest first.
func byRuneLength(a, b string) int { return utf8.RuneCountInString(b) - utf8.RuneCountInString(a) }

// The patterns of personal data. Where the draft's redactor and the scrub of
// learned questions differed, these take the one that replaces more.
var (
	// An e-mail address, with a mailto: before it; letters of any script
	// (umlaut domains, names like „jürgen@…“), any last label.
	emailRE = regexp.MustCompile(`(?i)(?:mailto:)?[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+`)
	// A Matrix ID: user (@), room (!), room alias (#) or community (+),
	// then the server name with an optional port.
	matrixIDRE = regexp.MustCompile(`[@!#+][a-zA-Z0-9._=/+\-]+:[a-zA-Z0-9\-]+(?:\.[a-zA-Z0-9\-]+)*(?::\d+)?`)
	// An IBAN: a country code (letters, any case), two check digits, then
	// the account in groups of four with or without single spaces, the
	// last group shorter (DE89 3704 0044 0532 0130 00, GB29 NWBK 6016 1331
	// 9268 19, de89370400440532013000). [redactor.ibans] wants at least
	// eight digits after the check digits: every country's account number
	// has them, words in groups of four do not. No checksum: a mistyped
	// IBAN is still a member's account. Before the phone numbers, which
	// would take its digits and leave the country and bank code.
	ibanRE = regexp.MustCompile(`(?i)\b[a-z]{2}[0-9]{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,3})?\b`)
	// A phone number candidate: an optional + and bracket, then digits with
	// spaces, slashes, hyphens, dashes or brackets between them (not dots:
	// dates, versions and addresses use those). [redactor.phone] wants at
	// least seven digits and leaves an ISO date at its start alone.
	phoneRE = regexp.MustCompile(`\+?\(?[0-9][0-9 /()\-–]{5,}[0-9]`)
	// isoDateRE is a date such as 2026-03-02 at the start of a candidate.
	isoDateRE = regexp.MustCompile(`^(?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:$| +)`)
	// yearRangeRE is a range of years such as 2019-2024, 2019–2024 or
	// 2023/2024 at the start of a candidate (what follows is checked on).
	yearRangeRE = regexp.MustCompile(`^((?:19|20)[0-9]{2}) ?[-–/] ?((?:19|20)[0-9]{2})(?:$| +)`)
)

// ibanMinDigits is the fewest digits of an IBAN after its check digits.
const ibanMinDigits = 8

// countDigits counts the ASCII digits in s.
func countDigits(s string) (n int) {
	for _, c := range s {
		if c >= '0' && c <= '9' {
			n++
		}
	}
	return n
}

// phoneMinDigits is the fewest digits of a phone number: shorter numbers
// are postcodes, PINs, years and times.
const phoneMinDigits = 7

// redactor replaces personal data by visible placeholders and, in a
// draft, configured site values by the library's placeholders.
type redactor struct {
	marks    RedactMarks
	names    []string // longest first
	full     []string // site values with scheme or '@' (before redaction), longest first
	hosts    []string // host-like site values (after redaction), longest first
	varNames map[string]string
	found    Redacted
	compiled map[string]*regexp.Regexp // by value: the case-insensitive pattern of a name or site value
}

// fold is the compiled case-insensitive pattern of the literal v.
func (r *redactor) fold(v string) *regexp.Regexp {
	re, ok := r.compiled[v]
	if !ok {
		re = regexp.MustCompile(`(?i)` + regexp.QuoteMeta(v))
		r.compiled[v] = re
	}
	return re
}

// personal replaces passwords, e-mail addresses, Matrix IDs, IBANs, phone
// numbers and r.names in s, in this order (a password may look like
// anything, an address is no Matrix ID, a Matrix ID's or an IBAN's digits
// no phone number).
func (r *redactor) personal(s string) string {
	s = r.secrets(s)
	s = emailRE.ReplaceAllStringFunc(s, func(string) string {
		r.found.note(PersonalEmail)
		return r.marks.Email
	})
	s = matrixIDRE.ReplaceAllStringFunc(s, func(string) string {
		r.found.note(PersonalMatrixID)
		return r.marks.MatrixID
	})
	s = ibanRE.ReplaceAllStringFunc(s, func(m string) string {
		if countDigits(m[4:]) < ibanMinDigits {
			return m
		}
		r.found.note(PersonalIBAN)
		return r.marks.IBAN
	})
	s = r.phones(s)
	for _, n := range r.names {
		var k int
		s, k = replaceWord(s, r.fold(n), r.marks.Name)
		for range k {
			r.found.note(PersonalName)
		}
	}
	return s
}

// Passwords typed into a question ("mein Passwort ist Sommer2024!", "PIN:
// 4711", "pw Geheim1"): the word after a password word is replaced
//   - after ":", "=", "lautet" or "heißt" (up to four words may come
//     between: "Passwort für die Cloud: …"), whatever it is but a question
//     or everyday word ("Passwort: wie ändern?", [secretKeep]);
//   - after "ist", "is" or "war", or right after the password word,
//     only if it looks like a password: a digit, a sign, or a capital
//     letter after its first letter ("Passwort ist abgelaufen" stays).
//
// A heading or instruction about passwords is no password: when a word of
// [secretTopic] stands right before the password word or between it and
// the connector ("Passwort ändern: Einstellungen", "Change password:
// Settings", "Passwort-Manager: Bitwarden"), the word after ":" too must
// look like a password. A number with a unit after it ("ist 12 Zeichen
// lang") and opening brackets and quotes stay (mend23c).
var (
	secretWords = `(?:passw(?:o|ö)rt|kennw(?:o|ö)rt|password|passwd|passphrase|passcode|pwd?|pin(?:-?code|-?nummer)?|zugangscode|geheimzahl)`
	// secretRE: a password word, up to four words (group 1), a connector
	// (group 2), the secret (group 3).
	secretRE = regexp.MustCompile(`(?i)\b` + secretWords + `\b((?:[ \t]+[^\s:=]+){0,4}?)((?:[ \t]*(?:[:=]|\b(?:ist|lautet|heißt|heisst|is|war)\b))+)[ \t]*(\S+)`)
	// secretNextRE: a password word and the word right after it.
	secretNextRE = regexp.MustCompile(`(?i)\b` + secretWords + `[ \t]+(\S+)`)
	// strongRE: a connector after which anything is the secret.
	strongRE = regexp.MustCompile(`(?i)[:=]|lautet|hei(?:ß|ss)t`)
)

// secrets replaces the passwords in s.
func (r *redactor) secrets(s string) string {
	replace := func(re *regexp.Regexp, s string, strong func(loc []int, tok string) bool) string {
		locs := re.FindAllStringSubmatchIndex(s, -1)
		if locs == nil {
			return s
		}
		var b strings.Builder
		last := 0
		for _, loc := range locs {
			if loc[0] > 0 && s[loc[0]-1] == '[' {
				continue // the word of a mark ("[Passwort entfernt]")
			}
			tok0, tok1 := loc[len(loc)-2], loc[len(loc)-1]
			tok := s[tok0:tok1]
			// Punctuation that ends the sentence stays, and so do
			// opening brackets and quotes.
			tok1 -= len(tok) - len(strings.TrimRight(tok, ".,;:?)\"'“”„"))
			tok0 += len(s[tok0:tok1]) - len(strings.TrimLeft(s[tok0:tok1], "(\"'“„‚«»"))
			tok = s[tok0:tok1]
			if tok == "" || strings.HasPrefix(tok, "{{") || strings.HasPrefix(tok, "[") || !strong(loc, tok) && !secretLike(tok) ||
				numberWithUnit(tok, s[loc[len(loc)-1]:]) {
				continue
			}
			b.WriteString(s[last:tok0])
			b.WriteString(r.marks.Secret)
			last = tok1
			r.found.note(PersonalSecret)
		}
		b.WriteString(s[last:])
		return b.String()
	}
	s = replace(secretRE, s, func(loc []int, tok string) bool {
		return strongRE.MatchString(s[loc[4]:loc[5]]) && !secretKeep[strings.ToLower(tok)] &&
			!aboutSecrets(s[:loc[0]], s[loc[2]:loc[3]])
	})
	return replace(secretNextRE, s, func([]int, string) bool { return false })
}

// secretKeep are words after "Passwort:" that are no password: questions
// and what happened to it.
var secretKeep = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`wie was wo wann warum wieso weshalb wer welches welche kann darf muss ich du mein
		meins neu vergessen falsch abgelaufen gesperrt geändert zurücksetzen ändern weg ungültig richtig geht klappt funktioniert
		fehlt nicht kein keins leer unbekannt bitte hilfe dein deine deinen ihr ihre euer eure ein eine einen der die das den
		dem hier dort unten oben siehe mindestens höchstens soll sollte
		your the a an at here there see must should min max
		how what where when why who which can may must i my new forgotten forgot wrong expired locked changed reset change
		gone invalid correct works missing not none empty unknown please help`) {
		secretKeep[w] = true
	}
}

// secretTopic are words that make a password word a topic, not the
// label of a secret: what one does with a password, and things about
// passwords.
var secretTopic = map[string]bool{}

// secretUnits are words after a number that make it a length, a time or a
// count ("12 Zeichen", "3 Monate"), not a PIN.
var secretUnits = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`ändern ändere änderst geändert vergessen vergessene vergessenes zurücksetzen zurückgesetzt
		setzen vergeben wählen erstellen anlegen eingeben eintragen festlegen manager managers richtlinie
		richtlinien regeln länge anforderungen tipps hinweis hinweise hilfe anleitung feld
		change changing changed reset resetting forgot forgotten set choose create enter manager policy rules length
		requirements tips hint help field`) {
		secretTopic[w] = true
	}
	for _, w := range strings.Fields(`zeichen stellen stellig stelligen tag tage tagen woche wochen monat monate monaten jahr jahre
		jahren stunde stunden minute minuten mal versuche versuchen geräte geräten buchstaben ziffern
		characters chars letters digits day days week weeks month months year years hour hours minute minutes times
		attempts tries devices`) {
		secretUnits[w] = true
	}
}

// aboutSecrets reports whether the words around a password word make it a
// topic ([secretTopic]): the word right before it (before) or one of the
// words between it and the connector (between).
func aboutSecrets(before, between string) bool {
	notLetter := func(c rune) bool { return !unicode.IsLetter(c) }
	words := strings.FieldsFunc(between, notLetter)
	if bw := strings.FieldsFunc(utf8cut.Suffix(before, 40), notLetter); len(bw) > 0 && !strings.HasSuffix(before, "-") {
		words = append(words, bw[len(bw)-1])
	}
	for _, w := range words {
		if secretTopic[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// numberWithUnit reports whether tok is a number followed by a unit word
// ([secretUnits]) in after: "12 Zeichen", "3 Monate".
func numberWithUnit(tok, after string) bool {
	if strings.TrimFunc(tok, unicode.IsDigit) != "" {
		return false
	}
	next := strings.FieldsFunc(utf8cut.Prefix(after, 40), func(c rune) bool { return !unicode.IsLetter(c) })
	return len(next) > 0 && secretUnits[strings.ToLower(next[0])]
}

// secretLike reports whether a word looks like a password: it has a digit
// or a sign, or a capital letter after its first letter that does not
// begin a part of a compound ("E-Mail-Adresse" is none).
func secretLike(w string) bool {
	prev := rune(0)
	for i, c := range w {
		if unicode.IsDigit(c) || !unicode.IsLetter(c) && c != '-' || i > 0 && unicode.IsUpper(c) && prev != '-' {
			return true
		}
		prev = c
	}
	return false
}

// phones replaces the phone numbers among the candidates of phoneRE in s
// ([redactor.phone]), telling each whether its surroundings call it a
// phone number ([phoneCue]).
func (r *redactor) phones(s string) string {
	locs := phoneRE.FindAllStringIndex(s, -1)
	if locs == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, loc := range locs {
		b.WriteString(s[last:loc[0]])
		b.WriteString(r.phone(s[loc[0]:loc[1]], phoneCue(s[:loc[0]], s[loc[1]:])))
		last = loc[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// phone replaces the candidate m if it is a phone number: an ISO date at
// its start stays, a bracket it opens but does not close stays, then a
// range of years (ascending, 1900 to 2099) stays unless cue says the
// candidate is called a phone number (an eight-digit local number such as
// "Tel. 2019-2024" looks just like a range of years), and what is left
// needs [phoneMinDigits] digits.
func (r *redactor) phone(m string, cue bool) string {
	date := isoDateRE.FindString(m)
	rest := m[len(date):]
	open := ""
	if strings.HasPrefix(rest, "(") && strings.Count(rest, "(") > strings.Count(rest, ")") {
		open, rest = "(", rest[1:]
	}
	if y := yearRangeRE.FindStringSubmatch(rest); y != nil && y[1] <= y[2] && !cue {
		open += y[0]
		rest = rest[len(y[0]):]
	}
	digits := 0
	for _, c := range rest {
		if c >= '0' && c <= '9' {
			digits++
		}
	}
	if digits < phoneMinDigits {
		return m
	}
	r.found.note(PersonalPhone)
	return date + open + r.marks.Phone
}

// phoneCueWords start the words that call a number near them a phone
// number, German and English ("Tel.", "Handy", "ruf … an", "erreichbar
// unter", "meine Nummer", "call", "WhatsApp").
var phoneCueWords = []string{"tel", "fon", "phon", "handy", "mobil", "fax", "nummer", "nr", "ruf",
	"anruf", "erreich", "unter", "kontakt", "durchwahl", "wähl", "waehl", "sms", "whatsapp", "signal", "telegram",
	"call", "number", "dial", "cell", "contact", "reach", "ring"}

// phoneCue reports whether the text around a candidate (before and after
// it) calls it a phone number: a cue word among the three words before or
// after it, or a digit just before it (the candidate is the rest of a
// number written with a dot, "030.2019-2024"). It decides only whether a
// range of years is taken for one, so it errs on the side of a number.
func phoneCue(before, after string) bool {
	if t := strings.TrimRight(before, " "); t != "" {
		last, _ := utf8.DecodeLastRuneInString(t)
		if unicode.IsDigit(last) || last == '.' && len(t) > 1 && unicode.IsDigit(rune(t[len(t)-2])) {
			return true
		}
	}
	notLetter := func(c rune) bool { return !unicode.IsLetter(c) }
	bw := strings.FieldsFunc(utf8cut.Suffix(before, 80), notLetter)
	aw := strings.FieldsFunc(utf8cut.Prefix(after, 80), notLetter)
	near := append(bw[max(len(bw)-3, 0):], aw[:min(len(aw), 3)]...)
	for _, w := range near {
		w = strings.ToLower(w)
		for _, c := range phoneCueWords {
			if strings.HasPrefix(w, c) {
				return true
			}
		}
	}
	return false
}

// replaceWord replaces the matches of re in s that are whole words (words
// are letters and digits in any script) by repl.
func replaceWord(s string, re *regexp.Regexp, repl string) (string, int) {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
	var b strings.Builder
	last, n := 0, 0
	for _, loc := range re.FindAllStringIndex(s, -1) {
		before, _ := utf8.DecodeLastRuneInString(s[:loc[0]])
		after, _ := utf8.DecodeRuneInString(s[loc[1]:])
		if (loc[0] > 0 && isWord(before)) || (loc[1] < len(s) && isWord(after)) {
			continue
		}
		b.WriteString(s[last:loc[0]])
		b.WriteString(repl)
		last = loc[1]
		n++
	}
	if n == 0 {
		return s, 0
	}
	b.WriteString(s[last:])
	return b.String(), n
}
