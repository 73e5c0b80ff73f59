package storage

import (
	"context"
	"fmt"
	"time"
)

// RetentionPolicy holds the retention period of each kind of personal
// data. Zero turns a rule off (data of that kind is then kept).
type RetentionPolicy struct {
	Inbox   time.Duration // handled events and sent-event records (exactly-once)
	Answers time.Duration // which guide an answer showed; votes on it
	Choices time.Duration // open "Meintest du …?" choices and drafts
	Cases   time.Duration // resolved and closed support cases
	Access  time.Duration // decided access requests (not pending or in provisioning)
	Audit   time.Duration // access and role audit logs
	Members time.Duration // member state, checklist, notices of inactive members without a role; removed team gates
	// FailedQuestions: questions Lotse could not answer, kept for the
	// team's digest of missing guides (storage/gaps.go).
	FailedQuestions time.Duration
	// KeepRoomMessages keeps Lotse's own messages in the team and the
	// approvals room when the cases and access requests they show are
	// deleted (retention_redacts_room_messages: false). Without it (the
	// default) the rules "cases" and "access" queue them for redaction
	// (case_redaction, CauseRetention; priv29).
	KeepRoomMessages bool
	// RoundTableLead is the longest round-table reminder offset
	// (roundtable_reminders): a reminder's record of a running series must
	// outlive its round table, or the tick sends it again (roundtable_sent).
	RoundTableLead time.Duration
}

// roundTableSentRetention is how long a running series' record of a send
// is kept: Cases, but at least until the round table it was sent for has
// ended — its earliest reminder plus the longest round table (a day,
// schedule's limit). A reminder a week before with a support_retention of
// seven days was forgotten before its date and sent again (mend24b).
func roundTableSentRetention(p RetentionPolicy) time.Duration {
	if p.Cases <= 0 {
		return p.Cases
	}
	return max(p.Cases, p.RoundTableLead+24*time.Hour)
}

// RetentionResult is what one rule deleted (or would delete). With
// Messages, Table names a room (TeamRoomMessages, ApprovalsRoomMessages)
// and Rows counts Lotse's messages there that the rule queued (or would
// queue) for redaction, not rows.
type RetentionResult struct {
	Rule     string
	Table    string
	Period   time.Duration
	Rows     int64
	Messages bool
}

// The rooms whose messages of Lotse the retention rules redact
// (RetentionResult.Messages).
const (
	TeamRoomMessages      = "team_room"
	ApprovalsRoomMessages = "approvals_room"
)

type retentionRule struct {
	rule, table string
	period      func(RetentionPolicy) time.Duration
	count       string // $1 = cutoff in ms
	del         []string
}

// messages reports whether r counts Lotse's messages in a room
// (RetentionResult.Messages) instead of rows; such a rule deletes nothing.
func (r retentionRule) messages() bool {
	return r.table == TeamRoomMessages || r.table == ApprovalsRoomMessages
}

// retentionQueues queue, by table, Lotse's room messages of what a rule
// deletes for redaction ($1 = cutoff, $2 = now in ms), in the rule's
// transaction, first; skipped with KeepRoomMessages. The table
// support_case queues in CaseQuery.prune.
var retentionQueues = map[string][]string{"access_request": queueExpiredAccess, "access_listing": {queueListingsQuery}}

// roomMessages is the period of a rule that counts Lotse's room messages:
// period, unless the policy keeps them.
func roomMessages(period func(RetentionPolicy) time.Duration) func(RetentionPolicy) time.Duration {
	return func(p RetentionPolicy) time.Duration {
		if p.KeepRoomMessages {
			return 0
		}
		return period(p)
	}
}

// expiredCases are the cases the rule "cases" deletes ($1 = cutoff in ms).
const expiredCases = `(SELECT id FROM support_case WHERE status IN (2, 3) AND closed_at<$1)`

// countTeamRoomMessages counts Lotse's messages in the team room that the
// rule "cases" redacts: each expired case's message and the messages
// recorded as showing it (case_shown: its question, the relays and
// edits, `!offen`, `!fall`, …; a list of several cases once). Pieces found
// only through sent_event (sent before case25) are not counted: after
// inbox_retention they are not found either.
const countTeamRoomMessages = `SELECT
	(SELECT COUNT(*) FROM support_case WHERE id IN ` + expiredCases + ` AND team_event IS NOT NULL AND team_event<>'')
	+ (SELECT COUNT(DISTINCT event_id) FROM case_shown WHERE case_id IN ` + expiredCases + `)`

const expiredAccessStatus = `status IN ('denied', 'withdrawn', 'provisioned', 'failed') AND updated_at<$1`

