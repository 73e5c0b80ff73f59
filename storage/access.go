package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.mau.fi/util/dbutil"
)

// AccessStatus is the state of an access request.
type AccessStatus string

// Access request states. Approved means "waiting for provisioning" (the
// request row is the persisted provisioning job).
const (
	AccessPending     AccessStatus = "pending"
	AccessApproved    AccessStatus = "approved"
	AccessProvisioned AccessStatus = "provisioned"
	AccessFailed      AccessStatus = "failed"
	AccessDenied      AccessStatus = "denied"
	AccessWithdrawn   AccessStatus = "withdrawn"
)

// Access request kinds.
const (
	AccessNextcloud = "nextcloud"
	AccessBBB       = "bbb"
)

// AccessRequest is one access request and, once approved, its provisioning job.
type AccessRequest struct {
	ID             int64
	MemberID       string
	MemberRoom     string
	Kind           string // AccessNextcloud or AccessBBB
	Target         string // Nextcloud group or BBB room name
	Email          string
	DisplayName    string
	Reason         string
	Status         AccessStatus
	Needed         int    // approvals needed (1 or 2)
	DecidedBy      string // approvers (comma-separated) or the denier
	DenyReason     string
	ApprovalsEvent string // the request message in the approvals room
	OriginEvent    string // the member's confirmation that filed it
	Version        int
	Attempts       int       // failed provisioning attempts since the approval
	NextAttempt    time.Time // when the job may run next
	LastError      string
	Result         string // what was provisioned (e.g. the Nextcloud user ID)
	Notified       bool   // the outcome of provisioning was announced
	CreatedAt      time.Time
	UpdatedAt      time.Time

	// DenyCause says how it was denied, FailCause why setting it up
	// failed (cleared with LastError): "" for rows stored before schema
	// v13, whose texts tell (see access_causes.go).
	DenyCause DenyCause
	FailCause FailCause
}

// AccessDraft is a request being prepared in a member's DM.
type AccessDraft struct {
	RoomID, UserID string
	Kind, Target   string
	Email          string
	DisplayName    string
	Reason         string
	Step           string
	LastEvent      string
	CreatedAt      time.Time
}

// AuditEntry is one line of the append-only audit log.
type AuditEntry struct {
	Key       string
	RequestID int64
	At        time.Time
	Actor     string
	Action    string // requested, approved, approval, denied, withdrawn, provisioned, error, failed
	Detail    string
}

// AccessQuery stores access requests, approvals, drafts and the audit log.
type AccessQuery struct{ db *dbutil.Database }

// Access returns the access request queries.
func (db *DB) Access() *AccessQuery { return &AccessQuery{db: db.Lotse} }

const accessColumns = `id, member_id, member_room, kind, target, email, display_name, reason, status, needed, decided_by,
	deny_reason, approvals_event, version, attempts, next_attempt, last_error, result, notified, created_at, updated_at, origin_event,
	deny_cause, fail_cause`

