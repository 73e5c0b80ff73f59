package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"go.mau.fi/util/dbutil"
)

// Round table states.
const (
	RoundTableDraft     = "draft"
	RoundTableAnnounced = "announced"
	RoundTableCancelled = "cancelled"
	RoundTableDone      = "done"
)

// ErrRoundTableFull means an RSVP was refused because the capacity is reached.
var ErrRoundTableFull = errors.New("storage: round table is full")

// ErrRoundTableChanged means an RSVP was not stored because the round
// table was changed (moved, cancelled, restored, advanced to its next
// date, done) or deleted since the caller read it: the caller reads it
// anew and decides again ([RoundTableQuery.SetRSVPAt]).
var ErrRoundTableChanged = errors.New("storage: round table changed since it was read")

// RoundTable is one round table or series.
type RoundTable struct {
	ID          int64
	Title       string
	Description string
	Start       time.Time // the current (next) occurrence
	Duration    time.Duration
	Recurrence  string // "" once, "W<n>", "M<n>" or "M<n>:<ordinal>"
	Capacity    int    // 0 = unlimited
	Coordinator string
	CoHosts     []string
	Rooms       []string
	Status      string
	Sequence    int
	Version     int
	OriginEvent string
	OriginRoom  string
	PromptEvent string
	LastEvent   string
	MeetingID   string
	CreateTime  int64 // BBB createTime of MeetingID, 0 = not created
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// End is Start plus Duration.
func (rt *RoundTable) End() time.Time { return rt.Start.Add(rt.Duration) }

// RoundTablePost is an announcement message in one room.
type RoundTablePost struct {
	RoundTableID int64
	RoomID       string
	EventID      string
}

// RSVP is one member's answer.
type RSVP struct {
	RoundTableID  int64
	UserID        string
	Attending     bool
	ReactionEvent string
	SourceEvent   string
	UpdatedAt     time.Time
}

// RoundTableQuery reads and writes round tables.
type RoundTableQuery struct{ db *dbutil.Database }

const (
	rtColumns = `id, title, description, start_at, duration_ms, recurrence, capacity, coordinator, cohosts, rooms, status,
		sequence, version, origin_event, origin_room, prompt_event, last_event, meeting_id, create_time, created_at, updated_at`
	rtByOriginSQL = `SELECT ` + rtColumns + ` FROM roundtable WHERE origin_event=$1`
	rtGetSQL      = `SELECT ` + rtColumns + ` FROM roundtable WHERE id=$1`
	rtByPromptSQL = `SELECT ` + rtColumns + ` FROM roundtable WHERE prompt_event=$1`
	rtByStatusSQL = `SELECT ` + rtColumns + ` FROM roundtable WHERE status=$1 ORDER BY start_at, id LIMIT $2`
	rtInsertSQL   = `
		INSERT INTO roundtable (id, title, description, start_at, duration_ms, recurrence, capacity, coordinator, cohosts, rooms,
			status, origin_event, origin_room, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'draft', $11, $12, $13, $13)`
	rtSetPromptSQL  = `UPDATE roundtable SET prompt_event=$2 WHERE id=$1`
	rtAnnounceSQL   = `UPDATE roundtable SET status='announced', version=version+1, last_event=$2, updated_at=$3 WHERE id=$1 AND status='draft'`
	rtRescheduleSQL = `
		UPDATE roundtable SET start_at=$2, duration_ms=$3, sequence=sequence+1, version=version+1, last_event=$4,
			meeting_id='', create_time=0, updated_at=$5
		WHERE id=$1 AND status='announced'`
	rtCancelSQL = `
		UPDATE roundtable SET status='cancelled', sequence=sequence+1, version=version+1, last_event=$2, updated_at=$3
		WHERE id=$1 AND status IN ('announced', 'draft')`
	// A round table cancelled as a draft (version 1 → 2) was never
	// announced: only one announced before (version ≥ 2 → ≥ 3 by its
	// cancellation) is restored, and only before its start (rt33).
	rtRestoreSQL = `
		UPDATE roundtable SET status='announced', sequence=sequence+1, version=version+1, last_event=$2,
			meeting_id='', create_time=0, updated_at=$3
		WHERE id=$1 AND status='cancelled' AND version>2 AND start_at>$3`
	rtAnnouncedSinceSQL = `
		SELECT COUNT(*) FROM roundtable_sent s JOIN roundtable r ON r.id=s.roundtable_id
		WHERE r.coordinator=$1 AND substr(s.key, 1, $3)=$2 AND s.sent_at>$4`
	rtOpenDraftsSQL  = `SELECT id FROM roundtable WHERE coordinator=$1 AND status='draft' AND start_at>$2 ORDER BY id LIMIT $3`
	rtCoordinatorSQL = `SELECT coordinator FROM roundtable WHERE id=$1`
	// The advisory lock (rtAnnounceLockClass, the coordinator's hash) that
	// runs the announcements of one coordinator one after the other
	// (PostgreSQL, AnnounceBounded); a hash collision only makes two
	// coordinators' announcements wait for each other.
	rtAnnounceLockSQL = `SELECT pg_advisory_xact_lock($1, hashtext($2))`
	rtAdvanceSQL      = `
		UPDATE roundtable SET start_at=$3, version=version+1, meeting_id='', create_time=0, updated_at=$4
		WHERE id=$1 AND start_at=$2 AND status='announced'`
	rtFinishSQL     = `UPDATE roundtable SET status='done', version=version+1, updated_at=$3 WHERE id=$1 AND start_at=$2 AND status='announced'`
	rtSetMeetingSQL = `UPDATE roundtable SET meeting_id=$2, create_time=$3 WHERE id=$1`

	rtSetPostSQL = `
		INSERT INTO roundtable_post (roundtable_id, room_id, event_id) VALUES ($1, $2, $3)
		ON CONFLICT (roundtable_id, room_id) DO UPDATE SET event_id=excluded.event_id`
	rtPostsSQL       = `SELECT roundtable_id, room_id, event_id FROM roundtable_post WHERE roundtable_id=$1 ORDER BY room_id`
	rtPostByEventSQL = `SELECT roundtable_id, room_id, event_id FROM roundtable_post WHERE event_id=$1`
	rtDeletePostSQL  = `DELETE FROM roundtable_post WHERE roundtable_id=$1 AND room_id=$2 AND event_id=$3`

	rsvpColumns    = `roundtable_id, user_id, attending, reaction_event, source_event, updated_at`
	rsvpGetSQL     = `SELECT ` + rsvpColumns + ` FROM roundtable_rsvp WHERE roundtable_id=$1 AND user_id=$2`
	rsvpByReactSQL = `SELECT ` + rsvpColumns + ` FROM roundtable_rsvp WHERE reaction_event=$1`
	rsvpCountSQL   = `SELECT COUNT(*) FROM roundtable_rsvp WHERE roundtable_id=$1 AND attending=1`
	rtLockSQL      = `SELECT id FROM roundtable WHERE id=$1 FOR UPDATE`
	rtVersionSQL   = `SELECT version FROM roundtable WHERE id=$1`
	rsvpAttendSQL  = `SELECT ` + rsvpColumns + ` FROM roundtable_rsvp WHERE roundtable_id=$1 AND attending=1 ORDER BY updated_at, user_id`
	rsvpUpsertSQL  = `
		INSERT INTO roundtable_rsvp (roundtable_id, user_id, attending, reaction_event, source_event, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (roundtable_id, user_id) DO UPDATE SET attending=excluded.attending,
			reaction_event=excluded.reaction_event, source_event=excluded.source_event, updated_at=excluded.updated_at`
	rtSentSQL     = `SELECT key FROM roundtable_sent WHERE roundtable_id=$1`
	rtIsSentSQL   = `SELECT 1 FROM roundtable_sent WHERE key=$1`
	rtSentAtSQL   = `SELECT sent_at FROM roundtable_sent WHERE key=$1`
	rtIsDoneSQL   = `SELECT 1 FROM roundtable_sent WHERE key=$1 AND skipped=0`
	rtMarkSentSQL = `INSERT INTO roundtable_sent (key, roundtable_id, skipped, sent_at) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING`
	rtUnskipSQL   = `DELETE FROM roundtable_sent WHERE key=$1 AND skipped=1`
	// substr, not LIKE: "_" is common in Matrix IDs and a LIKE wildcard.
	rtCountSentSQL = `SELECT COUNT(*) FROM roundtable_sent WHERE roundtable_id=$1 AND substr(key, 1, $3)=$2 AND sent_at>$4`
	rtAddSeenSQL   = `INSERT INTO roundtable_seen (roundtable_id, occurrence, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`
	rtSeenSQL      = `SELECT name FROM roundtable_seen WHERE roundtable_id=$1 AND occurrence=$2 ORDER BY name`
)

func scanRoundTable(row rowScanner) (*RoundTable, error) {
	var (
		rt                           RoundTable
		start, dur, created, updated int64
		cohosts, rooms               string
	)
	err := row.Scan(&rt.ID, &rt.Title, &rt.Description, &start, &dur, &rt.Recurrence, &rt.Capacity, &rt.Coordinator, &cohosts, &rooms,
		&rt.Status, &rt.Sequence, &rt.Version, &rt.OriginEvent, &rt.OriginRoom, &rt.PromptEvent, &rt.LastEvent, &rt.MeetingID,
		&rt.CreateTime, &created, &updated)
	if err != nil {
		return nil, err
	}
	rt.Start, rt.Duration = time.UnixMilli(start), time.Duration(dur)*time.Millisecond
	rt.CoHosts, rt.Rooms = splitList(cohosts), splitList(rooms)
	rt.CreatedAt, rt.UpdatedAt = time.UnixMilli(created), time.UnixMilli(updated)
	return &rt, nil
}

func (q *RoundTableQuery) one(ctx context.Context, query string, args ...any) (*RoundTable, error) {
	return queryOne(ctx, q.db, scanRoundTable, "round table", query, args...)
}

func (q *RoundTableQuery) exec(ctx context.Context, query string, args ...any) (int64, error) {
	return execAffected(ctx, q.db, "round table", query, args...)
}

// Create stores a new draft from originEvent, or returns the one that
// event already created (created = false). It does not bound the drafts;
// see CreateBounded.
func (q *RoundTableQuery) Create(ctx context.Context, rt *RoundTable, now time.Time) (*RoundTable, bool, error) {
	return q.CreateBounded(ctx, rt, now, 0)
}

// DraftLimitError refuses a new draft: its coordinator has Open drafts
// whose date is ahead (IDs, the oldest first), the most they may (see
// CreateBounded).
type DraftLimitError struct{ IDs []int64 }

func (e *DraftLimitError) Error() string {
	return fmt.Sprintf("storage: the coordinator has %d open round-table drafts", len(e.IDs))
}

// CreateBounded is Create that refuses a new draft, with a
// *DraftLimitError and nothing stored, when rt's coordinator has
// maxDrafts drafts whose date is after now (0 = no bound): each draft is a
// row and a preview, and `!rundertisch` had no bound (mend33a's Left,
// left34). A draft whose date passed is not counted: it can no longer be
// announced and goes with the retention. The count and the insert are one
// step, as in AnnounceBounded (the same lock on PostgreSQL). The draft of
// an origin event stored already is returned, also at the bound (a retry).
func (q *RoundTableQuery) CreateBounded(ctx context.Context, rt *RoundTable, now time.Time, maxDrafts int) (*RoundTable, bool, error) {
	var guard func(ctx context.Context) error
	if maxDrafts > 0 {
		guard = func(ctx context.Context) error {
			if q.db.Dialect == dbutil.Postgres {
				if _, err := q.db.Exec(ctx, rtAnnounceLockSQL, rtAnnounceLockClass, rt.Coordinator); err != nil {
					return err
				}
			}
			rows, err := q.db.Query(ctx, rtOpenDraftsSQL, rt.Coordinator, now.UnixMilli(), maxDrafts)
			ids, err := dbutil.NewRowIterWithError(rows, dbutil.ScanSingleColumn[int64], err).AsList()
			if err != nil {
				return err
			}
			if len(ids) >= maxDrafts {
				return &DraftLimitError{IDs: ids}
			}
			return nil
		}
	}
	out, created, err := createOnce(ctx, q.db, scanRoundTable, "round table", rtByOriginSQL, rtNextIDQuery, rtGetSQL, rt.OriginEvent, guard,
		func(ctx context.Context, next int64) error {
			_, err := q.db.Exec(ctx, rtInsertSQL, next, rt.Title, rt.Description, rt.Start.UnixMilli(), rt.Duration.Milliseconds(),
				rt.Recurrence, rt.Capacity, rt.Coordinator, strings.Join(rt.CoHosts, "\n"), strings.Join(rt.Rooms, "\n"),
				rt.OriginEvent, rt.OriginRoom, now.UnixMilli())
			return err
		})
	var limit *DraftLimitError
	if errors.As(err, &limit) {
		return nil, false, limit
	}
	return out, created, err
}

// Get returns round table id, or nil.
func (q *RoundTableQuery) Get(ctx context.Context, id int64) (*RoundTable, error) {
	return q.one(ctx, rtGetSQL, id)
}

// ByPrompt returns the draft whose confirmation question is eventID, or nil.
func (q *RoundTableQuery) ByPrompt(ctx context.Context, eventID string) (*RoundTable, error) {
	return q.one(ctx, rtByPromptSQL, eventID)
}

// WithStatus lists round tables in status, soonest first.
func (q *RoundTableQuery) WithStatus(ctx context.Context, status string, limit int) ([]*RoundTable, error) {
	return queryMany(ctx, q.db, scanRoundTable, "round tables", rtByStatusSQL, status, limit)
}

// SetPrompt remembers the confirmation question of a draft.
func (q *RoundTableQuery) SetPrompt(ctx context.Context, id int64, eventID string) error {
	_, err := q.exec(ctx, rtSetPromptSQL, id, eventID)
	return err
}

// Announce moves a draft to announced; by is the confirming event. With
// it, in one transaction, the announcement's record (AnnounceKeyPrefix,
// counted by AnnouncedSince). It does not bound the announcements; see
// AnnounceBounded.
func (q *RoundTableQuery) Announce(ctx context.Context, id int64, by string, now time.Time) (bool, *RoundTable, error) {
	return q.AnnounceBounded(ctx, id, by, now, 0, 0)
}

// AnnounceLimitError refuses an announcement: the round table's
// coordinator has Announced round tables announced within the window
// given to AnnounceBounded, the most they may.
type AnnounceLimitError struct{ Announced int }

func (e *AnnounceLimitError) Error() string {
	return fmt.Sprintf("storage: %d round tables of this coordinator announced already", e.Announced)
}

// announceHook, when set (tests only), runs at the start of
// AnnounceBounded, before its transaction: a test holds one announcement
// there while another one runs.
var announceHook func()

// AnnounceBounded is Announce that refuses, with an *AnnounceLimitError
// and nothing changed, when the round table's coordinator has maxPerWindow
// round tables announced after now-window already (0 = no bound). The
// count and the announcement are one atomic step (left34): counted before
// the transaction, two announcements at the same moment (from two rooms,
// or ✅ and !ankündigen) both passed at the bound. SQLite runs one write
// transaction at a time (_txlock=immediate); on PostgreSQL (READ
// COMMITTED) a transaction-scoped advisory lock per coordinator makes a
// second announcement wait, and then count the first one. A retry of the
// confirming event (the round table is announced already) changes nothing
// and is not counted.
func (q *RoundTableQuery) AnnounceBounded(ctx context.Context, id int64, by string, now time.Time, maxPerWindow int, window time.Duration) (bool, *RoundTable, error) {
	if announceHook != nil {
		announceHook()
	}
	tctx, cancel := withTimeout(ctx)
	defer cancel()
	changed := false
	err := q.db.DoTxn(tctx, nil, func(ctx context.Context) error {
		var coordinator string
		if maxPerWindow > 0 {
			var err error
			if coordinator, err = q.lockAnnouncements(ctx, id); err != nil {
				return err
			}
		}
		res, err := q.db.Exec(ctx, rtAnnounceSQL, id, by, now.UnixMilli())
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		if maxPerWindow > 0 {
			var n int
			if err := q.db.QueryRow(ctx, rtAnnouncedSinceSQL, coordinator, AnnounceKeyPrefix,
				utf8.RuneCountInString(AnnounceKeyPrefix), now.Add(-window).UnixMilli()).Scan(&n); err != nil {
				return err
			}
			if n >= maxPerWindow {
				return &AnnounceLimitError{Announced: n}
			}
		}
		changed = true
		_, err = q.db.Exec(ctx, rtMarkSentSQL, fmt.Sprintf("%s%d", AnnounceKeyPrefix, id), id, 0, now.UnixMilli())
		return err
	})
	var limit *AnnounceLimitError
	if errors.As(err, &limit) {
		return false, nil, limit
	}
	if err != nil {
		return false, nil, fmt.Errorf("failed to announce round table: %w", err)
	}
	rt, err := q.Get(ctx, id)
	return changed, rt, err
}

// Reschedule moves an announced round table (SEQUENCE+1, the BBB meeting
// is forgotten); by is the coordinator's event. With the move it records
// that by was handled (see Handled) and, unless audit is nil, writes
// audit to the role audit log: in one transaction.
func (q *RoundTableQuery) Reschedule(ctx context.Context, id int64, start time.Time, d time.Duration, by string, now time.Time, audit *RoleAuditEntry) (bool, *RoundTable, error) {
	return q.changeBy(ctx, id, by, now, audit, audit != nil, "", rtRescheduleSQL, start.UnixMilli(), d.Milliseconds(), by, now.UnixMilli())
}

// Cancel cancels a draft or announced round table (SEQUENCE+1); by, the
// record and audit as with Reschedule.
func (q *RoundTableQuery) Cancel(ctx context.Context, id int64, by string, now time.Time, audit *RoleAuditEntry) (bool, *RoundTable, error) {
	return q.changeBy(ctx, id, by, now, audit, audit != nil, "", rtCancelSQL, by, now.UnixMilli())
}

// Restore takes back the cancellation of round table id (rt33): an
// announced one (not a draft), while its start is after now; status
// announced again, SEQUENCE+1, the meeting forgotten (a new one is created
// before the start), updated_at now (the reminders whose time passed are
// not owed). by: the event, recorded as with Reschedule and with a
// RestoredKey record, so that the announcements say it takes place after
// all; audit is always written (who restored it), standIn: the sender is
// not the round table's coordinator (counted apart, see
// StandInChangeKeyPrefix). It reports whether it changed the round table.
func (q *RoundTableQuery) Restore(ctx context.Context, id int64, by string, now time.Time, audit *RoleAuditEntry, standIn bool) (bool, *RoundTable, error) {
	return q.changeBy(ctx, id, by, now, audit, standIn, RestoredKey(by), rtRestoreSQL, by, now.UnixMilli())
}

// rtAnnounceLockClass is the first key of rtAnnounceLockSQL's advisory
// lock: apart from the lease's one-key lock (lease.go).
const rtAnnounceLockClass = 0x4c74 // "Lt"

// lockAnnouncements returns the coordinator of round table id and, on
// PostgreSQL, holds the advisory lock of their announcements until the
// transaction ends. SQLite writes one transaction at a time.
func (q *RoundTableQuery) lockAnnouncements(ctx context.Context, id int64) (string, error) {
	var coordinator string
	if err := q.db.QueryRow(ctx, rtCoordinatorSQL, id).Scan(&coordinator); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return "", nil
		}
		return "", err
	}
	if q.db.Dialect == dbutil.Postgres {
		if _, err := q.db.Exec(ctx, rtAnnounceLockSQL, rtAnnounceLockClass, coordinator); err != nil {
			return "", err
		}
	}
	return coordinator, nil
}

