package guides

import (
	"strings"
	"unicode"
)

// Printable returns s without control characters (whitespace among them
// becomes a space) and without the bidirectional controls that reorder
// what follows them. A member's words are kept (gaps.Workflow.Failed), learned
// (learn.Scrub) and printed by `lotse gaps` and `lotse guides learned` to
// an admin's terminal: an escape sequence in a question („\x1b[2K“ clears
// the line, „\x1b]52;…“ writes the clipboard in some terminals) must not
// reach it, nor a right-to-left override turn a listed question around.
func Printable(s string) string {
	if strings.IndexFunc(s, unprintable) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case unprintable(r):
			return -1
		}
		return r
	}, s)
}

// unprintable: a control character (also a line break or tab: Printable
// makes those spaces) or a bidirectional control.
func unprintable(r rune) bool {
	return unicode.IsControl(r) || unicode.IsSpace(r) && r != ' ' ||
		r == '\u200e' || r == '\u200f' || r == '\u061c' ||
		r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}