const (
	accessByOriginQuery = `SELECT ` + accessColumns + ` FROM access_request WHERE origin_event=$1`
	getAccessQuery      = `SELECT ` + accessColumns + ` FROM access_request WHERE id=$1`
	accessByEventQuery  = `SELECT ` + accessColumns + ` FROM access_request WHERE approvals_event=$1`
	insertAccessQuery   = `
		INSERT INTO access_request (id, member_id, member_room, kind, target, email, display_name, reason, needed, origin_event, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`
	accessForMemberQuery   = `SELECT ` + accessColumns + ` FROM access_request WHERE member_id=$1 ORDER BY id DESC LIMIT $2`
	accessPendingOfQuery   = `SELECT COUNT(*) FROM access_request WHERE member_id=$1 AND status='pending'`
	accessFiledSinceQuery  = `SELECT COUNT(*) FROM access_request WHERE member_id=$1 AND created_at>=$2`
	auditActionSinceQuery  = `SELECT COUNT(*) FROM access_audit WHERE request_id=$1 AND at>=$2 AND action=$3`
	lockAccessCreateQuery  = `LOCK TABLE access_request IN SHARE ROW EXCLUSIVE MODE`
	accessGrantedRoomQuery = `SELECT ` + accessColumns + ` FROM access_request WHERE kind=$1 AND status IN ('provisioned', 'approved') ORDER BY CASE status WHEN 'provisioned' THEN 0 ELSE 1 END, id LIMIT $2`
	setAccessEventQuery    = `UPDATE access_request SET approvals_event=$2 WHERE id=$1`
	insertApprovalQuery    = `INSERT INTO access_approval (request_id, approver, created_at) VALUES ($1, $2, $3) ON CONFLICT (request_id, approver) DO NOTHING`
	dropApprovalQuery      = `DELETE FROM access_approval WHERE request_id=$1 AND approver=$2`
	approversQuery         = `SELECT approver FROM access_approval WHERE request_id=$1 ORDER BY created_at, approver`
	bumpAccessQuery        = `UPDATE access_request SET version=version+1, updated_at=$2 WHERE id=$1`
	approveAccessQuery     = `
		UPDATE access_request SET status='approved', decided_by=$2, attempts=0, next_attempt=$3, last_error='', fail_cause='', notified=0,
			version=version+1, updated_at=$3
		WHERE id=$1 AND status IN ('pending', 'failed')`
	denyAccessQuery = `
		UPDATE access_request SET status='denied', decided_by=$2, deny_reason=$3, deny_cause=$5, version=version+1, updated_at=$4
		WHERE id=$1 AND (status IN ('pending', 'failed') OR (status='approved' AND attempts>0 AND next_attempt>$4))`
	withdrawAccessQuery = `
		UPDATE access_request SET status='withdrawn', version=version+1, updated_at=$3
		WHERE id=$1 AND member_id=$2 AND status='pending'`
	dueAccessQuery = `
		SELECT ` + accessColumns + ` FROM access_request
		WHERE (status='approved' AND next_attempt<=$1) OR (status IN ('provisioned', 'failed') AND notified=0 AND next_attempt<=$1)
		ORDER BY id LIMIT $2`
	provisionedAccessQuery = `
		UPDATE access_request SET status='provisioned', result=$2, last_error='', fail_cause='', notified=0, next_attempt=$3, version=version+1, updated_at=$3
		WHERE id=$1 AND status='approved'`
	retryAccessQuery = `
		UPDATE access_request SET attempts=attempts+1, last_error=$2, fail_cause=$5, next_attempt=$3, updated_at=$4
		WHERE id=$1 AND status='approved'`
	failAccessQuery = `
		UPDATE access_request SET status='failed', attempts=attempts+1, last_error=$2, fail_cause=$4, notified=0, next_attempt=$3, version=version+1, updated_at=$3
		WHERE id=$1 AND status='approved'`
	retryNowAccessQuery = `
		UPDATE access_request SET next_attempt=$2
		WHERE id=$1 AND status='approved' AND attempts>0 AND next_attempt>$2`
	claimAccessQuery = `
		UPDATE access_request SET next_attempt=0
		WHERE id=$1 AND status='approved' AND next_attempt<=$2`
	notifiedAccessQuery      = `UPDATE access_request SET notified=1 WHERE id=$1`
	announceLaterAccessQuery = `UPDATE access_request SET next_attempt=$2 WHERE id=$1 AND status IN ('provisioned', 'failed') AND notified=0`

	insertAuditQuery = `
		INSERT INTO access_audit (key, request_id, at, actor, action, detail) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (key) DO NOTHING`
	auditColumns      = `key, request_id, at, actor, action, detail`
	auditHasQuery     = `SELECT 1 FROM access_audit WHERE key=$1`
	auditAllQuery     = `SELECT ` + auditColumns + ` FROM access_audit ORDER BY at, key`
	auditRequestQuery = `SELECT ` + auditColumns + ` FROM access_audit WHERE request_id=$1 ORDER BY at, key`
	auditUserQuery    = `
		SELECT ` + auditColumns + ` FROM access_audit
		WHERE actor=$1 OR request_id IN (SELECT id FROM access_request WHERE member_id=$1) ORDER BY at, key`
	// The last entries, newest first, and the count, per filter ($1 the
	// filter, if any; the limit last).
	auditAllTailQuery      = `SELECT ` + auditColumns + ` FROM access_audit ORDER BY at DESC, key DESC LIMIT $1`
	auditRequestTailQuery  = `SELECT ` + auditColumns + ` FROM access_audit WHERE request_id=$1 ORDER BY at DESC, key DESC LIMIT $2`
	auditUserWhere         = `WHERE actor=$1 OR request_id IN (SELECT id FROM access_request WHERE member_id=$1)`
	auditUserTailQuery     = `SELECT ` + auditColumns + ` FROM access_audit ` + auditUserWhere + ` ORDER BY at DESC, key DESC LIMIT $2`
	auditAllCountQuery     = `SELECT COUNT(*) FROM access_audit`
	auditRequestCountQuery = `SELECT COUNT(*) FROM access_audit WHERE request_id=$1`
	auditUserCountQuery    = `SELECT COUNT(*) FROM access_audit ` + auditUserWhere

	putAccessDraftQuery = `
		INSERT INTO access_draft (room_id, user_id, kind, target, email, display_name, reason, step, last_event, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
		ON CONFLICT (room_id, user_id) DO UPDATE SET kind=excluded.kind, target=excluded.target, email=excluded.email,
			display_name=excluded.display_name, reason=excluded.reason, step=excluded.step, last_event=excluded.last_event,
			created_at=excluded.created_at`
	getAccessDraftQuery = `
		SELECT room_id, user_id, kind, target, email, display_name, reason, step, last_event, created_at
		FROM access_draft WHERE room_id=$1 AND user_id=$2 AND created_at>=$3`
	delAccessDraftQuery    = `DELETE FROM access_draft WHERE room_id=$1 AND user_id=$2`
	pruneAccessDraftsQuery = `DELETE FROM access_draft WHERE created_at<$1`
)