// RestoredKey is the roundtable_sent record of the restore made by the
// event eventID (Restore): the announcement of a round table whose last
// change it is says „findet doch statt“, not „verschoben“.
func RestoredKey(eventID string) string { return "restored:" + eventID }

// AnnounceKeyPrefix begins the record of a round table's announcement
// (Announce), counted per coordinator by AnnouncedSince.
const AnnounceKeyPrefix = "announce:"

// AnnouncedSince counts the round tables of coordinator (their
// coordinator, whoever announced them) announced after since.
func (q *RoundTableQuery) AnnouncedSince(ctx context.Context, coordinator string, since time.Time) (int, error) {
	n, _, err := queryValue[int](ctx, q.db, "count announcements", rtAnnouncedSinceSQL, coordinator, AnnounceKeyPrefix,
		utf8.RuneCountInString(AnnounceKeyPrefix), since.UnixMilli())
	return n, err
}

// changeKey is the roundtable_sent key that records the change made by
// the event eventID. last_event named only the latest change: a retry of
// an event whose change was followed by another coordinator's was taken
// as new — it moved the round table back, or read „morgen“ anew (rt32).
func changeKey(eventID string) string { return "change:" + eventID }

// ChangeKeyPrefix begins the keys of the changes recorded by Reschedule
// and Cancel (for CountSent).
const ChangeKeyPrefix = "change:"