// countApprovalsRoomMessages counts Lotse's messages in the approvals room
// that the rule "access" redacts: each expired request's message and the
// messages recorded as showing it (access_shown: the edits of the request
// message, the notes in its thread; priv30). Pieces found only through
// sent_event (sent before v22) are not counted: after inbox_retention
// they are not found either.
const countApprovalsRoomMessages = `SELECT
	(SELECT COUNT(*) FROM access_request WHERE ` + expiredAccessStatus + ` AND approvals_event<>'')
	+ (SELECT COUNT(DISTINCT event_id) FROM access_shown WHERE request_id IN (SELECT id FROM access_request WHERE ` + expiredAccessStatus + `))`

// inboxExpired selects the inbox rows done before the cutoff $1: handled
// ones by when they were handled, and those never handled — history
// skipped (before Lotse's first start, before its invite into the room,
// older than the inbox's retention: InboxSkipped), stored without a
// handled_at — by the event's time. Before priv35 a skipped row, which
// keeps its sender's Matrix ID, was never deleted. Deleting it is safe:
// an event sent again later is older than the retention by then and is
// skipped again (bot's beyondRetention).
const inboxExpired = `state<>0 AND (handled_at<$1 OR handled_at IS NULL AND received_at<$1)`

const inactiveMembers = `(SELECT user_id FROM member_state WHERE last_seen<$1
	AND user_id NOT IN (SELECT user_id FROM member_role WHERE status<>'removed'))`

// goneMembers are people with no member_state left (pruned as inactive
// just before, or erased) and no active role: tables keyed by user that the
// member_state rule runs before still find them here.
const goneMembers = `(SELECT user_id FROM member_role WHERE status<>'removed'
	UNION SELECT user_id FROM member_state)`

var retentionRules = []retentionRule{
	{"inbox", "inbox", func(p RetentionPolicy) time.Duration { return p.Inbox },
		`SELECT COUNT(*) FROM inbox WHERE ` + inboxExpired, []string{`DELETE FROM inbox WHERE ` + inboxExpired}},
	{"inbox", "sent_event", func(p RetentionPolicy) time.Duration { return p.Inbox },
		`SELECT COUNT(*) FROM sent_event WHERE sent_at<$1`, []string{`DELETE FROM sent_event WHERE sent_at<$1`}},
	{"answers", "answer", func(p RetentionPolicy) time.Duration { return p.Answers },
		`SELECT COUNT(*) FROM answer WHERE created_at<$1`, []string{
			`DELETE FROM answer_vote WHERE event_id IN (SELECT event_id FROM answer WHERE created_at<$1)`,
			`DELETE FROM answer WHERE created_at<$1`}},
	{"choices", "pending_choice", func(p RetentionPolicy) time.Duration { return p.Choices },
		`SELECT COUNT(*) FROM pending_choice WHERE created_at<$1`, []string{`DELETE FROM pending_choice WHERE created_at<$1`}},
	// Expired drafts lose the member's question; the event IDs of their
	// case offers stay CaseOfferMemory longer (CaseQuery.PruneDrafts).
	{"choices", "case_draft", func(p RetentionPolicy) time.Duration { return p.Choices },
		countExpiredDraftsQuery, expireDrafts},
	{"cases", TeamRoomMessages, roomMessages(func(p RetentionPolicy) time.Duration { return p.Cases }),
		countTeamRoomMessages, nil}, // queued by CaseQuery.prune with the cases
	{"cases", "support_case", func(p RetentionPolicy) time.Duration { return p.Cases },
		`SELECT COUNT(*) FROM support_case WHERE status IN (2, 3) AND closed_at<$1`, nil}, // CaseQuery.Prune (keeps anonymous counts)
	// The record that a member opened a case (the daily bound, sup29) is
	// kept CaseOpeningKept whatever is configured, also with support
	// cases off: the support worker that prunes it runs only while they
	// are on (whole29).
	{"cases", "case_opening", func(RetentionPolicy) time.Duration { return CaseOpeningKept },
		`SELECT COUNT(*) FROM case_opening WHERE opened_at<$1`, []string{pruneOpeningsQuery}},
	{"cases", "case_reminder", func(p RetentionPolicy) time.Duration { return p.Cases },
		`SELECT COUNT(*) FROM case_reminder WHERE sent_at<$1`, []string{`DELETE FROM case_reminder WHERE sent_at<$1`}},
	{"access", ApprovalsRoomMessages, roomMessages(func(p RetentionPolicy) time.Duration { return p.Access }),
		countApprovalsRoomMessages, nil}, // queued by the next rule (retentionQueues)
	{"access", "access_request", func(p RetentionPolicy) time.Duration { return p.Access },
		`SELECT COUNT(*) FROM access_request WHERE ` + expiredAccessStatus, []string{
			`DELETE FROM access_approval WHERE request_id IN (SELECT id FROM access_request WHERE ` + expiredAccessStatus + `)`,
			`DELETE FROM access_request WHERE ` + expiredAccessStatus}},
	// `!protokoll` answers that name a request no longer kept, or none
	// (AccessQuery.Listing): redacted a day after, while requests or the
	// audit log are deleted at all (left31).
	{"access", "access_listing", func(p RetentionPolicy) time.Duration {
		if p.Access <= 0 && p.Audit <= 0 {
			return 0
		}
		return AuditListingKept
	},
		`SELECT COUNT(*) FROM access_listing WHERE sent_at<$1`, []string{pruneListingsQuery}},
	{"access", "access_draft", func(p RetentionPolicy) time.Duration { return p.Choices },
		`SELECT COUNT(*) FROM access_draft WHERE created_at<$1`, []string{`DELETE FROM access_draft WHERE created_at<$1`}},
	{"audit", "access_audit", func(p RetentionPolicy) time.Duration { return p.Audit },
		`SELECT COUNT(*) FROM access_audit WHERE at<$1`, []string{`DELETE FROM access_audit WHERE at<$1`}},
	{"audit", "role_audit", func(p RetentionPolicy) time.Duration { return p.Audit },
		`SELECT COUNT(*) FROM role_audit WHERE at<$1`, []string{`DELETE FROM role_audit WHERE at<$1`}},
	{"members", "member_state", func(p RetentionPolicy) time.Duration { return p.Members },
		`SELECT COUNT(*) FROM member_state WHERE user_id IN ` + inactiveMembers, []string{
			`DELETE FROM onboarding_step WHERE user_id IN ` + inactiveMembers,
			`DELETE FROM scheduled_notice WHERE user_id IN ` + inactiveMembers,
			`DELETE FROM member_state WHERE user_id IN ` + inactiveMembers}},
	{"members", "team_gate", func(p RetentionPolicy) time.Duration { return p.Members },
		`SELECT COUNT(*) FROM team_gate WHERE updated_at<$1 AND user_id NOT IN (SELECT user_id FROM member_role WHERE role='team' AND status<>'removed')`, []string{
			`DELETE FROM team_gate WHERE updated_at<$1 AND user_id NOT IN (SELECT user_id FROM member_role WHERE role='team' AND status<>'removed')`,
			`DELETE FROM member_role WHERE status='removed' AND updated_at<$1`}},
	{"members", "scheduled_notice", func(p RetentionPolicy) time.Duration { return p.Members },
		`SELECT COUNT(*) FROM scheduled_notice WHERE sent_at<$1`, []string{`DELETE FROM scheduled_notice WHERE sent_at<$1`}},
}