func scanAccess(row rowScanner) (*AccessRequest, error) {
	var (
		r                      AccessRequest
		next, created, updated int64
		notified               int
	)
	err := row.Scan(&r.ID, &r.MemberID, &r.MemberRoom, &r.Kind, &r.Target, &r.Email, &r.DisplayName, &r.Reason, &r.Status,
		&r.Needed, &r.DecidedBy, &r.DenyReason, &r.ApprovalsEvent, &r.Version, &r.Attempts, &next, &r.LastError, &r.Result,
		&notified, &created, &updated, &r.OriginEvent, &r.DenyCause, &r.FailCause)
	if err != nil {
		return nil, err
	}
	r.Notified = notified != 0
	r.NextAttempt, r.CreatedAt, r.UpdatedAt = time.UnixMilli(next), time.UnixMilli(created), time.UnixMilli(updated)
	return &r, nil
}

func (q *AccessQuery) one(ctx context.Context, query string, args ...any) (*AccessRequest, error) {
	return queryOne(ctx, q.db, scanAccess, "access request", query, args...)
}

func (q *AccessQuery) many(ctx context.Context, query string, args ...any) ([]*AccessRequest, error) {
	return queryMany(ctx, q.db, scanAccess, "access requests", query, args...)
}

func (q *AccessQuery) exec(ctx context.Context, query string, args ...any) error {
	_, err := execAffected(ctx, q.db, "access request", query, args...)
	return err
}

// audit appends an entry inside the current transaction (or alone).
func (q *AccessQuery) audit(ctx context.Context, e AuditEntry) error {
	_, err := q.db.Exec(ctx, insertAuditQuery, e.Key, e.RequestID, e.At.UnixMilli(), e.Actor, e.Action, e.Detail)
	return err
}

// Create files a request. originEvent is the member's confirmation: creating
// again for the same event returns the existing request and created=false.
// The audit entry "requested" is written in the same transaction.
func (q *AccessQuery) Create(ctx context.Context, r *AccessRequest, originEvent string, now time.Time) (*AccessRequest, bool, error) {
	return q.CreateBounded(ctx, r, originEvent, now, 0)
}

// OpenLimitError refuses a new request: the member has Open requests
// waiting for a decision, the most they may have (see CreateBounded).
type OpenLimitError struct{ Open int }

func (e *OpenLimitError) Error() string {
	return fmt.Sprintf("storage: the member has %d open access requests already", e.Open)
}

// CreateBounded is Create for a member who may have at most maxOpen
// requests waiting for a decision (0 = no limit); a new one beyond that
// returns an *OpenLimitError. The count and the insert are one atomic step
// (security pass 23): checked apart, requests filed at the same moment (from
// several chats) all counted the same committed rows and all passed. On
// SQLite a write transaction runs alone (_txlock=immediate); on PostgreSQL
// (READ COMMITTED) the table is locked against other creations until commit
// first, so a second creation waits and then counts the first one. The
// request of an origin event filed already is returned as before, also at
// the limit (a retry after a crash finishes its filing).
func (q *AccessQuery) CreateBounded(ctx context.Context, r *AccessRequest, originEvent string, now time.Time, maxOpen int) (*AccessRequest, bool, error) {
	return q.CreateLimited(ctx, r, originEvent, now, maxOpen, 0)
}

// DailyLimitError refuses a new request: the member filed Filed requests
// in the 24 hours before, the most they may (see CreateLimited).
type DailyLimitError struct{ Filed int }

func (e *DailyLimitError) Error() string {
	return fmt.Sprintf("storage: the member filed %d access requests in the last 24 hours", e.Filed)
}

