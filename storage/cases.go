package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.mau.fi/util/dbutil"
)

// CaseStatus is the state of a support case.
type CaseStatus int

// Case states.
const (
	CaseOpen     CaseStatus = 1
	CaseResolved CaseStatus = 2
	CaseClosed   CaseStatus = 3
)

// Case is one support case.
type Case struct {
	ID           int64
	MemberID     string
	MemberRoom   string
	Status       CaseStatus
	Assignee     string // "" = unclaimed
	Summary      string
	Guides       []string
	TeamEvent    string // the case message in the team room (thread root)
	RatingPrompt string // the "did it help?" message in the member's DM
	Rating       int    // 0 none, 1 helpful, -1 not helpful
	Version      int
	CreatedAt    time.Time
	UpdatedAt    time.Time // last activity
	StatusAt     time.Time // last status or assignment change
	ClosedAt     time.Time // resolved or closed; zero while open
	// QuestionEvents are the member's messages the question came from
	// (CaseDraft.QuestionEvents), stored by Create only; not read back
	// with the case ([CaseQuery.QuestionsFrom] finds a case by them).
	QuestionEvents []string
	// Lang is the language ("de" or "en") of the case's messages to its
	// member (schema v25): the offer's, then the member's last clear one
	// (SetLang). "" is the install's: a case from before v25.
	Lang string
}

// CaseMessage is one message of a case.
type CaseMessage struct {
	SourceEvent string
	CaseID      int64
	Kind        string // question, member, answer, note, system
	Sender      string
	Body        string
	CreatedAt   time.Time
}

// CaseEvent is a state change or assignment.
type CaseEvent struct {
	CaseID    int64
	Version   int
	Kind      string
	Actor     string
	Detail    string
	CreatedAt time.Time
}

// Case message kinds.
const (
	MsgQuestion = "question"
	MsgMember   = "member"
	MsgAnswer   = "answer"
	MsgNote     = "note"
	MsgSystem   = "system"
)

// CaseDraft is a case being prepared with a member.
type CaseDraft struct {
	RoomID      string
	UserID      string
	Question    string
	Guides      []string
	AnswerEvent string
	PromptEvent string
	// EarlierPrompts are the earlier prompts of the same pending offer
	// (made again while it was pending), oldest first: a ✅ or ❌ on
	// them answers it like one on PromptEvent. Without an offer pending
	// (Offered false) they are the prompts of the offer that lapsed: a
	// ✅ on them is told that it is no longer open. Beside a pending
	// offer, prompts of an offer that lapsed before it are kept with the
	// prefix "superseded:" (support.supersededMark): they answer nothing,
	// a ✅ on them is told how to accept the pending offer.
	EarlierPrompts []string
	Offered        bool
	CreatedAt      time.Time
	// QuestionEvents are the member's messages whose words Question holds
	// (schema v23), oldest first, at most MaxQuestionEvents: the case
	// keeps them (Case.QuestionEvents), so that the member's deletion of
	// one of them reaches the case's question, not only a deletion of the
	// „ja“ or ✅ that opened it (sup30).
	QuestionEvents []string
	// Lang is the language ("de" or "en") the offer was made in (schema
	// v25), "" when none was made or before v25: the case opened from
	// the draft starts in it (Case.Lang).
	Lang string
}

// MaxQuestionEvents bounds the events a draft and its case keep as the
// question's (CaseDraft.QuestionEvents): a draft holds at most 40 lines
// (support.MaxDraftLines), each message adds at least one.
const MaxQuestionEvents = 40

// CaseQuery stores support cases.
type CaseQuery struct {
	db *dbutil.Database
	// owner gives the pseudonym key (MemberKey of case_opening).
	owner *DB
}

const caseColumns = `id, member_id, member_room, status, COALESCE(assignee, ''), summary, guides, COALESCE(team_event, ''),
	COALESCE(rating_prompt, ''), rating, version, created_at, updated_at, status_at, COALESCE(closed_at, 0), lang`

