package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"go.mau.fi/util/dbutil"
)

// LearnedQuestion is a member's question that the team taught as an example
// question of a guide (issue #18.3). Source names whose words it holds.
type LearnedQuestion struct {
	ID       int64
	GuideID  string
	Question string
	// Norm is the question normalised for duplicate detection (unique).
	Norm string
	// CaseID is the support case it came from (0: none).
	CaseID int64
	// TaughtBy is the team member who taught it.
	TaughtBy string
	TaughtAt time.Time
	// ExportedAt is when it was written into the library's files (zero: not yet).
	ExportedAt time.Time
	// Source is the member's message the question came from (zero: not
	// known, taught by a binary before schema v19 from a case since deleted).
	Source QuestionSource
}

// QuestionSource names whose words Lotse copied: the member's message
// (its event, its room, its sender) as the case keeps it. Their deletion
// of that message takes the copies back ([LearnedQuery.BySource],
// [CopyQuery.BySource]); their export and erasure find the copies by User.
type QuestionSource struct {
	Event, Room, User string
}

// LearnedQuery stores learned questions.
type LearnedQuery struct{ db *dbutil.Database }

// Learned returns the learned-question queries.
func (db *DB) Learned() *LearnedQuery { return &LearnedQuery{db: db.Lotse} }

const learnedColumns = `id, guide_id, question, norm, case_id, taught_by, taught_at, exported_at, source_event, source_room, source_user`

const (
	learnedByOriginQuery = `SELECT ` + learnedColumns + ` FROM learned_question WHERE origin_event=$1`
	getLearnedQuery      = `SELECT ` + learnedColumns + ` FROM learned_question WHERE id=$1`
	learnedByNormQuery   = `SELECT ` + learnedColumns + ` FROM learned_question WHERE norm=$1`
	listLearnedQuery     = `SELECT ` + learnedColumns + ` FROM learned_question ORDER BY id`
	learnedForCaseQuery  = `SELECT ` + learnedColumns + ` FROM learned_question WHERE case_id=$1 ORDER BY id`
	learnedBySourceQuery = `SELECT ` + learnedColumns + ` FROM learned_question
		WHERE source_event=$1 AND source_room=$2 AND source_user=$3 AND source_event<>'' ORDER BY id`
	learnedByMemberQuery = `SELECT ` + learnedColumns + ` FROM learned_question
		WHERE source_user=$1 OR case_id<>0 AND case_id IN ` + ownCases + ` ORDER BY id`
	deleteLearnedQuery       = `DELETE FROM learned_question WHERE id=$1`
	countLearnedQuery        = `SELECT COUNT(*) FROM learned_question`
	countTaughtSinceQuery    = `SELECT COUNT(*) FROM learned_question WHERE taught_by=$1 AND taught_at>=$2`
	markLearnedExportedQuery = `UPDATE learned_question SET exported_at=$2 WHERE id=$1`
	insertLearnedQuery       = `
		INSERT INTO learned_question (id, guide_id, question, norm, case_id, taught_by, taught_at, origin_event,
			source_event, source_room, source_user)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`
)

func scanLearned(row rowScanner) (*LearnedQuestion, error) {
	var (
		l                  LearnedQuestion
		taught, exportedAt int64
	)
	if err := row.Scan(&l.ID, &l.GuideID, &l.Question, &l.Norm, &l.CaseID, &l.TaughtBy, &taught, &exportedAt,
		&l.Source.Event, &l.Source.Room, &l.Source.User); err != nil {
		return nil, err
	}
	l.TaughtAt = time.UnixMilli(taught)
	if exportedAt != 0 {
		l.ExportedAt = time.UnixMilli(exportedAt)
	}
	return &l, nil
}

// ErrCaseGone is [LearnedQuery.Add]'s answer for a question of a case that
// no longer exists: its member's erasure (or the retention period) deleted
// it while the question was being taught.
var ErrCaseGone = errors.New("the support case is gone")

// caseHereQuery finds the case a learned question comes from, in the
// teaching's transaction. On PostgreSQL it locks the row (FOR SHARE): an
// erasure that deleted it waits to commit and then finds it gone, and an
// erasure that comes after waits for the teaching and then deletes the
// question it stored (the second learned_question step of the erasure).
const caseHereQuery = `SELECT 1 FROM support_case WHERE id=$1`

