package chat

import (
	"context"
	"errors"
	"fmt"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// RedactSent redacts the event Lotse sent under sentTxn, if it is still
// known (sent_event), in the room it was sent to. A redaction refused
// (M_FORBIDDEN, M_NOT_FOUND) in a room other than home — a workflow's room
// that was changed since (team_room, approvals_room) and that Lotse left —
// is logged and skipped: every retry would be refused alike.
func (e *Env) RedactSent(ctx context.Context, home id.RoomID, sentTxn, reason, txn string) error {
	sent, err := e.DB.Inbox.SentEvent(ctx, sentTxn)
	if err != nil || sent == nil || sent.EventID == "" {
		return err
	}
	err = e.Matrix.Redact(ctx, id.RoomID(sent.RoomID), id.EventID(sent.EventID), reason, txn)
	if err != nil && sent.RoomID != home.String() && RefusedForGood(err) {
		zerolog.Ctx(ctx).Warn().Err(err).Str("room_id", sent.RoomID).Str("event_id", sent.EventID).Str("home_room", home.String()).
			Msg("Not redacting an event of Lotse's: refused in a room that is no longer the workflow's room")
		return nil
	}
	return err
}

// RefusedForGood reports whether the homeserver refused a request in a way
// every retry would meet alike: M_FORBIDDEN (Lotse may not, or is no longer
// in the room) or M_NOT_FOUND (the room or event is gone).
func RefusedForGood(err error) bool {
	return errors.Is(err, mautrix.MForbidden) || errors.Is(err, mautrix.MNotFound)
}

// RedactCopy redacts Lotse's message eventID in room — a copy of a
// member's question the member deleted (storage.CopyQuery) — and forgets
// its record. A redaction refused for good (the team room was changed
// since and Lotse left the old one) is logged and the record forgotten
// too: every retry would be refused alike, and hold back the deletion.
func (e *Env) RedactCopy(ctx context.Context, room id.RoomID, eventID, reason, txn string) error {
	err := e.Matrix.Redact(ctx, room, id.EventID(eventID), reason, txn)
	if RefusedForGood(err) {
		zerolog.Ctx(ctx).Warn().Err(err).Str("event_id", eventID).Msg("Not redacting Lotse's copy of a deleted question: refused in the team room")
	} else if err != nil {
		return err
	}
	return e.DB.Copies().Delete(ctx, eventID)
}

// FinishRedactions works through queued erasure redactions (case_redaction):
// finish redacts one piece's events; a piece done is forgotten, one that
// failed goes behind every other queued piece (Cases.RedactionLater), so
// that pieces that keep failing — a whole batch of them — hold back no
// later erasure (mend25a). what names the pieces in the errors („an erased
// member's case in the team room“).
func (e *Env) FinishRedactions(ctx context.Context, list []storage.CaseRedaction, what string,
	finish func(context.Context, storage.CaseRedaction) error) error {
	var errs []error
	for _, r := range list {
		if err := finish(ctx, r); err != nil {
			errs = append(errs, fmt.Errorf("failed to redact %s: %w", what, err))
			if err := e.DB.Cases.RedactionLater(ctx, r); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		if err := e.DB.Cases.RedactionDone(ctx, r); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