const (
	caseByOriginQuery = `SELECT ` + caseColumns + ` FROM support_case WHERE origin_event=$1`
	insertCaseQuery   = `
		INSERT INTO support_case (id, member_id, member_room, status, summary, guides, origin_event, created_at, updated_at, status_at, lang)
		VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $7, $7, $8)`
	getCaseQuery         = `SELECT ` + caseColumns + ` FROM support_case WHERE id=$1`
	caseByTeamEventQuery = `SELECT ` + caseColumns + ` FROM support_case WHERE team_event=$1`
	caseByRatingQuery    = `SELECT ` + caseColumns + ` FROM support_case WHERE rating_prompt=$1`
	setTeamEventQuery    = `UPDATE support_case SET team_event=$2 WHERE id=$1`
	setCaseLangQuery     = `UPDATE support_case SET lang=$2 WHERE id=$1 AND lang<>$2`
	setRatingPromptQuery = `UPDATE support_case SET rating_prompt=$2 WHERE id=$1`
	rateCaseQuery        = `UPDATE support_case SET rating=$2, version=version+1 WHERE id=$1 AND rating=0`
	touchCaseQuery       = `UPDATE support_case SET updated_at=$2 WHERE id=$1`
	activeForMemberQuery = `SELECT ` + caseColumns + ` FROM support_case WHERE member_id=$1 AND member_room=$2 AND status=1 ORDER BY updated_at DESC LIMIT 1`
	openElsewhereQuery   = `SELECT ` + caseColumns + ` FROM support_case WHERE member_id=$1 AND member_room<>$2 AND status=1 ORDER BY updated_at DESC LIMIT 1`
	moveCaseQuery        = `UPDATE support_case SET member_room=$3, version=version+1 WHERE id=$1 AND member_id=$2 AND status=1 AND member_room<>$3`
	lastMoveQuery        = `SELECT COALESCE(MAX(created_at), 0) FROM case_event WHERE case_id=$1 AND kind='move'`
	// The room the case's first move left: where it was opened.
	firstMoveQuery         = `SELECT detail FROM case_event WHERE case_id=$1 AND kind='move' AND detail<>'' ORDER BY version LIMIT 1`
	resolvedForMemberQuery = `
		SELECT ` + caseColumns + ` FROM support_case
		WHERE member_id=$1 AND member_room=$2 AND status=2 AND closed_at>=$3 ORDER BY closed_at DESC LIMIT 1`
	listForMemberQuery = `SELECT ` + caseColumns + ` FROM support_case WHERE member_id=$1 ORDER BY id DESC LIMIT $2`
	listUnclaimedQuery = `SELECT ` + caseColumns + ` FROM support_case WHERE status=1 AND assignee IS NULL ORDER BY created_at LIMIT $1`
	listClaimedQuery   = `SELECT ` + caseColumns + ` FROM support_case WHERE status=1 AND assignee IS NOT NULL ORDER BY created_at LIMIT $1`
	countOpenQuery     = `SELECT COUNT(*), COUNT(assignee) FROM support_case WHERE status=1`
	openedSinceQuery   = `SELECT COUNT(*) FROM support_case WHERE member_id=$1 AND created_at>=$2`
	openingsSinceQuery = `SELECT COUNT(*) FROM case_opening WHERE member_key=$1 AND opened_at>=$2`
	insertOpeningQuery = `INSERT INTO case_opening (member_key, opened_at) VALUES ($1, $2)`
	pruneOpeningsQuery = `DELETE FROM case_opening WHERE opened_at<$1`
	claimCaseQuery     = `
		UPDATE support_case SET assignee=$2, version=version+1, updated_at=$3, status_at=$3
		WHERE id=$1 AND status=1 AND assignee IS NULL`
	// teamRoleCond: $2 holds the active team role (RoleQuery.Has) at
	// the moment of the write.
	teamRoleCond     = `EXISTS (SELECT 1 FROM member_role WHERE user_id=$2 AND role='team' AND status='active')`
	claimByTeamQuery = `
		UPDATE support_case SET assignee=$2, version=version+1, updated_at=$3, status_at=$3
		WHERE id=$1 AND status=1 AND assignee IS NULL AND ` + teamRoleCond
	assignToTeamQuery = `
		UPDATE support_case SET assignee=$2, version=version+1, updated_at=$3, status_at=$3
		WHERE id=$1 AND status=1 AND (assignee IS NULL OR assignee<>$2) AND ` + teamRoleCond
	unclaimCaseQuery = `
		UPDATE support_case SET assignee=NULL, version=version+1, updated_at=$3, status_at=$3
		WHERE id=$1 AND assignee=$2`
	returnStaleQuery = `
		UPDATE support_case SET assignee=NULL, version=version+1, updated_at=$3, status_at=$3
		WHERE id=$1 AND status=1 AND assignee=$2 AND updated_at<=$4`
	assignCaseQuery = `
		UPDATE support_case SET assignee=$2, version=version+1, updated_at=$3, status_at=$3
		WHERE id=$1 AND status=1 AND (assignee IS NULL OR assignee<>$2)`
	resolveCaseQuery = `
		UPDATE support_case SET status=2, version=version+1, updated_at=$2, status_at=$2, closed_at=$2, rating=0, rating_prompt=NULL
		WHERE id=$1 AND status=1`
	reopenCaseQuery = `
		UPDATE support_case SET status=1, version=version+1, updated_at=$2, status_at=$2, closed_at=NULL
		WHERE id=$1 AND status<>1`
	reopenUnassignedQuery = `
		UPDATE support_case SET status=1, assignee=NULL, version=version+1, updated_at=$2, status_at=$2, closed_at=NULL
		WHERE id=$1 AND status<>1`
	// reopenKeepingQuery: a resolved case ($3 = 2), or also a closed one
	// ($3 = 3), opened again with its assignee while they hold the active
	// team role, in the same statement (race35); reopenDroppingQuery
	// without them.
	reopenKeepingQuery = `
		UPDATE support_case SET status=1, version=version+1, updated_at=$2, status_at=$2, closed_at=NULL
		WHERE id=$1 AND status IN (2, $3) AND (assignee IS NULL
			OR EXISTS (SELECT 1 FROM member_role WHERE user_id=support_case.assignee AND role='team' AND status='active'))`
	reopenDroppingQuery = `
		UPDATE support_case SET status=1, assignee=NULL, version=version+1, updated_at=$2, status_at=$2, closed_at=NULL
		WHERE id=$1 AND status IN (2, $3) AND assignee=$4`
	closeCaseQuery = `
		UPDATE support_case SET status=3, version=version+1, updated_at=$2, status_at=$2, closed_at=$2
		WHERE id=$1 AND status<>3`
	insertCaseEventQuery = `
		INSERT INTO case_event (case_id, version, kind, actor, detail, created_at)
		SELECT id, version, $2, $3, $4, $5 FROM support_case WHERE id=$1`
	caseEventsQuery     = `SELECT case_id, version, kind, actor, detail, created_at FROM case_event WHERE case_id=$1 ORDER BY version`
	insertCaseMsgQuery  = `INSERT INTO case_message (source_event, case_id, kind, sender, body, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (source_event) DO NOTHING`
	eraseCaseMsgQuery   = `UPDATE case_message SET body='' WHERE source_event=$1 AND sender=$2 AND body<>''`
	eraseSolutionQuery  = `UPDATE case_event SET detail='' WHERE case_id=$1 AND kind='resolve' AND actor=$2 AND detail=$3 AND detail<>''`
	countAnswersQuery   = `SELECT COUNT(*) FROM case_message WHERE case_id=$1 AND kind=$2`
	caseMessagesQuery   = `SELECT source_event, case_id, kind, sender, body, created_at FROM case_message WHERE case_id=$1 ORDER BY created_at, source_event`
	dueUnclaimedQuery   = `SELECT ` + caseColumns + ` FROM support_case WHERE status=1 AND assignee IS NULL AND status_at<=$1 ORDER BY created_at LIMIT 100`
	staleClaimedQuery   = `SELECT ` + caseColumns + ` FROM support_case WHERE status=1 AND assignee IS NOT NULL AND updated_at<=$1 ORDER BY updated_at LIMIT 100`
	reminderDoneQuery   = `SELECT 1 FROM case_reminder WHERE key=$1`
	reminderSentQuery   = `SELECT sent_at FROM case_reminder WHERE key=$1`
	markReminderQuery   = `INSERT INTO case_reminder (key, sent_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`
	pruneRemindersQuery = `DELETE FROM case_reminder WHERE sent_at<$1`
	expiredCasesQuery   = `SELECT id, status, rating FROM support_case WHERE status IN (2, 3) AND closed_at<$1 LIMIT 500`
	deleteCaseQuery     = `DELETE FROM support_case WHERE id=$1`
	addStatQuery        = `INSERT INTO case_stats (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value=case_stats.value+excluded.value`
	statsQuery          = `SELECT name, value FROM case_stats`

	putDraftQuery = `
		INSERT INTO case_draft (room_id, user_id, question, guides, answer_event, prompt_event, earlier_prompts, offered, created_at,
			question_events, lang)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
		ON CONFLICT (room_id, user_id) DO UPDATE SET question=excluded.question, guides=excluded.guides,
			answer_event=excluded.answer_event, prompt_event=excluded.prompt_event, earlier_prompts=excluded.earlier_prompts,
			offered=excluded.offered, created_at=excluded.created_at, question_events=excluded.question_events, lang=excluded.lang`
	getDraftQuery = `SELECT room_id, user_id, question, guides, answer_event, prompt_event, earlier_prompts, offered, created_at,
		question_events, lang FROM case_draft WHERE room_id=$1 AND user_id=$2`
	eraseSummaryQuery        = `UPDATE support_case SET summary='', version=version+1 WHERE id=$1 AND summary<>''`
	insertQuestionEventQuery = `INSERT INTO case_question_event (event_id, case_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`
	// The question messages of memberID's cases whose words came from
	// the member's message $1 — one of the events the offer carried, or
	// the question message's own (a !ticket, a „ja“) — written in $3:
	// the case's room or one it moved from (the question stays in the
	// room it was written in; mend29b).
	// words: $1 holds the question's words — one of the carried events,
	// or, for a case that carries none (a !ticket's own, before v23), the
	// question message's own event.
	questionsFromQuery = `SELECT s.id, m.source_event,
		CASE WHEN EXISTS (SELECT 1 FROM case_question_event q WHERE q.case_id=s.id AND q.event_id=$1)
			OR NOT EXISTS (SELECT 1 FROM case_question_event q WHERE q.case_id=s.id) THEN 1 ELSE 0 END
		FROM case_message m JOIN support_case s ON s.id=m.case_id
		WHERE m.kind='question' AND m.sender=$2 AND s.member_id=$2
		AND (m.source_event=$1 OR EXISTS (SELECT 1 FROM case_question_event q WHERE q.case_id=s.id AND q.event_id=$1))
		AND (s.member_room=$3 OR EXISTS (SELECT 1 FROM case_event e WHERE e.case_id=s.id AND e.kind='move' AND e.detail=$3))
		ORDER BY s.id LIMIT 20`
	delDraftQuery = `DELETE FROM case_draft WHERE room_id=$1 AND user_id=$2`
)

