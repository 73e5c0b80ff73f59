package commands

import (
	"context"
	"errors"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
)

// GiveUp tells a member in a direct chat that Lotse could not handle their
// message (it could not decrypt it, or failed even after retrying), so that
// no message goes unanswered in silence. In group rooms it says nothing: a
// message there was perhaps not meant for Lotse at all. Nor for an edit
// (cause is the handler's last error): an edit is not a question, and one
// whose message never got handled has nothing to say to the member.
func (h *Handler) GiveUp(ctx context.Context, roomID id.RoomID, eventID id.EventID, direct, undecryptable bool, cause error) error {
	if !direct || errors.Is(cause, errEdit) {
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
