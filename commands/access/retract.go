package access

import (
	"context"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// ApprovalRedacted follows the deletion of an approval: evt redacts the ✅
// or the !genehmigen with which its sender approved a request. While the
// request waits for a further approval, the approval is taken back (audited,
// the approvals-room message drawn anew, the approvers told in the
// request's thread); when it had decided the request already, the
// approvers read that a deletion no longer undoes it. Before the thirtieth
// pass a removed ✅ did nothing: a request that needs two approvers went
// on counting it, and an approver who took back a slip heard nothing
// (left open since security review 22; acc30).
//
// Only the approver's own deletion, in the approvals room, counts: the
// audit entry of the approval names the event and its approver, so a
// redaction by anyone else (a moderator removing reactions) or of any
// other event changes nothing. The caller (the runtime's redaction
// handling) has checked the inbox's record of the redacted event where it
// has one. Each step is idempotent: a repeated redaction changes nothing
// and sends with the same transaction ID.
func (w *Workflow) ApprovalRedacted(ctx context.Context, evt *event.Event, redacts id.EventID) error {
	if !w.accessOn() || evt.RoomID != w.cfg.ApprovalsRoom || redacts == "" {
		return nil
	}
	q := w.DB.Access()
	txn := w.TxnID(evt.ID, "access-retract", 0)
	// By the event: an approver who approved by ✅ and by command keeps
	// the approval until both are gone (left31).
	byEvent, err := q.RetractApprovalEvent(ctx, redacts.String(), evt.Sender.String(), evt.ID.String(), w.Now())
	if err != nil {
		return err
	}
	if byEvent.Known {
		after := byEvent.After
		if after == nil {
			return nil
		}
		retracted := byEvent.Retracted
		var md string
		switch {
		case retracted:
			md = chat.Format(w.tx.Retracted, after.ID, chat.Escape(w.Matrix.DisplayName(ctx, w.cfg.ApprovalsRoom, evt.Sender)))
		case byEvent.StillApproved:
			md = chat.Format(w.tx.RetractStillApproved, after.ID, chat.Escape(w.Matrix.DisplayName(ctx, w.cfg.ApprovalsRoom, evt.Sender)))
		case after.Status == storage.AccessApproved || after.Status == storage.AccessProvisioned || after.Status == storage.AccessFailed:
			md = chat.Format(w.tx.RetractTooLate, after.ID, chat.Escape(w.accessStatus(ctx, after)))
		default:
			return nil
		}
		if _, err := w.SendMarkdownTo(ctx, w.cfg.ApprovalsRoom, md, chat.ThreadRel(after.ApprovalsEvent), txn); err != nil {
			return err
		}
		if retracted {
			return w.updateAccessBoard(ctx, after.ID)
		}
		return nil
	}
	// A retry of the above whose first run took the approval back (the
	// event is forgotten then): the notice and the message drawn anew
	// again, with the same transaction ID. Without this, the deletion of
	// the last approving event that was not the counted one (no audit
	// entry names it) found nothing on a retry after a failed send: the
	// approvers never read that the approval was gone, and the request's
	// message still showed it (mend31b).
	if prior, err := q.AuditByKey(ctx, "approval-retracted:"+evt.ID.String()); err != nil {
		return err
	} else if prior != nil && prior.Actor == evt.Sender.String() {
		after, err := q.Get(ctx, prior.RequestID)
		if err != nil || after == nil {
			return err
		}
		md := chat.Format(w.tx.Retracted, after.ID, chat.Escape(w.Matrix.DisplayName(ctx, w.cfg.ApprovalsRoom, evt.Sender)))
		if _, err := w.SendMarkdownTo(ctx, w.cfg.ApprovalsRoom, md, chat.ThreadRel(after.ApprovalsEvent), txn); err != nil {
			return err
		}
		return w.updateAccessBoard(ctx, after.ID)
	}
	// An approval given before v24, or a retry of the above (its event
	// is forgotten then): by the audit entry of the counted event.
	entry, err := q.AuditByKey(ctx, "approval:"+redacts.String())
	if err != nil {
		return err
	}
	decided := false
	if entry == nil {
		if entry, err = q.AuditByKey(ctx, "approved:"+redacts.String()); err != nil || entry == nil {
			return err
		}
		decided = true
	}
	if entry.Actor != evt.Sender.String() {
		return nil
	}
	var retracted bool
	after, err := q.Get(ctx, entry.RequestID)
	if err == nil && !decided && after != nil && after.Status == storage.AccessPending {
		// An approval with an approving event still recorded stands:
		// this is a retry of the above, or an event from before v24
		// while a later one is still there (left31).
		if left, err := q.ApprovalEventsLeft(ctx, entry.RequestID, evt.Sender.String()); err != nil || left > 0 {
			return err
		}
		retracted, after, err = q.RetractApproval(ctx, entry.RequestID, evt.Sender.String(), evt.ID.String(), w.Now())
		if err == nil && !retracted && after != nil && after.Status == storage.AccessPending {
			// Taken back already: this redaction's earlier run (a retry
			// after a crash) sends the same notice again, with its
			// transaction ID; anything else needs no word.
			retracted = w.lastAuditIs(ctx, "approval-retracted:"+evt.ID.String())
		}
	}
	if err != nil || after == nil {
		return err
	}
	var md string
	switch {
	case retracted:
		md = chat.Format(w.tx.Retracted, after.ID, chat.Escape(w.Matrix.DisplayName(ctx, w.cfg.ApprovalsRoom, evt.Sender)))
	case after.Status == storage.AccessApproved || after.Status == storage.AccessProvisioned || after.Status == storage.AccessFailed:
		md = chat.Format(w.tx.RetractTooLate, after.ID, chat.Escape(w.accessStatus(ctx, after)))
	default:
		return nil // denied, withdrawn: nothing to take back
	}
	if _, err := w.SendMarkdownTo(ctx, w.cfg.ApprovalsRoom, md, chat.ThreadRel(after.ApprovalsEvent), txn); err != nil {
		return err
	}
	if retracted {
		return w.updateAccessBoard(ctx, after.ID)
	}
	return nil
}
