package storage

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"go.mau.fi/util/dbutil"
)

// InboxState is the processing state of an inbox row.
type InboxState int

// Inbox states.
const (
	InboxPending InboxState = 0
	InboxDone    InboxState = 1
	InboxFailed  InboxState = 2
	InboxSkipped InboxState = 3
	// InboxRedacted is an event its author deleted while it still waited
	// to be handled (MarkRedacted): it is never handled.
	InboxRedacted InboxState = 4
)

// InboxItem is one event Lotse must act on exactly once.
type InboxItem struct {
	EventID    string
	RoomID     string
	Sender     string
	EventType  string
	Payload    []byte // the raw event JSON; nil once handled
	ReceivedAt time.Time
	State      InboxState
	Attempts   int
	// SessionID is the Megolm session of an encrypted event ("" for
	// others): a room key of that session makes the event due at once
	// (DueNowSessions). Written by Commit only.
	SessionID string
	// RoomHasMore is set by Pending when the room had more due items than
	// it returned for it.
	RoomHasMore bool
}

// InboxQuery is the exactly-once inbox: events are written in the same
// transaction that advances the sync position, and removed from the work
// queue only after they were handled.
type InboxQuery struct {
	db *dbutil.Database
	// key keys the transaction IDs in sent_event (SetSentKey); nil stores
	// them as given (tests, tools).
	key []byte
}

// keyedTxnPrefix begins a transaction ID as sent_event stores it with a
// key: "k1:" and the hex of its HMAC-SHA-256. Lotse's own transaction IDs
// begin with "lotse.", so a stored value with this prefix is already keyed.
const keyedTxnPrefix = "k1:"

// SetSentKey sets the key that sent_event's transaction IDs are stored
// under (HMAC-SHA-256). A transaction ID is a hash of what caused the send,
// and some causes name a person (a notice or welcome key with a Matrix ID):
// stored unkeyed, anyone with a copy of the database who guesses an ID
// could hash it and find it there. The key must come from outside the
// database (Lotse derives it from the pickle key). Call it before the
// database is used, then RekeySent for the rows of older versions.
func (db *DB) SetSentKey(key []byte) { db.Inbox.key = key }

// stored returns the form txnID is stored (and looked up) under: keyed
// with the installation's key, or as given without one. An already keyed
// value (from OpenSends) is returned as it is.
func (q *InboxQuery) stored(txnID string) string {
	if len(q.key) == 0 || strings.HasPrefix(txnID, keyedTxnPrefix) {
		return txnID
	}
	mac := hmac.New(sha256.New, q.key)
	mac.Write([]byte(txnID))
	return keyedTxnPrefix + hex.EncodeToString(mac.Sum(nil)[:16])
}

// StoredTxnID returns the form txnID is stored under, the form OpenSends
// lists: bot.Sender keys its open sends by it.
func (q *InboxQuery) StoredTxnID(txnID string) string { return q.stored(txnID) }

// RekeySent stores the transaction IDs that older versions wrote unkeyed
// under the key of SetSentKey and returns how many it rewrote. The rows
// stay what they were (event, room, time), so a lookup within the inbox
// retention still finds a send of before the upgrade and does not repeat
// it; no unkeyed hash stays in the database. Lotse calls it at every start
// before it syncs or sends (with nothing to do after the first: one
// SELECT that finds no row). Without a key it does nothing.
//
// It works in batches of rekeyBatchSize rows, each in a transaction of its own
// with its own query timeout: every row is either unkeyed or keyed, so a
// batch done before a crash (or SIGKILL) stays done and the next start goes
// on with the rest, and a large sent_event on its first upgrade (tens of
// thousands of rows, two statements each) cannot run into the one
// transaction's timeout at every start, which kept Lotse from starting at
// all (mend23c).
func (q *InboxQuery) RekeySent(ctx context.Context) (int, error) {
	if len(q.key) == 0 {
		return 0, nil
	}
	total := 0
	for {
		n, err := q.rekeyBatch(ctx)
		total += n
		if err != nil {
			return total, err
		}
		if afterRekeyBatch != nil {
			afterRekeyBatch()
		}
		if n < rekeyBatchSize {
			return total, nil
		}
	}
}

