package chat

import (
	"context"
	"slices"
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
//
// Every send asks the runtime's RoomGuard first (hold): nothing goes into
// a team or approvals room while it is open to everyone.
type envMatrix struct {
	Matrix
	lang string
	// txn derives the transaction ID of the note to a member whose
	// message waits (Env.TxnID; nil: no note).
	txn func(cause id.EventID, purpose string, n int) string
}

func (m envMatrix) DisplayName(ctx context.Context, roomID id.RoomID, user id.UserID) string {
	if name := OneLineName(m.Matrix.DisplayName(ctx, roomID, user)); name != "" {
		return name
	}
	return user.String()
}

// Membership reads the wrapped Matrix's membership (MembershipOf).
func (m envMatrix) Membership(ctx context.Context, roomID id.RoomID, user id.UserID) (event.Membership, id.UserID, error) {
	return MembershipOf(ctx, m.Matrix, roomID, user)
}

// Send sends content, unless the room is held (hold), a message cut to fit first (on a copy: the caller's
// content stays as it was), a notice that mentions someone sent as m.text (Notifying, also on a copy).
// The cut is logged, without the text.
func (m envMatrix) Send(ctx context.Context, roomID id.RoomID, evtType event.Type, content any, txnID string) (id.EventID, error) {
	if err := m.hold(ctx, roomID); err != nil {
		return "", err
	}
	return m.Matrix.Send(ctx, roomID, evtType, Fit(ctx, roomID, Notifying(content, m.Matrix.UserID()), m.lang), txnID)
}

// Fit returns content to send to roomID: a message
// (*event.MessageEventContent) over MaxContentBytes is cut to fit on a
// copy (FitContent, with the marker of lang), the cut logged without the
// text; anything else is returned as it is. The Env's Matrix applies it
// to every send, and the bot's Sender again to every send of the process
// (bot.Options.Fit), so that no path — the bot's own notices included —
// skips it (sec30).
func Fit(ctx context.Context, roomID id.RoomID, content any, lang string) any {
	mc, ok := content.(*event.MessageEventContent)
	if !ok || mc == nil {
		return content
	}
	before := jsonSize(mc)
	if before <= MaxContentBytes {
		return content
	}
	cp := copyForFit(mc)
	FitContent(cp, MaxContentBytes, CutMarker(lang))
	zerolog.Ctx(ctx).Warn().Str("room_id", roomID.String()).Int("bytes", before).Int("cut_to", jsonSize(cp)).
		Msg("Cut an outgoing message to fit the homeserver's event size limit")
	return cp
}

// copyForFit copies mc deep enough for FitContent to change the copy
// only: the texts, an edit's new content, a file's info (and its
// thumbnail's) and the mentions.
func copyForFit(mc *event.MessageEventContent) *event.MessageEventContent {
	cp := *mc
	if mc.NewContent != nil && mc.NewContent != mc {
		cp.NewContent = copyForFit(mc.NewContent)
	}
	cp.Info = copyInfo(mc.Info, 4)
	if mc.Mentions != nil {
		m := *mc.Mentions
		m.UserIDs = slices.Clone(m.UserIDs)
		cp.Mentions = &m
	}
	return &cp
}

// copyInfo copies info and its thumbnails' infos, depth deep.
func copyInfo(info *event.FileInfo, depth int) *event.FileInfo {
	if info == nil || depth == 0 {
		return info
	}
	cp := *info
	cp.ThumbnailInfo = copyInfo(info.ThumbnailInfo, depth-1)
	return &cp
}

// envMatrixPresence is envMatrix of a Matrix that offers Presence, so
// that Env.Working still finds it.
type envMatrixPresence struct {
	envMatrix
	Presence
}

// wrapEnvMatrix wraps m (once) in envMatrix.
func wrapEnvMatrix(m Matrix, lang string, txn func(id.EventID, string, int) string) Matrix {
	switch m.(type) {
	case nil, envMatrix, envMatrixPresence:
		return m
	}
	if p, ok := m.(Presence); ok {
		return envMatrixPresence{envMatrix{m, lang, txn}, p}
	}
	return envMatrix{m, lang, txn}
}
