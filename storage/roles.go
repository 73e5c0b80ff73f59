package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"go.mau.fi/util/dbutil"
)

// Roles granted in chat. Admins come from the config and are not stored.
const (
	RoleApprover    = "approver"
	RoleCoordinator = "coordinator"
	RoleTeam        = "team"
)

// Role states. Only RoleActive grants anything.
const (
	RoleActive  = "active"
	RolePending = "pending" // team: the privacy gate is not passed yet
	RolePaused  = "paused"  // team: the training expired
	RoleRemoved = "removed"
)

// MemberRole is one role of one person.
type MemberRole struct {
	UserID    string
	Role      string
	Status    string
	GrantedBy string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// TeamGate is the evidence of the team privacy gate of one person.
type TeamGate struct {
	UserID        string
	DMRoom        string
	AppliedAt     time.Time // zero: granted without application
	DeclarationAt time.Time // zero: the signed declaration is missing
	DeclarationBy string
	TrainingAt    time.Time // zero: no training recorded
	TrainingBy    string
	UpdatedAt     time.Time

	// read is the stored updated_at (milliseconds) when this evidence was
	// read by Gate or TeamGates; 0: never read (a new person's evidence).
	// PutGate writes only over the row as it was read (ErrGateChanged).
	read int64
}

// ErrGateChanged is PutGate's answer when the evidence was changed (or
// first stored) by someone else since it was read: two managers recording
// and taking back the same person's declaration at the same moment, from
// two direct chats handled in parallel. Each read the whole row and wrote it
// back; the later write could put back a declaration just taken back
// (mend27a's Left; the lead, twenty-eighth pass). Read it again and redo
// the change: its Busy method says so to the bot's worker, which handles
// the event again a moment later without counting an attempt.
var ErrGateChanged error = gateChanged{}

type gateChanged struct{}

func (gateChanged) Error() string { return "the team gate evidence was changed since it was read" }

// Busy marks the error for the bot's worker (bot.isBusy).
func (gateChanged) Busy() bool { return true }

// RoleAuditEntry is one line of the role audit log.
type RoleAuditEntry struct {
	Key     string
	At      time.Time
	Actor   string
	Subject string
	Action  string
	Detail  string
}

// RoleQuery stores roles, the team privacy gate and the role audit log.
type RoleQuery struct{ db *dbutil.Database }

// Roles returns the role queries.
func (db *DB) Roles() *RoleQuery { return &RoleQuery{db: db.Lotse} }

const (
	getRoleQuery = `SELECT user_id, role, status, granted_by, created_at, updated_at FROM member_role WHERE user_id=$1 AND role=$2`
	setRoleQuery = `
		INSERT INTO member_role (user_id, role, status, granted_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
		ON CONFLICT (user_id, role) DO UPDATE SET status=excluded.status, granted_by=excluded.granted_by, updated_at=excluded.updated_at`
	rolesOfQuery   = `SELECT user_id, role, status, granted_by, created_at, updated_at FROM member_role WHERE user_id=$1 ORDER BY role`
	listRolesQuery = `SELECT user_id, role, status, granted_by, created_at, updated_at FROM member_role WHERE status<>'removed' ORDER BY role, user_id`
	withRoleQuery  = `SELECT user_id FROM member_role WHERE role=$1 AND status='active' ORDER BY user_id`
	getGateQuery   = `SELECT user_id, dm_room, applied_at, declaration_at, declaration_by, training_at, training_by, updated_at FROM team_gate WHERE user_id=$1`
	// A person's first evidence is inserted only while there is none; an
	// evidence that was read is updated only over the row as it was read
	// (updated_at, which every write moves forward — by a millisecond at
	// least, so that two writes in one millisecond are told apart), never
	// inserted again: a row deleted since (erasure, retention) stays
	// deleted.
	insertGateQuery = `
		INSERT INTO team_gate (user_id, dm_room, applied_at, declaration_at, declaration_by, training_at, training_by, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (user_id) DO NOTHING`
	updateGateQuery = `
		UPDATE team_gate SET dm_room=$2, applied_at=$3, declaration_at=$4, declaration_by=$5, training_at=$6, training_by=$7,
			updated_at=CASE WHEN $8 > updated_at THEN $8 ELSE updated_at+1 END
		WHERE user_id=$1 AND updated_at=$9`
	activeTeamGatesQuery = `
		SELECT g.user_id, g.dm_room, g.applied_at, g.declaration_at, g.declaration_by, g.training_at, g.training_by, g.updated_at
		FROM team_gate g JOIN member_role r ON r.user_id=g.user_id AND r.role='team'
		WHERE r.status IN ('active', 'paused') ORDER BY g.user_id`
	insertRoleAuditQuery = `INSERT INTO role_audit (key, at, actor, subject, action, detail) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO NOTHING`
	roleAuditQuery       = `SELECT key, at, actor, subject, action, detail FROM role_audit WHERE ($1='' OR subject=$1 OR actor=$1) ORDER BY at, key`
	claimedByQuery       = `SELECT id FROM support_case WHERE status=1 AND assignee=$1 ORDER BY id`
	noticeDoneQuery      = `SELECT 1 FROM scheduled_notice WHERE key=$1`
	roleAuditHasQuery    = `SELECT 1 FROM role_audit WHERE key=$1`
	roleAuditActorQuery  = `SELECT actor FROM role_audit WHERE key=$1`
	roleActivatedQuery   = `SELECT 1 FROM role_audit WHERE action='activate' AND detail=$1 LIMIT 1`
	markNoticeQuery      = `INSERT INTO scheduled_notice (key, user_id, sent_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING`
)

func scanRole(row rowScanner) (*MemberRole, error) {
	var (
		r                MemberRole
		created, updated int64
	)
	if err := row.Scan(&r.UserID, &r.Role, &r.Status, &r.GrantedBy, &created, &updated); err != nil {
		return nil, err
	}
	r.CreatedAt, r.UpdatedAt = time.UnixMilli(created), time.UnixMilli(updated)
	return &r, nil
}

func msTime(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms)
}