// StandInChangeKeyPrefix begins the keys of the changes by someone other
// than the round table's coordinator (a stand-in: Reschedule or Cancel
// with an audit entry), recorded beside the ChangeKeyPrefix record: three
// moves by a stand-in — or by a coordinator account in the wrong hands —
// used up the bound of the round table, and its own coordinator could not
// move it back for a day (mend32a).
const StandInChangeKeyPrefix = "standin-change:"

// StandInFollowupKeyPrefix begins the keys of follow-ups by a stand-in,
// recorded beside the FollowupKey record (MarkFollowup).
const StandInFollowupKeyPrefix = "standin-followup:"

// MarkFollowup records the follow-up sent by the event eventID for round
// table id (FollowupKey) and, for a stand-in, its StandInFollowupKeyPrefix
// record, in one transaction.
func (q *RoundTableQuery) MarkFollowup(ctx context.Context, eventID string, id int64, standIn bool, now time.Time) error {
	tctx, cancel := withTimeout(ctx)
	defer cancel()
	err := q.db.DoTxn(tctx, nil, func(ctx context.Context) error {
		if _, err := q.db.Exec(ctx, rtMarkSentSQL, FollowupKey(eventID), id, 0, now.UnixMilli()); err != nil {
			return err
		}
		if !standIn {
			return nil
		}
		_, err := q.db.Exec(ctx, rtMarkSentSQL, StandInFollowupKeyPrefix+eventID, id, 0, now.UnixMilli())
		return err
	})
	if err != nil {
		return fmt.Errorf("failed to record a follow-up: %w", err)
	}
	return nil
}

