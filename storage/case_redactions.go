package storage

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// After an erasure (PrivacyQuery.Erase) the team room still holds what
// Lotse itself posted of the erased member's cases: the case message with
// their name, Matrix ID and question, the question's thread message, the
// relays of their messages and Lotse's edits of them. Lotse can and must
// redact its own events there (DSGVO Art. 17); team members' own messages
// are theirs to delete. Erase queues what to redact (case_redaction) in its
// transaction, before the case rows go; the support workflow redacts and
// then forgets each row (support.Workflow.FinishErasures).
//
// The end of the retention period asks the same (DSGVO Art. 5 (1) e;
// priv29): the retention rules "cases" and "access" (DB.Retention) queue
// the same pieces of each expired case or access request, with
// CauseRetention, in the transaction that deletes it (unless
// RetentionPolicy.KeepRoomMessages); the workflows redact them with their
// own reason and bound (FinishExpired). Nothing else writes the queue:
// no message of a member makes Lotse redact anything.

// Kinds of a CaseRedaction.
const (
	// RedactRoot: EventID is the case message in the team room; CaseID
	// and Version name Lotse's edits of it (the board).
	RedactRoot = "root"
	// RedactQuestion: EventID is the case's origin event (the question's
	// thread message was sent for it).
	RedactQuestion = "question"
	// RedactRelay: EventID is a member's message relayed to the team.
	RedactRelay = "relay"
	// RedactEdit: EventID is a member's edit Lotse applied to a relay.
	RedactEdit = "edit"
	// RedactShown: EventID is another of Lotse's messages in the team
	// room that shows the case's member (CaseQuery.Shown).
	RedactShown = "shown"
	// RedactAccess: EventID is the message of an access request in the
	// approvals room (the member's name, Matrix ID, e-mail and reason);
	// CaseID is the request's number and Version its version, which
	// name Lotse's edits of it and its notes in its thread (gdpr26). The
	// access workflow redacts these (access.Workflow.FinishErasures), the
	// support workflow the others.
	RedactAccess = "access"
)

// AccessShownVersion is the Version of a queued RedactAccess whose EventID
// is not the request message but one of Lotse's other messages about the
// request in the approvals room (an edit of the request message, a note in
// its thread; access_shown, priv30): only that event is redacted. A v20 or
// v21 binary reads it as a request message without versions and redacts
// the event as well.
const AccessShownVersion = -1

// Causes of a CaseRedaction: why Lotse redacts its events.
const (
	// CauseErasure: the member had their data erased (PrivacyQuery.Erase;
	// DSGVO Art. 17).
	CauseErasure = "erasure"
	// CauseRetention: the case or access request was deleted at the end of
	// its retention period (DB.Retention: support_retention,
	// access_retention; DSGVO Art. 5 (1) e; priv29).
	CauseRetention = "retention"
)

// CaseRedaction is one piece of an erased member's case, or of a case or
// access request deleted at the end of its retention period, whose
// events in the team or approvals room are still to be redacted.
type CaseRedaction struct {
	Kind      string
	EventID   string
	CaseID    int64
	Version   int
	CreatedAt time.Time
	Cause     string // CauseErasure or CauseRetention
}

// redactionInsert and redactionConflict frame every statement that queues
// a redaction (caseRedactionSteps, accessRedactionSteps): a message
// queued twice (by an erasure and the retention) is queued once.
const (
	redactionInsert   = `INSERT INTO case_redaction (kind, event_id, case_id, version, created_at, cause) `
	redactionConflict = ` ON CONFLICT (kind, event_id) DO NOTHING`
)