func timeMs(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func scanGate(row rowScanner) (*TeamGate, error) {
	var (
		g                             TeamGate
		applied, decl, train, updated int64
	)
	if err := row.Scan(&g.UserID, &g.DMRoom, &applied, &decl, &g.DeclarationBy, &train, &g.TrainingBy, &updated); err != nil {
		return nil, err
	}
	g.AppliedAt, g.DeclarationAt, g.TrainingAt, g.UpdatedAt = msTime(applied), msTime(decl), msTime(train), msTime(updated)
	g.read = updated
	if g.read == 0 {
		g.read = neverWritten // a row stored with no time: still the row as read
	}
	return &g, nil
}

// Get returns the role of user, or nil.
func (q *RoleQuery) Get(ctx context.Context, user, role string) (*MemberRole, error) {
	return queryOne(ctx, q.db, scanRole, "role", getRoleQuery, user, role)
}

// Has reports whether user holds role actively.
func (q *RoleQuery) Has(ctx context.Context, user, role string) (bool, error) {
	r, err := q.Get(ctx, user, role)
	return r != nil && r.Status == RoleActive, err
}

// Set stores the status of a role and writes an audit entry (key names
// its cause), in one transaction. It reports whether the status changed.
func (q *RoleQuery) Set(ctx context.Context, user, role, status, by string, e RoleAuditEntry, now time.Time) (bool, error) {
	return q.set(ctx, user, role, nil, status, by, e, now)
}

// SetFrom is Set for a change that is right only from the statuses in
// from: when the role's status is another one by the time the change is
// written — someone revoked it meanwhile —, nothing is written and it
// reports false. The workflow reads a role, decides, and writes: the
// activation after a declaration or training, the worker's pause of an
// expired training and a declaration's revocation each read the role
// before they write it, and a revocation that landed between the read and
// the write was overwritten with active, paused or pending — a revoked
// person was active again, or paused, and the next training activated
// them (thirty-fourth pass, onb34). On PostgreSQL the row is locked while
// it is read (FOR UPDATE), so that the check and the write see one state;
// SQLite runs one write transaction at a time.
func (q *RoleQuery) SetFrom(ctx context.Context, user, role string, from []string, status, by string, e RoleAuditEntry, now time.Time) (bool, error) {
	if len(from) == 0 {
		return false, nil
	}
	return q.set(ctx, user, role, from, status, by, e, now)
}

func (q *RoleQuery) set(ctx context.Context, user, role string, from []string, status, by string, e RoleAuditEntry, now time.Time) (bool, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	query := getRoleQuery
	if q.db.Dialect == dbutil.Postgres {
		query += ` FOR UPDATE`
	}
	changed := false
	err := q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		old, err := scanRole(q.db.QueryRow(ctx, query, user, role))
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if old != nil && old.Status == status {
			return nil
		}
		if from != nil && (old == nil || !slices.Contains(from, old.Status)) {
			return nil
		}
		changed = true
		if _, err := q.db.Exec(ctx, setRoleQuery, user, role, status, by, now.UnixMilli()); err != nil {
			return err
		}
		return q.audit(ctx, e)
	})
	if err != nil {
		return false, fmt.Errorf("failed to store role: %w", err)
	}
	return changed, nil
}

// Of lists the roles of user (all states).
func (q *RoleQuery) Of(ctx context.Context, user string) ([]MemberRole, error) {
	return q.list(ctx, rolesOfQuery, user)
}

// List lists all roles that are not removed.
func (q *RoleQuery) List(ctx context.Context) ([]MemberRole, error) {
	return q.list(ctx, listRolesQuery)
}

func (q *RoleQuery) list(ctx context.Context, query string, args ...any) ([]MemberRole, error) {
	return values(queryMany(ctx, q.db, scanRole, "roles", query, args...))
}

// WithRole lists the users who hold role actively.
func (q *RoleQuery) WithRole(ctx context.Context, role string) ([]string, error) {
	return q.strings(ctx, withRoleQuery, role)
}