// Expiry of case drafts (CaseQuery.PruneDrafts and the retention rule
// "choices", one set of statements; $1 = the cutoff in ms): a draft past
// its time loses what the member wrote at once, a draft that made no offer
// goes whole, and a draft's offers' event IDs stay CaseOfferMemory longer,
// so that a late ✅ or ❌ on an offer is told it is no longer open.

// CaseOfferMemory is how long the event IDs of an expired draft's case
// offers are kept after the draft expired.
const CaseOfferMemory = 7 * 24 * time.Hour

// The conditions of the expiry's three statements, written once: the
// dry-run count (countExpiredDraftsQuery) counts the drafts that one of
// them touches. Plain SQL for SQLite and PostgreSQL alike; the cast tells
// PostgreSQL the type of $1 in the subtraction.
const (
	// draftWithWordsCond: an expired draft that still holds what the
	// member wrote.
	draftWithWordsCond = `created_at<$1 AND (question<>'' OR guides<>'' OR answer_event<>'' OR question_events<>'')`
	// draftUnofferedCond: an expired draft that made no offer.
	draftUnofferedCond = `created_at<$1 AND prompt_event='' AND earlier_prompts=''`
)

var (
	offerMemoryMs = strconv.FormatInt(CaseOfferMemory.Milliseconds(), 10)
	// draftForgottenCond: a draft whose offers' event IDs are kept no
	// longer.
	draftForgottenCond       = `created_at<CAST($1 AS BIGINT)-` + offerMemoryMs
	blankDraftsQuery         = `UPDATE case_draft SET question='', guides='', answer_event='', question_events='' WHERE ` + draftWithWordsCond
	dropUnofferedDraftsQuery = `DELETE FROM case_draft WHERE ` + draftUnofferedCond
	forgetDraftsQuery        = `DELETE FROM case_draft WHERE ` + draftForgottenCond
	countExpiredDraftsQuery  = `SELECT COUNT(*) FROM case_draft WHERE (` + draftWithWordsCond + `) OR (` + draftUnofferedCond +
		`) OR (` + draftForgottenCond + `)`
	// expireDrafts are the statements of a draft's expiry, in order.
	expireDrafts = []string{blankDraftsQuery, dropUnofferedDraftsQuery, forgetDraftsQuery}
)

type rowScanner interface{ Scan(dest ...any) error }