// FollowupKeyPrefix begins the keys of the follow-ups recorded by
// MarkSent(FollowupKey(…)): how many went to a round table's attendees
// lately (for CountSent).
const FollowupKeyPrefix = "followup:"

// FollowupKey is the roundtable_sent key of the follow-up sent by the
// event eventID.
func FollowupKey(eventID string) string { return FollowupKeyPrefix + eventID }

// Handled reports whether the event eventID changed a round table
// (Reschedule or Cancel recorded it), also when later changes followed.
// The record is kept as long as the round table's other send records.
func (q *RoundTableQuery) Handled(ctx context.Context, eventID string) (bool, error) {
	return q.IsSent(ctx, changeKey(eventID))
}

// changeBy runs a conditional update, and when it changed the row, the
// record of the event by and the audit entry, in one transaction; it
// returns whether it changed the row, and the row after it.
//
// standIn writes the StandInChangeKeyPrefix record too; extra, if not
// empty, is one more record of the change (RestoredKey).
func (q *RoundTableQuery) changeBy(ctx context.Context, id int64, by string, now time.Time, audit *RoleAuditEntry, standIn bool, extra, query string, args ...any) (bool, *RoundTable, error) {
	tctx, cancel := withTimeout(ctx)
	defer cancel()
	changed := false
	err := q.db.DoTxn(tctx, nil, func(ctx context.Context) error {
		res, err := q.db.Exec(ctx, query, append([]any{id}, args...)...)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		changed = true
		if _, err := q.db.Exec(ctx, rtMarkSentSQL, changeKey(by), id, 0, now.UnixMilli()); err != nil {
			return err
		}
		if extra != "" {
			if _, err := q.db.Exec(ctx, rtMarkSentSQL, extra, id, 0, now.UnixMilli()); err != nil {
				return err
			}
		}
		// A stand-in's change is counted apart as well: the round
		// table's own coordinator has a bound of their own (mend32a).
		if standIn {
			if _, err := q.db.Exec(ctx, rtMarkSentSQL, StandInChangeKeyPrefix+by, id, 0, now.UnixMilli()); err != nil {
				return err
			}
		}
		if audit == nil {
			return nil
		}
		return (&RoleQuery{db: q.db}).audit(ctx, *audit)
	})
	if err != nil {
		return false, nil, fmt.Errorf("failed to change round table: %w", err)
	}
	rt, err := q.Get(ctx, id)
	return changed, rt, err
}

