package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

const (
	caseMessageQuery = `SELECT source_event, case_id, kind, sender, body, created_at FROM case_message WHERE source_event=$1`
	// An erased message (body '', deleted by its author) stays erased.
	editCaseMsgQuery = `UPDATE case_message SET body=$3 WHERE source_event=$1 AND sender=$2 AND kind=$4 AND body<>''`
)

// Message returns the case message that came from sourceEvent, or nil.
func (q *CaseQuery) Message(ctx context.Context, sourceEvent string) (*CaseMessage, error) {
	return queryOne(ctx, q.db, scanCaseMessage, "case message", caseMessageQuery, sourceEvent)
}

// EditMessage replaces the stored text of the member's message that came
// from sourceEvent (its author edited it in the chat) and reports whether
// there was one. Only the author's own member message is changed, and a
// message its author deleted stays erased.
func (q *CaseQuery) EditMessage(ctx context.Context, sourceEvent, sender, body string) (bool, error) {
	return q.editMessage(ctx, sourceEvent, sender, body, MsgMember)
}

// EditAnswer replaces the stored text of the team's answer that came from
// sourceEvent (its author edited it in the team room) and reports whether
// there was one. Only the author's own answer is changed, and an answer
// its author deleted (taken back from the member) stays erased.
func (q *CaseQuery) EditAnswer(ctx context.Context, sourceEvent, sender, body string) (bool, error) {
	return q.editMessage(ctx, sourceEvent, sender, body, MsgAnswer)
}

// editMessage replaces the stored text of sender's message of kind that
// came from sourceEvent, unless it was erased.
func (q *CaseQuery) editMessage(ctx context.Context, sourceEvent, sender, body, kind string) (bool, error) {
	n, err := execAffected(ctx, q.db, "a case message", editCaseMsgQuery, sourceEvent, sender, body, kind)
	return n > 0, err
}

const (
	editSeqQuery        = `SELECT seq FROM inbox WHERE event_id=$1`
	laterEditQuery      = `SELECT COUNT(*) FROM case_edit WHERE source_event=$1 AND seq>$2`
	insertCaseEditQuery = `INSERT INTO case_edit (source_event, edit_event, seq) VALUES ($1, $2, $3) ON CONFLICT (source_event, edit_event) DO NOTHING`
	caseEditsQuery      = `SELECT edit_event FROM case_edit WHERE source_event=$1 ORDER BY seq, edit_event`
)

// BeginEdit records that the edit editEvent of the case message that came
// from sourceEvent (a member's message, or a team member's answer) is
// being applied, and reports whether to apply it: not
// when an edit that arrived later (by the inbox's order of arrival) was
// applied already, so that an older edit retried after a newer one cannot
// bring back a text the member edited out. Applying the same edit again
// (a retry) is allowed. An edit the inbox does not know counts as the
// oldest.
func (q *CaseQuery) BeginEdit(ctx context.Context, sourceEvent, editEvent string) (bool, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	apply := false
	err := q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		var seq int64
		if err := q.db.QueryRow(ctx, editSeqQuery, editEvent).Scan(&seq); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		var later int
		if err := q.db.QueryRow(ctx, laterEditQuery, sourceEvent, seq).Scan(&later); err != nil || later > 0 {
			return err
		}
		apply = true
		_, err := q.db.Exec(ctx, insertCaseEditQuery, sourceEvent, editEvent, seq)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("failed to record case message edit: %w", err)
	}
	return apply, nil
}

// Edits returns the edits of the case message that came from sourceEvent
// that were applied (BeginEdit), oldest first.
func (q *CaseQuery) Edits(ctx context.Context, sourceEvent string) ([]string, error) {
	return queryStrings(ctx, q.db, "case message edits", caseEditsQuery, sourceEvent)
}

// EditNote replaces the stored text of the team's internal note that came
// from sourceEvent (its author edited it in the team room) and reports
// whether there was one. Only the author's own note is changed, and a
// note its author deleted stays erased.
func (q *CaseQuery) EditNote(ctx context.Context, sourceEvent, sender, body string) (bool, error) {
	return q.editMessage(ctx, sourceEvent, sender, body, MsgNote)
}

const editSolutionEventQuery = `UPDATE case_event SET detail=$4 WHERE case_id=$1 AND kind='resolve' AND actor=$2 AND detail=$3 AND detail<>''`

// EditSolution replaces the solution old that sender gave when resolving
// case caseID (`!erledigt`, the event sourceEvent) by body: both its copy
// in the resolve event and the stored answer, in one transaction. A
// solution its author deleted stays erased. It reports whether the stored
// answer changed.
func (q *CaseQuery) EditSolution(ctx context.Context, caseID int64, sourceEvent, sender, old, body string) (bool, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	changed := false
	err := q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		res, err := q.db.Exec(ctx, editCaseMsgQuery, sourceEvent, sender, body, MsgAnswer)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		changed = true
		_, err = q.db.Exec(ctx, editSolutionEventQuery, caseID, sender, old, body)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("failed to edit a case's solution: %w", err)
	}
	return changed, nil
}

const (
	markDraftedQuery = `INSERT INTO case_guide_draft (case_id, drafted_at) VALUES ($1, $2)
		ON CONFLICT (case_id) DO UPDATE SET drafted_at=excluded.drafted_at WHERE case_guide_draft.drafted_at<excluded.drafted_at`
	draftedSinceQuery = `SELECT 1 FROM case_guide_draft WHERE case_id=$1 AND drafted_at>=$2`
)

// MarkDrafted records that a guide draft was made from case caseID at now.
func (q *CaseQuery) MarkDrafted(ctx context.Context, caseID int64, now time.Time) error {
	return q.exec(ctx, markDraftedQuery, caseID, now.UnixMilli())
}

// DraftedSince reports whether a guide draft was made from case caseID at
// or after since.
func (q *CaseQuery) DraftedSince(ctx context.Context, caseID int64, since time.Time) (bool, error) {
	return exists(ctx, q.db, "read guide drafts", draftedSinceQuery, caseID, since.UnixMilli())
}

// answeredSinceQuery: an answer of the team to case $1 stored at or after
// $3 ($2 = MsgAnswer); the index on (case_id, created_at) finds it.
const answeredSinceQuery = `SELECT 1 FROM case_message WHERE case_id=$1 AND kind=$2 AND created_at>=$3 LIMIT 1`

// AnsweredSince reports whether the team answered case caseID (an answer,
// a guide or a solution sent to the member) at since or later: a member's
// edit of a message written before is then one the answer did not read
// (support.Workflow.EditRelay tells the team).
func (q *CaseQuery) AnsweredSince(ctx context.Context, caseID int64, since time.Time) (bool, error) {
	return exists(ctx, q.db, "read a case's answers", answeredSinceQuery, caseID, MsgAnswer, since.UnixMilli())
}
