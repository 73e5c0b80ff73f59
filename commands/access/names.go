package access

import (
	"strings"
	"unicode"
)

// maxNameRunes is how long a requester's name may be: Nextcloud's limit
// for display names.
const maxNameRunes = 64

// oneLineName is a display name as a request shows and uses it: one line,
// without control characters (line breaks become spaces) and without
// invisible formatting ones (direction overrides, zero-width characters),
// runs of spaces collapsed, at most maxNameRunes characters. Members choose
// their names: one with line breaks added lines of its own to the request
// the approvers decide on (security review 22, Low 4).
func oneLineName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r) || unicode.In(r, unicode.Zl, unicode.Zp):
			return ' '
		case unicode.In(r, unicode.Cf):
			return -1
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > maxNameRunes {
		s = strings.TrimSpace(string(r[:maxNameRunes]))
	}
	return s
}
