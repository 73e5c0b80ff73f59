package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

const auditByKeyQuery = `SELECT ` + auditColumns + ` FROM access_audit WHERE key=$1`

// AuditByKey returns the audit entry with key, or nil.
func (q *AccessQuery) AuditByKey(ctx context.Context, key string) (*AuditEntry, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	rows, err := q.auditRows(ctx, auditByKeyQuery, key)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	return &rows[0], nil
}

// RetractApproval removes approver's approval of request id while the
// request waits for a further one (status pending): its approver took it
// back by deleting their ✅ or their command. The removal is audited
// ("approval-retracted", the approver as actor, keyed by cause) and bumps
// the version, so that the approvals-room message is drawn anew.
// retracted=false when there was nothing to remove (decided meanwhile,
// retracted already, or no such approval); after is the request as it is
// then (nil if it is gone).
func (q *AccessQuery) RetractApproval(ctx context.Context, id int64, approver, cause string, now time.Time) (retracted bool, after *AccessRequest, err error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	err = q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		retracted = false
		r, err := q.lockedRequest(ctx, id)
		if err != nil {
			return err
		}
		after = r
		if r.Status != AccessPending {
			return nil
		}
		del, err := q.db.Exec(ctx, dropApprovalQuery, id, approver)
		if err != nil {
			return err
		}
		if n, _ := del.RowsAffected(); n == 0 {
			return nil
		}
		retracted = true
		if err := q.audit(ctx, AuditEntry{Key: "approval-retracted:" + cause, RequestID: id, At: now, Actor: approver,
			Action: "approval-retracted"}); err != nil {
			return err
		}
		if _, err := q.db.Exec(ctx, bumpAccessQuery, id, now.UnixMilli()); err != nil {
			return err
		}
		after, err = scanAccess(q.db.QueryRow(ctx, getAccessQuery, id))
		return err
	})
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil, nil
	} else if err != nil {
		return false, nil, fmt.Errorf("failed to retract approval of request %d: %w", id, err)
	}
	return retracted, after, nil
}

const (
	insertApprovalEventQuery = `INSERT INTO access_approval_event (event_id, request_id, approver) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING`
	approvalEventQuery       = `SELECT request_id, approver FROM access_approval_event WHERE event_id=$1`
	dropApprovalEventQuery   = `DELETE FROM access_approval_event WHERE event_id=$1`
	approvalEventsLeftQuery  = `SELECT COUNT(*) FROM access_approval_event WHERE request_id=$1 AND approver=$2`
)

// EventRetraction is what RetractApprovalEvent did.
type EventRetraction struct {
	// Known: the event approved a request while it was pending (recorded
	// since v24); false for any other event, and for an approval given
	// before (the caller then goes by its audit entry, RetractApproval).
	Known bool
	// RequestID is the request the event approved.
	RequestID int64
	// Retracted: the approval is taken back (the last of its events).
	Retracted bool
	// StillApproved: the approver approved the request by another event
	// too that is still there; the approval stands.
	StillApproved bool
	// After is the request as it is then (nil if it is gone).
	After *AccessRequest
}

// RetractApprovalEvent follows approver's deletion of eventID, one of the
// events (✅, `!genehmigen`) by which they approved a request while it
// was pending: the event is forgotten, and while the request is still
// pending and none of approver's other approving events is left, their
// approval is taken back (as RetractApproval, audited with cause). Before
// (acc30), the retraction went by the one event that had counted: an
// approver who approved by command and by ✅ and deleted the one that had
// not counted heard nothing, and their approval stood (left31). A
// deletion of an event that approver did not send changes nothing.
func (q *AccessQuery) RetractApprovalEvent(ctx context.Context, eventID, approver, cause string, now time.Time) (res EventRetraction, err error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var reqID int64
	var by string
	err = q.db.QueryRow(ctx, approvalEventQuery, eventID).Scan(&reqID, &by)
	if errors.Is(err, sql.ErrNoRows) {
		return res, nil
	} else if err != nil {
		return res, fmt.Errorf("failed to read an approving event: %w", err)
	}
	if by != approver {
		return res, nil
	}
	res = EventRetraction{Known: true, RequestID: reqID}
	err = q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		res = EventRetraction{Known: true, RequestID: reqID}
		r, err := q.lockedRequest(ctx, reqID)
		if err != nil {
			return err
		}
		res.After = r
		if _, err := q.db.Exec(ctx, dropApprovalEventQuery, eventID); err != nil {
			return err
		}
		if r.Status != AccessPending {
			return nil
		}
		var left int
		if err := q.db.QueryRow(ctx, approvalEventsLeftQuery, reqID, approver).Scan(&left); err != nil {
			return err
		}
		if left > 0 {
			res.StillApproved = true
			return nil
		}
		del, err := q.db.Exec(ctx, dropApprovalQuery, reqID, approver)
		if err != nil {
			return err
		}
		if n, _ := del.RowsAffected(); n == 0 {
			return nil
		}
		res.Retracted = true
		if err := q.audit(ctx, AuditEntry{Key: "approval-retracted:" + cause, RequestID: reqID, At: now, Actor: approver,
			Action: "approval-retracted"}); err != nil {
			return err
		}
		if _, err := q.db.Exec(ctx, bumpAccessQuery, reqID, now.UnixMilli()); err != nil {
			return err
		}
		res.After, err = scanAccess(q.db.QueryRow(ctx, getAccessQuery, reqID))
		return err
	})
	if errors.Is(err, sql.ErrNoRows) {
		return EventRetraction{Known: true, RequestID: reqID}, nil
	} else if err != nil {
		return EventRetraction{}, fmt.Errorf("failed to retract approval of request %d: %w", reqID, err)
	}
	return res, nil
}

// ApprovalEventsLeft counts the events recorded as approver's approval of
// request id (RetractApprovalEvent): while one is left, the approval
// stands, whatever else is deleted.
func (q *AccessQuery) ApprovalEventsLeft(ctx context.Context, id int64, approver string) (int, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var n int
	if err := q.db.QueryRow(ctx, approvalEventsLeftQuery, id, approver).Scan(&n); err != nil {
		return 0, fmt.Errorf("failed to count approving events: %w", err)
	}
	return n, nil
}
