package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"go.mau.fi/util/dbutil"
)

// AnswerQuery remembers which guide an answer event showed.
type AnswerQuery struct{ db *dbutil.Database }

const (
	insertAnswerQuery = `INSERT INTO answer (event_id, room_id, guide_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING`
	getAnswerQuery    = `SELECT guide_id FROM answer WHERE event_id=$1 AND room_id=$2`
)

// Put records that the answer eventID showed guideID.
func (q *AnswerQuery) Put(ctx context.Context, eventID, roomID, guideID string, now time.Time) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, insertAnswerQuery, eventID, roomID, guideID, now.UnixMilli()); err != nil {
		return fmt.Errorf("failed to record answer: %w", err)
	}
	return nil
}

// GuideFor returns the guide the answer eventID showed in roomID, or "" if
// eventID is no known answer of that room. The room is part of the key: a
// reaction or a reply names its target in m.relates_to, which its sender
// chooses freely, and an answer of another room (another member's direct
// chat) must not take a vote, nor make a message addressed to Lotse,
// from a room it was never sent to (sec28).
func (q *AnswerQuery) GuideFor(ctx context.Context, eventID, roomID string) (string, error) {
	guideID, _, err := queryValue[string](ctx, q.db, "look up answer", getAnswerQuery, eventID, roomID)
	return guideID, err
}

// FeedbackQuery keeps anonymous per-guide counters.
type FeedbackQuery struct{ db *dbutil.Database }

// GuideStats are the counters of one guide.
type GuideStats struct {
	GuideID   string
	Shown     int
	Helpful   int
	Unhelpful int
}

const (
	ensureFeedbackQuery = `INSERT INTO guide_feedback (guide_id) VALUES ($1) ON CONFLICT (guide_id) DO NOTHING`
	shownFeedbackQuery  = `UPDATE guide_feedback SET shown=shown+1 WHERE guide_id=$1`
	noMatchQuery        = `UPDATE guide_feedback SET no_match=no_match+1 WHERE guide_id=''`
	insertVoteQuery     = `INSERT INTO answer_vote (event_id, user_id, vote) VALUES ($1, $2, $3) ON CONFLICT (event_id, user_id) DO NOTHING`
	listFeedbackQuery   = `SELECT guide_id, shown, helpful, unhelpful FROM guide_feedback WHERE guide_id<>'' ORDER BY unhelpful DESC, guide_id`
	noMatchCountQuery   = `SELECT no_match FROM guide_feedback WHERE guide_id=''`
)

// Shown counts that guideID was shown as an answer.
func (q *FeedbackQuery) Shown(ctx context.Context, guideID string) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	return q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		if _, err := q.db.Exec(ctx, ensureFeedbackQuery, guideID); err != nil {
			return fmt.Errorf("failed to count answer: %w", err)
		}
		if _, err := q.db.Exec(ctx, shownFeedbackQuery, guideID); err != nil {
			return fmt.Errorf("failed to count answer: %w", err)
		}
		return nil
	})
}

// NoMatch counts a question for which no guide fitted.
func (q *FeedbackQuery) NoMatch(ctx context.Context) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	return q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		if _, err := q.db.Exec(ctx, ensureFeedbackQuery, ""); err != nil {
			return fmt.Errorf("failed to count unanswered question: %w", err)
		}
		if _, err := q.db.Exec(ctx, noMatchQuery); err != nil {
			return fmt.Errorf("failed to count unanswered question: %w", err)
		}
		return nil
	})
}

// Vote records a helpful (true) or unhelpful (false) vote by userID on the
// answer eventID for guideID. A second vote by the same user on the same
// answer is ignored; it reports whether the vote counted.
func (q *FeedbackQuery) Vote(ctx context.Context, eventID, userID, guideID string, helpful bool) (bool, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	counted := false
	err := q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		vote := 0
		column := "unhelpful"
		if helpful {
			vote, column = 1, "helpful"
		}
		res, err := q.db.Exec(ctx, insertVoteQuery, eventID, userID, vote)
		if err != nil {
			return fmt.Errorf("failed to record vote: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		if _, err = q.db.Exec(ctx, ensureFeedbackQuery, guideID); err != nil {
			return fmt.Errorf("failed to record vote: %w", err)
		}
		// column is one of two constants above, never user input.
		if _, err = q.db.Exec(ctx, "UPDATE guide_feedback SET "+column+"="+column+"+1 WHERE guide_id=$1", guideID); err != nil {
			return fmt.Errorf("failed to record vote: %w", err)
		}
		counted = true
		return nil
	})
	return counted, err
}

// WebVote counts a helpful (true) or unhelpful (false) vote on a guide's
// web page. It keeps no personal data: only the guide's counter changes
// (the web view bounds how often it is called).
func (q *FeedbackQuery) WebVote(ctx context.Context, guideID string, helpful bool) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	column := "unhelpful"
	if helpful {
		column = "helpful"
	}
	return q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		if _, err := q.db.Exec(ctx, ensureFeedbackQuery, guideID); err != nil {
			return fmt.Errorf("failed to record web vote: %w", err)
		}
		// column is one of two constants above, never user input.
		if _, err := q.db.Exec(ctx, "UPDATE guide_feedback SET "+column+"="+column+"+1 WHERE guide_id=$1", guideID); err != nil {
			return fmt.Errorf("failed to record web vote: %w", err)
		}
		return nil
	})
}

