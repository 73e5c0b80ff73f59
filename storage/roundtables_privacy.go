package storage

import "time"

// The round-table tables with personal data take part in the export and
// erasure of one person's data (see privacy.go).
func init() {
	AddPersonalTable(PersonalTable{
		Name:   "roundtable_rsvp",
		Query:  `SELECT roundtable_id, attending, updated_at FROM roundtable_rsvp WHERE user_id=$1`,
		Delete: []string{`DELETE FROM roundtable_rsvp WHERE user_id=$1`},
	})
	// Round tables a person coordinates or co-hosts: their work for the
	// association stays, under the pseudonym. The room the coordinator
	// wrote !runder-tisch in (often their direct chat with Lotse, a room
	// only they and Lotse are in) goes: beside the pseudonym it named them
	// again (gdpr26); it only served the confirmation of a draft, which
	// nobody can give for an erased coordinator.
	AddPersonalTable(PersonalTable{
		Name:  "roundtable_coordinated",
		Query: `SELECT id, title, start_at, status FROM roundtable WHERE coordinator=$1 OR ` + inNLList("cohosts"),
		Delete: []string{
			`UPDATE roundtable SET coordinator=$2, origin_room='' WHERE coordinator=$1`,
		},
	})
	idRewrites = append(idRewrites, idRewrite{"roundtable", "id", "cohosts"})
	// Which reminders were sent to a person (keys carry the user ID).
	AddPersonalTable(PersonalTable{
		Name:   "roundtable_reminders_sent",
		Query:  `SELECT roundtable_id, skipped, sent_at FROM roundtable_sent WHERE ` + containsExact("key", `'|' || $1 || '|'`),
		Delete: []string{`DELETE FROM roundtable_sent WHERE ` + containsExact("key", `'|' || $1 || '|'`)},
	})
	// Who was in a round table's meeting: the Matrix ID of a member who
	// came with their personal link (rt25; before, the name BigBlueButton
	// showed, tied to nobody, so that neither the export nor the erasure
	// found it).
	AddPersonalTable(PersonalTable{
		Name:   "roundtable_seen",
		Query:  `SELECT roundtable_id, occurrence FROM roundtable_seen WHERE name=$1`,
		Delete: []string{`DELETE FROM roundtable_seen WHERE name=$1`},
	})
	AddPersonalTable(PersonalTable{
		Name:   "direct_room",
		Query:  `SELECT room_id, created_at FROM direct_room WHERE user_id=$1`,
		Delete: []string{`DELETE FROM direct_room WHERE user_id=$1`},
	})
}

// endedRoundTables are round tables held (not a running series), left
// as drafts or cancelled before the cutoff $1 – a cancelled one only once
// its date has ended before the cutoff too: the period runs from its date
// or its cancellation, whichever is later (docs/datenschutz.md). Counted
// from the cancellation alone, a round table cancelled months ahead went
// before its date: its cancellation could no longer be taken back
// (!wiederherstellen, until the start) and an attendee's export lost the
// RSVP (mend33a, left33). A held one's updated_at is its end already.
const endedRoundTables = `(SELECT id FROM roundtable WHERE status IN ('cancelled', 'done', 'draft') AND updated_at<$1
	AND (status<>'cancelled' OR start_at+duration_ms<$1))`

func init() {
	// Round tables follow the support cases' period (`support_retention`):
	// after that, the round table with its RSVPs, posts, attendance names
	// and reminder records is deleted.
	retentionRules = append(retentionRules,
		retentionRule{"cases", "roundtable", func(p RetentionPolicy) time.Duration { return p.Cases },
			`SELECT COUNT(*) FROM roundtable WHERE id IN ` + endedRoundTables, []string{
				`DELETE FROM roundtable_sent WHERE roundtable_id IN ` + endedRoundTables,
				`DELETE FROM roundtable_seen WHERE roundtable_id IN ` + endedRoundTables,
				`DELETE FROM roundtable_rsvp WHERE roundtable_id IN ` + endedRoundTables,
				`DELETE FROM roundtable_post WHERE roundtable_id IN ` + endedRoundTables,
				`DELETE FROM roundtable WHERE id IN ` + endedRoundTables}},
		// A series that runs for years never ends: the names seen in the
		// meetings of its past dates, and the records of reminders sent
		// for them (keys with the Matrix ID), go after the same period,
		// date by date (a record at least until its date has passed:
		// roundTableSentRetention). A skipped reminder of a running
		// series stays (it may keep the next date away, see „!absage
		// <Nr> diesmal“).
		retentionRule{"cases", "roundtable_seen", func(p RetentionPolicy) time.Duration { return p.Cases },
			`SELECT COUNT(*) FROM roundtable_seen WHERE occurrence<$1`,
			[]string{`DELETE FROM roundtable_seen WHERE occurrence<$1`}},
		retentionRule{"cases", "roundtable_sent", roundTableSentRetention,
			`SELECT COUNT(*) FROM roundtable_sent WHERE skipped=0 AND sent_at<$1`,
			[]string{`DELETE FROM roundtable_sent WHERE skipped=0 AND sent_at<$1`}},
		// Runs after the member_state rule has pruned the inactive members:
		// old rows of people Lotse no longer keeps go.
		retentionRule{"members", "direct_room", func(p RetentionPolicy) time.Duration { return p.Members },
			`SELECT COUNT(*) FROM direct_room WHERE created_at<$1 AND user_id NOT IN ` + goneMembers,
			[]string{`DELETE FROM direct_room WHERE created_at<$1 AND user_id NOT IN ` + goneMembers}},
	)
}
