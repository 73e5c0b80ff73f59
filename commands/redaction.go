package commands

import (
	"context"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// maxRepliesPerEvent bounds the replies looked up for one redacted event
// (a question gets one to three: the answer, perhaps an offer).
const maxRepliesPerEvent = 8

// handleRedaction follows a deleted message or reaction: a removed ✅ is a
// withdrawn RSVP, and a deleted message takes with it what Lotse made of it
// — its replies in the same room (which may quote it) and the copy relayed
// to the team — and its text stored with a case. A member who posted
// something by mistake (a password, an address) can take it back
// completely by deleting it.
func (h *Handler) handleRedaction(ctx context.Context, evt *event.Event) error {
	redacts := evt.Redacts
	if rc, ok := evt.Content.Parsed.(*event.RedactionEventContent); ok && rc.Redacts != "" {
		redacts = rc.Redacts
	}
	if redacts == "" {
		return nil
	}
	if err := h.roundTable.WithdrawRSVP(ctx, redacts); err != nil {
		return err
	}
	if !turnOf(ctx).msg.Direct {
		// In a group room a redaction event may come from someone who
		// cannot redact the message; a direct chat has only the member.
		return nil
	}
	return h.redactFollowUps(ctx, evt, redacts)
}

// repliesTo returns Lotse's replies to eventID (see Handler.reply: their
// transaction IDs are numbered per event), in order.
func (h *Handler) repliesTo(ctx context.Context, eventID id.EventID) ([]id.EventID, error) {
	var out []id.EventID
	for seq := range maxRepliesPerEvent {
		sent, err := h.DB.Inbox.SentEventID(ctx, h.TxnID(eventID, "reply", seq))
		if err != nil || sent == "" {
			return out, err
		}
		out = append(out, id.EventID(sent))
	}
	return out, nil
}

// redactFollowUps redacts Lotse's events caused by the event redacts and
// erases its stored text. Each step is idempotent, so the handler can be
// repeated after a crash.
func (h *Handler) redactFollowUps(ctx context.Context, evt *event.Event, redacts id.EventID) error {
	reason := h.Texts.RedactReason
	replies, err := h.repliesTo(ctx, redacts)
	if err != nil {
		return err
	}
	for seq, reply := range replies {
		if err := h.Matrix.Redact(ctx, evt.RoomID, reply, reason, h.TxnID(evt.ID, "redact-reply", seq)); err != nil {
			return err
		}
	}
	if h.Support.TeamRoom != "" {
		for _, purpose := range []string{"relay", "relay-media"} {
			sent, err := h.DB.Inbox.SentEventID(ctx, h.TxnID(redacts, purpose, 0))
			if err != nil {
				return err
			}
			if sent == "" {
				continue
			}
			if err := h.Matrix.Redact(ctx, h.Support.TeamRoom, id.EventID(sent), reason, h.TxnID(evt.ID, "redact-"+purpose, 0)); err != nil {
				return err
			}
		}
	}
	if _, err = h.DB.Cases.EraseMessage(ctx, redacts.String()); err != nil {
		return err
	}
	// A pending offer to open a case carries the member's recent questions:
	// it is withdrawn, so that a later "ja" cannot send the deleted text.
	return h.DB.Cases.DeleteDraft(ctx, evt.RoomID.String(), evt.Sender.String())
}