// Stats lists the counters of all guides, most unhelpful first, and the
// number of questions no guide fitted.
func (q *FeedbackQuery) Stats(ctx context.Context) ([]GuideStats, int, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	rows, err := q.db.Query(ctx, listFeedbackQuery)
	if err != nil {
		return nil, 0, fmt.Errorf("failed to list guide feedback: %w", err)
	}
	defer rows.Close()
	var stats []GuideStats
	for rows.Next() {
		var s GuideStats
		if err := rows.Scan(&s.GuideID, &s.Shown, &s.Helpful, &s.Unhelpful); err != nil {
			return nil, 0, fmt.Errorf("failed to read guide feedback: %w", err)
		}
		stats = append(stats, s)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	var noMatch int
	err = q.db.QueryRow(ctx, noMatchCountQuery).Scan(&noMatch)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, 0, fmt.Errorf("failed to count unanswered questions: %w", err)
	}
	return stats, noMatch, nil
}

// ChoiceQuery keeps open "Meintest du …?" choices.
type ChoiceQuery struct{ db *dbutil.Database }

const (
	putChoiceQuery = `
		INSERT INTO pending_choice (room_id, user_id, candidates, created_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (room_id, user_id) DO UPDATE SET candidates=excluded.candidates, created_at=excluded.created_at, prompt_event=''`
	getChoiceQuery = `SELECT candidates, created_at FROM pending_choice WHERE room_id=$1 AND user_id=$2`
	delChoiceQuery = `DELETE FROM pending_choice WHERE room_id=$1 AND user_id=$2`
	putShownQuery  = `
		INSERT INTO pending_choice (room_id, user_id, candidates, created_at, guide_id, shown_section, shown_cut, runners_up)
		VALUES ($1, $2, '', $3, $4, $5, $6, $7)
		ON CONFLICT (room_id, user_id) DO UPDATE SET candidates='', prompt_event='', created_at=excluded.created_at,
			guide_id=excluded.guide_id, shown_section=excluded.shown_section, shown_cut=excluded.shown_cut,
			runners_up=excluded.runners_up`
	setPromptQuery  = `UPDATE pending_choice SET prompt_event=$3 WHERE room_id=$1 AND user_id=$2`
	getPendingQuery = `
		SELECT candidates, prompt_event, guide_id, shown_section, shown_cut, runners_up, created_at
		FROM pending_choice WHERE room_id=$1 AND user_id=$2`
)

// Pending is the open follow-up of a member in a room.
type Pending struct {
	// Candidates are the guide IDs of an open "Meintest du …?", Prompt the
	// event that asked it.
	Candidates []string
	Prompt     string
	// Guide is the guide last shown; Section and Cut say which part of it
	// (for "mehr"); RunnersUp were close to it (offered after 👎).
	Guide     string
	Section   int
	Cut       bool
	RunnersUp []string
}

// PutShown records the guide just shown to userID in roomID (replacing an
// open choice).
func (q *ChoiceQuery) PutShown(ctx context.Context, roomID, userID, guideID string, section int, cut bool, runnersUp []string, now time.Time) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	c := 0
	if cut {
		c = 1
	}
	if _, err := q.db.Exec(ctx, putShownQuery, roomID, userID, now.UnixMilli(), guideID, section, c, strings.Join(runnersUp, "\n")); err != nil {
		return fmt.Errorf("failed to store the guide shown: %w", err)
	}
	return nil
}

// SetPrompt records the event that asked the open choice.
func (q *ChoiceQuery) SetPrompt(ctx context.Context, roomID, userID, eventID string) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, setPromptQuery, roomID, userID, eventID); err != nil {
		return fmt.Errorf("failed to store the choice's event: %w", err)
	}
	return nil
}

// Pending returns the open follow-up of userID in roomID if it was stored
// after notBefore; ok is false when there is none.
func (q *ChoiceQuery) Pending(ctx context.Context, roomID, userID string, notBefore time.Time) (p Pending, ok bool, err error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var (
		cands, also string
		cut         int
		created     int64
	)
	err = q.db.QueryRow(ctx, getPendingQuery, roomID, userID).Scan(&cands, &p.Prompt, &p.Guide, &p.Section, &cut, &also, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return Pending{}, false, nil
	} else if err != nil {
		return Pending{}, false, fmt.Errorf("failed to read the open follow-up: %w", err)
	}
	if time.UnixMilli(created).Before(notBefore) {
		return Pending{}, false, nil
	}
	p.Cut = cut != 0
	if cands != "" {
		p.Candidates = strings.Split(cands, "\n")
	}
	if also != "" {
		p.RunnersUp = strings.Split(also, "\n")
	}
	return p, true, nil
}

// Put stores the candidate guide IDs offered to userID in roomID.
func (q *ChoiceQuery) Put(ctx context.Context, roomID, userID string, guideIDs []string, now time.Time) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, putChoiceQuery, roomID, userID, strings.Join(guideIDs, "\n"), now.UnixMilli()); err != nil {
		return fmt.Errorf("failed to store choice: %w", err)
	}
	return nil
}

// Get returns the candidates offered to userID in roomID if they were
// offered after notBefore, else nil.
func (q *ChoiceQuery) Get(ctx context.Context, roomID, userID string, notBefore time.Time) ([]string, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var (
		raw     string
		created int64
	)
	err := q.db.QueryRow(ctx, getChoiceQuery, roomID, userID).Scan(&raw, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("failed to read choice: %w", err)
	}
	if time.UnixMilli(created).Before(notBefore) || raw == "" {
		return nil, nil
	}
	return strings.Split(raw, "\n"), nil
}

// Delete removes the open choice of userID in roomID.
func (q *ChoiceQuery) Delete(ctx context.Context, roomID, userID string) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, delChoiceQuery, roomID, userID); err != nil {
		return fmt.Errorf("failed to delete choice: %w", err)
	}
	return nil
}
