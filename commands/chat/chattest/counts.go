package chattest

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/commands/chat"
)

var (
	// countVerb is an integer verb (%d, %[2]d).
	countVerb = regexp.MustCompile(`%(\[\d+\])?d`)
	// countCode are spans whose numbers are typed, not counted: code
	// spans and links.
	countCode = regexp.MustCompile("`[^`]*`|https?://\\S+")
	// countNoun follows a count: a word („%d Anträge“, „%d more
	// approval“) or „-mal“ („%d-mal“).
	countNoun = regexp.MustCompile(`^(-mal\b| \p{L})`)
	// countNotACount ends the text before a number that counts nothing:
	// an ID („#%d“), „Nr. %d“, „Seite %d“, the end of a range („von 1 bis
	// %d“), a command's argument („!genehmigen %d“).
	countNotACount = regexp.MustCompile(`(?i)(#|\b(nr\.?|no\.|seite|page|bis|to|from|von)\s|![\p{L}-]+\s)$`)
)

// CheckCounts walks the catalogues german and english like CheckStyle
// and fails t on a text that counts with a fixed noun: „%d weitere
// Genehmigung“, "failed %d times". A count goes through chat.Plural, so
// its text has both forms ("one|other"). exempt are the paths of texts
// (as CheckStyle names them: "Field", "Map[key].Field") whose count is
// never 1, each with its reason where it is called.
func CheckCounts(t testing.TB, german, english any, exempt ...string) {
	t.Helper()
	for lang, v := range map[string]any{"de": german, "en": english} {
		walkTexts("", reflect.Indirect(reflect.ValueOf(v)), func(path, text string) {
			if slices.Contains(exempt, path) {
				return
			}
			if m := fixedCount(text); m != "" {
				t.Errorf("%s: text %s counts with a fixed noun (%q): give it both forms, one|other, and use chat.Plural: %q", lang, path, m, text)
			}
		})
	}
}

// fixedCount returns the first count of text with a noun when text has
// no plural forms, or "".
func fixedCount(text string) string {
	// A "|" in a code span is a command's (`!protokoll [Nr|@name]`), not
	// the forms' (chat.PluralForms).
	if _, _, ok := chat.PluralForms(text); ok {
		return ""
	}
	plain := countCode.ReplaceAllString(text, " ")
	for _, loc := range countVerb.FindAllStringIndex(plain, -1) {
		if countNotACount.MatchString(plain[:loc[0]]) {
			continue
		}
		if n := countNoun.FindString(plain[loc[1]:]); n != "" {
			end := loc[1] + len(n)
			if i := strings.IndexAny(plain[end:], " .,;:)–"); i >= 0 {
				end += i
			} else {
				end = len(plain)
			}
			return plain[loc[0]:end]
		}
	}
	return ""
}

// FixedCount returns the first count of text that has a noun but no
// plural forms ("one|other"), or "": CheckCounts' test of one text, for
// texts built outside a catalogue (the output of the command line).
func FixedCount(text string) string { return fixedCount(text) }