// Add stores a learned question. originEvent is the event that taught it:
// adding again for the same event (a retry after a crash) returns the
// stored row and created=false. The caller checks duplicates (ByNorm)
// first; a race that still collides on norm fails with an error. A
// question from a member's words (CaseID and Source set) is stored only
// while its case exists, else the error is [ErrCaseGone]: a member erased while the guard judged
// their question (it takes seconds, in the team room's worker, beside
// the member's own) leaves no copy of their words behind (lib31).
func (q *LearnedQuery) Add(ctx context.Context, l LearnedQuestion, originEvent string) (*LearnedQuestion, bool, error) {
	var guard func(ctx context.Context) error
	if l.CaseID != 0 && l.Source.User != "" {
		guard = func(ctx context.Context) error {
			query := caseHereQuery
			if q.db.Dialect == dbutil.Postgres {
				query += ` FOR SHARE`
			}
			var one int
			err := q.db.QueryRow(ctx, query, l.CaseID).Scan(&one)
			if errors.Is(err, sql.ErrNoRows) {
				return ErrCaseGone
			}
			return err
		}
	}
	return createOnce(ctx, q.db, scanLearned, "learned question", learnedByOriginQuery, nextLearnedIDQuery, getLearnedQuery, originEvent, guard,
		func(ctx context.Context, next int64) error {
			_, err := q.db.Exec(ctx, insertLearnedQuery, next, l.GuideID, l.Question, l.Norm, l.CaseID, l.TaughtBy, l.TaughtAt.UnixMilli(), originEvent,
				l.Source.Event, l.Source.Room, l.Source.User)
			return err
		})
}

// ByOrigin returns the question taught by the event, or nil.
func (q *LearnedQuery) ByOrigin(ctx context.Context, originEvent string) (*LearnedQuestion, error) {
	return queryOne(ctx, q.db, scanLearned, "learned question", learnedByOriginQuery, originEvent)
}

// Get returns the learned question id, or nil.
func (q *LearnedQuery) Get(ctx context.Context, id int64) (*LearnedQuestion, error) {
	return queryOne(ctx, q.db, scanLearned, "learned question", getLearnedQuery, id)
}

// ByNorm returns the learned question with the normalised text, or nil.
func (q *LearnedQuery) ByNorm(ctx context.Context, norm string) (*LearnedQuestion, error) {
	return queryOne(ctx, q.db, scanLearned, "learned question", learnedByNormQuery, norm)
}

// ForCase lists the questions learned from a case.
func (q *LearnedQuery) ForCase(ctx context.Context, caseID int64) ([]*LearnedQuestion, error) {
	return queryMany(ctx, q.db, scanLearned, "learned questions", learnedForCaseQuery, caseID)
}

// BySource lists the questions learned from the member's message src
// (all three of its parts must match: a deletion in another room, or by
// someone else, finds nothing), oldest first.
func (q *LearnedQuery) BySource(ctx context.Context, src QuestionSource) ([]*LearnedQuestion, error) {
	if src.Event == "" || src.Room == "" || src.User == "" {
		return nil, nil
	}
	return queryMany(ctx, q.db, scanLearned, "learned questions", learnedBySourceQuery, src.Event, src.Room, src.User)
}

// ByMember lists the questions learned from member's words (their
// messages, or their cases while these exist), oldest first: the same rows
// as their export's and erasure's (LearnedFromCases).
func (q *LearnedQuery) ByMember(ctx context.Context, member string) ([]*LearnedQuestion, error) {
	if member == "" {
		return nil, nil
	}
	return queryMany(ctx, q.db, scanLearned, "learned questions", learnedByMemberQuery, member)
}

// List returns all learned questions, oldest first.
func (q *LearnedQuery) List(ctx context.Context) ([]*LearnedQuestion, error) {
	return queryMany(ctx, q.db, scanLearned, "learned questions", listLearnedQuery)
}

// Count counts the learned questions.
func (q *LearnedQuery) Count(ctx context.Context) (int, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var n int
	if err := q.db.QueryRow(ctx, countLearnedQuery).Scan(&n); err != nil {
		return 0, fmt.Errorf("failed to count the learned questions: %w", err)
	}
	return n, nil
}

// CountTaughtSince counts the questions taughtBy taught at or after since
// (forgotten ones do not count).
func (q *LearnedQuery) CountTaughtSince(ctx context.Context, taughtBy string, since time.Time) (int, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var n int
	if err := q.db.QueryRow(ctx, countTaughtSinceQuery, taughtBy, since.UnixMilli()).Scan(&n); err != nil {
		return 0, fmt.Errorf("failed to count the questions a team member taught: %w", err)
	}
	return n, nil
}

// Delete forgets a learned question; false if there was none.
func (q *LearnedQuery) Delete(ctx context.Context, id int64) (bool, error) {
	n, err := execAffected(ctx, q.db, "learned question", deleteLearnedQuery, id)
	return n > 0, err
}