// rekeyBatchSize is the number of rows RekeySent rewrites in one
// transaction (tests make it smaller).
var rekeyBatchSize = 500

// afterRekeyBatch is called after each batch of RekeySent (tests).
var afterRekeyBatch func()

// rekeyBatch rewrites up to rekeyBatchSize unkeyed rows in one transaction.
func (q *InboxQuery) rekeyBatch(ctx context.Context) (int, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	n := 0
	err := q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		rows, err := q.db.Query(ctx, unkeyedSentQuery, rekeyBatchSize)
		if err != nil {
			return fmt.Errorf("failed to list unkeyed sent events: %w", err)
		}
		var txns []string
		for rows.Next() {
			var txn string
			if err := rows.Scan(&txn); err != nil {
				rows.Close()
				return fmt.Errorf("failed to read unkeyed sent events: %w", err)
			}
			txns = append(txns, txn)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("failed to list unkeyed sent events: %w", err)
		}
		for _, txn := range txns {
			// A keyed row of the same send (after a downgrade and another
			// upgrade) stays, unless it is only begun and the older
			// binary's row has the completed send's event (mend23c).
			if _, err := q.db.Exec(ctx, dropBegunKeyedQuery, txn, q.stored(txn)); err != nil {
				return fmt.Errorf("failed to rekey a sent event: %w", err)
			}
			if _, err := q.db.Exec(ctx, rekeySentQuery, txn, q.stored(txn)); err != nil {
				return fmt.Errorf("failed to rekey a sent event: %w", err)
			}
			if _, err := q.db.Exec(ctx, dropUnkeyedSentQuery, txn); err != nil {
				return fmt.Errorf("failed to rekey a sent event: %w", err)
			}
		}
		n = len(txns)
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

const (
	insertInboxQuery = `
		INSERT INTO inbox (event_id, room_id, sender, event_type, payload, received_at, state, seq, session_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT (event_id) DO NOTHING`
	maxSeqInboxQuery = `SELECT COALESCE(MAX(seq), 0) FROM inbox`
	// The oldest due items of each room by arrival, at most $2 per room, the
	// rooms interleaved by arrival: a room's flood fills only its own share.
	pendingInboxQuery = `
		SELECT event_id, room_id, sender, event_type, payload, received_at, state, attempts, room_more
		FROM (
			SELECT event_id, room_id, sender, event_type, payload, received_at, state, attempts, seq,
				ROW_NUMBER() OVER (PARTITION BY room_id ORDER BY seq, event_id) AS room_rank,
				COUNT(*) OVER (PARTITION BY room_id) > $2 AS room_more
			FROM inbox WHERE state=0 AND not_before<=$1
		) due
		WHERE room_rank<=$2 ORDER BY seq, event_id LIMIT $3`
	nextRetryInboxQuery = `SELECT MIN(not_before) FROM inbox WHERE state=0`
	doneInboxQuery      = `UPDATE inbox SET state=$2, payload=NULL, session_id='', handled_at=$3, last_error=$4 WHERE event_id=$1`
	// Only a row that still waits, of the deletion's room and sender: a
	// handled event stays as it was (its deletion takes back what was made
	// of it instead).
	redactedInboxQuery = `UPDATE inbox SET state=4, payload=NULL, session_id='', handled_at=$4, last_error=NULL WHERE event_id=$1 AND room_id=$2 AND sender=$3 AND state=0`
	retryInboxQuery    = `UPDATE inbox SET attempts=attempts+1, not_before=$2, last_error=$3 WHERE event_id=$1`
	postponeInboxQuery = `UPDATE inbox SET not_before=$2, last_error=$3 WHERE event_id=$1`
	// The pending events postponed with one reason (bot's held sends).
	dueNowReasonQuery = `UPDATE inbox SET not_before=$1 WHERE state=0 AND not_before>$1 AND last_error=$2`
	// By the partial index inbox_session_idx (v12): the query must keep its
	// condition state=0. The session IDs are appended as $3, $4, ….
	dueNowSessionsQuery = `UPDATE inbox SET not_before=$2 WHERE room_id=$1 AND state=0 AND not_before>$2 AND session_id IN (`
	countInboxQuery     = `SELECT state, COUNT(*) FROM inbox GROUP BY state`
	pendingCountQuery   = `SELECT COUNT(*) FROM inbox WHERE state=0`
	hasInboxQuery       = `SELECT 1 FROM inbox WHERE event_id=$1`
	stateInboxQuery     = `SELECT state FROM inbox WHERE event_id=$1`
	// A row without sender (its person erased) is no origin: the event is
	// known as handled, but no longer whose it was.
	originInboxQuery = `SELECT room_id, sender, state FROM inbox WHERE event_id=$1 AND sender<>''`
	// A send's row is written before the request (event_id '': begun, outcome
	// unknown) and completed with the event ID when the send returns or the
	// event comes back through the sync. The sync completes it only by an
	// event in the room the send was begun for (a transaction ID seen in
	// another room settles nothing there); the send's own response
	// completes it whatever the room (the same transaction ID may go to
	// another room on a later try, e.g. a new direct chat) and notes the
	// room the event is in.
	commitSentQuery = `
		INSERT INTO sent_event (txn_id, event_id, room_id, sent_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (txn_id) DO UPDATE SET event_id=excluded.event_id, sent_at=excluded.sent_at
		WHERE sent_event.event_id='' AND sent_event.room_id=excluded.room_id`
	recordSentQuery = `
		INSERT INTO sent_event (txn_id, event_id, room_id, sent_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (txn_id) DO UPDATE SET event_id=excluded.event_id, room_id=excluded.room_id, sent_at=excluded.sent_at
		WHERE sent_event.event_id=''`
	beginSendQuery   = `INSERT INTO sent_event (txn_id, event_id, room_id, sent_at) VALUES ($1, '', $2, $3) ON CONFLICT (txn_id) DO UPDATE SET room_id=excluded.room_id, sent_at=excluded.sent_at WHERE sent_event.event_id=''`
	abandonSendQuery = `DELETE FROM sent_event WHERE txn_id=$1 AND event_id=''`
	settleSendQuery  = `DELETE FROM sent_event WHERE txn_id=$1 AND event_id='' AND sent_at<$2`
	// Begun rows, by the partial index sent_event_open_idx (v11): the
	// queries must keep its condition event_id=''.
	staleSendsQuery = `DELETE FROM sent_event WHERE event_id='' AND sent_at<$1`
	openSendsQuery  = `SELECT txn_id, room_id FROM sent_event WHERE event_id=''`
	getSentQuery    = `SELECT event_id FROM sent_event WHERE txn_id=$1`
	getSentRowQuery = `SELECT txn_id, event_id, room_id, sent_at FROM sent_event WHERE txn_id=$1 AND event_id<>''`
	// RekeySent: the rows of older versions, each stored again keyed ($2).
	unkeyedSentQuery     = `SELECT txn_id FROM sent_event WHERE txn_id NOT LIKE 'k1:%' LIMIT $1`
	rekeySentQuery       = `UPDATE sent_event SET txn_id=$2 WHERE txn_id=$1 AND NOT EXISTS (SELECT 1 FROM sent_event WHERE txn_id=$2)`
	dropUnkeyedSentQuery = `DELETE FROM sent_event WHERE txn_id=$1`
	dropBegunKeyedQuery  = `DELETE FROM sent_event WHERE txn_id=$2 AND event_id='' AND EXISTS (SELECT 1 FROM sent_event WHERE txn_id=$1 AND event_id<>'')`
)

// SentEvent is an event Lotse sent, keyed by its transaction ID.
type SentEvent struct {
	TxnID   string
	EventID string
	RoomID  string
	SentAt  time.Time
}

// Commit writes items into the inbox (ignoring events it already has), the
// bot's own events seen in the batch, and nextBatch as the new sync
// position, in one transaction. If it fails, nothing happened and the same
// sync batch is fetched again.
func (q *InboxQuery) Commit(ctx context.Context, items []InboxItem, own []SentEvent, nextBatch string) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	err := q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		// Arrival order: only the sync loop inserts, one batch at a time.
		var seq int64
		if len(items) > 0 {
			if err := q.db.QueryRow(ctx, maxSeqInboxQuery).Scan(&seq); err != nil {
				return fmt.Errorf("failed to read the inbox position: %w", err)
			}
		}
		for _, it := range items {
			var payload any
			if it.Payload != nil {
				payload = string(it.Payload)
			}
			seq++
			if _, err := q.db.Exec(ctx, insertInboxQuery, it.EventID, it.RoomID, it.Sender, it.EventType,
				payload, it.ReceivedAt.UnixMilli(), int(it.State), seq, storedSession(it.SessionID)); err != nil {
				return fmt.Errorf("failed to insert event %s: %w", it.EventID, err)
			}
		}
		for _, se := range own {
			if _, err := q.db.Exec(ctx, commitSentQuery, q.stored(se.TxnID), se.EventID, se.RoomID, se.SentAt.UnixMilli()); err != nil {
				return fmt.Errorf("failed to record own event %s: %w", se.EventID, err)
			}
		}
		if nextBatch != "" {
			if _, err := q.db.Exec(ctx, setKVQuery, KeyNextBatch, nextBatch); err != nil {
				return fmt.Errorf("failed to store sync position: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("failed to commit sync batch: %w", err)
	}
	return nil
}

// Has reports whether the inbox knows eventID (pending or handled).
func (q *InboxQuery) Has(ctx context.Context, eventID string) (bool, error) {
	return exists(ctx, q.db, "look up event", hasInboxQuery, eventID)
}

// EventOrigin is where an event came from and who sent it, and whether
// it still waits to be handled (an edit of it takes its place,
// ReplaceWaiting; a deletion marks it deleted, MarkRedacted).
type EventOrigin struct {
	RoomID  string
	Sender  string
	Pending bool
}

// Origin returns the room and sender of eventID as the sync delivered it
// (for an encrypted event: its outer, server-checked room and sender), or
// nil when the inbox does not know it (never synced, or older than the
// inbox retention).
func (q *InboxQuery) Origin(ctx context.Context, eventID string) (*EventOrigin, error) {
	return queryOne(ctx, q.db, func(row rowScanner) (*EventOrigin, error) {
		var o EventOrigin
		var state int
		err := row.Scan(&o.RoomID, &o.Sender, &state)
		o.Pending = InboxState(state) == InboxPending
		return &o, err
	}, "event origin", originInboxQuery, eventID)
}

// IsPending reports whether eventID is still waiting to be handled.
func (q *InboxQuery) IsPending(ctx context.Context, eventID string) (bool, error) {
	state, found, err := queryValue[int](ctx, q.db, "read event state", stateInboxQuery, eventID)
	return found && InboxState(state) == InboxPending, err
}

// RecordSent remembers an event the bot sent under txnID, from the send's
// response: it completes a begun row even if the row was begun for another
// room (a later try sent the same transaction ID elsewhere), and notes the
// event's room.
func (q *InboxQuery) RecordSent(ctx context.Context, se SentEvent) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, recordSentQuery, q.stored(se.TxnID), se.EventID, se.RoomID, se.SentAt.UnixMilli()); err != nil {
		return fmt.Errorf("failed to record sent event: %w", err)
	}
	return nil
}

