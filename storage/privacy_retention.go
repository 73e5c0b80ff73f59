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

// RetentionResult is what one rule deleted (or would delete).
type RetentionResult struct {
	Rule   string
	Table  string
	Period time.Duration
	Rows   int64
}

type retentionRule struct {
	rule, table string
	period      func(RetentionPolicy) time.Duration
	count       string // $1 = cutoff in ms
	del         []string
}

const inactiveMembers = `(SELECT user_id FROM member_state WHERE last_seen<$1
	AND user_id NOT IN (SELECT user_id FROM member_role WHERE status<>'removed'))`

// goneMembers are people with no member_state left (pruned as inactive
// just before, or erased) and no active role: tables keyed by user that the
// member_state rule runs before still find them here.
const goneMembers = `(SELECT user_id FROM member_role WHERE status<>'removed'
	UNION SELECT user_id FROM member_state)`

var retentionRules = []retentionRule{
	{"inbox", "inbox", func(p RetentionPolicy) time.Duration { return p.Inbox },
		`SELECT COUNT(*) FROM inbox WHERE state<>0 AND handled_at<$1`, []string{`DELETE FROM inbox WHERE state<>0 AND handled_at<$1`}},
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
	{"cases", "support_case", func(p RetentionPolicy) time.Duration { return p.Cases },
		`SELECT COUNT(*) FROM support_case WHERE status IN (2, 3) AND closed_at<$1`, nil}, // CaseQuery.Prune (keeps anonymous counts)
	{"cases", "case_reminder", func(p RetentionPolicy) time.Duration { return p.Cases },
		`SELECT COUNT(*) FROM case_reminder WHERE sent_at<$1`, []string{`DELETE FROM case_reminder WHERE sent_at<$1`}},
	{"access", "access_request", func(p RetentionPolicy) time.Duration { return p.Access },
		`SELECT COUNT(*) FROM access_request WHERE status IN ('denied', 'withdrawn', 'provisioned', 'failed') AND updated_at<$1`, []string{
			`DELETE FROM access_approval WHERE request_id IN (SELECT id FROM access_request WHERE status IN ('denied', 'withdrawn', 'provisioned', 'failed') AND updated_at<$1)`,
			`DELETE FROM access_request WHERE status IN ('denied', 'withdrawn', 'provisioned', 'failed') AND updated_at<$1`}},
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
// dryRun, only counts it) and reports per rule and table.
func (db *DB) Retention(ctx context.Context, p RetentionPolicy, now time.Time, dryRun bool) ([]RetentionResult, error) {
	var out []RetentionResult
	for _, r := range retentionRules {
		period := r.period(p)
		if period <= 0 {
			continue
		}
		cutoff := now.Add(-period)
		res := RetentionResult{Rule: r.rule, Table: r.table, Period: period}
		qctx, cancel := withTimeout(ctx)
		err := db.Lotse.QueryRow(qctx, r.count, cutoff.UnixMilli()).Scan(&res.Rows)
		cancel()
		if err != nil {
			return out, fmt.Errorf("failed to count %s for retention: %w", r.table, err)
		}
		if !dryRun && res.Rows > 0 {
			if r.table == "support_case" {
				if _, err := db.Cases.Prune(ctx, cutoff); err != nil {
					return out, err
				}
			} else {
				qctx, cancel := withTimeout(ctx)
				err := db.Lotse.DoTxn(qctx, nil, func(ctx context.Context) error {
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