// Advance moves a series from the occurrence at from to next; a zero next
// marks the round table done. Only the first call for from changes anything.
func (q *RoundTableQuery) Advance(ctx context.Context, id int64, from, next, now time.Time) (bool, error) {
	var n int64
	var err error
	if next.IsZero() {
		n, err = q.exec(ctx, rtFinishSQL, id, from.UnixMilli(), now.UnixMilli())
	} else {
		n, err = q.exec(ctx, rtAdvanceSQL, id, from.UnixMilli(), next.UnixMilli(), now.UnixMilli())
	}
	return n > 0, err
}

// SetMeeting records the BBB meeting of the current occurrence.
func (q *RoundTableQuery) SetMeeting(ctx context.Context, id int64, meetingID string, createTime int64) error {
	_, err := q.exec(ctx, rtSetMeetingSQL, id, meetingID, createTime)
	return err
}

// SetPost records the announcement message in a room.
func (q *RoundTableQuery) SetPost(ctx context.Context, id int64, roomID, eventID string) error {
	_, err := q.exec(ctx, rtSetPostSQL, id, roomID, eventID)
	return err
}

// Posts lists the announcement messages of a round table.
func (q *RoundTableQuery) Posts(ctx context.Context, id int64) ([]RoundTablePost, error) {
	return values(queryMany(ctx, q.db, scanPost, "announcements", rtPostsSQL, id))
}