// BeginSend notes, before the request goes out, that Lotse is sending
// txnID to roomID. Until RecordSent (or the sync) completes the row with the
// event ID, SentEventID still reports "" and OpenSends lists it: a process
// that starts after a crash learns which sends may still reach the room.
// Each try begins its own row: a row still begun takes the room and time of
// the latest try, so the sync completes it with an event in the room this try
// went to (a direct chat that moved), and a fence that covered only the
// earlier try does not settle it.
func (q *InboxQuery) BeginSend(ctx context.Context, txnID, roomID string, at time.Time) error {
	_, err := execAffected(ctx, q.db, "the sends begun", beginSendQuery, q.stored(txnID), roomID, at.UnixMilli())
	return err
}

// AbandonSend forgets a begun send that the homeserver refused (no event
// was created); a completed send stays recorded.
func (q *InboxQuery) AbandonSend(ctx context.Context, txnID string) error {
	_, err := execAffected(ctx, q.db, "the sends begun", abandonSendQuery, q.stored(txnID))
	return err
}

// SettleSend forgets a begun send that a fence showed to have made no
// event (bot.Sender), if it was begun before begunBefore: a row begun
// again since, for the send's next try, stays. A completed send stays
// recorded.
func (q *InboxQuery) SettleSend(ctx context.Context, txnID string, begunBefore time.Time) error {
	_, err := execAffected(ctx, q.db, "the sends begun", settleSendQuery, q.stored(txnID), begunBefore.UnixMilli())
	return err
}

