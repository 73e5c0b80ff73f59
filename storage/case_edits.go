package storage

import (
	"context"
	"fmt"
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
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	res, err := q.db.Exec(ctx, editCaseMsgQuery, sourceEvent, sender, body, MsgMember)
	if err != nil {
		return false, fmt.Errorf("failed to edit case message: %w", err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}