func scanCase(row rowScanner) (*Case, error) {
	var (
		c                                  Case
		guides                             string
		created, updated, statusAt, closed int64
	)
	err := row.Scan(&c.ID, &c.MemberID, &c.MemberRoom, &c.Status, &c.Assignee, &c.Summary, &guides, &c.TeamEvent,
		&c.RatingPrompt, &c.Rating, &c.Version, &created, &updated, &statusAt, &closed, &c.Lang)
	if err != nil {
		return nil, err
	}
	c.Guides = splitList(guides)
	c.CreatedAt, c.UpdatedAt, c.StatusAt = time.UnixMilli(created), time.UnixMilli(updated), time.UnixMilli(statusAt)
	if closed > 0 {
		c.ClosedAt = time.UnixMilli(closed)
	}
	return &c, nil
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func (q *CaseQuery) one(ctx context.Context, query string, args ...any) (*Case, error) {
	return queryOne(ctx, q.db, scanCase, "case", query, args...)
}

func (q *CaseQuery) many(ctx context.Context, query string, args ...any) ([]*Case, error) {
	return queryMany(ctx, q.db, scanCase, "cases", query, args...)
}

// Create opens a case for a member, with its first message (the question and
// what Lotse suggested). originEvent is the event that confirmed it: creating
// again for the same event returns the existing case and created=false.
func (q *CaseQuery) Create(ctx context.Context, c *Case, originEvent, firstMessage string, now time.Time) (*Case, bool, error) {
	memberKey, err := q.owner.Privacy().MemberKey(ctx, c.MemberID)
	if err != nil {
		return nil, false, fmt.Errorf("failed to create case: %w", err)
	}
	out, created, err := createOnce(ctx, q.db, scanCase, "case", caseByOriginQuery, nextCaseIDQuery, getCaseQuery, originEvent, nil,
		func(ctx context.Context, next int64) error {
			if _, err := q.db.Exec(ctx, insertCaseQuery, next, c.MemberID, c.MemberRoom, c.Summary,
				strings.Join(c.Guides, "\n"), originEvent, now.UnixMilli(), c.Lang); err != nil {
				return err
			}
			if _, err := q.db.Exec(ctx, insertCaseMsgQuery, originEvent, next, MsgQuestion, c.MemberID, firstMessage, now.UnixMilli()); err != nil {
				return err
			}
			// Counted for the daily bound, beyond an erasure (OpenedSince).
			if _, err := q.db.Exec(ctx, insertOpeningQuery, memberKey, now.UnixMilli()); err != nil {
				return err
			}
			// The member's messages the question came from (sup30).
			for _, evt := range boundEvents(c.QuestionEvents) {
				if _, err := q.db.Exec(ctx, insertQuestionEventQuery, evt, next); err != nil {
					return err
				}
			}
			_, err := q.db.Exec(ctx, insertCaseEventQuery, next, "open", c.MemberID, "", now.UnixMilli())
			return err
		})
	if err != nil {
		return nil, false, err
	}
	*c = *out
	return c, created, nil
}

// ByOrigin returns the case created by the confirmation eventID, or nil.
func (q *CaseQuery) ByOrigin(ctx context.Context, eventID string) (*Case, error) {
	return q.one(ctx, caseByOriginQuery, eventID)
}

// Get returns case id, or nil.
func (q *CaseQuery) Get(ctx context.Context, id int64) (*Case, error) {
	return q.one(ctx, getCaseQuery, id)
}

// Exists reports whether case id is still there — for a message about it
// sent after its member's erasure may have deleted it (lib31). On
// PostgreSQL the read waits for an erasure that deleted the row and has
// not committed yet (FOR SHARE), instead of seeing the row as it was.
func (q *CaseQuery) Exists(ctx context.Context, id int64) (bool, error) {
	query := caseHereQuery
	if q.db.Dialect == dbutil.Postgres {
		query += ` FOR SHARE`
	}
	return exists(ctx, q.db, "read a case", query, id)
}

// ByTeamEvent returns the case whose team-room message is eventID, or nil.
func (q *CaseQuery) ByTeamEvent(ctx context.Context, eventID string) (*Case, error) {
	return q.one(ctx, caseByTeamEventQuery, eventID)
}

// ByRatingPrompt returns the case whose rating question is eventID, or nil.
func (q *CaseQuery) ByRatingPrompt(ctx context.Context, eventID string) (*Case, error) {
	return q.one(ctx, caseByRatingQuery, eventID)
}

// ActiveForMember returns the member's most recently active open case in roomID, or nil.
func (q *CaseQuery) ActiveForMember(ctx context.Context, memberID, roomID string) (*Case, error) {
	return q.one(ctx, activeForMemberQuery, memberID, roomID)
}

// OpenElsewhere returns the member's most recently active open case in a
// room other than roomID, or nil: the case of a member who now writes from
// another direct chat (sup29).
func (q *CaseQuery) OpenElsewhere(ctx context.Context, memberID, roomID string) (*Case, error) {
	return q.one(ctx, openElsewhereQuery, memberID, roomID)
}

// MoveToRoom makes roomID the room of memberID's open case id, where the
// team's answers go from now on (the member writes from another direct
// chat with Lotse, sup29); the case event "move" records it, by the
// member, with fromRoom, the room the case was in (the team's history
// does not show it). Only the case's own member moves it, and only an
// open case: moved=false otherwise, and when it is in roomID already.
//
// The case's question stays a message in the room the case was opened
// in: [CaseQuery.QuestionRoom] reads it from the first move (mend29b).
func (q *CaseQuery) MoveToRoom(ctx context.Context, id int64, memberID, fromRoom, roomID string, now time.Time) (bool, *Case, error) {
	return q.change(ctx, id, "move", memberID, fromRoom, now, moveCaseQuery, id, memberID, roomID)
}

// LastMove returns when case id last moved to another room
// ([CaseQuery.MoveToRoom]); zero when it never moved.
func (q *CaseQuery) LastMove(ctx context.Context, id int64) (time.Time, error) {
	at, _, err := queryValue[int64](ctx, q.db, "read the case's last move", lastMoveQuery, id)
	if err != nil || at == 0 {
		return time.Time{}, err
	}
	return time.UnixMilli(at), nil
}

// QuestionRoom is the room c's question message was written in: the room
// c was opened in, which is c.MemberRoom until the member's first move to
// another direct chat (MoveToRoom records the room it left). Learned
// questions and Lotse's copies of the question record it
// ([CaseQuery.QuestionSource]), so that the member's deletion of the
// question — in that room — still reaches them after the case followed
// the member to a new chat (mend29b: the sup29 move and the loop29
// take-back, each right alone, missed each other).
func (q *CaseQuery) QuestionRoom(ctx context.Context, c *Case) (string, error) {
	room, found, err := queryValue[string](ctx, q.db, "read the room of the case's question", firstMoveQuery, c.ID)
	if err != nil || !found || room == "" {
		return c.MemberRoom, err
	}
	return room, nil
}

// QuestionSource is [SourceOf] in the room the question was written in
// ([CaseQuery.QuestionRoom]).
func (q *CaseQuery) QuestionSource(ctx context.Context, c *Case, m CaseMessage) (QuestionSource, error) {
	src := SourceOf(c, m)
	if src.Event == "" {
		return src, nil
	}
	room, err := q.QuestionRoom(ctx, c)
	if err != nil {
		return QuestionSource{}, err
	}
	src.Room = room
	return src, nil
}

// CaseQuestion names a case's question message: the case and the event
// the message is stored under (case_message.source_event).
type CaseQuestion struct {
	CaseID int64
	Event  string
	// Words: the deleted message holds the question's words — one the
	// offer carried into the case, or the question message itself when
	// the case carries none. False for the „ja“ or ✅ that opened a case
	// whose words came from other messages (mend30a).
	Words bool
}

// QuestionsFrom returns the question messages of memberID's cases whose
// words came from the member's message eventID, written in roomID: the
// message the case keeps as its question (a !ticket, the „ja“ or ✅ that
// opened it), or one of the messages the offer carried into the case
// (CaseDraft.QuestionEvents; sup30). Only the member's own cases, and only
// the room the question was written in (the case's room or one it moved
// from): a redaction by someone else, or naming the event from another
// room, finds nothing. At most 20.
func (q *CaseQuery) QuestionsFrom(ctx context.Context, eventID, memberID, roomID string) ([]CaseQuestion, error) {
	if eventID == "" || memberID == "" || roomID == "" {
		return nil, nil
	}
	return values(queryMany(ctx, q.db, func(row rowScanner) (*CaseQuestion, error) {
		var c CaseQuestion
		var words int
		err := row.Scan(&c.CaseID, &c.Event, &words)
		c.Words = words == 1
		return &c, err
	}, "the questions from a member's message", questionsFromQuery, eventID, memberID, roomID))
}

// EraseSummary empties the summary of case id (the beginning of its
// question, shown on the board, in !offen and !meine), after its member
// deleted the message it came from; it reports whether there was one.
func (q *CaseQuery) EraseSummary(ctx context.Context, id int64) (bool, error) {
	n, err := execAffected(ctx, q.db, "a case's summary", eraseSummaryQuery, id)
	return n > 0, err
}

// boundEvents returns the non-empty events of list, without repeats, the
// newest MaxQuestionEvents.
func boundEvents(list []string) []string {
	var out []string
	for _, e := range list {
		if e != "" && !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	if len(out) > MaxQuestionEvents {
		out = out[len(out)-MaxQuestionEvents:]
	}
	return out
}

// ResolvedSince returns the member's case in roomID resolved at or after since, or nil.
func (q *CaseQuery) ResolvedSince(ctx context.Context, memberID, roomID string, since time.Time) (*Case, error) {
	return q.one(ctx, resolvedForMemberQuery, memberID, roomID, since.UnixMilli())
}

// OpenedSince counts the cases memberID opened at or after since, in any
// room (a member may have more than one direct chat with Lotse): the
// bound on how many cases one member opens a day (sup28).
// Bounded by the storage timeout as every other query (queryValue).
//
// The count survives the member's erasure (sup29): each case opened is
// also recorded under the member's keyed hash (case_opening, MemberKey),
// which an erasure leaves; the larger of the two counts holds (cases
// opened before the table existed are in support_case only). since must
// not lie more than CaseOpeningKept back.
func (q *CaseQuery) OpenedSince(ctx context.Context, memberID string, since time.Time) (int, error) {
	n, _, err := queryValue[int](ctx, q.db, "count the member's cases", openedSinceQuery, memberID, since.UnixMilli())
	if err != nil {
		return 0, err
	}
	memberKey, err := q.owner.Privacy().MemberKey(ctx, memberID)
	if err != nil {
		return 0, fmt.Errorf("failed to count the member's cases: %w", err)
	}
	kept, _, err := queryValue[int](ctx, q.db, "count the member's cases", openingsSinceQuery, memberKey, since.UnixMilli())
	return max(n, kept), err
}

// CaseOpeningKept is how long the record that a member opened a case
// (case_opening: their keyed hash and the time, for the daily bound on new
// cases) is kept, also after the member's erasure: a day
// (PruneOpenings).
const CaseOpeningKept = 24 * time.Hour

// PruneOpenings forgets the records of cases opened before before
// (CaseOpeningKept; the support worker calls it every tick).
func (q *CaseQuery) PruneOpenings(ctx context.Context, before time.Time) error {
	return q.exec(ctx, pruneOpeningsQuery, before.UnixMilli())
}

// ListForMember lists a member's cases, newest first.
func (q *CaseQuery) ListForMember(ctx context.Context, memberID string, limit int) ([]*Case, error) {
	return q.many(ctx, listForMemberQuery, memberID, limit)
}

// OpenBoard is the list behind !offen.
type OpenBoard struct {
	Unclaimed, Claimed []*Case // oldest first, each at most limit
	Open, ClaimedCount int     // totals
}

// ListOpen lists open cases: unclaimed first, then claimed, oldest first.
func (q *CaseQuery) ListOpen(ctx context.Context, limit int) (*OpenBoard, error) {
	var b OpenBoard
	var err error
	if b.Unclaimed, err = q.many(ctx, listUnclaimedQuery, limit); err != nil {
		return nil, err
	}
	if rest := limit - len(b.Unclaimed); rest > 0 {
		if b.Claimed, err = q.many(ctx, listClaimedQuery, rest); err != nil {
			return nil, err
		}
	}
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if err := q.db.QueryRow(ctx, countOpenQuery).Scan(&b.Open, &b.ClaimedCount); err != nil {
		return nil, fmt.Errorf("failed to count open cases: %w", err)
	}
	return &b, nil
}

// SetTeamEvent remembers the case message in the team room.
func (q *CaseQuery) SetTeamEvent(ctx context.Context, id int64, eventID string) error {
	return q.exec(ctx, setTeamEventQuery, id, eventID)
}

// SetRatingPrompt remembers the rating question sent to the member.
func (q *CaseQuery) SetRatingPrompt(ctx context.Context, id int64, eventID string) error {
	return q.exec(ctx, setRatingPromptQuery, id, eventID)
}

// SetLang sets the language of case id's messages to its member ("de"
// or "en"; see Case.Lang). It is no change of the case's state: its
// version stays.
func (q *CaseQuery) SetLang(ctx context.Context, id int64, lang string) error {
	return q.exec(ctx, setCaseLangQuery, id, lang)
}

// Touch records activity on a case (for reminders).
func (q *CaseQuery) Touch(ctx context.Context, id int64, now time.Time) error {
	return q.exec(ctx, touchCaseQuery, id, now.UnixMilli())
}

func (q *CaseQuery) exec(ctx context.Context, query string, args ...any) error {
	_, err := execAffected(ctx, q.db, "case", query, args...)
	return err
}

// change runs a conditional UPDATE and, if it changed the case, records a
// case event with the new version. It reports whether the case changed and
// returns the case as it is afterwards (nil if it does not exist).
func (q *CaseQuery) change(ctx context.Context, id int64, kind, actor, detail string, now time.Time, query string, args ...any) (bool, *Case, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	changed := false
	var after *Case
	err := q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		res, err := q.db.Exec(ctx, query, args...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 1 {
			changed = true
			if _, err := q.db.Exec(ctx, insertCaseEventQuery, id, kind, actor, detail, now.UnixMilli()); err != nil {
				return err
			}
		}
		after, err = scanCase(q.db.QueryRow(ctx, getCaseQuery, id))
		if errors.Is(err, sql.ErrNoRows) {
			after, err = nil, nil
		}
		return err
	})
	if err != nil {
		return false, nil, fmt.Errorf("failed to %s case: %w", kind, err)
	}
	return changed, after, nil
}

// Claim gives an open, unclaimed case to user. Of two claims at the same
// moment exactly one wins; the loser gets claimed=false and the case with
// its assignee.
func (q *CaseQuery) Claim(ctx context.Context, id int64, user string, now time.Time) (bool, *Case, error) {
	return q.change(ctx, id, "claim", user, "", now, claimCaseQuery, id, user, now.UnixMilli())
}

// ClaimByTeam is Claim for a member of the team: the write itself checks
// that user holds the active team role, in the same statement, so a
// volunteer whose role was revoked after the command's role check — and
// whose claimed cases were given back before this claim was written —
// does not end up holding the case (sup29). claimed=false then, with the
// case unclaimed.
func (q *CaseQuery) ClaimByTeam(ctx context.Context, id int64, user string, now time.Time) (bool, *Case, error) {
	return q.change(ctx, id, "claim", user, "", now, claimByTeamQuery, id, user, now.UnixMilli())
}

// AssignToTeam is Assign to a member of the team: the write checks, as
// ClaimByTeam does, that assignee holds the active team role.
func (q *CaseQuery) AssignToTeam(ctx context.Context, id int64, actor, assignee string, now time.Time) (bool, *Case, error) {
	return q.change(ctx, id, "assign", actor, assignee, now, assignToTeamQuery, id, assignee, now.UnixMilli())
}

// Unclaim releases a case claimed by user.
func (q *CaseQuery) Unclaim(ctx context.Context, id int64, user string, now time.Time) (bool, *Case, error) {
	return q.change(ctx, id, "unclaim", user, "", now, unclaimCaseQuery, id, user, now.UnixMilli())
}

// ReturnStale gives an open case claimed by assignee back to the queue
// (by actor, Lotse) when it has seen no activity since idleSince; the
// case event "return" names the former assignee. Activity or another
// change in between leaves it claimed (returned=false).
func (q *CaseQuery) ReturnStale(ctx context.Context, id int64, assignee, actor string, idleSince, now time.Time) (bool, *Case, error) {
	return q.change(ctx, id, "return", actor, assignee, now, returnStaleQuery, id, assignee, now.UnixMilli(), idleSince.UnixMilli())
}

// Assign gives an open case to assignee (by actor), whoever had it; it
// changes nothing when assignee has it already.
func (q *CaseQuery) Assign(ctx context.Context, id int64, actor, assignee string, now time.Time) (bool, *Case, error) {
	return q.change(ctx, id, "assign", actor, assignee, now, assignCaseQuery, id, assignee, now.UnixMilli())
}

// Resolve marks an open case resolved.
func (q *CaseQuery) Resolve(ctx context.Context, id int64, actor, solution string, now time.Time) (bool, *Case, error) {
	return q.change(ctx, id, "resolve", actor, solution, now, resolveCaseQuery, id, now.UnixMilli())
}

// Reopen opens a resolved or closed case again.
func (q *CaseQuery) Reopen(ctx context.Context, id int64, actor string, now time.Time) (bool, *Case, error) {
	return q.change(ctx, id, "reopen", actor, "", now, reopenCaseQuery, id, now.UnixMilli())
}

// ReopenUnassigned opens a resolved or closed case again without its
// assignee (they no longer hold the team role); the "reopen" event's
// detail names the former assignee.
func (q *CaseQuery) ReopenUnassigned(ctx context.Context, id int64, actor, formerAssignee string, now time.Time) (bool, *Case, error) {
	return q.change(ctx, id, "reopen", actor, formerAssignee, now, reopenUnassignedQuery, id, now.UnixMilli())
}

// ReopenChecked opens case id again by actor, deciding in the write
// what the caller decided on the case as read: only a resolved case, or
// also a closed one (alsoClosed, the team's !wiedereröffnen); with its
// assignee while they hold the active team role, else without them (the
// "reopen" event's detail names them; assignee is the one read, "" if
// none). A change at the same second made the read stale: the member
// closed the case for good from their other direct chat with Lotse while
// their message in the first reopened it, as resolved, and the close was
// lost; a manager revoked the assignee's role, whose return of their
// cases found this one resolved, and it came back „in Arbeit“ for someone
// no longer in the team (race35).
func (q *CaseQuery) ReopenChecked(ctx context.Context, id int64, actor, assignee string, alsoClosed bool, now time.Time) (bool, *Case, error) {
	upTo := int(CaseResolved)
	if alsoClosed {
		upTo = int(CaseClosed)
	}
	changed, after, err := q.change(ctx, id, "reopen", actor, "", now, reopenKeepingQuery, id, now.UnixMilli(), upTo)
	if changed || err != nil || assignee == "" {
		return changed, after, err
	}
	return q.change(ctx, id, "reopen", actor, assignee, now, reopenDroppingQuery, id, now.UnixMilli(), upTo, assignee)
}

// ReopenWithout is ReopenChecked for a case whose assignee (the one read)
// the caller found no longer in the team by more than the role's status
// — their team gate no longer passed: a training expired or a
// declaration withdrawn, the role still active until the worker's next
// tick pauses it. The case opens again without them, from the same
// statuses as ReopenChecked. Should the assignee have changed since the
// read (a resolved case handed back, now without one), it is
// ReopenChecked for the case as it is.
func (q *CaseQuery) ReopenWithout(ctx context.Context, id int64, actor, assignee string, alsoClosed bool, now time.Time) (bool, *Case, error) {
	if assignee == "" {
		return q.ReopenChecked(ctx, id, actor, "", alsoClosed, now)
	}
	upTo := int(CaseResolved)
	if alsoClosed {
		upTo = int(CaseClosed)
	}
	changed, after, err := q.change(ctx, id, "reopen", actor, assignee, now, reopenDroppingQuery, id, now.UnixMilli(), upTo, assignee)
	if changed || err != nil || after == nil || after.Assignee == assignee {
		return changed, after, err
	}
	return q.ReopenChecked(ctx, id, actor, after.Assignee, alsoClosed, now)
}

// Close closes a case for good.
func (q *CaseQuery) Close(ctx context.Context, id int64, actor string, now time.Time) (bool, *Case, error) {
	return q.change(ctx, id, "close", actor, "", now, closeCaseQuery, id, now.UnixMilli())
}

// Rate records the member's rating (1 or -1) once.
func (q *CaseQuery) Rate(ctx context.Context, id int64, actor string, rating int, now time.Time) (bool, *Case, error) {
	return q.change(ctx, id, "rate", actor, fmt.Sprint(rating), now, rateCaseQuery, id, rating)
}

// Events returns the state changes of a case in order.
func (q *CaseQuery) Events(ctx context.Context, id int64) ([]CaseEvent, error) {
	return values(queryMany(ctx, q.db, scanCaseEvent, "case events", caseEventsQuery, id))
}

func scanCaseEvent(row rowScanner) (*CaseEvent, error) {
	var e CaseEvent
	var at int64
	if err := row.Scan(&e.CaseID, &e.Version, &e.Kind, &e.Actor, &e.Detail, &at); err != nil {
		return nil, err
	}
	e.CreatedAt = time.UnixMilli(at)
	return &e, nil
}

// AddMessage stores a message of a case and records the activity. A
// message whose source event is already stored is not added again
// (added=false): the relay of it already happened or is being repeated
// with the same transaction IDs. firstAnswer reports that m was added and
// is the case's first [MsgAnswer] (for the time-to-first-response figure;
// a repeated relay never reports it twice).
func (q *CaseQuery) AddMessage(ctx context.Context, m CaseMessage) (added, firstAnswer bool, err error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	err = q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		added, firstAnswer = false, false
		res, err := q.db.Exec(ctx, insertCaseMsgQuery, m.SourceEvent, m.CaseID, m.Kind, m.Sender, m.Body, m.CreatedAt.UnixMilli())
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return nil
		}
		added = true
		if m.Kind == MsgAnswer {
			var answers int
			if err := q.db.QueryRow(ctx, countAnswersQuery, m.CaseID, MsgAnswer).Scan(&answers); err != nil {
				return err
			}
			firstAnswer = answers == 1
		}
		_, err = q.db.Exec(ctx, touchCaseQuery, m.CaseID, m.CreatedAt.UnixMilli())
		return err
	})
	if err != nil {
		return false, false, fmt.Errorf("failed to store case message: %w", err)
	}
	return added, firstAnswer, nil
}

