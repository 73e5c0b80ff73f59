package roundtable

import (
	"context"
	"errors"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
)

// AnnouncementRedacted notices that Lotse's announcement redacts was
// deleted in its room (evt is the redaction): a moderator, or anyone with
// the room's power to redact others' events. The round table stays (its
// RSVPs, reminders and calendar); the deleted announcement is forgotten, so
// that Lotse no longer edits it (a change of date, a cancellation) and a ✅
// under it no longer counts; the coordinator is told once in their direct
// chat. Before, nothing of this was noticed (rt24's Left).
//
// Only a redaction in the announcement's own room counts, and only one the
// homeserver applied: since room version 3 a server accepts a redaction
// event from any member and merely does not apply it without the power to
// redact, and a redaction inside an encrypted event is checked by no
// server (such a one is ignored). So the announcement is fetched again: it
// counts as deleted only when the homeserver serves it redacted (or no
// longer at all).
func (w *Workflow) AnnouncementRedacted(ctx context.Context, evt *event.Event, redacts id.EventID) error {
	if !w.On() || evt.Sender == w.Matrix.UserID() || evt.Mautrix.WasEncrypted {
		// Clients send redactions in the clear; one inside an encrypted
		// event was checked by no server.
		return nil
	}
	post, err := w.DB.RoundTables.PostByEvent(ctx, redacts.String())
	if err != nil || post == nil || post.RoomID != evt.RoomID.String() {
		return err
	}
	gone, err := w.redactedOnServer(ctx, evt.RoomID, redacts)
	if err != nil || !gone {
		return err
	}
	rt, err := w.DB.RoundTables.Get(ctx, post.RoundTableID)
	if err != nil || rt == nil {
		return err
	}
	// First the coordinator (idempotent by the redaction's transaction ID:
	// a retry after a failed forget sends nothing new), then forget the
	// post: a transient failure of the direct chat leaves it known, so the
	// retry of this event tells them.
	if isUser(rt.Coordinator) {
		txn := w.CauseTxn(ctx, "rt-post-deleted", 0)
		err := w.toMember(ctx, id.UserID(rt.Coordinator), chat.Format(w.tx.PostDeleted, rt.ID, chat.Escape(rt.Title)), txn)
		if err != nil && !chat.IsPermanent(err) {
			return err
		}
	}
	if _, err := w.DB.RoundTables.DeletePost(ctx, rt.ID, post.RoomID, post.EventID); err != nil {
		return err
	}
	zerolog.Ctx(ctx).Info().Int64("roundtable", rt.ID).Stringer("room", evt.RoomID).
		Msg("A round table's announcement was deleted in its room; forgotten, the round table stays")
	return nil
}

// redactedOnServer reports whether the homeserver serves eventID of roomID
// redacted: without content (a redacted message has no body; a redacted
// encrypted event cannot be decrypted), or not at all. A transient failure
// is returned, to be tried again.
func (w *Workflow) redactedOnServer(ctx context.Context, roomID id.RoomID, eventID id.EventID) (bool, error) {
	fetched, err := w.Matrix.FetchMessage(ctx, roomID, eventID)
	switch {
	case chat.IsTransient(err) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return false, err
	case err != nil:
		return true, nil
	}
	if fetched.Unsigned.RedactedBecause != nil {
		return true, nil
	}
	mc, ok := fetched.Content.Parsed.(*event.MessageEventContent)
	return !ok || mc.Body == "", nil
}
