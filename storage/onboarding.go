package storage

import (
	"context"
	"fmt"
	"strings"
	"time"

	"go.mau.fi/util/dbutil"
)

// MemberState is what Lotse keeps about a member for onboarding.
type MemberState struct {
	UserID     string
	DMRoom     string
	WelcomedAt time.Time // zero: not welcomed yet
	OptedOutAt time.Time // zero: unsolicited messages are fine
	FirstSeen  time.Time
	LastSeen   time.Time
}

// OnboardingQuery stores member state and checklist progress.
type OnboardingQuery struct{ db *dbutil.Database }

// Onboarding returns the onboarding queries.
func (db *DB) Onboarding() *OnboardingQuery { return &OnboardingQuery{db: db.Lotse} }

const (
	getMemberStateQuery = `SELECT user_id, dm_room, welcomed_at, opted_out_at, first_seen, last_seen FROM member_state WHERE user_id=$1`
	seenMemberQuery     = `
		INSERT INTO member_state (user_id, dm_room, first_seen, last_seen) VALUES ($1, $2, $3, $3)
		ON CONFLICT (user_id) DO UPDATE SET last_seen=excluded.last_seen,
			dm_room=CASE WHEN excluded.dm_room<>'' THEN excluded.dm_room ELSE member_state.dm_room END`
	welcomedQuery      = `UPDATE member_state SET welcomed_at=$2 WHERE user_id=$1 AND welcomed_at=0`
	optOutQuery        = `UPDATE member_state SET opted_out_at=$2 WHERE user_id=$1 AND opted_out_at=0`
	optInQuery         = `UPDATE member_state SET opted_out_at=0 WHERE user_id=$1`
	tickStepQuery      = `INSERT INTO onboarding_step (user_id, step, done_at) VALUES ($1, $2, $3) ON CONFLICT (user_id, step) DO NOTHING`
	stepsQuery         = `SELECT step, done_at FROM onboarding_step WHERE user_id=$1`
	dueOnboardingQuery = `
		SELECT user_id, dm_room, welcomed_at, opted_out_at, first_seen, last_seen FROM member_state
		WHERE welcomed_at>0 AND welcomed_at<=$1 AND opted_out_at=0 AND dm_room<>'' ORDER BY welcomed_at LIMIT 200`
	provisionedNCQuery = `SELECT COUNT(*) FROM access_request WHERE member_id=$1 AND kind='nextcloud' AND status='provisioned'`
	// last_seen>=$1 follows from welcomed_at>=$1 (a member is seen when
	// welcomed) and lets the count use member_state_seen_idx.
	welcomedSinceQuery = `
		SELECT COUNT(CASE WHEN user_id LIKE $2 ESCAPE '\' THEN 1 END), COUNT(CASE WHEN user_id NOT LIKE $3 ESCAPE '\' THEN 1 END)
		FROM member_state WHERE last_seen>=$1 AND welcomed_at>=$1`
)

func scanMemberState(row rowScanner) (*MemberState, error) {
	var (
		m                               MemberState
		welcomed, optOut, first, recent int64
	)
	if err := row.Scan(&m.UserID, &m.DMRoom, &welcomed, &optOut, &first, &recent); err != nil {
		return nil, err
	}
	m.WelcomedAt, m.OptedOutAt, m.FirstSeen, m.LastSeen = msTime(welcomed), msTime(optOut), msTime(first), msTime(recent)
	return &m, nil
}

// Get returns the state of user, or nil when Lotse does not know them.
func (q *OnboardingQuery) Get(ctx context.Context, user string) (*MemberState, error) {
	return queryOne(ctx, q.db, scanMemberState, "member state", getMemberStateQuery, user)
}

// Seen records that user was active (and their DM room, if known) and
// returns their state.
func (q *OnboardingQuery) Seen(ctx context.Context, user, dmRoom string, now time.Time) (*MemberState, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, seenMemberQuery, user, dmRoom, now.UnixMilli()); err != nil {
		return nil, fmt.Errorf("failed to record member: %w", err)
	}
	return q.Get(ctx, user)
}

// MarkWelcomed records the welcome (only the first time counts).
func (q *OnboardingQuery) MarkWelcomed(ctx context.Context, user string, now time.Time) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, welcomedQuery, user, now.UnixMilli()); err != nil {
		return fmt.Errorf("failed to record welcome: %w", err)
	}
	return nil
}

// OptOut records !stopp: no more unsolicited messages.
func (q *OnboardingQuery) OptOut(ctx context.Context, user string, now time.Time) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, optOutQuery, user, now.UnixMilli()); err != nil {
		return fmt.Errorf("failed to record opt-out: %w", err)
	}
	return nil
}

// OptIn takes back an opt-out: unsolicited messages are fine again.
func (q *OnboardingQuery) OptIn(ctx context.Context, user string) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, optInQuery, user); err != nil {
		return fmt.Errorf("failed to take back opt-out: %w", err)
	}
	return nil
}

// Tick marks a checklist step done.
func (q *OnboardingQuery) Tick(ctx context.Context, user, step string, now time.Time) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, tickStepQuery, user, step, now.UnixMilli()); err != nil {
		return fmt.Errorf("failed to tick step: %w", err)
	}
	return nil
}

// Steps returns the ticked steps of user and when.
func (q *OnboardingQuery) Steps(ctx context.Context, user string) (map[string]time.Time, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	rows, err := q.db.Query(ctx, stepsQuery, user)
	if err != nil {
		return nil, fmt.Errorf("failed to read steps: %w", err)
	}
	defer rows.Close()
	out := map[string]time.Time{}
	for rows.Next() {
		var (
			step string
			at   int64
		)
		if err := rows.Scan(&step, &at); err != nil {
			return nil, err
		}
		out[step] = time.UnixMilli(at)
	}
	return out, rows.Err()
}

// HasNextcloud reports whether user has a provisioned Nextcloud request.
func (q *OnboardingQuery) HasNextcloud(ctx context.Context, user string) (bool, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var n int
	if err := q.db.QueryRow(ctx, provisionedNCQuery, user).Scan(&n); err != nil {
		return false, fmt.Errorf("failed to read access requests: %w", err)
	}
	return n > 0, nil
}

// WelcomedSince counts the members welcomed at or after since whose
// Matrix ID is on server (onServer), and those on any server but own
// (foreign): the budget of lobby welcomes per server and day.
func (q *OnboardingQuery) WelcomedSince(ctx context.Context, since time.Time, server, own string) (onServer, foreign int, err error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if err := q.db.QueryRow(ctx, welcomedSinceQuery, since.UnixMilli(), "%:"+escapeLike(server), "%:"+escapeLike(own)).Scan(&onServer, &foreign); err != nil {
		return 0, 0, fmt.Errorf("failed to count welcomes: %w", err)
	}
	return onServer, foreign, nil
}

// escapeLike escapes s for a LIKE pattern with ESCAPE '\'.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// DueForReminder lists members welcomed before `before`, not opted out,
// with a known DM room (the caller checks the checklist and whether the
// reminder was already sent).
func (q *OnboardingQuery) DueForReminder(ctx context.Context, before time.Time) ([]MemberState, error) {
	return values(queryMany(ctx, q.db, scanMemberState, "members", dueOnboardingQuery, before.UnixMilli()))
}
