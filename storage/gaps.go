package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"go.mau.fi/util/dbutil"
)

// Questions Lotse could not answer (issue #18): kept for a short time so
// that the team's weekly digest and `lotse guides gaps` show which guides
// are missing. The user ID is kept only for the member's export and
// erasure; nothing here reads it back for the team.

// The outcomes of a kept question.
const (
	// FailedNone: no guide fitted.
	FailedNone = "none"
	// FailedChoose: "Meintest du …?" and the member picked nothing (the
	// row counts once the choice expired without a pick).
	FailedChoose = "choose"
	// FailedThumbsDown: 👎 on the answer.
	FailedThumbsDown = "thumbsdown"
	// FailedAnswer: the question behind an answer, kept only while a 👎
	// can still turn it into FailedThumbsDown (never listed).
	FailedAnswer = "answer"
)

// failedOutcomes are the outcomes a listing shows.
const failedOutcomes = `('none', 'choose', 'thumbsdown')`

// FailedQuestion is one kept question.
type FailedQuestion struct {
	// SourceEvent is the member's message; UserID and RoomID are kept for
	// export, erasure and the pick of a choice, and are not filled by List.
	SourceEvent string
	UserID      string
	RoomID      string
	// Question is the text the search saw (≤ 2 KB).
	Question string
	Outcome  string
	// Guides are the closest guide IDs (≤ 3).
	Guides []string
	// AnswerEvent is the answer a 👎 may come on (FailedAnswer), or the
	// prompt of the choice (FailedChoose).
	AnswerEvent string
	AskedAt     time.Time
}

// MaxFailedGuides bounds the closest guides kept per question.
const MaxFailedGuides = 3

// MaxFailedPerDay bounds the questions of one member that a listing can
// show per day (none, choose, thumbsdown asked in the last 24 hours): one
// member's flood neither fills the table nor drowns the others' questions
// in the digest. Further questions that day are not kept (the question
// behind an answer is, as it only waits for a 👎, and such a 👎 counts).
const MaxFailedPerDay = 10

// GapsQuery keeps unanswered questions, the members' opt-outs and the
// claims of the weekly digest.
type GapsQuery struct{ db *dbutil.Database }

// Gaps returns the queries of unanswered questions.
func (db *DB) Gaps() *GapsQuery { return &GapsQuery{db: db.Lotse} }

func init() {
	AddPersonalTable(PersonalTable{
		Name:   "failed_question",
		Query:  `SELECT source_event, room_id, question, outcome, guides, asked_at FROM failed_question WHERE user_id=$1`,
		Delete: []string{`DELETE FROM failed_question WHERE user_id=$1`},
	})
	AddPersonalTable(PersonalTable{
		Name:   "question_optout",
		Query:  `SELECT at FROM question_optout WHERE user_id=$1`,
		Delete: []string{`DELETE FROM question_optout WHERE user_id=$1`},
	})
	retentionRules = append(retentionRules,
		retentionRule{"failed_questions", "failed_question", func(p RetentionPolicy) time.Duration { return p.FailedQuestions },
			`SELECT COUNT(*) FROM failed_question WHERE asked_at<$1`, []string{`DELETE FROM failed_question WHERE asked_at<$1`}},
		// The question behind an answer only waits for a 👎 during the
		// follow-up window.
		retentionRule{"choices", "failed_question", func(p RetentionPolicy) time.Duration { return p.Choices },
			`SELECT COUNT(*) FROM failed_question WHERE outcome='answer' AND asked_at<$1`,
			[]string{`DELETE FROM failed_question WHERE outcome='answer' AND asked_at<$1`}},
	)
}

const (
	keepFailedQuery = `
		INSERT INTO failed_question (source_event, user_id, room_id, question, outcome, guides, answer_event, asked_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (source_event) DO NOTHING`
	pickedFailedQuery = `
		UPDATE failed_question SET outcome='answer', answer_event=$4
		WHERE room_id=$1 AND user_id=$2 AND outcome='choose' AND answer_event=$3`
	thumbsDownQuery = `
		UPDATE failed_question SET outcome='thumbsdown'
		WHERE answer_event=$1 AND user_id=$2 AND outcome='answer' AND asked_at>=$3
		AND (SELECT COUNT(*) FROM failed_question WHERE user_id=$2 AND outcome IN ` + failedOutcomes + ` AND asked_at>=$4) < $5`
	countTodayQuery = `SELECT COUNT(*) FROM failed_question WHERE user_id=$1 AND outcome IN ` + failedOutcomes + ` AND asked_at>=$2`
	listFailedQuery = `
		SELECT source_event, question, outcome, guides, asked_at FROM failed_question
		WHERE outcome IN ` + failedOutcomes + ` AND asked_at>=$1 AND asked_at<$2 ORDER BY asked_at, source_event`
	latestFailedQuery = `
		SELECT source_event, question, outcome, guides, asked_at FROM failed_question
		WHERE outcome IN ` + failedOutcomes + ` AND asked_at>=$1 AND asked_at<$2 ORDER BY asked_at DESC, source_event DESC LIMIT $3`
	countFailedQuery      = `SELECT COUNT(*) FROM failed_question WHERE outcome IN ` + failedOutcomes + ` AND asked_at>=$1 AND asked_at<$2`
	questionOptOutQuery   = `INSERT INTO question_optout (user_id, at) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING`
	dropOwnQuery          = `DELETE FROM failed_question WHERE user_id=$1`
	questionOptInQuery    = `DELETE FROM question_optout WHERE user_id=$1`
	questionOptedOutQuery = `SELECT 1 FROM question_optout WHERE user_id=$1`
	claimDigestQuery      = `
		INSERT INTO gaps_digest (week, from_ms, to_ms, claimed_at) VALUES ($1, $2, $3, $4) ON CONFLICT (week) DO NOTHING`
	getDigestQuery     = `SELECT from_ms, to_ms, sent_at FROM gaps_digest WHERE week=$1`
	lastDigestQuery    = `SELECT MAX(to_ms) FROM gaps_digest WHERE week<>$1`
	sentDigestQuery    = `UPDATE gaps_digest SET sent_at=$2, questions=$3 WHERE week=$1 AND sent_at IS NULL`
	unsentDigestsQuery = `SELECT week FROM gaps_digest WHERE sent_at IS NULL AND week<>$1 ORDER BY week`
)