func scanPost(row rowScanner) (*RoundTablePost, error) {
	var p RoundTablePost
	if err := row.Scan(&p.RoundTableID, &p.RoomID, &p.EventID); err != nil {
		return nil, err
	}
	return &p, nil
}

// DeletePost forgets the announcement eventID of round table id in roomID
// (it was deleted in its room); deleted reports whether it was still known.
func (q *RoundTableQuery) DeletePost(ctx context.Context, id int64, roomID, eventID string) (deleted bool, err error) {
	n, err := q.exec(ctx, rtDeletePostSQL, id, roomID, eventID)
	return n > 0, err
}

// PostByEvent returns the announcement that is eventID, or nil.
func (q *RoundTableQuery) PostByEvent(ctx context.Context, eventID string) (*RoundTablePost, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	var p RoundTablePost
	err := q.db.QueryRow(ctx, rtPostByEventSQL, eventID).Scan(&p.RoundTableID, &p.RoomID, &p.EventID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("failed to read announcement: %w", err)
	}
	return &p, nil
}

func scanRSVP(row rowScanner) (*RSVP, error) {
	var (
		r         RSVP
		attending int
		updated   int64
	)
	if err := row.Scan(&r.RoundTableID, &r.UserID, &attending, &r.ReactionEvent, &r.SourceEvent, &updated); err != nil {
		return nil, err
	}
	r.Attending, r.UpdatedAt = attending == 1, time.UnixMilli(updated)
	return &r, nil
}

func (q *RoundTableQuery) rsvp(ctx context.Context, query string, args ...any) (*RSVP, error) {
	return queryOne(ctx, q.db, scanRSVP, "RSVP", query, args...)
}

// RSVP returns user's answer for round table id, or nil.
func (q *RoundTableQuery) RSVP(ctx context.Context, id int64, user string) (*RSVP, error) {
	return q.rsvp(ctx, rsvpGetSQL, id, user)
}

// RSVPByReaction returns the RSVP made by the reaction eventID, or nil.
func (q *RoundTableQuery) RSVPByReaction(ctx context.Context, eventID string) (*RSVP, error) {
	if eventID == "" {
		return nil, nil
	}
	return q.rsvp(ctx, rsvpByReactSQL, eventID)
}

