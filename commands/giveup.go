package commands

import (
	"context"
	"errors"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/support"
)

// GiveUp tells a member in a direct chat that Lotse could not handle their
// message (it could not decrypt it, or failed even after retrying), so that
// no message goes unanswered in silence. In group rooms it says nothing: a
// message there was perhaps not meant for Lotse at all. An edit (cause is
// the handler's last error) is not a question: one that failed before the
// relay was touched (its message never got handled) says nothing, and one
// that failed while its relay was edited tells the member that the team
// may still read the old text, and how to take it away.
func (h *Handler) GiveUp(ctx context.Context, roomID id.RoomID, eventID id.EventID, direct, undecryptable bool, cause error) error {
	if !direct || (errors.Is(cause, errEdit) && !errors.Is(cause, support.ErrEditUnfinished)) {
		return nil
	}
	text := h.Texts.GaveUp
	switch {
	case undecryptable:
		text = h.Texts.Undecryptable
	case errors.Is(cause, errEdit):
		text = h.Texts.EditNotRelayed
	}
	plain, htmlBody := chat.Render(text)
	content := &event.MessageEventContent{
		MsgType: event.MsgNotice, Body: plain, Format: event.FormatHTML, FormattedBody: htmlBody,
		Mentions: &event.Mentions{},
	}
	content.SetReply(&event.Event{ID: eventID, RoomID: roomID})
	_, err := h.Matrix.Send(ctx, roomID, event.EventMessage, content, h.TxnID(eventID, "give-up", 0))
	return err
}

// HistorySkipped tells a member who wrote in their chat with Lotse before
// inviting it that Lotse does not read that history (it is not answered,
// see the bot's syncer) and that they should send their question again.
// The bot calls it once per invite, only in a room of the two; the notice
// quotes and names nothing of what was written.
func (h *Handler) HistorySkipped(ctx context.Context, roomID id.RoomID, invite id.EventID) error {
	plain, htmlBody := chat.Render(h.Texts.HistorySkipped)
	content := &event.MessageEventContent{
		MsgType: event.MsgNotice, Body: plain, Format: event.FormatHTML, FormattedBody: htmlBody,
		Mentions: &event.Mentions{},
	}
	_, err := h.Matrix.Send(ctx, roomID, event.EventMessage, content, h.TxnID(invite, "history-skipped", 0))
	return err
}