// openSend is a begun send's transaction ID and room.
type openSend struct{ txnID, roomID string }

func scanOpenSend(row rowScanner) (*openSend, error) {
	var o openSend
	return &o, row.Scan(&o.txnID, &o.roomID)
}

// OpenSends returns the sends that were begun and never completed, by
// transaction ID as stored (StoredTxnID), with their rooms. Rows begun before staleBefore are
// settled by their age and removed first: an event of theirs has long come
// through the sync (which completed the row) or was never made, so they
// are not carried from start to start.
func (q *InboxQuery) OpenSends(ctx context.Context, staleBefore time.Time) (map[string]string, error) {
	if _, err := execAffected(ctx, q.db, "the sends begun", staleSendsQuery, staleBefore.UnixMilli()); err != nil {
		return nil, err
	}
	rows, err := queryMany(ctx, q.db, scanOpenSend, "open sends", openSendsQuery)
	if err != nil {
		return nil, err
	}
	open := make(map[string]string, len(rows))
	for _, o := range rows {
		open[o.txnID] = o.roomID
	}
	return open, nil
}

// SendKnown reports whether a send under txnID is recorded at all:
// completed, or begun with its outcome unknown (the process stopped during
// the send; the homeserver may have made the event).
func (q *InboxQuery) SendKnown(ctx context.Context, txnID string) (bool, error) {
	_, found, err := queryValue[string](ctx, q.db, "look up a send", getSentQuery, q.stored(txnID))
	return found, err
}

