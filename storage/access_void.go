package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"go.mau.fi/util/dbutil"
)

// PartialApproval is one approval of a request still waiting for its
// second (status pending).
type PartialApproval struct {
	RequestID int64
	Approver  string
}

const partialApprovalsQuery = `SELECT a.request_id, a.approver FROM access_approval a
	JOIN access_request r ON r.id=a.request_id WHERE r.status='pending'
	ORDER BY a.request_id, a.approver LIMIT $1`

// PartialApprovals returns at most limit approvals of pending requests,
// by request: the only approvals whose approver the approvals-room
// message names while they count (StatusPartly).
func (q *AccessQuery) PartialApprovals(ctx context.Context, limit int) ([]PartialApproval, error) {
	return values(queryMany(ctx, q.db, func(row rowScanner) (*PartialApproval, error) {
		var p PartialApproval
		if err := row.Scan(&p.RequestID, &p.Approver); err != nil {
			return nil, err
		}
		return &p, nil
	}, "partial approvals", partialApprovalsQuery, limit))
}

// VoidApprovals removes the approvals of the people in former (no
// approvers any more) from pending request id, audits each removal
// ("approval-void", as ApproveDropping does) and bumps the version when
// one was removed, so that the approvals-room message is drawn anew.
// dropped reports whether anything was removed. cause keys the audit
// entries (with the position in former).
func (q *AccessQuery) VoidApprovals(ctx context.Context, id int64, former []string, cause string, now time.Time) (dropped bool, err error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	err = q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		dropped = false
		r, err := q.lockedRequest(ctx, id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // withdrawn and pruned, or erased, meanwhile
		}
		if err != nil || r.Status != AccessPending {
			return err
		}
		if dropped, err = q.dropApprovals(ctx, id, former, "", cause, now); err != nil {
			return err
		}
		if dropped {
			_, err = q.db.Exec(ctx, bumpAccessQuery, id, now.UnixMilli())
		}
		return err
	})
	if err != nil {
		return false, fmt.Errorf("failed to void approvals of request %d: %w", id, err)
	}
	return dropped, nil
}

// lockedRequest reads request id inside a transaction; on PostgreSQL it
// locks the row (FOR UPDATE), so that approvals and voids of one request
// run one after the other. SQLite runs one write transaction at a time.
func (q *AccessQuery) lockedRequest(ctx context.Context, id int64) (*AccessRequest, error) {
	lock := getAccessQuery
	if q.db.Dialect == dbutil.Postgres {
		lock += ` FOR UPDATE`
	}
	return scanAccess(q.db.QueryRow(ctx, lock, id))
}

// dropApprovals removes, inside a transaction, the approvals of request id
// by the people in former other than keep, and audits each removal
// ("approval-void"). The audit key names cause and the position in former,
// not the former approver (keys naming a person would need rewriting on
// erasure). dropped reports whether anything was removed.
func (q *AccessQuery) dropApprovals(ctx context.Context, id int64, former []string, keep, cause string, now time.Time) (dropped bool, err error) {
	for i, f := range former {
		if f == keep {
			continue
		}
		del, err := q.db.Exec(ctx, dropApprovalQuery, id, f)
		if err != nil {
			return dropped, err
		}
		if n, _ := del.RowsAffected(); n == 0 {
			continue
		}
		dropped = true
		if err := q.audit(ctx, AuditEntry{Key: fmt.Sprintf("approval-void:%s:%d", cause, i), RequestID: id, At: now, Actor: "lotse",
			Action: "approval-void", Detail: f}); err != nil {
			return dropped, err
		}
	}
	return dropped, nil
}