// MarkExported records that the question was written into the library's files.
func (q *LearnedQuery) MarkExported(ctx context.Context, id int64, now time.Time) error {
	if _, err := execAffected(ctx, q.db, "learned question", markLearnedExportedQuery, id, now.UnixMilli()); err != nil {
		return fmt.Errorf("failed to mark learned question %d exported: %w", id, err)
	}
	return nil
}

// LearnedFromCases names, in a person's export and in the counts of their
// erasure, the questions learned from their cases: the ones the running
// bot holds in its search (a caller that erased some reloads them).
const LearnedFromCases = "learned_question_from_your_cases"

// Data rights: a learned question came from a member's case (case_id) and
// message (source_user, v19), and names the team member who taught it.
//   - The member's export lists the questions learned from their cases or
//     messages; their erasure deletes them (before their cases are deleted,
//     so the link is still there; by source_user also after the case was
//     deleted by its retention period, which before v19 left them out of
//     reach), exported or not: the database copy leaves the search at
//     once; a copy already written into the library's files is reviewed
//     text without any ID (see docs/datenschutz.md).
//   - The team member's export lists what they taught; their erasure
//     replaces taught_by with the pseudonym.
func init() {
	// After the member's cases are deleted: their prompt markers go too.
	addDeleteStep("kv", pruneLearnPromptsQuery)
	// And once more the questions from their messages, after their cases
	// are deleted: on PostgreSQL a teaching that stored one after the
	// first step read the table (LearnedQuery.Add locks the case and
	// commits before the case's deletion goes on) is seen by this later
	// statement (lib31).
	addDeleteStep(LearnedFromCases, `DELETE FROM learned_question WHERE source_user=$1`)
	PersonalTables = append(PersonalTables,
		PersonalTable{Name: LearnedFromCases, Query: `SELECT id, guide_id, question, case_id, taught_at, exported_at, source_event, source_room FROM learned_question
			WHERE source_user=$1 OR case_id<>0 AND case_id IN ` + ownCases},
		PersonalTable{Name: "learned_question_taught_by_you", Query: `SELECT id, guide_id, case_id, taught_at FROM learned_question WHERE taught_by=$1`},
	)
	// The link to the member lives as long as the case it came from: once
	// the case is gone or past its retention period (support_retention),
	// the question keeps its text and loses whose words they were, as
	// before v19 (docs/datenschutz.md).
	retentionRules = append(retentionRules, retentionRule{"cases", "learned_question",
		func(p RetentionPolicy) time.Duration { return p.Cases },
		`SELECT COUNT(*) FROM learned_question WHERE ` + learnedLinkExpired,
		[]string{`UPDATE learned_question SET source_event='', source_room='', source_user='' WHERE ` + learnedLinkExpired}})
	// Counted under the export's names, which the erasure's answer puts
	// in words ("1 Frage aus deinen Supportfällen, …"), not as "1 weiterer
	// Eintrag".
	deleteSteps = append([]struct{ table, query string }{
		{LearnedFromCases, `DELETE FROM learned_question WHERE source_user=$1 OR case_id<>0 AND case_id IN ` + ownCases},
		{"learned_question_taught_by_you", `UPDATE learned_question SET taught_by=$2 WHERE taught_by=$1`},
	}, deleteSteps...)
}

// learnedLinkExpired selects the learned questions still linked to a
// member whose case is gone or closed before the cutoff $1 (the case's
// own retention: CaseQuery.Prune deletes it in the same run).
const learnedLinkExpired = `source_user<>'' AND NOT EXISTS (SELECT 1 FROM support_case c WHERE c.id=learned_question.case_id
	AND NOT (c.status IN (2, 3) AND COALESCE(c.closed_at, $1)<$1))`

// learnPromptPrefix starts the kv keys of [LearnPromptKey].
const learnPromptPrefix = "learn-prompt:"

// pruneLearnPromptsQuery deletes the prompt markers of cases that no longer
// exist (deleted by retention or erasure); the case number starts right
// after the prefix (SUBSTR counts from 1).
var pruneLearnPromptsQuery = `DELETE FROM kv WHERE key LIKE '` + learnPromptPrefix + `%' AND NOT EXISTS
	(SELECT 1 FROM support_case WHERE id=CAST(SUBSTR(kv.key, ` + strconv.Itoa(len(learnPromptPrefix)+1) + `) AS BIGINT))`

// LearnPromptKey is the kv key that marks a case whose thread got the
// "Passt eine Anleitung …?" prompt of learning from cases. It goes with the
// case ([CaseQuery.Prune], erasure): case numbers are given again once the
// newest case is deleted, and a new case must not find an old marker.
func LearnPromptKey(caseID int64) string { return fmt.Sprintf("%s%d", learnPromptPrefix, caseID) }

// nextLearnedIDQuery gives out the number of a new row (never one used before).
var nextLearnedIDQuery = nextIDQuery("learned", "learned_question")