// SentEventID returns the event sent under txnID, or "" if none is known.
func (q *InboxQuery) SentEventID(ctx context.Context, txnID string) (string, error) {
	eventID, _, err := queryValue[string](ctx, q.db, "look up sent event", getSentQuery, q.stored(txnID))
	return eventID, err
}

// SentEvent returns the event sent under txnID, with the room it went
// to, or nil if none is known (or its send has not completed).
func (q *InboxQuery) SentEvent(ctx context.Context, txnID string) (*SentEvent, error) {
	return queryOne(ctx, q.db, func(row rowScanner) (*SentEvent, error) {
		var se SentEvent
		var at int64
		err := row.Scan(&se.TxnID, &se.EventID, &se.RoomID, &at)
		se.TxnID = txnID // as asked, not as stored
		se.SentAt = time.UnixMilli(at)
		return &se, err
	}, "sent event", getSentRowQuery, q.stored(txnID))
}

// Pending returns up to limit pending items that are due at now, in the
// order they arrived (never by the sender-chosen origin_server_ts), at most
// perRoom of each room: one room's flood cannot keep other rooms' events
// out of the batch. RoomHasMore marks the items of rooms that have more.
func (q *InboxQuery) Pending(ctx context.Context, now time.Time, perRoom, limit int) ([]InboxItem, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	rows, err := q.db.Query(ctx, pendingInboxQuery, now.UnixMilli(), perRoom, limit)
	if err != nil {
		return nil, fmt.Errorf("failed to list pending events: %w", err)
	}
	defer rows.Close()
	var items []InboxItem
	for rows.Next() {
		var (
			it       InboxItem
			payload  sql.NullString
			received int64
			state    int
		)
		if err := rows.Scan(&it.EventID, &it.RoomID, &it.Sender, &it.EventType, &payload, &received, &state, &it.Attempts, &it.RoomHasMore); err != nil {
			return nil, fmt.Errorf("failed to read pending event: %w", err)
		}
		if payload.Valid {
			it.Payload = []byte(payload.String)
		}
		it.ReceivedAt = time.UnixMilli(received)
		it.State = InboxState(state)
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("failed to list pending events: %w", err)
	}
	return items, nil
}