// caseRedactionSteps are the statements that queue for redaction the
// team-room events of the cases a condition selects: cases is the
// condition on support_case („member_id=$1“), caseIDs the one on a case
// number column („ IN (…)“, „=$1“), at the parameter of the time in ms and
// cause the queued cause. One list for the erasure and the retention, so a
// kind of message added to one cannot be missed by the other (whole29).
func caseRedactionSteps(cases, caseIDs, at, cause string) []string {
	insert, conflict := redactionInsert, redactionConflict
	rest := at + `, '` + cause + `'`
	return []string{
		insert + `SELECT 'root', team_event, id, version, ` + rest + ` FROM support_case
		WHERE ` + cases + ` AND team_event IS NOT NULL AND team_event<>''` + conflict,
		insert + `SELECT 'question', origin_event, id, 0, ` + rest + ` FROM support_case WHERE ` + cases + conflict,
		insert + `SELECT 'relay', source_event, case_id, 0, ` + rest + ` FROM case_message
		WHERE case_id` + caseIDs + ` AND kind='member'` + conflict,
		insert + `SELECT 'edit', e.edit_event, m.case_id, 0, ` + rest + ` FROM case_edit e JOIN case_message m ON m.source_event=e.source_event
		WHERE m.case_id` + caseIDs + ` AND m.kind='member'` + conflict,
		insert + `SELECT 'shown', event_id, case_id, 0, ` + rest + ` FROM case_shown WHERE case_id` + caseIDs + conflict,
	}
}

// queueRedactions are the steps of Erase that queue the team-room events
// of the member's cases and the approvals-room events of their access
// requests ($1 user, $4 the erasure's time in ms), run first, while the
// rows are still there. They are not counted: the member's summary of what
// was deleted names their data, not this bookkeeping.
var queueRedactions = append(caseRedactionSteps("member_id=$1", " IN "+ownCases, "$4", CauseErasure),
	accessRedactionSteps("member_id=$1", "$4", CauseErasure)...)

// accessRedactionSteps are the statements that queue for redaction the
// approvals-room events of the access requests a condition selects:
// requests is the condition on access_request („member_id=$1“), at the
// parameter of the time in ms and cause the queued cause. The request
// message (with the request's version, which names the edits and notes
// sent_event still knows) and every message recorded in access_shown
// (AccessShownVersion). One list for the erasure and the retention, as
// caseRedactionSteps (priv30).
func accessRedactionSteps(requests, at, cause string) []string {
	insert, conflict := redactionInsert, redactionConflict
	rest := at + `, '` + cause + `'`
	return []string{
		insert + `SELECT 'access', approvals_event, id, version, ` + rest + ` FROM access_request
		WHERE ` + requests + ` AND approvals_event<>''` + conflict,
		insert + `SELECT 'access', event_id, request_id, ` + strconv.Itoa(AccessShownVersion) + `, ` + rest + ` FROM access_shown
		WHERE request_id IN (SELECT id FROM access_request WHERE ` + requests + `)` + conflict,
	}
}

// expiredCaseRedactions are the statements of the retention rule "cases"
// that queue the team-room events of one expired case ($1 the case's
// number, $2 the retention's time in ms), run in the transaction that
// deletes the case, before it goes (CaseQuery.pruneBatch).
var expiredCaseRedactions = caseRedactionSteps("id=$1", "=$1", "$2", CauseRetention)

// queueExpiredCase queues the team-room events of the expired case id
// for redaction (CauseRetention) in the transaction of ctx.
func (q *CaseQuery) queueExpiredCase(ctx context.Context, id int64, at time.Time) error {
	for _, s := range expiredCaseRedactions {
		if _, err := q.db.Exec(ctx, s, id, at.UnixMilli()); err != nil {
			return fmt.Errorf("failed to queue the team-room messages of an expired case: %w", err)
		}
	}
	return nil
}

// Expired access requests (the retention rule "access"; $1 the cutoff,
// $2 the retention's time in ms): the request message in the approvals
// room and Lotse's other messages about it there (access_shown), queued
// before the rows go, in the same transaction.
var queueExpiredAccess = accessRedactionSteps(expiredAccessStatus, "$2", CauseRetention)

