package learn

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Personal data in a member's question is replaced before the team sees
// what Lotse would learn and before it is stored: e-mail addresses, Matrix
// IDs (users, rooms, room aliases) and phone numbers. Names cannot be
// recognised reliably; the team sees the exact text and can teach its own
// wording instead ("| …").

// Kind is a kind of personal data found in a question.
type Kind string

// The kinds of personal data the scrub replaces.
const (
	KindEmail    Kind = "email"
	KindMatrixID Kind = "matrix"
	KindPhone    Kind = "phone"
)

var (
	emailRe  = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)
	matrixRe = regexp.MustCompile(`[@!#+][A-Za-z0-9._=/+\-]+:[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*(?::[0-9]{1,5})?`)
	// A phone number: an optional +, 00 or leading 0, then digits with
	// spaces, slashes, hyphens or brackets between them (not dots: dates,
	// versions and addresses use those), at least 7 digits in all.
	phoneRe = regexp.MustCompile(`\+?\(?[0-9][0-9 /()\-]{5,}[0-9]`)
)

// MinQuestionRunes and MaxQuestionRunes bound a learned question: shorter
// is no question, longer is a story, not an example question.
const (
	MinQuestionRunes = 8
	MaxQuestionRunes = 300
)

// Scrub replaces personal data in q with placeholders (in the texts'
// language) and joins its whitespace; found lists the kinds replaced, in
// order of first appearance.
func Scrub(q string, tx *Texts) (clean string, found []Kind) {
	note := func(k Kind) {
		for _, f := range found {
			if f == k {
				return
			}
		}
		found = append(found, k)
	}
	q = emailRe.ReplaceAllStringFunc(q, func(string) string { note(KindEmail); return tx.PlaceholderEmail })
	q = matrixRe.ReplaceAllStringFunc(q, func(m string) string {
		note(KindMatrixID)
		return tx.PlaceholderMatrixID
	})
	q = phoneRe.ReplaceAllStringFunc(q, func(m string) string {
		digits := 0
		for _, r := range m {
			if unicode.IsDigit(r) {
				digits++
			}
		}
		if digits < 7 {
			return m
		}
		note(KindPhone)
		// Keep the space before a bracket or after the number.
		lead := m[:len(m)-len(strings.TrimLeft(m, " "))]
		return lead + tx.PlaceholderPhone
	})
	return strings.Join(strings.Fields(q), " "), found
}

// tooShort and tooLong check a scrubbed question's length.
func tooShort(q string) bool { return utf8.RuneCountInString(q) < MinQuestionRunes }
func tooLong(q string) bool  { return utf8.RuneCountInString(q) > MaxQuestionRunes }