// Keep stores a question (again for the same SourceEvent: nothing
// changes). The caller has checked that it may be kept. A question the
// listing would show is not kept when its member already has
// MaxFailedPerDay of them from the 24 hours before f.AskedAt.
func (q *GapsQuery) Keep(ctx context.Context, f FailedQuestion) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if len(f.Guides) > MaxFailedGuides {
		f.Guides = f.Guides[:MaxFailedGuides]
	}
	return q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		// The member's !nicht-merken may have come (in their direct
		// chat's worker) after the caller read the opt-out and before
		// this: OptOut deleted what was kept then, so nothing is kept
		// after it (learn34).
		if out, err := exists(ctx, q.db, "read the opt-out", questionOptedOutQuery, f.UserID); err != nil || out {
			return err
		}
		if f.Outcome != FailedAnswer {
			var n int
			if err := q.db.QueryRow(ctx, countTodayQuery, f.UserID, f.AskedAt.Add(-24*time.Hour).UnixMilli()).Scan(&n); err != nil {
				return fmt.Errorf("failed to count a member's kept questions: %w", err)
			}
			if n >= MaxFailedPerDay {
				return nil
			}
		}
		if _, err := q.db.Exec(ctx, keepFailedQuery, f.SourceEvent, f.UserID, f.RoomID, f.Question, f.Outcome,
			strings.Join(f.Guides, "\n"), f.AnswerEvent, f.AskedAt.UnixMilli()); err != nil {
			return fmt.Errorf("failed to keep an unanswered question: %w", err)
		}
		return nil
	})
}

// Picked records that userID picked a guide in roomID from the choice
// asked in prompt (the AnswerEvent of a FailedChoose): that question was
// answered after all (it waits for a 👎 on answerEvent like an answer).
func (q *GapsQuery) Picked(ctx context.Context, roomID, userID, prompt, answerEvent string) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if prompt == "" {
		return nil
	}
	if _, err := q.db.Exec(ctx, pickedFailedQuery, roomID, userID, prompt, answerEvent); err != nil {
		return fmt.Errorf("failed to record the pick of a choice: %w", err)
	}
	return nil
}

// ThumbsDown keeps the question behind answerEvent, asked by userID after
// notBefore, as one the answer did not help with (unless userID has
// MaxFailedPerDay listed questions from the 24 hours before now).
func (q *GapsQuery) ThumbsDown(ctx context.Context, answerEvent, userID string, notBefore, now time.Time) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, thumbsDownQuery, answerEvent, userID, notBefore.UnixMilli(),
		now.Add(-24*time.Hour).UnixMilli(), MaxFailedPerDay); err != nil {
		return fmt.Errorf("failed to keep the question behind an unhelpful answer: %w", err)
	}
	return nil
}

// List returns the questions asked in [from, to) that Lotse could not
// answer, oldest first, without who asked. A choice counts only when it was
// not picked; callers pass a to that lies a whole choice period in the past.
func (q *GapsQuery) List(ctx context.Context, from, to time.Time) ([]FailedQuestion, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	return q.scanFailed(ctx, listFailedQuery, from.UnixMilli(), to.UnixMilli())
}

// Latest returns the limit most recent of the questions [GapsQuery.List]
// returns, oldest first, and how many there are in all: the digest reads
// no more than it groups, however many were kept.
func (q *GapsQuery) Latest(ctx context.Context, from, to time.Time, limit int) (qs []FailedQuestion, total int, err error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	err = q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		if err := q.db.QueryRow(ctx, countFailedQuery, from.UnixMilli(), to.UnixMilli()).Scan(&total); err != nil {
			return fmt.Errorf("failed to count unanswered questions: %w", err)
		}
		var err error
		qs, err = q.scanFailed(ctx, latestFailedQuery, from.UnixMilli(), to.UnixMilli(), limit)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	slices.Reverse(qs)
	return qs, total, nil
}

