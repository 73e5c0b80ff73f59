package chat

import (
	"context"
	"strings"
	"unicode"

	"maunium.net/go/mautrix/id"
)

// OneLineName is a display name as Lotse shows it: one line, without
// control characters (line breaks become spaces) and without invisible
// formatting ones (direction overrides, zero-width characters), runs of
// spaces collapsed. Members choose their names: one with line breaks added
// lines of its own to what the team and the approvers read — a request
// (security review 22, Low 4), a case on the team room's board
// („Mia\n[IN ARBEIT: Alice]“, whole-change review 22, M3). Length limits
// stay with their users (access cuts names to Nextcloud's 64 characters).
func OneLineName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r) || unicode.In(r, unicode.Zl, unicode.Zp):
			return ' '
		case unicode.In(r, unicode.Cf):
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// oneLineNames is the Env's Matrix with every display name one line
// (OneLineName), so no workflow gets a name with line breaks; a name that
// cleans to nothing is the user ID.
type oneLineNames struct {
	Matrix
}

func (m oneLineNames) DisplayName(ctx context.Context, roomID id.RoomID, user id.UserID) string {
	if name := OneLineName(m.Matrix.DisplayName(ctx, roomID, user)); name != "" {
		return name
	}
	return user.String()
}

// oneLineNamesPresence is oneLineNames of a Matrix that offers Presence,
// which it keeps offering.
type oneLineNamesPresence struct {
	oneLineNames
	Presence
}

// withOneLineNames wraps m (once) in oneLineNames.
func withOneLineNames(m Matrix) Matrix {
	switch m.(type) {
	case nil, oneLineNames, oneLineNamesPresence:
		return m
	}
	if p, ok := m.(Presence); ok {
		return oneLineNamesPresence{oneLineNames{m}, p}
	}
	return oneLineNames{m}
}
