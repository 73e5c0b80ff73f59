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
