package commands

import (
	"context"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
)

// GiveUp tells a member in a direct chat that Lotse could not handle their
// message (it could not decrypt it, or failed even after retrying), so that
// no message goes unanswered in silence. In group rooms it says nothing: a
// message there was perhaps not meant for Lotse at all.
func (h *Handler) GiveUp(ctx context.Context, roomID id.RoomID, eventID id.EventID, direct, undecryptable bool) error {
	if !direct {
		return nil
	}
	text := h.Texts.GaveUp
	if undecryptable {
		text = h.Texts.Undecryptable
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