// CreateLimited is CreateBounded that also refuses a request beyond
// maxPerDay filed by the member in the 24 hours before now (0 = no limit),
// whatever became of them, with a *DailyLimitError: the limit of open
// requests alone let a member file, withdraw and file again without end,
// each a message in the approvals room (acc30). Both counts and the insert
// are one atomic step, as in CreateBounded.
func (q *AccessQuery) CreateLimited(ctx context.Context, r *AccessRequest, originEvent string, now time.Time, maxOpen, maxPerDay int) (*AccessRequest, bool, error) {
	var guard func(ctx context.Context) error
	if maxOpen > 0 || maxPerDay > 0 {
		guard = func(ctx context.Context) error {
			if q.db.Dialect == dbutil.Postgres {
				// SHARE ROW EXCLUSIVE conflicts with itself and with writes,
				// not with reads: creations run one after the other.
				if _, err := q.db.Exec(ctx, lockAccessCreateQuery); err != nil {
					return err
				}
			}
			var n int
			if err := q.db.QueryRow(ctx, accessPendingOfQuery, r.MemberID).Scan(&n); err != nil {
				return err
			}
			if maxOpen > 0 && n >= maxOpen {
				return &OpenLimitError{Open: n}
			}
			if maxPerDay > 0 {
				if err := q.db.QueryRow(ctx, accessFiledSinceQuery, r.MemberID, now.Add(-24*time.Hour).UnixMilli()).Scan(&n); err != nil {
					return err
				}
				if n >= maxPerDay {
					return &DailyLimitError{Filed: n}
				}
			}
			return nil
		}
	}
	out, created, err := createOnce(ctx, q.db, scanAccess, "access request", accessByOriginQuery, nextAccessIDQuery, getAccessQuery, originEvent, guard,
		func(ctx context.Context, next int64) error {
			if _, err := q.db.Exec(ctx, insertAccessQuery, next, r.MemberID, r.MemberRoom, r.Kind, r.Target, r.Email, r.DisplayName,
				r.Reason, max(r.Needed, 1), originEvent, now.UnixMilli()); err != nil {
				return err
			}
			detail := r.Kind + ": " + r.Target
			if r.Email != "" {
				detail += " <" + r.Email + ">"
			}
			return q.audit(ctx, AuditEntry{Key: fmt.Sprintf("requested:%d", next), RequestID: next, At: now, Actor: r.MemberID,
				Action: "requested", Detail: detail})
		})
	if err != nil {
		return nil, false, err
	}
	*r = *out
	return r, created, nil
}

// ByOrigin returns the request created by the confirmation eventID, or nil.
func (q *AccessQuery) ByOrigin(ctx context.Context, eventID string) (*AccessRequest, error) {
	return q.one(ctx, accessByOriginQuery, eventID)
}

// Get returns request id, or nil.
func (q *AccessQuery) Get(ctx context.Context, id int64) (*AccessRequest, error) {
	return q.one(ctx, getAccessQuery, id)
}

// ByApprovalsEvent returns the request whose approvals-room message is eventID, or nil.
func (q *AccessQuery) ByApprovalsEvent(ctx context.Context, eventID string) (*AccessRequest, error) {
	if eventID == "" {
		return nil, nil
	}
	return q.one(ctx, accessByEventQuery, eventID)
}

// ListForMember lists a member's requests, newest first.
func (q *AccessQuery) ListForMember(ctx context.Context, memberID string, limit int) ([]*AccessRequest, error) {
	return q.many(ctx, accessForMemberQuery, memberID, limit)
}

// FiledSince counts the requests the member filed since since (any status).
func (q *AccessQuery) FiledSince(ctx context.Context, memberID string, since time.Time) (int, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var n int
	if err := q.db.QueryRow(ctx, accessFiledSinceQuery, memberID, since.UnixMilli()).Scan(&n); err != nil {
		return 0, fmt.Errorf("failed to count access requests: %w", err)
	}
	return n, nil
}

// AuditActionsSince counts request id's audit entries of action since
// then (the index on request_id and at).
func (q *AccessQuery) AuditActionsSince(ctx context.Context, id int64, action string, since time.Time) (int, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var n int
	if err := q.db.QueryRow(ctx, auditActionSinceQuery, id, since.UnixMilli(), action).Scan(&n); err != nil {
		return 0, fmt.Errorf("failed to count audit entries: %w", err)
	}
	return n, nil
}

// PendingOf counts the member's requests that wait for a decision.
func (q *AccessQuery) PendingOf(ctx context.Context, memberID string) (int, error) {
	n, _, err := queryValue[int](ctx, q.db, "count open access requests", accessPendingOfQuery, memberID)
	return n, err
}

// GrantedOf lists the granted requests of one kind: the provisioned ones,
// oldest first, then the approved ones not set up yet, oldest first (who
// has the first claim on a BBB room of a name). One query, one snapshot:
// read in two, a request set up between them was in neither (the worker
// runs several jobs at once).
func (q *AccessQuery) GrantedOf(ctx context.Context, kind string, limit int) ([]*AccessRequest, error) {
	return q.many(ctx, accessGrantedRoomQuery, kind, limit)
}