// Retention deletes personal data older than the policy allows (or, with
// dryRun, only counts it) and reports per rule and table. Unless
// p.KeepRoomMessages, it queues Lotse's messages in the team and approvals
// room that show a deleted case or access request for redaction, in the
// transaction that deletes it (case_redaction, CauseRetention), and
// reports how many.
func (db *DB) Retention(ctx context.Context, p RetentionPolicy, now time.Time, dryRun bool) ([]RetentionResult, error) {
	var out []RetentionResult
	for _, r := range retentionRules {
		period := r.period(p)
		if period <= 0 {
			continue
		}
		cutoff := now.Add(-period)
		res := RetentionResult{Rule: r.rule, Table: r.table, Period: period, Messages: r.messages()}
		qctx, cancel := withTimeout(ctx)
		err := db.Lotse.QueryRow(qctx, r.count, cutoff.UnixMilli()).Scan(&res.Rows)
		cancel()
		if err != nil {
			return out, fmt.Errorf("failed to count %s for retention: %w", r.table, err)
		}
		// A rule that counts room messages deletes nothing: the next
		// rule queues them with what it deletes.
		if !dryRun && res.Rows > 0 && !r.messages() {
			if r.table == "support_case" {
				var queueAt time.Time // zero: no redactions queued
				if !p.KeepRoomMessages {
					queueAt = now
				}
				if _, err := db.Cases.prune(ctx, cutoff, queueAt); err != nil {
					return out, err
				}
			} else {
				qctx, cancel := withTimeout(ctx)
				err := db.Lotse.DoTxn(qctx, nil, func(ctx context.Context) error {
					for _, queue := range retentionQueues[r.table] {
						if p.KeepRoomMessages {
							break
						}
						if _, err := db.Lotse.Exec(ctx, queue, cutoff.UnixMilli(), now.UnixMilli()); err != nil {
							return fmt.Errorf("failed to queue the room messages of %s for redaction: %w", r.table, err)
						}
					}
					for _, q := range r.del {
						if _, err := db.Lotse.Exec(ctx, q, cutoff.UnixMilli()); err != nil {
							return err
						}
					}
					return nil
				})
				cancel()
				if err != nil {
					return out, fmt.Errorf("failed to apply retention to %s: %w", r.table, err)
				}
			}
		}
		out = append(out, res)
	}
	return out, nil
}
