package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// PutDraft stores (replaces) the draft of userID in roomID.
func (q *CaseQuery) PutDraft(ctx context.Context, d CaseDraft) error {
	offered := 0
	if d.Offered {
		offered = 1
	}
	return q.exec(ctx, putDraftQuery, d.RoomID, d.UserID, d.Question, strings.Join(d.Guides, "\n"), d.AnswerEvent, d.PromptEvent,
		strings.Join(d.EarlierPrompts, "\n"), offered, d.CreatedAt.UnixMilli(), strings.Join(boundEvents(d.QuestionEvents), "\n"), d.Lang)
}

// Draft returns the draft of userID in roomID created after notBefore, or nil.
func (q *CaseQuery) Draft(ctx context.Context, roomID, userID string, notBefore time.Time) (*CaseDraft, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var (
		d       CaseDraft
		guides  string
		earlier string
		events  string
		offered int
		created int64
	)
	err := q.db.QueryRow(ctx, getDraftQuery, roomID, userID).Scan(&d.RoomID, &d.UserID, &d.Question, &guides, &d.AnswerEvent, &d.PromptEvent, &earlier, &offered, &created, &events, &d.Lang)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("failed to read draft: %w", err)
	}
	d.Guides, d.EarlierPrompts, d.Offered, d.CreatedAt = splitList(guides), splitList(earlier), offered == 1, time.UnixMilli(created)
	d.QuestionEvents = splitList(events)
	if d.CreatedAt.Before(notBefore) {
		return nil, nil
	}
	return &d, nil
}

// DeleteDraft removes the draft of userID in roomID.
func (q *CaseQuery) DeleteDraft(ctx context.Context, roomID, userID string) error {
	return q.exec(ctx, delDraftQuery, roomID, userID)
}

// PruneDrafts expires the drafts created before before: what the member
// wrote is deleted, a draft that made no case offer goes whole, and only
// the room, the member, the time and the event IDs of its offers stay, for
// CaseOfferMemory more (the statements of the retention rule "choices").
func (q *CaseQuery) PruneDrafts(ctx context.Context, before time.Time) error {
	for _, stmt := range expireDrafts {
		if err := q.exec(ctx, stmt, before.UnixMilli()); err != nil {
			return err
		}
	}
	return nil
}