// scanFailed reads the rows of a listing query.
func (q *GapsQuery) scanFailed(ctx context.Context, query string, args ...any) ([]FailedQuestion, error) {
	rows, err := q.db.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("failed to list unanswered questions: %w", err)
	}
	defer rows.Close()
	var out []FailedQuestion
	for rows.Next() {
		var (
			f      FailedQuestion
			guides string
			at     int64
		)
		if err := rows.Scan(&f.SourceEvent, &f.Question, &f.Outcome, &guides, &at); err != nil {
			return nil, fmt.Errorf("failed to read unanswered questions: %w", err)
		}
		if guides != "" {
			f.Guides = strings.Split(guides, "\n")
		}
		f.AskedAt = time.UnixMilli(at)
		out = append(out, f)
	}
	return out, rows.Err()
}

// Forget deletes the question asked by sourceEvent in roomID (its message
// was deleted); with asker set, only if asker asked it (a redaction no
// server checked), else whoever asked it (a plain redaction in its room,
// e.g. by a moderator). A redaction from another room forgets nothing.
func (q *GapsQuery) Forget(ctx context.Context, roomID, sourceEvent, asker string) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	query, args := `DELETE FROM failed_question WHERE source_event=$1 AND room_id=$2`, []any{sourceEvent, roomID}
	if asker != "" {
		query, args = query+` AND user_id=$3`, append(args, asker)
	}
	if _, err := q.db.Exec(ctx, query, args...); err != nil {
		return fmt.Errorf("failed to forget a kept question: %w", err)
	}
	return nil
}

// OptOut records that userID does not want their unanswered questions
// kept, and deletes those kept so far. already reports that userID had
// opted out before (the opt-out keeps its first time).
func (q *GapsQuery) OptOut(ctx context.Context, userID string, now time.Time) (already bool, err error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	err = q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		res, err := q.db.Exec(ctx, questionOptOutQuery, userID, now.UnixMilli())
		if err != nil {
			return fmt.Errorf("failed to record the opt-out: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("failed to record the opt-out: %w", err)
		}
		already = n == 0
		if _, err := q.db.Exec(ctx, dropOwnQuery, userID); err != nil {
			return fmt.Errorf("failed to delete the kept questions: %w", err)
		}
		return nil
	})
	return already, err
}

// OptIn takes an opt-out back.
func (q *GapsQuery) OptIn(ctx context.Context, userID string) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, questionOptInQuery, userID); err != nil {
		return fmt.Errorf("failed to take the opt-out back: %w", err)
	}
	return nil
}

// OptedOut reports whether userID asked not to keep their questions.
func (q *GapsQuery) OptedOut(ctx context.Context, userID string) (bool, error) {
	return exists(ctx, q.db, "read the opt-out", questionOptedOutQuery, userID)
}

// DigestClaim is the claim of one week's digest.
type DigestClaim struct {
	// From and To are the window of questions it covers.
	From, To time.Time
	// Sent reports that the digest went out (or that there was nothing to send).
	Sent bool
}

// ClaimDigest claims the digest of week, covering questions from the end
// of the last digest (zero: all kept) up to to. A week already claimed
// keeps its window, so a digest sent again after a crash covers the same
// questions; Sent tells whether it already went out.
func (q *GapsQuery) ClaimDigest(ctx context.Context, week string, to, now time.Time) (DigestClaim, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var c DigestClaim
	err := q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		var last sql.NullInt64
		if err := q.db.QueryRow(ctx, lastDigestQuery, week).Scan(&last); err != nil {
			return fmt.Errorf("failed to read the last digest: %w", err)
		}
		from := last.Int64
		if from > to.UnixMilli() {
			from = to.UnixMilli()
		}
		if _, err := q.db.Exec(ctx, claimDigestQuery, week, from, to.UnixMilli(), now.UnixMilli()); err != nil {
			return fmt.Errorf("failed to claim the digest: %w", err)
		}
		var (
			f, t int64
			sent sql.NullInt64
		)
		if err := q.db.QueryRow(ctx, getDigestQuery, week).Scan(&f, &t, &sent); err != nil {
			return fmt.Errorf("failed to read the digest claim: %w", err)
		}
		c = DigestClaim{From: time.UnixMilli(f), To: time.UnixMilli(t), Sent: sent.Valid}
		return nil
	})
	return c, err
}

// UnsentDigests lists the weeks other than week whose digest was claimed
// but never recorded as sent, oldest first.
func (q *GapsQuery) UnsentDigests(ctx context.Context, week string) ([]string, error) {
	return queryStrings(ctx, q.db, "unsent digests", unsentDigestsQuery, week)
}

// DigestSent records that week's digest went out with n questions (0:
// there was nothing new, nothing was sent).
func (q *GapsQuery) DigestSent(ctx context.Context, week string, n int, now time.Time) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, sentDigestQuery, week, now.UnixMilli(), n); err != nil {
		return fmt.Errorf("failed to record the digest: %w", err)
	}
	return nil
}