// SetApprovalsEvent remembers the request message in the approvals room.
func (q *AccessQuery) SetApprovalsEvent(ctx context.Context, id int64, eventID string) error {
	return q.exec(ctx, setAccessEventQuery, id, eventID)
}

// ApproveResult says what an approval did.
type ApproveResult struct {
	// Approvers are everybody who approved the request so far.
	Approvers []string
	// Counted: this approver's approval was new.
	Counted bool
	// Approved: the request became approved (a provisioning job) now.
	Approved bool
}

// Approve records approver's approval of request id. When enough different
// approvers agreed (Needed), a pending or failed request becomes approved:
// a provisioning job due now. cause names the approving event (audit key).
// The caller checks that approver may approve and is not the requester.
func (q *AccessQuery) Approve(ctx context.Context, id int64, approver, cause string, now time.Time) (ApproveResult, *AccessRequest, error) {
	return q.ApproveDropping(ctx, id, approver, nil, cause, now)
}

// ApproveDropping is Approve that first removes the earlier approvals of
// the people in former, who are no approvers any more (their role was
// revoked, they were erased): for a request that needs two approvers, an
// approval whose approver lost the role before the second came counted
// (security review 22, left as it was; twenty-sixth pass). Each removal
// is audited ("approval-void", the former approver in the detail).
//
// On PostgreSQL the request's row is locked first (FOR UPDATE), so that
// two approvals at the same moment run one after the other: under READ
// COMMITTED each counted only its own, uncommitted approval, and a
// request that needs two stayed pending with both (twenty-sixth pass).
// SQLite runs one write transaction at a time (_txlock=immediate).
func (q *AccessQuery) ApproveDropping(ctx context.Context, id int64, approver string, former []string, cause string, now time.Time) (ApproveResult, *AccessRequest, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var res ApproveResult
	var after *AccessRequest
	err := q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		res = ApproveResult{}
		r, err := q.lockedRequest(ctx, id)
		if err != nil {
			return err
		}
		after = r
		if r.Status != AccessPending && r.Status != AccessFailed {
			return nil
		}
		dropped, err := q.dropApprovals(ctx, id, former, approver, cause, now)
		if err != nil {
			return err
		}
		ins, err := q.db.Exec(ctx, insertApprovalQuery, id, approver, now.UnixMilli())
		if err != nil {
			return err
		}
		n, _ := ins.RowsAffected()
		res.Counted = n > 0
		rows, err := q.db.Query(ctx, approversQuery, id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var a string
			if err := rows.Scan(&a); err != nil {
				rows.Close()
				return err
			}
			res.Approvers = append(res.Approvers, a)
		}
		rows.Close()
		if len(res.Approvers) >= r.Needed || r.Status == AccessFailed {
			upd, err := q.db.Exec(ctx, approveAccessQuery, id, strings.Join(res.Approvers, ","), now.UnixMilli())
			if err != nil {
				return err
			}
			if n, _ := upd.RowsAffected(); n > 0 {
				res.Approved = true
				if err := q.audit(ctx, AuditEntry{Key: "approved:" + cause, RequestID: id, At: now, Actor: approver, Action: "approved",
					Detail: strings.Join(res.Approvers, ", ")}); err != nil {
					return err
				}
			}
		} else {
			// Every event the approval was given by, counted or not: it
			// is taken back when the approver has deleted the last of
			// them (RetractApprovalEvent; left31).
			if _, err := q.db.Exec(ctx, insertApprovalEventQuery, cause, id, approver); err != nil {
				return err
			}
			if res.Counted || dropped {
				if _, err := q.db.Exec(ctx, bumpAccessQuery, id, now.UnixMilli()); err != nil {
					return err
				}
			}
			if res.Counted {
				if err := q.audit(ctx, AuditEntry{Key: "approval:" + cause, RequestID: id, At: now, Actor: approver, Action: "approval",
					Detail: fmt.Sprintf("%d/%d", len(res.Approvers), r.Needed)}); err != nil {
					return err
				}
			}
		}
		after, err = scanAccess(q.db.QueryRow(ctx, getAccessQuery, id))
		return err
	})
	if errors.Is(err, sql.ErrNoRows) {
		return res, nil, nil
	} else if err != nil {
		return res, nil, fmt.Errorf("failed to approve access request: %w", err)
	}
	return res, after, nil
}