// NextRetry returns the earliest time a pending item becomes due, or the
// zero time when nothing is pending.
func (q *InboxQuery) NextRetry(ctx context.Context) (time.Time, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var next sql.NullInt64
	if err := q.db.QueryRow(ctx, nextRetryInboxQuery).Scan(&next); err != nil {
		return time.Time{}, fmt.Errorf("failed to find next retry: %w", err)
	}
	if !next.Valid {
		return time.Time{}, nil
	}
	return time.UnixMilli(next.Int64), nil
}

// MarkDone marks an item handled and drops its payload.
func (q *InboxQuery) MarkDone(ctx context.Context, eventID string, now time.Time) error {
	return q.finish(ctx, eventID, InboxDone, now, "")
}

// MarkFailed gives up on an item (after too many attempts) and drops its payload.
func (q *InboxQuery) MarkFailed(ctx context.Context, eventID string, now time.Time, reason string) error {
	return q.finish(ctx, eventID, InboxFailed, now, reason)
}

func (q *InboxQuery) finish(ctx context.Context, eventID string, state InboxState, now time.Time, reason string) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var lastErr any
	if reason != "" {
		lastErr = reason
	}
	if _, err := q.db.Exec(ctx, doneInboxQuery, eventID, int(state), now.UnixMilli(), lastErr); err != nil {
		return fmt.Errorf("failed to mark event %s handled: %w", eventID, err)
	}
	return nil
}

// MarkRedacted marks eventID, while it still waits to be handled (a retry
// is due later: its handling failed, or its room key has not come), as
// deleted by its author and drops its payload, and reports whether it did.
// The worker reads an item's state before it handles it (bot's dispatch,
// IsPending) and Pending lists waiting rows only, so a marked event is
// never handled: a deletion that came first sticks however late the event
// would have been handled (before, the deletion waited for it and gave up
// after the runtime's retries, and the event was then relayed or answered
// although its author had deleted it). One statement: under SIGKILL the
// event is either still waiting or marked. Only the event's own sender, in
// its room, as the inbox recorded them, can mark it.
func (q *InboxQuery) MarkRedacted(ctx context.Context, eventID, roomID, sender string, now time.Time) (bool, error) {
	n, err := execAffected(ctx, q.db, "the event deleted before it was handled", redactedInboxQuery, eventID, roomID, sender, now.UnixMilli())
	return n > 0, err
}

// Retry counts a failed attempt and makes the item due again at notBefore.
// reason must not contain message contents.
func (q *InboxQuery) Retry(ctx context.Context, eventID string, notBefore time.Time, reason string) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, retryInboxQuery, eventID, notBefore.UnixMilli(), reason); err != nil {
		return fmt.Errorf("failed to reschedule event %s: %w", eventID, err)
	}
	return nil
}