const (
	insertShownQuery        = `INSERT INTO case_shown (case_id, event_id) SELECT id, $2 FROM support_case WHERE id=$1 ON CONFLICT (case_id, event_id) DO NOTHING`
	caseRedactionsQuery     = `SELECT kind, event_id, case_id, version, created_at, cause FROM case_redaction WHERE kind<>'access' AND cause=$1 ORDER BY created_at, kind, event_id LIMIT $2`
	accessRedactionsQuery   = `SELECT kind, event_id, case_id, version, created_at, cause FROM case_redaction WHERE kind='access' AND cause=$1 ORDER BY created_at, event_id LIMIT $2`
	doneCaseRedactionQuery  = `DELETE FROM case_redaction WHERE kind=$1 AND event_id=$2`
	laterCaseRedactionQuery = `UPDATE case_redaction SET created_at=(SELECT MAX(created_at) + 1 FROM case_redaction)
		WHERE kind=$1 AND event_id=$2`
)

// Redactions returns at most limit redactions in the team room that
// erasures queued, oldest first.
func (q *CaseQuery) Redactions(ctx context.Context, limit int) ([]CaseRedaction, error) {
	return q.redactions(ctx, caseRedactionsQuery, CauseErasure, limit)
}

// AccessRedactions returns at most limit redactions in the approvals room
// (RedactAccess) that erasures queued, oldest first.
func (q *CaseQuery) AccessRedactions(ctx context.Context, limit int) ([]CaseRedaction, error) {
	return q.redactions(ctx, accessRedactionsQuery, CauseErasure, limit)
}

// ExpiredRedactions returns at most limit redactions in the team room
// that the retention rules queued (CauseRetention), oldest first. They are
// read apart from the erasures' so that neither holds back the other.
func (q *CaseQuery) ExpiredRedactions(ctx context.Context, limit int) ([]CaseRedaction, error) {
	return q.redactions(ctx, caseRedactionsQuery, CauseRetention, limit)
}

// ExpiredAccessRedactions returns at most limit redactions in the
// approvals room that the retention rules queued, oldest first.
func (q *CaseQuery) ExpiredAccessRedactions(ctx context.Context, limit int) ([]CaseRedaction, error) {
	return q.redactions(ctx, accessRedactionsQuery, CauseRetention, limit)
}

func (q *CaseQuery) redactions(ctx context.Context, query, cause string, limit int) ([]CaseRedaction, error) {
	return values(queryMany(ctx, q.db, func(row rowScanner) (*CaseRedaction, error) {
		var r CaseRedaction
		var at int64
		if err := row.Scan(&r.Kind, &r.EventID, &r.CaseID, &r.Version, &at, &r.Cause); err != nil {
			return nil, err
		}
		r.CreatedAt = time.UnixMilli(at)
		return &r, nil
	}, "case redactions", query, cause, limit))
}

// RedactionDone forgets a queued redaction whose events are redacted.
func (q *CaseQuery) RedactionDone(ctx context.Context, r CaseRedaction) error {
	return q.exec(ctx, doneCaseRedactionQuery, r.Kind, r.EventID)
}

// RedactionLater puts a queued redaction whose events could not be
// redacted behind every other queued one (its created_at becomes the
// queue's latest plus one), so that pieces that keep failing — a whole
// batch of them — do not hold back the redactions of later erasures
// (Redactions reads the oldest first; mend25a).
func (q *CaseQuery) RedactionLater(ctx context.Context, r CaseRedaction) error {
	return q.exec(ctx, laterCaseRedactionQuery, r.Kind, r.EventID)
}

// Shown records that Lotse's message eventID in the team room shows the
// member of each of caseIDs (their name or words: `!offen`, `!fall`, a
// guide draft, a learning prompt): an erasure of the member redacts it. A
// case that is gone is skipped. Recording it again changes nothing.
func (q *CaseQuery) Shown(ctx context.Context, eventID string, caseIDs ...int64) error {
	if eventID == "" || len(caseIDs) == 0 {
		return nil
	}
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	return q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		for _, id := range caseIDs {
			if _, err := q.db.Exec(ctx, insertShownQuery, id, eventID); err != nil {
				return fmt.Errorf("failed to record where a case is shown: %w", err)
			}
		}
		return nil
	})
}
