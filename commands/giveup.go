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
	_, err := h.env.Matrix.Send(ctx, roomID, event.EventMessage, content, h.TxnID(eventID, "give-up", 0))
	return err
}

// HistorySkipped tells a member who wrote in a room of the two of them
// before inviting Lotse that Lotse does not read that history (it is not
// answered, see the bot's syncer) and what to do: in their direct chat
// (direct) send the question again; in another room of the two, where
// Lotse answers only a message that mentions it, send it again with a
// mention (mend23b: the notice promised an answer there that never came).
// Lotse's own work rooms (team room, approvals room) get nothing: an admin
// who set one up and wrote in it first asked Lotse no question. The bot
// calls it once per invite; the notice quotes and names nothing of what
// was written.
func (h *Handler) HistorySkipped(ctx context.Context, roomID id.RoomID, invite id.EventID, direct bool) error {
	if roomID == h.Support.TeamRoom || roomID == h.Access.ApprovalsRoom {
		return nil
	}
	text := h.Texts.HistorySkippedMention
	if direct {
		text = h.Texts.HistorySkipped
	}
	plain, htmlBody := chat.Render(text)
	content := &event.MessageEventContent{
		MsgType: event.MsgNotice, Body: plain, Format: event.FormatHTML, FormattedBody: htmlBody,
		Mentions: &event.Mentions{},
	}
	_, err := h.env.Matrix.Send(ctx, roomID, event.EventMessage, content, h.TxnID(invite, "history-skipped", 0))
	return err
}
