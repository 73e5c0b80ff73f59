package access

import (
	"strings"

	"github.com/lotse-bot/lotse/commands/chat"
)

// maxNameRunes is how long a requester's name may be: Nextcloud's limit
// for display names (the name a Nextcloud request creates the account
// with; the BBB moderator link takes the same name).
const maxNameRunes = 64

// oneLineName is a display name as a request shows and uses it: one line
// (chat.OneLineName; names from Matrix are that already, a name the member
// types is not) and at most maxNameRunes characters.
func oneLineName(s string) string {
	s = chat.OneLineName(s)
	if r := []rune(s); len(r) > maxNameRunes {
		s = strings.TrimSpace(string(r[:maxNameRunes]))
	}
	return s
}