func (q *RoleQuery) strings(ctx context.Context, query string, args ...any) ([]string, error) {
	return queryStrings(ctx, q.db, "roles", query, args...)
}

// Gate returns the team gate evidence of user, or nil.
func (q *RoleQuery) Gate(ctx context.Context, user string) (*TeamGate, error) {
	return queryOne(ctx, q.db, scanGate, "team gate", getGateQuery, user)
}

// neverWritten stands for a stored updated_at of 0 in TeamGate.read (0
// there means „not read“).
const neverWritten = -1

// PutGate stores the gate evidence and an audit entry in one transaction,
// only over the row as g was read (ErrGateChanged otherwise; a g that was
// not read is stored only if the person has no evidence yet).
func (q *RoleQuery) PutGate(ctx context.Context, g TeamGate, e RoleAuditEntry) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	// Not read: inserted only if the person has no evidence yet. Read:
	// updated only over the row as read (its updated_at).
	query, args := insertGateQuery, []any{g.UserID, g.DMRoom, timeMs(g.AppliedAt), timeMs(g.DeclarationAt), g.DeclarationBy,
		timeMs(g.TrainingAt), g.TrainingBy, g.UpdatedAt.UnixMilli()}
	switch g.read {
	case 0:
	case neverWritten:
		query, args = updateGateQuery, append(args, int64(0))
	default:
		query, args = updateGateQuery, append(args, g.read)
	}
	err := q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		res, err := q.db.Exec(ctx, query, args...)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return ErrGateChanged
		}
		return q.audit(ctx, e)
	})
	if err != nil {
		return fmt.Errorf("failed to store team gate: %w", err)
	}
	return nil
}

// TeamGates lists the gates of people whose team role is active or paused
// (training expiry).
func (q *RoleQuery) TeamGates(ctx context.Context) ([]TeamGate, error) {
	return values(queryMany(ctx, q.db, scanGate, "team gates", activeTeamGatesQuery))
}

func (q *RoleQuery) audit(ctx context.Context, e RoleAuditEntry) error {
	if e.Key == "" {
		return nil
	}
	_, err := q.db.Exec(ctx, insertRoleAuditQuery, e.Key, e.At.UnixMilli(), e.Actor, e.Subject, e.Action, e.Detail)
	return err
}

// Audit appends an entry to the role audit log (once per key).
func (q *RoleQuery) Audit(ctx context.Context, e RoleAuditEntry) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if err := q.audit(ctx, e); err != nil {
		return fmt.Errorf("failed to write role audit: %w", err)
	}
	return nil
}

// AuditLog returns the role audit log, all or about one user (as actor or subject).
func (q *RoleQuery) AuditLog(ctx context.Context, user string) ([]RoleAuditEntry, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	rows, err := q.db.Query(ctx, roleAuditQuery, user)
	if err != nil {
		return nil, fmt.Errorf("failed to read role audit: %w", err)
	}
	defer rows.Close()
	var out []RoleAuditEntry
	for rows.Next() {
		var (
			e  RoleAuditEntry
			at int64
		)
		if err := rows.Scan(&e.Key, &at, &e.Actor, &e.Subject, &e.Action, &e.Detail); err != nil {
			return nil, err
		}
		e.At = time.UnixMilli(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// ClaimedBy lists the open cases claimed by user.
func (q *RoleQuery) ClaimedBy(ctx context.Context, user string) ([]int64, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	rows, err := q.db.Query(ctx, claimedByQuery, user)
	if err != nil {
		return nil, fmt.Errorf("failed to list claimed cases: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// AuditHas reports whether the role audit log has the entry key: one
// lookup by the primary key, not a read of the whole log, which grows
// with every change.
func (q *RoleQuery) AuditHas(ctx context.Context, key string) (bool, error) {
	return exists(ctx, q.db, "read role audit", roleAuditHasQuery, key)
}

// AuditActor returns the actor of the role audit entry key ("" if
// there is none).
func (q *RoleQuery) AuditActor(ctx context.Context, key string) (string, error) {
	actor, _, err := queryValue[string](ctx, q.db, "read role audit", roleAuditActorQuery, key)
	return actor, err
}

// EverActivated reports whether the role audit log (as far as
// audit_retention keeps it) records an activation of role, by anybody:
// the people workflow's "a team existed" for a database written before
// that was kept in its own mark (thirty-first pass, mend31a).
func (q *RoleQuery) EverActivated(ctx context.Context, role string) (bool, error) {
	return exists(ctx, q.db, "read role audit", roleActivatedQuery, role)
}

// NoticeDone reports whether the scheduled notice key was sent.
func (q *RoleQuery) NoticeDone(ctx context.Context, key string) (bool, error) {
	return exists(ctx, q.db, "read notice", noticeDoneQuery, key)
}

// MarkNotice records that the scheduled notice key (about user) was sent.
func (q *RoleQuery) MarkNotice(ctx context.Context, key, user string, now time.Time) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, markNoticeQuery, key, user, now.UnixMilli()); err != nil {
		return fmt.Errorf("failed to record notice: %w", err)
	}
	return nil
}