// SetRSVP stores an answer. changed is true when the attendance changed, or
// when the same source event stored it before (a retry, whose messages are
// sent again with the same transaction IDs). A new "yes" beyond capacity
// (0 = unlimited) returns ErrRoundTableFull. It does not look at the
// round table's state: a member's answer goes through SetRSVPAt.
func (q *RoundTableQuery) SetRSVP(ctx context.Context, r RSVP, capacity int) (changed bool, err error) {
	return q.SetRSVPAt(ctx, r, capacity, 0)
}

// SetRSVPAt is SetRSVP for the round table as the caller read it: version
// is its Version then (0: not checked). If the round table has another
// version now, or is gone, nothing is stored and the error is
// ErrRoundTableChanged.
//
// The command reads the round table, decides (announced? over?) and then
// stores the answer. A cancellation or a move by a coordinator in another
// room, written between that read and this write, told the attendees it
// had read — without this member, whose „yes“ was stored after the
// cancellation as if it still took place and confirmed with „du bist
// dabei“ (at the old date, after a move): the member never heard of the
// cancellation or the move (race35). The version is read in the answer's
// transaction, on PostgreSQL with the round table's row locked (FOR
// UPDATE) until commit: a change waits for the answer and then tells its
// attendee, or the answer finds the change. SQLite writes one transaction
// at a time (_txlock=immediate).
func (q *RoundTableQuery) SetRSVPAt(ctx context.Context, r RSVP, capacity, version int) (changed bool, err error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	err = q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		changed = false
		if version > 0 {
			query := rtVersionSQL
			if q.db.Dialect == dbutil.Postgres {
				query += ` FOR UPDATE`
			}
			var current int
			if err := q.db.QueryRow(ctx, query, r.RoundTableID).Scan(&current); errors.Is(err, sql.ErrNoRows) {
				return ErrRoundTableChanged
			} else if err != nil {
				return err
			} else if current != version {
				return ErrRoundTableChanged
			}
		}
		prev, err := scanRSVP(q.db.QueryRow(ctx, rsvpGetSQL, r.RoundTableID, r.UserID))
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if prev != nil && prev.SourceEvent == r.SourceEvent {
			changed = true
			return nil
		}
		if prev != nil && prev.Attending == r.Attending {
			if r.Attending && r.ReactionEvent != "" && prev.ReactionEvent == "" {
				// Remember the reaction, so that removing it withdraws.
				_, err = q.db.Exec(ctx, rsvpUpsertSQL, r.RoundTableID, r.UserID, 1, r.ReactionEvent, prev.SourceEvent, prev.UpdatedAt.UnixMilli())
			}
			return err
		}
		if prev == nil && !r.Attending {
			return nil
		}
		if r.Attending && capacity > 0 {
			// The count and the insert must not interleave with another
			// yes: on PostgreSQL (READ COMMITTED) both would count the
			// committed rows and take the last place twice, so the round
			// table's row is locked first (until commit). SQLite writes one
			// transaction at a time (_txlock=immediate).
			if q.db.Dialect == dbutil.Postgres {
				if _, err := q.db.Exec(ctx, rtLockSQL, r.RoundTableID); err != nil {
					return err
				}
			}
			var n int
			if err := q.db.QueryRow(ctx, rsvpCountSQL, r.RoundTableID).Scan(&n); err != nil {
				return err
			}
			if n >= capacity {
				return ErrRoundTableFull
			}
		}
		attending := 0
		if r.Attending {
			attending = 1
		}
		if _, err := q.db.Exec(ctx, rsvpUpsertSQL, r.RoundTableID, r.UserID, attending, r.ReactionEvent, r.SourceEvent, r.UpdatedAt.UnixMilli()); err != nil {
			return err
		}
		changed = true
		return nil
	})
	if errors.Is(err, ErrRoundTableFull) || errors.Is(err, ErrRoundTableChanged) {
		return false, err
	} else if err != nil {
		return false, fmt.Errorf("failed to store RSVP: %w", err)
	}
	return changed, nil
}

// Attendees lists who said yes, earliest first.
func (q *RoundTableQuery) Attendees(ctx context.Context, id int64) ([]RSVP, error) {
	return values(queryMany(ctx, q.db, scanRSVP, "attendees", rsvpAttendSQL, id))
}

