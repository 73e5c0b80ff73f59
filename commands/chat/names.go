package chat

import (
	"context"
	"strings"
	"unicode"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
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

// envMatrix is the Env's Matrix with every display name one line
// (OneLineName), so no workflow gets a name with line breaks; a name that
// cleans to nothing is the user ID. Every message it sends fits the
// homeserver's event size limit (FitContent to MaxContentBytes, with the
// marker of lang): a message built from a member's long text is cut,
// never refused and lost.
type envMatrix struct {
	Matrix
	lang string
}

func (m envMatrix) DisplayName(ctx context.Context, roomID id.RoomID, user id.UserID) string {
	if name := OneLineName(m.Matrix.DisplayName(ctx, roomID, user)); name != "" {
		return name
	}
	return user.String()
}

// Send sends content, a message cut to fit first (on a copy: the caller's
// content stays as it was). The cut is logged, without the text.
func (m envMatrix) Send(ctx context.Context, roomID id.RoomID, evtType event.Type, content any, txnID string) (id.EventID, error) {
	if mc, ok := content.(*event.MessageEventContent); ok && mc != nil {
		if before := jsonSize(mc); before > MaxContentBytes {
			cp := *mc
			if mc.NewContent != nil {
				nc := *mc.NewContent
				cp.NewContent = &nc
			}
			FitContent(&cp, MaxContentBytes, CutMarker(m.lang))
			zerolog.Ctx(ctx).Warn().Str("room_id", roomID.String()).Int("bytes", before).Int("cut_to", jsonSize(&cp)).
				Msg("Cut an outgoing message to fit the homeserver's event size limit")
			content = &cp
		}
	}
	return m.Matrix.Send(ctx, roomID, evtType, content, txnID)
}

// envMatrixPresence is envMatrix of a Matrix that offers Presence, so
// that Env.Working still finds it.
type envMatrixPresence struct {
	envMatrix
	Presence
}

// wrapEnvMatrix wraps m (once) in envMatrix.
func wrapEnvMatrix(m Matrix, lang string) Matrix {
	switch m.(type) {
	case nil, envMatrix, envMatrixPresence:
		return m
	}
	if p, ok := m.(Presence); ok {
		return envMatrixPresence{envMatrix{m, lang}, p}
	}
	return envMatrix{m, lang}
}
