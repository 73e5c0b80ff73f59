package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

const (
	inboxRowQuery     = `SELECT room_id, sender, state, payload, seq, event_type, session_id FROM inbox WHERE event_id=$1`
	replaceWaitingRow = `UPDATE inbox SET payload=$2, event_type=$3, session_id=$4, not_before=$5
		WHERE event_id=$1 AND state=0 AND payload=$6`
)

// inboxRow is what ReplaceWaiting reads of an inbox row.
type inboxRow struct {
	room, sender, eventType, session string
	state                            InboxState
	payload                          sql.NullString
	seq                              int64
}

// readRow reads eventID's inbox row, or nil.
func (q *InboxQuery) readRow(ctx context.Context, eventID string) (*inboxRow, error) {
	r := &inboxRow{}
	var state int
	err := q.db.QueryRow(ctx, inboxRowQuery, eventID).Scan(&r.room, &r.sender, &state, &r.payload, &r.seq, &r.eventType, &r.session)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	r.state = InboxState(state)
	return r, err
}

// ReplaceWaiting makes the edit editEvent (an m.replace, being handled) of
// eventID, while eventID still waits to be handled (its handling failed, or
// its room key has not come), what the worker handles in its place: the
// waiting row takes the edit's stored event (payload, type and Megolm
// session, as the sync stored them: no decrypted text is written) and is
// due at once. The worker then handles eventID with the edit's newest
// content (bot's handle unwraps it), so a text its author edited out — a
// password — never reaches anyone, however late eventID is handled.
// Before, the edit waited for its message and gave up after the runtime's
// retries, and the message handled after that went out with its original
// text (relay24's leftover, mend24a).
//
// Only an edit by eventID's sender in its room counts (as the inbox
// recorded both), of the same event type (as Matrix wants of an edit: a
// reaction does not become a message), only while eventID waits, and only an edit that arrived
// after the one recorded so far (by the inbox's order of arrival): an
// older edit retried after a newer one changes nothing. It reports whether
// the edit was recorded (true again for the same edit). One transaction
// whose write is a compare-and-set on the payload read: under SIGKILL the
// row holds either its former event or the edit.
//
// A compare-and-set that misses (another write to the row committed
// between the read and the write: on PostgreSQL, READ COMMITTED, two edits
// recorded at once) reads again and decides on what committed, up to
// replaceTries times; before, the miss reported false and an older edit
// that committed first stayed in the row. After the last miss it returns
// an error, so the edit is handled again later.
func (q *InboxQuery) ReplaceWaiting(ctx context.Context, eventID, editEvent string, now time.Time) (bool, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	for range replaceTries {
		recorded, missed, err := q.replaceWaiting(ctx, eventID, editEvent, now)
		if err != nil {
			return false, fmt.Errorf("failed to record the edit of a waiting event: %w", err)
		}
		if !missed {
			return recorded, nil
		}
	}
	return false, fmt.Errorf("failed to record the edit of a waiting event: the event changed %d times while it was recorded", replaceTries)
}

// replaceTries bounds ReplaceWaiting's reads after a missed compare-and-set.
const replaceTries = 3

// replaceWaiting is one try of ReplaceWaiting: whether the edit is
// recorded, and whether the compare-and-set missed.
func (q *InboxQuery) replaceWaiting(ctx context.Context, eventID, editEvent string, now time.Time) (recorded, missed bool, err error) {
	err = q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		target, err := q.readRow(ctx, eventID)
		if err != nil || target == nil || target.state != InboxPending || !target.payload.Valid {
			return err
		}
		edit, err := q.readRow(ctx, editEvent)
		if err != nil || edit == nil || !edit.payload.Valid || edit.room != target.room || edit.sender != target.sender ||
			edit.eventType != target.eventType || edit.seq < target.seq {
			return err
		}
		if holds := storedEventID(target.payload.String); holds == editEvent {
			recorded = true
			return nil
		} else if holds != eventID {
			// An earlier edit is recorded: only a later one replaces it.
			prev, err := q.readRow(ctx, holds)
			if err != nil {
				return err
			}
			if prev != nil && prev.seq >= edit.seq {
				return nil
			}
		}
		payload, err := withWaitingRelation(edit.payload.String, waitingRelation(target.payload.String, eventID))
		if err != nil {
			return err
		}
		n, err := q.db.Exec(ctx, replaceWaitingRow, eventID, payload, edit.eventType, edit.session, now.UnixMilli(), target.payload.String)
		if err != nil {
			return err
		}
		changed, _ := n.RowsAffected()
		recorded, missed = changed > 0, changed == 0
		return nil
	})
	return recorded, missed, err
}

// WaitingRelationKey is the top-level key under which ReplaceWaiting keeps
// the waiting event's own relation (its content's m.relates_to: the thread
// or the reply it belongs to) in the edit it stores in the event's place.
// The edit's content relates to the event itself (m.replace), so without
// it an answer written as a reply in a case thread and edited while it
// waited was handled outside its thread and lost (whole24's Medium). For
// an encrypted event the relation is the cleartext one the server saw, as
// Matrix keeps relations of encrypted events unencrypted. The worker puts
// it back when it unwraps the edit (bot's unwrapWaitingEdit).
const WaitingRelationKey = "lotse_waiting_relates_to"

// waitingRelation is the relation a waiting row's payload stands for: the
// relation kept with an edit recorded earlier, else — the payload is the
// waiting event eventID itself — its content's m.relates_to; nil without.
func waitingRelation(payload, eventID string) json.RawMessage {
	var evt struct {
		ID      string          `json:"event_id"`
		Kept    json.RawMessage `json:"lotse_waiting_relates_to"`
		Content struct {
			RelatesTo json.RawMessage `json:"m.relates_to"`
		} `json:"content"`
	}
	if json.Unmarshal([]byte(payload), &evt) != nil {
		return nil
	}
	if evt.ID != eventID {
		return evt.Kept
	}
	return evt.Content.RelatesTo
}

// withWaitingRelation is the stored edit payload with the waiting event's
// relation kept under WaitingRelationKey; the payload unchanged when there
// is none.
func withWaitingRelation(payload string, rel json.RawMessage) (string, error) {
	if len(rel) == 0 || string(rel) == "null" {
		return payload, nil
	}
	var evt map[string]json.RawMessage
	if err := json.Unmarshal([]byte(payload), &evt); err != nil {
		return "", fmt.Errorf("failed to read the stored edit: %w", err)
	}
	evt[WaitingRelationKey] = rel
	out, err := json.Marshal(evt)
	if err != nil {
		return "", fmt.Errorf("failed to keep the waiting event's relation: %w", err)
	}
	return string(out), nil
}

// storedEventID is the event_id of a stored event's JSON, or "".
func storedEventID(payload string) string {
	var evt struct {
		ID string `json:"event_id"`
	}
	if json.Unmarshal([]byte(payload), &evt) != nil {
		return ""
	}
	return evt.ID
}