// Approvers lists who approved request id so far.
func (q *AccessQuery) Approvers(ctx context.Context, id int64) ([]string, error) {
	return queryStrings(ctx, q.db, "approvals", approversQuery, id)
}

// transition runs a conditional update and its audit entry in one
// transaction; changed=false when the condition did not hold.
func (q *AccessQuery) transition(ctx context.Context, id int64, e AuditEntry, query string, args ...any) (bool, *AccessRequest, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var changed bool
	var after *AccessRequest
	err := q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		changed = false
		res, err := q.db.Exec(ctx, query, args...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			changed = true
			if err := q.audit(ctx, e); err != nil {
				return err
			}
		}
		after, err = scanAccess(q.db.QueryRow(ctx, getAccessQuery, id))
		return err
	})
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil, nil
	} else if err != nil {
		return false, nil, fmt.Errorf("failed to update access request: %w", err)
	}
	return changed, after, nil
}

// Deny denies a pending (or failed) request; how says whether reason is
// an approver's reason or the note of a reaction. An approved request
// whose setup failed and waits for its next attempt can be denied too
// (acc34; before, it could not be stopped for the hours Lotse keeps
// trying): only while that attempt lies ahead, so never one the worker
// is running (it runs only due ones, and its outcome is recorded only
// while the request is still approved).
func (q *AccessQuery) Deny(ctx context.Context, id int64, approver, reason string, how DenyCause, cause string, now time.Time) (bool, *AccessRequest, error) {
	return q.transition(ctx, id, AuditEntry{Key: "denied:" + cause, RequestID: id, At: now, Actor: approver, Action: "denied", Detail: reason},
		denyAccessQuery, id, approver, reason, now.UnixMilli(), string(how))
}

// Withdraw withdraws the member's own pending request.
func (q *AccessQuery) Withdraw(ctx context.Context, id int64, member, cause string, now time.Time) (bool, *AccessRequest, error) {
	return q.transition(ctx, id, AuditEntry{Key: "withdrawn:" + cause, RequestID: id, At: now, Actor: member, Action: "withdrawn"},
		withdrawAccessQuery, id, member, now.UnixMilli())
}

// Due lists work for the provisioning worker: approved requests whose next
// attempt is due, and provisioned or failed ones whose outcome was not yet
// announced (and whose announcement is not put off, see AnnounceLater).
func (q *AccessQuery) Due(ctx context.Context, now time.Time, limit int) ([]*AccessRequest, error) {
	return q.many(ctx, dueAccessQuery, now.UnixMilli(), limit)
}

// Provisioned records a successful provisioning (result says what was done).
func (q *AccessQuery) Provisioned(ctx context.Context, id int64, result string, now time.Time) (bool, *AccessRequest, error) {
	return q.transition(ctx, id, AuditEntry{Key: fmt.Sprintf("provisioned:%d", id), RequestID: id, At: now, Actor: "lotse",
		Action: "provisioned", Detail: result}, provisionedAccessQuery, id, result, now.UnixMilli())
}

// RetryLater records a failed attempt (errText for the approvers, why as
// a code) and when to try again.
func (q *AccessQuery) RetryLater(ctx context.Context, id int64, attempt int, errText string, why FailCause, next, now time.Time) error {
	_, _, err := q.transition(ctx, id, AuditEntry{Key: fmt.Sprintf("error:%d:%d:%d", id, now.UnixMilli(), attempt), RequestID: id, At: now,
		Actor: "lotse", Action: "error", Detail: errText}, retryAccessQuery, id, errText, next.UnixMilli(), now.UnixMilli(), string(why))
	return err
}

// Fail gives up on provisioning (an approver can approve again to retry):
// errText for the approvers, why as a code.
func (q *AccessQuery) Fail(ctx context.Context, id int64, errText string, why FailCause, now time.Time) (bool, *AccessRequest, error) {
	return q.transition(ctx, id, AuditEntry{Key: fmt.Sprintf("failed:%d:%d", id, now.UnixMilli()), RequestID: id, At: now, Actor: "lotse",
		Action: "failed", Detail: errText}, failAccessQuery, id, errText, now.UnixMilli(), string(why))
}

// RetryNow brings the next attempt of an approved request that failed
// before and waits for its retry forward to now: an approver who knows
// that Nextcloud is back need not wait up to an hour of backoff (acc34).
// changed=false when the request is not waiting for a retry (no attempt
// failed yet, or it is due already, or it is no longer approved). The
// attempt count stays: the retry counts towards MaxAttempts as any other.
// cause names the approver's event (audit key "retry-now:<cause>").
func (q *AccessQuery) RetryNow(ctx context.Context, id int64, approver, cause string, now time.Time) (bool, *AccessRequest, error) {
	return q.transition(ctx, id, AuditEntry{Key: "retry-now:" + cause, RequestID: id, At: now, Actor: approver, Action: "retry-now"},
		retryNowAccessQuery, id, now.UnixMilli())
}

