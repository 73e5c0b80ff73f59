package commands

import (
	"context"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
)

// handleRedaction follows a deleted message or reaction: a removed ✅ is a
// withdrawn RSVP, and a deleted message takes with it what Lotse made of it
// — its replies in the same room (which may quote it) and the copy relayed
// to the team — and its text stored with a case. A member who posted
// something by mistake (a password, an address) can take it back
// completely by deleting it.
//
// Only the author's own deletion counts: a redaction event can name any
// event ID, a redaction inside an encrypted event is checked by no server,
// and a server may send one its user is not allowed to make. So the
// redaction must come from the redacted event's sender, in its room, as the
// inbox recorded them; a redaction whose target the inbox does not know
// (never seen, or older than its retention) reaches only what is stored
// with its author (the RSVP, a case message), each of which checks the
// author again. A kept question is the exception: a plain redaction in its
// room by anyone forgets it (see gaps.Workflow.ForgetMessage).
func (h *Handler) handleRedaction(ctx context.Context, evt *event.Event) error {
	redacts := evt.Redacts
	if rc, ok := evt.Content.Parsed.(*event.RedactionEventContent); ok && rc.Redacts != "" {
		redacts = rc.Redacts
	}
	if redacts == "" {
		return nil
	}
	// A question kept for the team's digest goes with its message, also
	// when someone else (a moderator) deleted it in its room: forgetting
	// only removes data (ForgetMessage checks the room).
	if err := h.gaps.ForgetMessage(ctx, evt, redacts); err != nil {
		return err
	}
	// What the team's loop copied of a member's question (a learned
	// question, the learning prompt, a guide draft) goes with the
	// member's own deletion; TakeBack checks sender and room against its
	// records, so it needs no inbox record (loop29).
	if err := h.learn.TakeBack(ctx, evt, redacts); err != nil {
		return err
	}
	// A team member's deletion of the message with which they taught a
	// question forgets it (lib31; Untaught checks room and teacher).
	if err := h.learn.Untaught(ctx, evt, redacts); err != nil {
		return err
	}
	// And Lotse's copy of a case's question in the team room, also when
	// a „ja“ or ✅ opened the case and the deleted message is the one with
	// the member's words (sup30); checked against the case's records as
	// TakeBack's are.
	if err := h.support.ForgetQuestion(ctx, evt, redacts, h.Texts.RedactReason); err != nil {
		return err
	}
	origin, err := h.DB.Inbox.Origin(ctx, redacts.String())
	if err != nil {
		return err
	}
	if origin != nil && (origin.RoomID != evt.RoomID.String() || origin.Sender != evt.Sender.String()) {
		zerolog.Ctx(ctx).Info().Stringer("redacts", redacts).Msg("Ignoring a redaction not by the redacted event's sender or not in its room")
		return nil
	}
	if origin != nil && origin.Pending {
		// Its event still waits for a retry (its handling failed, or its
		// room key has not come): handled after the deletion, it would
		// relay, store or answer the deleted text. It is marked deleted, so
		// the worker never handles it, however late it would have come;
		// what an earlier, failed try made of it is taken back below as
		// for a handled event. Before, the deletion waited for it (sec23)
		// and gave up after the runtime's retries, some 17 minutes, while
		// a room key may come days later (relay24).
		if _, err := h.DB.Inbox.MarkRedacted(ctx, redacts.String(), origin.RoomID, origin.Sender, h.Now()); err != nil {
			return err
		}
	}
	if err := h.roundTable.WithdrawRSVP(ctx, evt, redacts); err != nil {
		return err
	}
	if err := h.roundTable.AnnouncementRedacted(ctx, evt, redacts); err != nil {
		return err
	}
	// An approver's deleted ✅ or !genehmigen takes their approval back
	// while the request waits for another (ApprovalRedacted checks that
	// the approval is the redaction's sender's).
	if err := h.access.ApprovalRedacted(ctx, evt, redacts); err != nil {
		return err
	}
	if h.support.On() && evt.RoomID == h.support.TeamRoom() {
		// A team member's own answer or note: its stored text, and what
		// Lotse sent the member for it (where the inbox still knows who
		// wrote it, and so sent_event its sends).
		return h.support.ForgetTeamMessage(ctx, evt, redacts, origin != nil)
	}
	if !chat.TurnOf(ctx).Direct {
		// In a group room a redaction event may come from someone who
		// cannot redact the message; a direct chat has only the member.
		return nil
	}
	if origin == nil {
		// Lotse's replies and relays are found by the inbox's records,
		// which share its retention; only the case's copy of the text is
		// left, erased if it is the sender's own.
		_, err := h.DB.Cases.EraseMessage(ctx, redacts.String(), evt.Sender.String())
		return err
	}
	return h.redactFollowUps(ctx, evt, redacts)
}

// repliesTo returns Lotse's replies to eventID (chat.Env.RepliesTo).
func (h *Handler) repliesTo(ctx context.Context, eventID id.EventID) ([]id.EventID, error) {
	return h.env.RepliesTo(ctx, eventID)
}

// redactFollowUps erases the stored text of the event redacts and redacts
// Lotse's events caused by it. What the support workflow made of it
// (stored text, a pending offer, relayed copies) comes first, so that a
// reply in the direct chat Lotse cannot redact does not hold back the
// erasure. Each step is idempotent, so the handler can be repeated after a
// crash.
func (h *Handler) redactFollowUps(ctx context.Context, evt *event.Event, redacts id.EventID) error {
	reason := h.Texts.RedactReason
	if err := h.support.ForgetMessage(ctx, evt, redacts, reason); err != nil {
		return err
	}
	replies, err := h.repliesTo(ctx, redacts)
	if err != nil {
		return err
	}
	for seq, reply := range replies {
		if err := h.Matrix.Redact(ctx, evt.RoomID, reply, reason, h.TxnID(evt.ID, "redact-reply", seq)); err != nil {
			return err
		}
	}
	return nil
}