// SentKeys returns the keys of the scheduled sends done for round table id.
func (q *RoundTableQuery) SentKeys(ctx context.Context, id int64) (map[string]bool, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	rows, err := q.db.Query(ctx, rtSentSQL, id)
	if err != nil {
		return nil, fmt.Errorf("failed to read sent reminders: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		out[k] = true
	}
	return out, rows.Err()
}

// Unskip takes back a skipped (not a done) scheduled send, so that it is
// due again; it reports whether there was one.
func (q *RoundTableQuery) Unskip(ctx context.Context, key string) (bool, error) {
	n, err := q.exec(ctx, rtUnskipSQL, key)
	return n > 0, err
}

// CountSent counts the sends of round table id whose key begins with
// prefix, recorded after since.
func (q *RoundTableQuery) CountSent(ctx context.Context, id int64, prefix string, since time.Time) (int, error) {
	n, _, err := queryValue[int](ctx, q.db, "count sends", rtCountSentSQL, id, prefix, utf8.RuneCountInString(prefix), since.UnixMilli())
	return n, err
}

// IsSent reports whether the scheduled send key was done.
func (q *RoundTableQuery) IsSent(ctx context.Context, key string) (bool, error) {
	return exists(ctx, q.db, "read scheduled send", rtIsSentSQL, key)
}

// SentAt returns when the scheduled send key was recorded (found false
// when it was not).
func (q *RoundTableQuery) SentAt(ctx context.Context, key string) (time.Time, bool, error) {
	ms, found, err := queryValue[int64](ctx, q.db, "read scheduled send", rtSentAtSQL, key)
	return time.UnixMilli(ms), found, err
}

// IsDone reports whether the scheduled send key went out (recorded, and
// not as skipped).
func (q *RoundTableQuery) IsDone(ctx context.Context, key string) (bool, error) {
	return exists(ctx, q.db, "read scheduled send", rtIsDoneSQL, key)
}

// MarkSent records a scheduled send (or that it was skipped).
func (q *RoundTableQuery) MarkSent(ctx context.Context, key string, id int64, skipped bool, now time.Time) error {
	s := 0
	if skipped {
		s = 1
	}
	_, err := q.exec(ctx, rtMarkSentSQL, key, id, s, now.UnixMilli())
	return err
}

// AddSeen records who was seen in the meeting of an occurrence. The
// column is called name for history; since rt25 it holds the Matrix ID of
// a member who came with their personal link (so that the export and the
// erasure of that person find it), or "guest:" and BigBlueButton's random
// ID of someone without one — never a name typed or shown in the meeting.
func (q *RoundTableQuery) AddSeen(ctx context.Context, id int64, occurrence time.Time, who []string) error {
	for _, n := range who {
		if _, err := q.exec(ctx, rtAddSeenSQL, id, occurrence.UnixMilli(), n); err != nil {
			return err
		}
	}
	return nil
}

// Seen lists who was seen in the meeting of an occurrence (see AddSeen;
// rows written before rt25 hold a display name).
func (q *RoundTableQuery) Seen(ctx context.Context, id int64, occurrence time.Time) ([]string, error) {
	return queryStrings(ctx, q.db, "attendance", rtSeenSQL, id, occurrence.UnixMilli())
}

// DirectRoomQuery remembers the direct chats Lotse opened.
type DirectRoomQuery struct{ db *dbutil.Database }

const (
	dmGetSQL    = `SELECT room_id, token FROM direct_room WHERE user_id=$1`
	dmBeginSQL  = `INSERT INTO direct_room (user_id, room_id, token, created_at) VALUES ($1, '', $2, $3) ON CONFLICT (user_id) DO NOTHING`
	dmFinishSQL = `UPDATE direct_room SET room_id=$2 WHERE user_id=$1`
	dmForgetSQL = `DELETE FROM direct_room WHERE user_id=$1`
)

// Get returns the direct chat with user (roomID "" while its creation is
// pending, token "" when there is none).
func (q *DirectRoomQuery) Get(ctx context.Context, user string) (roomID, token string, err error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	err = q.db.QueryRow(ctx, dmGetSQL, user).Scan(&roomID, &token)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	} else if err != nil {
		return "", "", fmt.Errorf("failed to read direct chat: %w", err)
	}
	return roomID, token, nil
}

// Begin records that a direct chat with user is about to be created with
// token; if one is already pending or done, its token is kept. It returns
// the token in effect.
func (q *DirectRoomQuery) Begin(ctx context.Context, user, token string, now time.Time) (string, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, dmBeginSQL, user, token, now.UnixMilli()); err != nil {
		return "", fmt.Errorf("failed to record direct chat: %w", err)
	}
	_, t, err := q.Get(ctx, user)
	return t, err
}

// Finish records the created room.
func (q *DirectRoomQuery) Finish(ctx context.Context, user, roomID string) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, dmFinishSQL, user, roomID); err != nil {
		return fmt.Errorf("failed to record direct chat: %w", err)
	}
	return nil
}

// Forget deletes the record (the member left the room).
func (q *DirectRoomQuery) Forget(ctx context.Context, user string) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, dmForgetSQL, user); err != nil {
		return fmt.Errorf("failed to forget direct chat: %w", err)
	}
	return nil
}

// rtNextIDQuery gives out the number of a new row (never one used before).
var rtNextIDQuery = nextIDQuery("roundtable", "roundtable")