// Claim marks the due attempt at setting up approved request id as
// running before the worker makes it: its next attempt goes to 0, so that
// Deny and RetryNow, which act only on an attempt that lies ahead of their
// now, refuse it whatever clock they read, and whichever of them and the
// claim writes the row first wins. Before, a denial whose now was read
// before the worker's tick and whose UPDATE reached the row after (a busy
// SQLite, a PostgreSQL row lock) denied a request whose account was being
// made that moment: the member read the denial and had the account, and
// nobody was warned (mend34a). claimed=false: the request is no longer
// approved, or no attempt is due. The worker's outcome (Provisioned,
// RetryLater, Fail) sets the next attempt again; an attempt cut off by a
// crash stays due (0 lies in the past).
func (q *AccessQuery) Claim(ctx context.Context, id int64, now time.Time) (bool, error) {
	n, err := execAffected(ctx, q.db, "access request", claimAccessQuery, id, now.UnixMilli())
	return n > 0, err
}

// MarkNotified records that the outcome was announced.
func (q *AccessQuery) MarkNotified(ctx context.Context, id int64) error {
	return q.exec(ctx, notifiedAccessQuery, id)
}

// AnnounceLater puts off the announcement of a provisioned or failed
// request until next: one that cannot be sent now (the member's direct
// chat is not ready yet) must not stay at the head of Due and hold up the
// others (whole-change review 20, people, M1).
func (q *AccessQuery) AnnounceLater(ctx context.Context, id int64, next time.Time) error {
	return q.exec(ctx, announceLaterAccessQuery, id, next.UnixMilli())
}

// Audit appends an entry to the audit log (once per key).
func (q *AccessQuery) Audit(ctx context.Context, e AuditEntry) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if err := q.audit(ctx, e); err != nil {
		return fmt.Errorf("failed to write audit log: %w", err)
	}
	return nil
}

// AuditHas reports whether the audit log has the entry key (one lookup by
// the primary key).
func (q *AccessQuery) AuditHas(ctx context.Context, key string) (bool, error) {
	return exists(ctx, q.db, "read audit log", auditHasQuery, key)
}

// AuditLog returns the audit log, oldest first: all of it, one request's
// (requestID > 0) or one user's entries (as actor or requester).
func (q *AccessQuery) AuditLog(ctx context.Context, requestID int64, user string) ([]AuditEntry, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	query, args := auditAllQuery, []any(nil)
	switch {
	case requestID > 0:
		query, args = auditRequestQuery, []any{requestID}
	case user != "":
		query, args = auditUserQuery, []any{user}
	}
	return q.auditRows(ctx, query, args...)
}

