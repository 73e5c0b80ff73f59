package access

import (
	"context"
	"strconv"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// erasureBatch bounds the queued redactions FinishErasures works through
// in one call; the rest follow at the next tick.
const erasureBatch = 100

// maxRequestVersions bounds the versions of one request whose edits and
// thread notes are looked up (a request changes a handful of times:
// approvals, provisioning attempts, a decision).
const maxRequestVersions = 100

// FinishErasures redacts, in the approvals room, what Lotse itself posted
// of the access requests of members who had their data erased
// (!daten-löschen, `lotse privacy erase`; DSGVO Art. 17; gdpr26): the
// request message (the member's name, Matrix ID, e-mail, Nextcloud display
// name and reason), Lotse's edits of it (they carry the same) and its
// notes in the request's thread (the Nextcloud account it set up, why
// provisioning failed). Before, the erasure deleted the request's rows and
// left all of this in the approvals room for good.
//
// The erasure queued the request messages in its own transaction
// (storage.RedactAccess); each is redacted and then forgotten, at once
// after the erasure and at every tick of the worker (also after a restart
// and after an erasure on the command line). Every redaction has a
// transaction ID of its target, so a retry sends none twice. The request
// message is known by its ID, however old; its edits and notes by the IDs
// recorded with the request (access_shown, since v22; priv30) and, for
// those sent before, through the transaction IDs of their sends
// (sent_event, kept inbox_retention long).
// What approvers wrote in the thread is theirs to delete. Work per call is
// bounded: erasureBatch requests, each up to 3·(maxRequestVersions+1)+2
// lookups and redactions.
func (w *Workflow) FinishErasures(ctx context.Context) error {
	if w.cfg.ApprovalsRoom == "" {
		// Without an approvals room nothing is redacted now: the queue waits.
		return nil
	}
	list, err := w.DB.Cases.AccessRedactions(ctx, erasureBatch)
	if err != nil {
		return err
	}
	// One piece that keeps failing holds back none of the others (as in
	// the team room, mend25a).
	return w.FinishRedactions(ctx, list, "an erased member's access request in the approvals room", w.finishErasure)
}

// FinishExpired redacts, in the approvals room, what Lotse itself posted
// of access requests deleted at the end of their retention period
// (access_retention; DSGVO Art. 5 (1) e; priv29): the same pieces
// FinishErasures redacts, which the retention rule queued in the
// transaction that deleted the request (storage.CauseRetention), with the
// reason ExpiredReason. After a year, the request message is found by its
// ID and its edits and thread notes by the IDs recorded with the request
// (access_shown, queued as storage.AccessShownVersion; priv30): before,
// they were found only through sent_event, which inbox_retention keeps far
// shorter, and stayed. Only the worker's tick calls it; work per call is
// bounded as FinishErasures'.
//
// With retention_redacts_room_messages off (KeepExpiredRoomMessages) it
// redacts nothing and leaves the queue as it is (mend29c; see
// support.Workflow.FinishExpired).
func (w *Workflow) FinishExpired(ctx context.Context) error {
	if w.cfg.ApprovalsRoom == "" || w.cfg.KeepExpiredRoomMessages {
		return nil
	}
	list, err := w.DB.Cases.ExpiredAccessRedactions(ctx, erasureBatch)
	if err != nil {
		return err
	}
	return w.FinishRedactions(ctx, list, "an expired access request in the approvals room", w.finishErasure)
}

// finishErasure redacts the approvals-room events of one queued request r
// (r.CaseID is the request's number), of an erasure or of an expired
// request (r.Cause).
func (w *Workflow) finishErasure(ctx context.Context, r storage.CaseRedaction) error {
	reason := w.tx.ErasedReason
	if r.Cause == storage.CauseRetention {
		reason = w.tx.ExpiredReason
	}
	txn := func(purpose string, n int) string { return w.KeyTxn("lotse-erase/access/"+r.EventID, purpose, n) }
	if r.Version == storage.AccessShownVersion {
		// An edit of the request message or a note in its thread,
		// recorded with the request (access_shown; priv30): only this event.
		return w.redactApprovals(ctx, r, reason, txn("shown", 0))
	}
	for v := max(0, r.Version-maxRequestVersions); v <= r.Version; v++ {
		for _, purpose := range []string{"board", "failing", "failed"} {
			if err := w.redactSent(ctx, w.accessTxn(r.CaseID, purpose, v), reason, txn(purpose, v)); err != nil {
				return err
			}
		}
	}
	if err := w.redactSent(ctx, w.accessTxn(r.CaseID, "done-approvals", 0), reason, txn("done-approvals", 0)); err != nil {
		return err
	}
	// The request message itself, known by its ID.
	return w.redactApprovals(ctx, r, reason, txn("request", 0))
}

// redactApprovals redacts r.EventID in the approvals room. One in an
// earlier approvals room (approvals_room changed) is refused there: logged
// and skipped, as every retry would be refused alike.
func (w *Workflow) redactApprovals(ctx context.Context, r storage.CaseRedaction, reason, txn string) error {
	err := w.Matrix.Redact(ctx, w.cfg.ApprovalsRoom, id.EventID(r.EventID), reason, txn)
	if chat.RefusedForGood(err) {
		zerolog.Ctx(ctx).Warn().Err(err).Str("event_id", r.EventID).Str("request", strconv.FormatInt(r.CaseID, 10)).
			Msg("Not redacting Lotse's message about an access request: refused in the approvals room")
		return nil
	}
	return err
}

// redactSent is chat.Env.RedactSent with the approvals room as home: a
// note in an earlier approvals room (approvals_room changed) that refuses
// is skipped.
func (w *Workflow) redactSent(ctx context.Context, sentTxn, reason, txn string) error {
	return w.RedactSent(ctx, w.cfg.ApprovalsRoom, sentTxn, reason, txn)
}

// unlessErased follows a send to the approvals room about request reqID
// (transaction ID sentTxn) that was prepared from the request's row: if the
// row is gone now, the member's erasure ran meanwhile, and its redactions
// may have been done before this send (FinishErasures finds an event only
// once it is sent). Lotse redacts the event itself then, and gone is true:
// nothing more is sent about the request. An erasure that commits after
// this check finds the event through sent_event. Before, a provisioning
// note or board edit whose send overlapped the erasure stayed in the
// approvals room with the member's e-mail, name or Nextcloud account
// (mend26a).
func (w *Workflow) unlessErased(ctx context.Context, reqID int64, sentTxn string) (gone bool, err error) {
	r, err := w.DB.Access().Get(ctx, reqID)
	if err != nil || r != nil {
		return false, err
	}
	key := "lotse-erase/late/" + strconv.FormatInt(reqID, 10)
	return true, w.redactSent(ctx, sentTxn, w.tx.ErasedReason, w.KeyTxn(key, sentTxn, 0))
}
