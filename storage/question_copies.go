package storage

import (
	"context"
	"time"

	"go.mau.fi/util/dbutil"
)

// Kinds of a QuestionCopy.
const (
	// CopyPrompt is the learning prompt in a case's thread („Passt eine
	// Anleitung …?“), which quotes the member's question.
	CopyPrompt = "prompt"
	// CopyDraft is a guide draft's file (`!anleitung-entwurf`), which holds
	// the member's question.
	CopyDraft = "draft"
)

// QuestionCopy is one of Lotse's messages in the team room that quotes a
// case's question (schema v19): the member's deletion of the question's
// message redacts it ([CopyQuery.BySource]).
type QuestionCopy struct {
	EventID   string
	Kind      string
	CaseID    int64
	Source    QuestionSource
	CreatedAt time.Time
}

// SourceOf is the member's message that c's question message m came from:
// the event the case keeps for it, in the member's chat with Lotse, by the
// member (zero for anything else). Learned questions, learning prompts and
// guide drafts record it, so that the member's deletion of that message
// takes them back.
func SourceOf(c *Case, m CaseMessage) QuestionSource {
	// An erased message (Body "") is gone already: what the team writes
	// in its place is its own.
	if c == nil || m.Kind != MsgQuestion || m.Sender == "" || m.Sender != c.MemberID || m.Body == "" {
		return QuestionSource{}
	}
	return QuestionSource{Event: m.SourceEvent, Room: c.MemberRoom, User: c.MemberID}
}

// CopyQuery records Lotse's messages that quote a case's question.
type CopyQuery struct{ db *dbutil.Database }

// Copies returns the queries of Lotse's messages that quote a case's question.
func (db *DB) Copies() *CopyQuery { return &CopyQuery{db: db.Lotse} }

const (
	addCopyQuery = `INSERT INTO question_copy (event_id, kind, case_id, source_event, source_room, source_user, created_at)
		SELECT $1, $2, id, $4, $5, $6, $7 FROM support_case WHERE id=$3 ON CONFLICT (event_id) DO NOTHING`
	copiesBySourceQuery = `SELECT event_id, kind, case_id, source_event, source_room, source_user, created_at FROM question_copy
		WHERE source_event=$1 AND source_room=$2 AND source_user=$3 ORDER BY created_at, event_id`
	deleteCopyQuery = `DELETE FROM question_copy WHERE event_id=$1`
	// The case's question message from the member's deleted message, in
	// the member's own chat with Lotse: the same erasure as
	// CaseQuery.EraseMessage, narrowed to the question and its room (the
	// case's room, or one it moved from: the question stays in the room
	// the case was opened in; mend29b).
	eraseSourceQuery = `UPDATE case_message SET body='' WHERE source_event=$1 AND sender=$2 AND kind='question' AND body<>''
		AND case_id IN (SELECT s.id FROM support_case s WHERE s.member_id=$2 AND (s.member_room=$3
			OR EXISTS (SELECT 1 FROM case_event e WHERE e.case_id=s.id AND e.kind='move' AND e.detail=$3)))`
	sourceErasedQuery = `SELECT 1 FROM case_message WHERE source_event=$1 AND sender=$2 AND kind='question' AND body=''`
)

// EraseSource empties the case's question message that came from src,
// which its member deleted in their chat with Lotse (src names the
// redaction's event, sender and room). Taking back what was copied of it
// starts with this: a copy made at the same time checks
// [CopyQuery.SourceErased] after recording itself, so that one of the two
// always sees the other.
func (q *CopyQuery) EraseSource(ctx context.Context, src QuestionSource) error {
	if src.Event == "" || src.Room == "" || src.User == "" {
		return nil
	}
	_, err := execAffected(ctx, q.db, "a case's question", eraseSourceQuery, src.Event, src.User, src.Room)
	return err
}

// SourceErased reports whether the case's question message from src was
// erased (its member deleted it) — for a copy recorded after reading it.
func (q *CopyQuery) SourceErased(ctx context.Context, src QuestionSource) (bool, error) {
	if src.Event == "" || src.User == "" {
		return false, nil
	}
	return exists(ctx, q.db, "read a case's question", sourceErasedQuery, src.Event, src.User)
}

// The member's export lists where Lotse quoted their question (kind, case,
// time; the event IDs are Lotse's own). The erasure deletes the rows; the
// messages themselves are redacted through case_shown, which the erasure
// queues with the case, as before v19. The rows go with their case
// (ON DELETE CASCADE), so the case's retention period is theirs too.
func init() {
	PersonalTables = append(PersonalTables, PersonalTable{
		Name:  "question_copy",
		Query: `SELECT kind, case_id, created_at FROM question_copy WHERE source_user=$1`,
	})
	// The member's messages a case's question came from (v23, sup30):
	// their own event IDs, with the case. Deleted with the case (ON
	// DELETE CASCADE).
	PersonalTables = append(PersonalTables, PersonalTable{
		Name: "case_question_event",
		Query: `SELECT q.case_id, q.event_id FROM case_question_event q JOIN support_case s ON s.id=q.case_id
			WHERE s.member_id=$1`,
	})
	// Before the member's cases are deleted, which would take the rows
	// along uncounted (ON DELETE CASCADE).
	deleteSteps = append([]struct{ table, query string }{
		{"question_copy", `DELETE FROM question_copy WHERE source_user=$1`},
	}, deleteSteps...)
}

// Add records that Lotse's message eventID quotes the question of case
// caseID, which came from src. A case that is gone, or a source not fully
// known, records nothing; recording it again changes nothing.
func (q *CopyQuery) Add(ctx context.Context, eventID, kind string, caseID int64, src QuestionSource, now time.Time) error {
	if eventID == "" || src.Event == "" || src.Room == "" || src.User == "" {
		return nil
	}
	_, err := execAffected(ctx, q.db, "a copy of a case's question", addCopyQuery, eventID, kind, caseID, src.Event, src.Room, src.User, now.UnixMilli())
	return err
}

// BySource lists Lotse's messages that quote the question from src (all
// three parts must match), oldest first.
func (q *CopyQuery) BySource(ctx context.Context, src QuestionSource) ([]*QuestionCopy, error) {
	if src.Event == "" || src.Room == "" || src.User == "" {
		return nil, nil
	}
	return queryMany(ctx, q.db, func(row rowScanner) (*QuestionCopy, error) {
		var (
			c  QuestionCopy
			at int64
		)
		if err := row.Scan(&c.EventID, &c.Kind, &c.CaseID, &c.Source.Event, &c.Source.Room, &c.Source.User, &at); err != nil {
			return nil, err
		}
		c.CreatedAt = time.UnixMilli(at)
		return &c, nil
	}, "copies of a case's question", copiesBySourceQuery, src.Event, src.Room, src.User)
}

// Delete forgets a copy whose message was redacted.
func (q *CopyQuery) Delete(ctx context.Context, eventID string) error {
	_, err := execAffected(ctx, q.db, "a copy of a case's question", deleteCopyQuery, eventID)
	return err
}
