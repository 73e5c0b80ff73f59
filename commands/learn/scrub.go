package learn

import (
	"strings"
	"unicode/utf8"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/guides"
)

// Personal data in a member's question is replaced before the team sees
// what Lotse would learn and before it is stored: e-mail addresses, Matrix
// IDs (users, rooms, room aliases, communities), IBANs, phone numbers, passwords
// typed after such a word and the member's own names (user name, display name and its parts), by the one
// redactor of guide drafts and kept questions ([guides.Redact]). Other
// names cannot be recognised reliably; the team sees the exact text and
// can teach its own wording instead ("| …").

// Kind is a kind of personal data found in a question.
type Kind = guides.PersonalKind

// The kinds of personal data the scrub replaces.
const (
	KindEmail    = guides.PersonalEmail
	KindMatrixID = guides.PersonalMatrixID
	KindIBAN     = guides.PersonalIBAN
	KindPhone    = guides.PersonalPhone
	KindName     = guides.PersonalName
	KindSecret   = guides.PersonalSecret
	KindLink     = guides.PersonalLink
)

// MinQuestionRunes and MaxQuestionRunes bound a learned question: shorter
// is no question, longer is a story, not an example question.
const (
	MinQuestionRunes = 8
	MaxQuestionRunes = 300
)

// Scrub replaces personal data in q with placeholders (in the texts'
// language) and joins its whitespace; names are the asking member's user ID
// and display name ([guides.NameForms]); links keep only their host
// ([guides.ShortenLinks]: share tokens, reset codes); control characters
// go ([chat.OneLineName], as in display names: `lotse guides learned`
// prints the question to a terminal). found lists the kinds
// replaced, in the order link, password, e-mail, Matrix ID, IBAN, phone, name.
func Scrub(q string, tx *Texts, names ...string) (clean string, found []Kind) {
	marks := guides.RedactMarks{Email: tx.PlaceholderEmail, MatrixID: tx.PlaceholderMatrixID, IBAN: tx.PlaceholderIBAN, Phone: tx.PlaceholderPhone,
		Name: tx.PlaceholderName, Secret: tx.PlaceholderSecret}
	q, links := guides.ShortenLinks(chat.OneLineName(q))
	q, r := guides.Redact(q, marks, guides.NameForms(names))
	if links > 0 {
		found = append(found, KindLink)
	}
	return strings.Join(strings.Fields(q), " "), append(found, r.Kinds...)
}

// tooShort and tooLong check a scrubbed question's length.
func tooShort(q string) bool { return utf8.RuneCountInString(q) < MinQuestionRunes }
func tooLong(q string) bool  { return utf8.RuneCountInString(q) > MaxQuestionRunes }