// EraseMessage empties the stored text of the message that came from
// sourceEvent (its author deleted it in the chat) and reports whether there
// was one. Only the author's own message is erased: sender must be the one
// who wrote it.
func (q *CaseQuery) EraseMessage(ctx context.Context, sourceEvent, sender string) (bool, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	res, err := q.db.Exec(ctx, eraseCaseMsgQuery, sourceEvent, sender)
	if err != nil {
		return false, fmt.Errorf("failed to erase case message: %w", err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// EraseSolution erases the solution text solution that actor gave when
// resolving case id (its resolve event's detail), after actor deleted
// the command; it reports whether there was one.
func (q *CaseQuery) EraseSolution(ctx context.Context, id int64, actor, solution string) (bool, error) {
	n, err := execAffected(ctx, q.db, "a case's solution", eraseSolutionQuery, id, actor, solution)
	return n > 0, err
}

// Messages returns the messages of a case in order.
func (q *CaseQuery) Messages(ctx context.Context, id int64) ([]CaseMessage, error) {
	return values(queryMany(ctx, q.db, scanCaseMessage, "case messages", caseMessagesQuery, id))
}

func scanCaseMessage(row rowScanner) (*CaseMessage, error) {
	var m CaseMessage
	var at int64
	if err := row.Scan(&m.SourceEvent, &m.CaseID, &m.Kind, &m.Sender, &m.Body, &at); err != nil {
		return nil, err
	}
	m.CreatedAt = time.UnixMilli(at)
	return &m, nil
}

// DueUnclaimed lists open, unclaimed cases unchanged since before.
func (q *CaseQuery) DueUnclaimed(ctx context.Context, before time.Time) ([]*Case, error) {
	return q.many(ctx, dueUnclaimedQuery, before.UnixMilli())
}

// waitingQuery lists the open cases behind [CaseQuery.Waiting] ($2 =
// waitingKeyPrefix).
const waitingQuery = `SELECT ` + caseColumns + ` FROM support_case WHERE status=1 AND created_at<=$1
	AND NOT EXISTS (SELECT 1 FROM case_message m WHERE m.case_id=support_case.id AND m.kind='answer')
	AND NOT EXISTS (SELECT 1 FROM case_reminder r WHERE r.key=$2 || CAST(support_case.id AS TEXT))
	ORDER BY created_at LIMIT 100`

// WaitingKey is the reminder key ([CaseQuery.MarkReminder]) of the notice
// to the member of case id that their case waits for an answer.
func WaitingKey(id int64) string { return waitingKeyPrefix + strconv.FormatInt(id, 10) }

const waitingKeyPrefix = "member-wait:"

// Waiting lists open cases opened at or before before that have no answer
// to their member yet and whose member was not told so (WaitingKey),
// oldest first, at most 100.
func (q *CaseQuery) Waiting(ctx context.Context, before time.Time) ([]*Case, error) {
	return q.many(ctx, waitingQuery, before.UnixMilli(), waitingKeyPrefix)
}

// StaleClaimed lists claimed open cases without activity since before.
func (q *CaseQuery) StaleClaimed(ctx context.Context, before time.Time) ([]*Case, error) {
	return q.many(ctx, staleClaimedQuery, before.UnixMilli())
}

// ReminderDone reports whether the reminder key was already sent.
func (q *CaseQuery) ReminderDone(ctx context.Context, key string) (bool, error) {
	return exists(ctx, q.db, "read reminder", reminderDoneQuery, key)
}

// ReminderSent returns when the reminder key was sent (sent=false: not yet).
func (q *CaseQuery) ReminderSent(ctx context.Context, key string) (at time.Time, sent bool, err error) {
	ms, sent, err := queryValue[int64](ctx, q.db, "read reminder", reminderSentQuery, key)
	if err != nil || !sent {
		return time.Time{}, false, err
	}
	return time.UnixMilli(ms), true, nil
}

// MarkReminder records that the reminder key was sent.
func (q *CaseQuery) MarkReminder(ctx context.Context, key string, now time.Time) error {
	return q.exec(ctx, markReminderQuery, key, now.UnixMilli())
}

// Prune deletes cases resolved or closed before before, with all their
// messages and events, keeping only anonymous counts. It also forgets
// reminders and drafts older than before, and the learning prompt markers
// of deleted cases ([LearnPromptKey]). It returns the number of cases deleted.
// It queues no redactions in the team room: DB.Retention does (prune).
func (q *CaseQuery) Prune(ctx context.Context, before time.Time) (int, error) {
	return q.prune(ctx, before, time.Time{})
}

// prune is Prune; unless queueAt is zero, it queues the team-room events of
// each case for redaction (queueExpiredCase, at queueAt) in the
// transaction that deletes it, before it goes (priv29).
func (q *CaseQuery) prune(ctx context.Context, before, queueAt time.Time) (int, error) {
	total := 0
	for {
		n, err := q.pruneBatch(ctx, before, queueAt)
		total += n
		if err != nil || n == 0 {
			if err == nil {
				err = q.exec(ctx, pruneRemindersQuery, before.UnixMilli())
			}
			if err == nil {
				err = q.exec(ctx, pruneLearnPromptsQuery)
			}
			return total, err
		}
	}
}

func (q *CaseQuery) pruneBatch(ctx context.Context, before, queueAt time.Time) (int, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	n := 0
	err := q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		rows, err := q.db.Query(ctx, expiredCasesQuery, before.UnixMilli())
		if err != nil {
			return err
		}
		type expired struct {
			id             int64
			status, rating int
		}
		var list []expired
		for rows.Next() {
			var e expired
			if err := rows.Scan(&e.id, &e.status, &e.rating); err != nil {
				rows.Close()
				return err
			}
			list = append(list, e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		counts := map[string]int{}
		for _, e := range list {
			if !queueAt.IsZero() {
				if err := q.queueExpiredCase(ctx, e.id, queueAt); err != nil {
					return err
				}
			}
			if _, err := q.db.Exec(ctx, deleteCaseQuery, e.id); err != nil {
				return err
			}
			counts["deleted"]++
			if e.status == int(CaseResolved) {
				counts["resolved"]++
			} else {
				counts["closed"]++
			}
			switch e.rating {
			case 1:
				counts["helpful"]++
			case -1:
				counts["unhelpful"]++
			}
		}
		for name, v := range counts {
			if _, err := q.db.Exec(ctx, addStatQuery, name, v); err != nil {
				return err
			}
		}
		n = len(list)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("failed to prune cases: %w", err)
	}
	return n, nil
}

// Stats returns the anonymous counts of deleted cases.
func (q *CaseQuery) Stats(ctx context.Context) (map[string]int64, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	rows, err := q.db.Query(ctx, statsQuery)
	if err != nil {
		return nil, fmt.Errorf("failed to read case stats: %w", err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var name string
		var v int64
		if err := rows.Scan(&name, &v); err != nil {
			return nil, err
		}
		out[name] = v
	}
	return out, rows.Err()
}

// nextCaseIDQuery gives out the number of a new row (never one used before).
var nextCaseIDQuery = nextIDQuery("case", "support_case")