func (q *AccessQuery) auditRows(ctx context.Context, query string, args ...any) ([]AuditEntry, error) {
	rows, err := q.db.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("failed to read audit log: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at int64
		if err := rows.Scan(&e.Key, &e.RequestID, &at, &e.Actor, &e.Action, &e.Detail); err != nil {
			return nil, fmt.Errorf("failed to read audit log: %w", err)
		}
		e.At = time.UnixMilli(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// AuditTail returns the last n entries of the audit log, oldest first,
// with the same filters as AuditLog, and how many entries the filter has in
// all: what !protokoll shows, without reading the whole log, which grows
// with every request.
func (q *AccessQuery) AuditTail(ctx context.Context, requestID int64, user string, n int) ([]AuditEntry, int, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	tail, count, args := auditAllTailQuery, auditAllCountQuery, []any(nil)
	switch {
	case requestID > 0:
		tail, count, args = auditRequestTailQuery, auditRequestCountQuery, []any{requestID}
	case user != "":
		tail, count, args = auditUserTailQuery, auditUserCountQuery, []any{user}
	}
	total, _, err := queryValue[int](ctx, q.db, "count audit log", count, args...)
	if err != nil {
		return nil, 0, err
	}
	out, err := q.auditRows(ctx, tail, append(args, n)...)
	if err != nil {
		return nil, 0, err
	}
	slices.Reverse(out)
	return out, total, nil
}

// PutDraft stores the member's draft.
func (q *AccessQuery) PutDraft(ctx context.Context, d AccessDraft) error {
	return q.exec(ctx, putAccessDraftQuery, d.RoomID, d.UserID, d.Kind, d.Target, d.Email, d.DisplayName, d.Reason, d.Step,
		d.LastEvent, d.CreatedAt.UnixMilli())
}

// Draft returns the member's draft in roomID created at or after since, or nil.
func (q *AccessQuery) Draft(ctx context.Context, roomID, userID string, since time.Time) (*AccessDraft, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var d AccessDraft
	var created int64
	err := q.db.QueryRow(ctx, getAccessDraftQuery, roomID, userID, since.UnixMilli()).Scan(&d.RoomID, &d.UserID, &d.Kind, &d.Target,
		&d.Email, &d.DisplayName, &d.Reason, &d.Step, &d.LastEvent, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("failed to read access draft: %w", err)
	}
	d.CreatedAt = time.UnixMilli(created)
	return &d, nil
}

// DeleteDraft deletes the member's draft.
func (q *AccessQuery) DeleteDraft(ctx context.Context, roomID, userID string) error {
	return q.exec(ctx, delAccessDraftQuery, roomID, userID)
}

// PruneDrafts deletes drafts created before before.
func (q *AccessQuery) PruneDrafts(ctx context.Context, before time.Time) error {
	return q.exec(ctx, pruneAccessDraftsQuery, before.UnixMilli())
}

// nextAccessIDQuery gives out the number of a new row (never one used before).
var nextAccessIDQuery = nextIDQuery("access", "access_request")

const insertAccessShownQuery = `INSERT INTO access_shown (request_id, event_id) SELECT id, $2 FROM access_request WHERE id=$1
	ON CONFLICT (request_id, event_id) DO NOTHING`

// Shown records that Lotse's message eventID in the approvals room shows
// request id (an edit of the request message, a note in its thread): the
// retention rule "access" and an erasure of the member redact it with the
// request message (priv30). A request that is gone is skipped; recording
// it again changes nothing.
func (q *AccessQuery) Shown(ctx context.Context, id int64, eventID string) error {
	if eventID == "" {
		return nil
	}
	if err := q.exec(ctx, insertAccessShownQuery, id, eventID); err != nil {
		return fmt.Errorf("failed to record a message about an access request: %w", err)
	}
	return nil
}

// AuditListingKept is how long a `!protokoll` answer in the approvals room
// that names a request no longer kept, or none, stays before the retention
// rule "access" queues it for redaction (the `!protokoll export` file as
// well): a day to read it; `!protokoll` shows the entries again. An answer
// that names only requests still kept goes with the first of them
// (access_shown). Before (priv30), such an answer — the audit log is kept
// longer than the requests — stayed for good with the members' Matrix IDs
// (left31).
const AuditListingKept = 24 * time.Hour

var (
	insertAccessListingQuery = `INSERT INTO access_listing (event_id, sent_at) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING`
	// queueListingsQuery queues the answers older than the cutoff ($1)
	// for redaction ($2 the retention's time in ms), before
	// pruneListingsQuery deletes them.
	queueListingsQuery = redactionInsert + `SELECT 'access', event_id, 0, ` + strconv.Itoa(AccessShownVersion) + `, $2, '` + CauseRetention + `'
		FROM access_listing WHERE sent_at<$1` + redactionConflict
	pruneListingsQuery = `DELETE FROM access_listing WHERE sent_at<$1`
)

// Listing records Lotse's `!protokoll` answer eventID in the approvals
// room, which shows the audit entries of requests: with each of them still
// kept (as Shown), and — when one of them is no longer kept, or it names
// none (an empty answer for a person, the export file) — as an answer the
// retention redacts once it is AuditListingKept old. Recording it again
// changes nothing.
func (q *AccessQuery) Listing(ctx context.Context, eventID string, requests []int64, now time.Time) error {
	if eventID == "" {
		return nil
	}
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	err := q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		kept := 0
		for _, id := range requests {
			res, err := q.db.Exec(ctx, insertAccessShownQuery, id, eventID)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n > 0 {
				kept++
			} else if ok, err := q.shownAlready(ctx, id, eventID); err != nil {
				return err
			} else if ok {
				kept++
			}
		}
		if kept == len(requests) && kept > 0 {
			return nil
		}
		_, err := q.db.Exec(ctx, insertAccessListingQuery, eventID, now.UnixMilli())
		return err
	})
	if err != nil {
		return fmt.Errorf("failed to record a `!protokoll` answer: %w", err)
	}
	return nil
}

const shownAlreadyQuery = `SELECT COUNT(*) FROM access_shown WHERE request_id=$1 AND event_id=$2`

// shownAlready reports whether eventID is recorded with request id (a
// retry of Listing).
func (q *AccessQuery) shownAlready(ctx context.Context, id int64, eventID string) (bool, error) {
	var n int
	err := q.db.QueryRow(ctx, shownAlreadyQuery, id, eventID).Scan(&n)
	return n > 0, err
}
