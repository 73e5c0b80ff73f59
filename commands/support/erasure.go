package support

import (
	"context"
	"strconv"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// erasureBatch bounds the queued redactions FinishErasures works through
// in one call; the rest follow at the next tick.
const erasureBatch = 100

// maxBoardVersions bounds the board edits looked up for one case message
// (one per change of the case): a case changed more often than this keeps
// its oldest edits beyond the bound, which hold only a status.
const maxBoardVersions = 500

// FinishErasures redacts, in the team room, what Lotse itself posted of
// the cases of members who had their data erased (!daten-löschen, `lotse
// privacy erase`; DSGVO Art. 17): the case message (it shows the member's
// name, Matrix ID and the summary of their question) and Lotse's edits of
// it, the question's thread message, the relays of the member's messages
// and Lotse's edits of them, and the replies and thread messages that
// showed the case (`!offen`, `!fall`, a guide draft, a learning prompt).
// The erasure queued them in its own
// transaction (storage.CaseQuery.Redactions); each is redacted and then
// forgotten, so an erasure interrupted by a crash (SIGKILL) is finished
// at the next call: at once after the erasure, and at every tick of the
// worker, also after a restart and after an erasure from the command line.
// Redacting again what is redacted already changes nothing, and every
// redaction has a transaction ID of its target, so a retry sends none
// twice. The messages team members wrote in the case thread are theirs,
// not Lotse's: Lotse cannot and does not delete them; the thread is told
// once (ErasedTeam) so that the team can delete what of the member it
// quoted there.
//
// Events are found by the event IDs recorded with their case when they
// were sent (shown, editShown; Cases.Shown) and, for those a version before
// case25 sent, through the transaction IDs of their sends (sent_event,
// kept inbox_retention long). Work per call is bounded: erasureBatch rows,
// each a few lookups and redactions — a case message up to
// maxBoardVersions+1 of them, one per board edit.
func (w *Workflow) FinishErasures(ctx context.Context) error {
	if !w.On() {
		// Without a team room, nothing is redacted now: the queue waits.
		return nil
	}
	list, err := w.DB.Cases.Redactions(ctx, erasureBatch)
	if err != nil {
		return err
	}
	// One piece that keeps failing holds back none of the others.
	return w.FinishRedactions(ctx, list, "an erased member's case in the team room", w.finishErasure)
}

// FinishExpired redacts, in the team room, what Lotse itself posted of
// cases deleted at the end of their retention period (support_retention;
// DSGVO Art. 5 (1) e; priv29): the same pieces FinishErasures redacts for
// an erasure, which the retention rule queued in the transaction that
// deleted the case (storage.CauseRetention), with the reason ExpiredReason
// and without a note in the thread (nobody asked; a note per expired case
// would fill the room). Only the worker's tick calls it, never a member's
// message; work per call is bounded as FinishErasures' (its own
// erasureBatch, read apart from the erasures' so that neither holds back
// the other).
//
// With retention_redacts_room_messages off (KeepExpiredRoomMessages) it
// redacts nothing: what a retention queued before the switch was turned
// off stays queued, unredacted, until it is turned on again (mend29c: it
// was redacted all the same — the first run after the upgrade queues every
// expired case at once, and the association that turned the switch off
// on reading the upgrade note still lost the messages).
func (w *Workflow) FinishExpired(ctx context.Context) error {
	if !w.On() || w.cfg.KeepExpiredRoomMessages {
		return nil
	}
	list, err := w.DB.Cases.ExpiredRedactions(ctx, erasureBatch)
	if err != nil {
		return err
	}
	return w.FinishRedactions(ctx, list, "an expired case in the team room", w.finishErasure)
}

// finishErasure redacts the team-room events of one queued piece r (of an
// erasure or of an expired case: r.Cause).
func (w *Workflow) finishErasure(ctx context.Context, r storage.CaseRedaction) error {
	reason := w.tx.ErasedReason
	if r.Cause == storage.CauseRetention {
		reason = w.tx.ExpiredReason
	}
	// A (kind, event) is queued once, by whichever comes first (a list
	// that showed two cases goes with the first one deleted): one key,
	// whatever the cause.
	txn := func(purpose string, n int) string { return w.KeyTxn("lotse-erase/"+r.Kind+"/"+r.EventID, purpose, n) }
	switch r.Kind {
	case storage.RedactRoot:
		key := "lotse-case/" + strconv.FormatInt(r.CaseID, 10)
		for v := max(0, r.Version-maxBoardVersions); v <= r.Version; v++ {
			if err := w.redactSent(ctx, w.KeyTxn(key, "board", v), reason, txn("board", v)); err != nil {
				return err
			}
		}
		// The case message itself is known by its ID, however old. A
		// case message in an earlier team room (team_room changed) is
		// refused there (redactSent's rule): logged and skipped.
		err := w.Matrix.Redact(ctx, w.cfg.TeamRoom, id.EventID(r.EventID), reason, txn("root", 0))
		if chat.RefusedForGood(err) {
			zerolog.Ctx(ctx).Warn().Err(err).Str("event_id", r.EventID).Msg("Not redacting an erased member's case message: refused in the team room")
			return nil
		} else if err != nil || r.Cause == storage.CauseRetention {
			return err
		}
		plain, htmlBody := chat.Render(chat.Format(w.tx.ErasedTeam, r.CaseID))
		_, err = w.SendTo(ctx, w.cfg.TeamRoom, plain, htmlBody, chat.ThreadRel(r.EventID), nil, txn("note", 0))
		return err
	case storage.RedactShown:
		// `!offen`, `!fall`, a guide draft, a learning prompt: a reply
		// or thread message in the team room, known by its ID.
		err := w.Matrix.Redact(ctx, w.cfg.TeamRoom, id.EventID(r.EventID), reason, txn("shown", 0))
		if chat.RefusedForGood(err) {
			zerolog.Ctx(ctx).Warn().Err(err).Str("event_id", r.EventID).Msg("Not redacting a message that showed an erased member: refused in the team room")
			return nil
		}
		return err
	case storage.RedactQuestion:
		return w.redactSent(ctx, w.TxnID(id.EventID(r.EventID), "case-question", 0), reason, txn("question", 0))
	case storage.RedactRelay:
		for _, purpose := range []string{"relay", "relay-media"} {
			if err := w.redactSent(ctx, w.TxnID(id.EventID(r.EventID), purpose, 0), reason, txn(purpose, 0)); err != nil {
				return err
			}
		}
	case storage.RedactEdit:
		for _, purpose := range []string{"relay-edit", "relay-media-edit"} {
			if err := w.redactSent(ctx, w.TxnID(id.EventID(r.EventID), purpose, 0), reason, txn(purpose, 0)); err != nil {
				return err
			}
		}
	}
	return nil
}

// shown records that Lotse's event evt (just sent, with sendErr) in the
// team room shows the member of case caseID (their name or words), so
// that the member's erasure redacts it (Cases.Shown) also when its
// transaction ID is forgotten (sent_event lives inbox_retention long). A
// repeated send returns the same event, recorded once.
func (w *Workflow) shown(ctx context.Context, caseID int64, evt id.EventID, sendErr error) error {
	if sendErr != nil {
		return sendErr
	}
	return w.DB.Cases.Shown(ctx, evt.String(), caseID)
}

// editShown edits target in room to content, as chat.Env.EditTo does, and
// records the edit as showing the member of case caseID (shown).
func (w *Workflow) editShown(ctx context.Context, caseID int64, room id.RoomID, target id.EventID, content *event.MessageEventContent, txn string) error {
	chat.SetEdit(content, target)
	evt, err := w.Matrix.Send(ctx, room, event.EventMessage, content, txn)
	return w.shown(ctx, caseID, evt, err)
}