// Postpone makes a pending event due again at notBefore without counting
// an attempt: its handler was not refused, only asked to wait (another
// change of the same thing is under way, see bot.Busy).
func (q *InboxQuery) Postpone(ctx context.Context, eventID string, notBefore time.Time, reason string) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, postponeInboxQuery, eventID, notBefore.UnixMilli(), reason); err != nil {
		return fmt.Errorf("failed to postpone event %s: %w", eventID, err)
	}
	return nil
}

// DueNowPostponed makes the pending events that were postponed with
// reason (Postpone) due now, and returns how many: the bot's sends held
// while a team or approvals room was open to everyone follow as soon as
// it is closed again, also after a restart.
func (q *InboxQuery) DueNowPostponed(ctx context.Context, reason string, now time.Time) (int, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	res, err := q.db.Exec(ctx, dueNowReasonQuery, now.UnixMilli(), reason)
	if err != nil {
		return 0, fmt.Errorf("failed to make postponed events due: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("failed to make postponed events due: %w", err)
	}
	return int(n), nil
}

// DueNowSessions makes the room's pending events of the given Megolm
// sessions that wait for a retry due now, and returns how many. The match is
// made by the database (the session noted at Commit, indexed), so a key
// costs no reading of the room's waiting payloads, however many there are,
// and events of other sessions cannot crowd out the key's own.
func (q *InboxQuery) DueNowSessions(ctx context.Context, roomID string, sessions []string, now time.Time) (int, error) {
	wanted := make([]string, 0, len(sessions))
	for _, s := range sessions {
		if s != "" && s == storedSession(s) {
			wanted = append(wanted, s)
		}
	}
	total := 0
	for len(wanted) > 0 {
		chunk := wanted[:min(len(wanted), sessionChunk)]
		wanted = wanted[len(chunk):]
		args := []any{roomID, now.UnixMilli()}
		var query strings.Builder
		query.WriteString(dueNowSessionsQuery)
		for i, s := range chunk {
			if i > 0 {
				query.WriteString(", ")
			}
			args = append(args, s)
			fmt.Fprintf(&query, "$%d", len(args))
		}
		query.WriteString(")")
		n, err := execAffected(ctx, q.db, "the events waiting for a room key", query.String(), args...)
		if err != nil {
			return total, err
		}
		total += int(n)
	}
	return total, nil
}

// sessionChunk bounds the session IDs of one statement (SQLite's and
// PostgreSQL's limits on parameters are far above it).
const sessionChunk = 100

// maxSessionID is the longest session ID noted (a Megolm session ID has 43
// characters): a longer one is a forged event's and is not indexed.
const maxSessionID = 128

// storedSession is the session ID Commit notes for sessionID.
func storedSession(sessionID string) string {
	if len(sessionID) > maxSessionID {
		return ""
	}
	return sessionID
}

// Counts returns the number of rows per state.
func (q *InboxQuery) Counts(ctx context.Context) (map[InboxState]int, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	rows, err := q.db.Query(ctx, countInboxQuery)
	if err != nil {
		return nil, fmt.Errorf("failed to count inbox: %w", err)
	}
	defer rows.Close()
	counts := map[InboxState]int{}
	for rows.Next() {
		var state, n int
		if err := rows.Scan(&state, &n); err != nil {
			return nil, fmt.Errorf("failed to count inbox: %w", err)
		}
		counts[InboxState(state)] = n
	}
	return counts, rows.Err()
}

// PendingCount returns how many events wait to be handled (uses the
// inbox_pending_idx index; cheap enough for every metrics scrape).
func (q *InboxQuery) PendingCount(ctx context.Context) (int, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var n int
	if err := q.db.QueryRow(ctx, pendingCountQuery).Scan(&n); err != nil {
		return 0, fmt.Errorf("failed to count pending events: %w", err)
	}
	return n, nil
}
