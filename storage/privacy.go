package storage

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"time"

	"go.mau.fi/util/dbutil"
)

// Data rights (DSGVO Art. 15, 17, 20) and retention. Every table that holds
// personal data is listed in PersonalTables (export), in deleteSteps
// (erasure) and in the retention rules, so nothing is forgotten. A table
// added later (e.g. round-table RSVPs) is added with AddPersonalTable.

// PersonalTable names a table with personal data and how to find one
// person's rows in it. Query selects the rows; $1 is the Matrix user ID.
type PersonalTable struct {
	// Name is the section in the export.
	Name string
	// Query selects the person's rows ($1 = user ID, $2 = the person's
	// MemberKey, for rows kept under it).
	Query string
	// Delete erases or pseudonymises the person's rows ($1 = user ID,
	// $2 = pseudonym); statements run in order inside one transaction.
	Delete []string
}

// dmRooms selects the rooms that belong to one member's conversations with Lotse.
const dmRooms = `(SELECT dm_room FROM member_state WHERE user_id=$1 AND dm_room<>''
	UNION SELECT member_room FROM support_case WHERE member_id=$1
	UNION SELECT member_room FROM access_request WHERE member_id=$1)`

const ownCases = `(SELECT id FROM support_case WHERE member_id=$1)`

// ChatPublicToldPrefix starts the key of the kv record that a member was
// told their direct chat with Lotse is public (support's tellExposed),
// followed by the room ID.
const ChatPublicToldPrefix = "support-exposed-told:"

// chatPublicTold selects the kv keys of ChatPublicToldPrefix for one
// member's direct chats with Lotse: the agreed ones, the one onboarding
// knows and their cases' rooms. The record names only the room, but the
// room is the member's: kept through `!daten-löschen` until the chat was
// found private again — for a member who never wrote there again, for
// ever (left34's record; mend34b).
const chatPublicTold = `(SELECT '` + ChatPublicToldPrefix + `' || room_id FROM direct_chat WHERE user_id=$1
	UNION SELECT '` + ChatPublicToldPrefix + `' || dm_room FROM member_state WHERE user_id=$1 AND dm_room<>''
	UNION SELECT '` + ChatPublicToldPrefix + `' || member_room FROM support_case WHERE member_id=$1)`
const ownRequests = `(SELECT id FROM access_request WHERE member_id=$1)`

// ownAudited are the member's access requests as the audit knows them: a
// decided request is deleted after access_retention (a year), its audit
// entries stay for audit_retention (three years) and still name the member
// (the e-mail in "requested", an approver's reason in "denied"). The
// "requested" entry, written with the request by its member, keeps the
// request's number (gdpr26).
const ownAudited = `(SELECT id FROM access_request WHERE member_id=$1
	UNION SELECT request_id FROM access_audit WHERE action='requested' AND actor=$1 AND request_id<>0)`

// PersonalTables are all tables with personal data, in export order.
var PersonalTables = []PersonalTable{
	{Name: "member_state", Query: `SELECT * FROM member_state WHERE user_id=$1`},
	{Name: "onboarding_step", Query: `SELECT * FROM onboarding_step WHERE user_id=$1`},
	{Name: "scheduled_notice", Query: `SELECT * FROM scheduled_notice WHERE user_id=$1`},
	{Name: "member_role", Query: `SELECT * FROM member_role WHERE user_id=$1`},
	{Name: "team_gate", Query: `SELECT * FROM team_gate WHERE user_id=$1`},
	// The role log about the person (who granted, recorded, revoked what,
	// and when — as the steps of their own cases name the team member).
	// Without the entry's key: Lotse's bookkeeping („grant:$event…“,
	// event IDs), nothing the member can read (priv35).
	{Name: "role_audit", Query: `SELECT at, actor, subject, action, detail FROM role_audit WHERE subject=$1`},
	// As a manager, about other people's roles: what you did and when, not
	// whom it was about — no subject, no key (it holds the event and may
	// hold the person), and no detail that is the other person's evidence
	// (the dates of their declaration and training) or names anyone
	// (Art. 15(4) DSGVO; as case_events_by_you_for_others; roles32).
	{Name: "role_audit_by_you_for_others", Query: `SELECT action, CASE WHEN action IN ('declaration', 'training') OR ` +
		containsExact("detail", "'@'") + ` THEN '' ELSE detail END AS detail, at FROM role_audit WHERE actor=$1 AND subject<>$1`},
	// That Lotse told the member their direct chat is public (the room
	// only, in the key).
	{Name: "chat_public_told", Query: `SELECT SUBSTR(key, ` + chatPublicToldLen + `+1) AS room_id FROM kv WHERE key IN ` + chatPublicTold},
	{Name: "support_case", Query: `SELECT * FROM support_case WHERE member_id=$1`},
	// Internal notes of the team are listed without their text and author (their data, Art. 15(4)).
	{Name: "case_message", Query: `SELECT source_event, case_id, kind, CASE WHEN kind='note' THEN '' ELSE sender END AS sender,
		CASE WHEN kind='note' THEN '' ELSE body END AS body, created_at FROM case_message WHERE case_id IN ` + ownCases},
	{Name: "case_event", Query: `SELECT * FROM case_event WHERE case_id IN ` + ownCases},
	// The member's edits of their case messages Lotse followed (deleted with the message).
	{Name: "case_edit", Query: `SELECT * FROM case_edit WHERE source_event IN (SELECT source_event FROM case_message WHERE case_id IN ` + ownCases + `)`},
	// As a team member in other members' cases: what you did, not their content.
	{Name: "case_assigned_to_you", Query: `SELECT id, status, created_at FROM support_case WHERE assignee=$1 AND member_id<>$1`},
	{Name: "case_messages_you_wrote_for_others", Query: `SELECT case_id, kind, created_at FROM case_message WHERE sender=$1 AND case_id NOT IN ` + ownCases},
	// An "assign" event names the assignee in its detail (gdpr26).
	{Name: "case_events_by_you_for_others", Query: `SELECT case_id, kind, created_at FROM case_event
		WHERE (actor=$1 OR (kind='assign' AND detail=$1)) AND case_id NOT IN ` + ownCases},
	{Name: "case_draft", Query: `SELECT * FROM case_draft WHERE user_id=$1`},
	// When the person opened cases in the last day, under their keyed
	// hash; kept through an erasure for the daily bound, a day at most
	// (CaseOpeningKept; sup29).
	{Name: "case_opening", Query: `SELECT opened_at FROM case_opening WHERE member_key=$2`},
	{Name: "access_request", Query: `SELECT * FROM access_request WHERE member_id=$1`},
	{Name: "access_approval", Query: `SELECT * FROM access_approval WHERE request_id IN ` + ownRequests + ` OR approver=$1`},
	// The events (✅, `!genehmigen`) an approver approved a pending
	// request by (left31).
	{Name: "access_approval_event", Query: `SELECT * FROM access_approval_event WHERE approver=$1`},
	{Name: "access_draft", Query: `SELECT * FROM access_draft WHERE user_id=$1`},
	// An "approval-void" entry names the former approver in its detail
	// (acc26); the erasure's idRewrites pseudonymise it there (mend26a).
	// Without the entry's key (as role_audit).
	{Name: "access_audit", Query: `SELECT request_id, at, actor, action, detail FROM access_audit WHERE actor=$1 OR (action='approval-void' AND detail=$1) OR request_id IN ` + ownAudited},
	{Name: "pending_choice", Query: `SELECT * FROM pending_choice WHERE user_id=$1`},
	{Name: "answer_vote", Query: `SELECT * FROM answer_vote WHERE user_id=$1`},
	{Name: "answer", Query: `SELECT * FROM answer WHERE room_id IN ` + dmRooms},
	{Name: "inbox", Query: `SELECT event_id, room_id, event_type, payload, received_at, state FROM inbox WHERE sender=$1`},
	// Only sends that became messages: a row begun and not completed (no
	// event ID, bot.Sender's exactly-once bookkeeping) is not a message the
	// member got. Erasure removes it all the same.
	// Without the transaction ID: Lotse's own bookkeeping, stored as a
	// keyed hash (hex), nothing the member can read (priv35).
	{Name: "sent_event", Query: `SELECT event_id, room_id, sent_at FROM sent_event WHERE event_id<>'' AND room_id IN ` + dmRooms},
}

// KeptThroughErasure are the tables of PersonalTables whose rows an
// erasure leaves on purpose, for a short time, under the person's
// MemberKey (not their ID): the cases they opened in the last day, so
// that an erasure does not lift the daily bound on new cases (sup29;
// CaseOpeningKept). A check after an erasure does not count them as left.
var KeptThroughErasure = map[string]bool{"case_opening": true}

// deleteSteps erase or pseudonymise one person's data ($1 user, $2
// pseudonym, $3 event to keep in the inbox, $4 sent_event cutoff in ms).
// Order matters: rows found through other tables go first.
var deleteSteps = []struct{ table, query string }{
	{"chat_public_told", `DELETE FROM kv WHERE key IN ` + chatPublicTold},
	{"answer", `DELETE FROM answer WHERE room_id IN ` + dmRooms},
	{"sent_event", `DELETE FROM sent_event WHERE sent_at<$4 AND room_id IN ` + dmRooms},
	{"case_draft", `DELETE FROM case_draft WHERE user_id=$1 OR room_id IN ` + dmRooms},
	{"access_draft", `DELETE FROM access_draft WHERE user_id=$1 OR room_id IN ` + dmRooms},
	{"pending_choice", `DELETE FROM pending_choice WHERE user_id=$1 OR room_id IN ` + dmRooms},
	{"answer_vote", `DELETE FROM answer_vote WHERE user_id=$1`},
	{"case_message", `DELETE FROM case_message WHERE case_id IN ` + ownCases},
	{"case_event", `DELETE FROM case_event WHERE case_id IN ` + ownCases},
	{"support_case", `DELETE FROM support_case WHERE member_id=$1`},
	// The rows of other members' cases that the person worked on in the
	// team are counted under the export's names, not as the person's own
	// cases, messages and steps (their own are deleted above): the
	// erasure's answer told a team member „5 Supportfälle“ gelöscht for
	// one case of their own and four they had worked on (mend26a).
	//
	// An erased team member's open cases go back to the queue (the chat
	// erasure gave them back already, with a note in each thread; this is
	// for `lotse privacy erase`): a pseudonym answers no member (gdpr26).
	// The unclaimed reminder counts from now.
	{"case_assigned_to_you", `UPDATE support_case SET assignee=NULL, version=version+1, updated_at=$4, status_at=$4 WHERE assignee=$1 AND status=1`},
	{"case_assigned_to_you", `UPDATE support_case SET assignee=$2 WHERE assignee=$1`},
	{"case_messages_you_wrote_for_others", `UPDATE case_message SET sender=$2 WHERE sender=$1`},
	// The actor, and the assignee an "assign" event names (gdpr26), in one
	// statement: a step someone assigned to themselves counts once.
	{"case_events_by_you_for_others", `UPDATE case_event SET actor=CASE WHEN actor=$1 THEN $2 ELSE actor END,
		detail=CASE WHEN kind='assign' AND detail=$1 THEN $2 ELSE detail END
		WHERE actor=$1 OR (kind='assign' AND detail=$1)`},
	{"access_audit", `UPDATE access_audit SET detail='' WHERE request_id IN ` + ownAudited + ` AND action NOT IN ('approval', 'approved')`},
	{"access_audit", `UPDATE access_audit SET actor=$2 WHERE actor=$1`},
	{"access_approval", `DELETE FROM access_approval WHERE request_id IN ` + ownRequests},
	{"access_request", `DELETE FROM access_request WHERE member_id=$1`},
	{"access_approval", `UPDATE access_approval SET approver=$2 WHERE approver=$1`},
	{"access_approval_event", `UPDATE access_approval_event SET approver=$2 WHERE approver=$1`},
	// Counted under the export's names: the entries about other people the
	// person made, then those about them (one statement, so an entry they
	// made about themselves counts once).
	{"role_audit_by_you_for_others", `UPDATE role_audit SET actor=$2 WHERE actor=$1 AND subject<>$1`},
	{"role_audit", `UPDATE role_audit SET actor=CASE WHEN actor=$1 THEN $2 ELSE actor END, subject=$2 WHERE subject=$1`},
	{"member_role", `DELETE FROM member_role WHERE user_id=$1`},
	{"member_role", `UPDATE member_role SET granted_by=$2 WHERE granted_by=$1`},
	{"team_gate", `UPDATE team_gate SET declaration_by=$2, updated_at=updated_at+1 WHERE declaration_by=$1`}, // +1: a write of the row read before fails (PutGate)
	{"team_gate", `UPDATE team_gate SET training_by=$2, updated_at=updated_at+1 WHERE training_by=$1`},       // +1: a write of the row read before fails (PutGate)
	{"team_gate", `DELETE FROM team_gate WHERE user_id=$1`},
	{"onboarding_step", `DELETE FROM onboarding_step WHERE user_id=$1`},
	{"scheduled_notice", `DELETE FROM scheduled_notice WHERE user_id=$1`},
	{"member_state", `DELETE FROM member_state WHERE user_id=$1`},
}

// inboxSteps run after deleteSteps (same parameters). An event the person
// sent that was not handled yet is deleted; a handled one keeps its row,
// without the sender, until inbox_retention removes it: the event ID alone
// names nobody, and the inbox must still know the event was handled. A
// limited sync's backfill stops at the first event the inbox knows (see
// bot's syncer); with the rows deleted it walked back through the room's
// history up to the inbox retention, and every earlier message of the
// person was handled again: answered again, its data stored anew (their
// answers' sent_event rows are erased too). The row of the request being
// handled ($3) stays as it is until EraseInboxEvent.
var inboxSteps = []struct{ table, query string }{
	{"inbox", `DELETE FROM inbox WHERE sender=$1 AND event_id<>$3 AND state=0`},
	{"inbox", `UPDATE inbox SET sender='', payload=NULL, session_id='', last_error=NULL WHERE sender=$1 AND event_id<>$3`},
}

// AddPersonalTable registers a table added later (e.g. round-table RSVPs):
// its rows are exported and deleted with the rest. Call it from init.
// Delete statements get $1 = user ID and $2 = pseudonym. Match whole IDs
// (inNLList, containsExact with delimiters, idRewrites), never with LIKE or
// REPLACE on the bare ID.
func AddPersonalTable(t PersonalTable) {
	PersonalTables = append(PersonalTables, t)
	for _, q := range t.Delete {
		addDeleteStep(t.Name, q)
	}
}

// addDeleteStep adds an erasure step after those so far (the inbox's
// steps, which keep the erasure request's own event, come after all).
func addDeleteStep(table, query string) {
	deleteSteps = append(deleteSteps, struct{ table, query string }{table, query})
}

// PrivacyQuery exports and erases one person's data and enforces retention.
type PrivacyQuery struct {
	db  *dbutil.Database
	key []byte // pseudonym key from outside the database, if set
	by  string // who asked for an erasure (By); "": the person
}

// Privacy returns the data-rights queries.
func (db *DB) Privacy() *PrivacyQuery { return &PrivacyQuery{db: db.Lotse, key: db.pseudonymKey} }

// SetPseudonymKey sets the key of the pseudonyms that replace erased
// people in kept records. It must come from outside the database (Lotse
// derives it from the pickle key): a key stored next to the pseudonyms
// would let anyone with a copy of the database compute the pseudonym of
// any Matrix ID and so undo the pseudonymisation. Without it (tests, tools)
// a random key kept in the database is used, as before.
func (db *DB) SetPseudonymKey(key []byte) { db.pseudonymKey = key }

// Export returns every row about user, per table, as column → value.
func (q *PrivacyQuery) Export(ctx context.Context, user string) (map[string][]map[string]any, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	memberKey, err := q.MemberKey(ctx, user)
	if err != nil {
		return nil, fmt.Errorf("failed to export: %w", err)
	}
	out := map[string][]map[string]any{}
	for _, t := range PersonalTables {
		query, args := bind(t.Query, user, memberKey)
		rows, err := q.db.Query(ctx, query, args...)
		if err != nil {
			return nil, fmt.Errorf("failed to export %s: %w", t.Name, err)
		}
		cols, err := rows.Columns()
		if err != nil {
			rows.Close()
			return nil, err
		}
		list := []map[string]any{}
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return nil, fmt.Errorf("failed to export %s: %w", t.Name, err)
			}
			row := make(map[string]any, len(cols))
			for i, c := range cols {
				if b, ok := vals[i].([]byte); ok {
					vals[i] = string(b)
				}
				row[c] = vals[i]
			}
			list = append(list, row)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("failed to export %s: %w", t.Name, err)
		}
		out[t.Name] = list
	}
	return out, nil
}

// legacyPseudonymKey is the kv row of the random pseudonym key older
// versions kept in the database; it is deleted at the first erasure with a
// key from outside.
const legacyPseudonymKey = "privacy.pseudonym_key"

// Pseudonym is the stable pseudonym that replaces user in kept records: a
// keyed hash (HMAC-SHA-256) with the key from SetPseudonymKey, so the
// pseudonym cannot be reversed by hashing guessed IDs, not even with a copy
// of the database.
func (q *PrivacyQuery) Pseudonym(ctx context.Context, user string) (string, error) {
	key, err := q.hashKey(ctx)
	if err != nil {
		return "", err
	}
	return pseudonymOf(key, user), nil
}

// MemberKey is the keyed hash that stands for user in what is kept about
// them beyond their erasure for a short time: the cases they opened in the
// last day (case_opening, the daily bound on new cases; sup29).
// HMAC-SHA-256 with the pseudonym key over a purpose prefix: it cannot be
// reversed by hashing guessed IDs without the key (kept outside the
// database), and it equals none of the pseudonyms in erased records.
func (q *PrivacyQuery) MemberKey(ctx context.Context, user string) (string, error) {
	key, err := q.hashKey(ctx)
	if err != nil {
		return "", err
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte("member-key\x00" + user))
	return hex.EncodeToString(mac.Sum(nil))[:32], nil
}

// hashKey is the key of Pseudonym and MemberKey: the one from
// SetPseudonymKey, or else the random one older versions kept in the
// database (made on first use).
func (q *PrivacyQuery) hashKey(ctx context.Context) ([]byte, error) {
	if len(q.key) > 0 {
		return q.key, nil
	}
	kv := &KVQuery{db: q.db}
	key, err := kv.Get(ctx, legacyPseudonymKey)
	if err != nil {
		return nil, err
	}
	if key == "" {
		b := make([]byte, 32)
		_, _ = rand.Read(b)
		key = hex.EncodeToString(b)
		// Insert-if-absent: two concurrent first calls agree on one key.
		if _, err := q.db.Exec(ctx, `INSERT INTO kv (key, value) VALUES ('privacy.pseudonym_key', $1) ON CONFLICT (key) DO NOTHING`, key); err != nil {
			return nil, fmt.Errorf("failed to store pseudonym key: %w", err)
		}
		if key, err = kv.Get(ctx, legacyPseudonymKey); err != nil {
			return nil, err
		}
	}
	return []byte(key), nil
}

// Pseudonyms matches the pseudonyms of pseudonymOf in a text (a key made
// unique by rewriteKeys adds "/n" after it).
var Pseudonyms = regexp.MustCompile(pseudonymPrefix + `[0-9a-f]{12}`)

// pseudonymPrefix starts every pseudonym.
const pseudonymPrefix = "gelöscht-"

func pseudonymOf(key []byte, user string) string {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(user))
	return pseudonymPrefix + hex.EncodeToString(mac.Sum(nil))[:12]
}

// Erase deletes or pseudonymises everything about user in one transaction
// and returns how many rows per table were touched. In the same
// transaction it queues the team-room events of user's cases that Lotse
// must redact (case_redaction, see CaseQuery.Redactions). keepEvent (the inbox
// row of the request being handled) stays until EraseInboxEvent; sent
// events from sentBefore on stay (they deduplicate the answer to it). The
// role log says, in the same transaction and at sentBefore, that the
// person's roles end (endRoles).
func (q *PrivacyQuery) Erase(ctx context.Context, user, keepEvent string, sentBefore time.Time) (map[string]int64, error) {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	pseudo, err := q.Pseudonym(ctx, user)
	if err != nil {
		return nil, err
	}
	counts := map[string]int64{}
	err = q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		if err := q.endRoles(ctx, user, keepEvent, sentBefore); err != nil {
			return err
		}
		for _, s := range queueRedactions {
			query, args := bind(s, user, pseudo, keepEvent, sentBefore.UnixMilli())
			if _, err := q.db.Exec(ctx, query, args...); err != nil {
				return fmt.Errorf("case_redaction: %w", err)
			}
		}
		for _, s := range slices.Concat(deleteSteps, inboxSteps) {
			query, args := bind(s.query, user, pseudo, keepEvent, sentBefore.UnixMilli())
			res, err := q.db.Exec(ctx, query, args...)
			if err != nil {
				return fmt.Errorf("%s: %w", s.table, err)
			}
			n, _ := res.RowsAffected()
			counts[s.table] += n
		}
		for _, r := range idRewrites {
			n, err := q.rewriteIDs(ctx, r, user, pseudo)
			if err != nil {
				return err
			}
			counts[r.table] += n
		}
		for _, r := range keyRewrites {
			// Not counted: these rows are about the person (subject),
			// counted by the step that pseudonymised it (roles32: an
			// entry counted twice).
			if _, err := q.rewriteKeys(ctx, r.table, r.key, r.subject, user, pseudo); err != nil {
				return err
			}
		}
		if len(q.key) > 0 {
			if _, err := q.db.Exec(ctx, delKVQuery, legacyPseudonymKey); err != nil {
				return fmt.Errorf("failed to drop the old pseudonym key: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("failed to erase personal data: %w", err)
	}
	return counts, nil
}

// endRolesQuery writes one "erase" entry to the role log for each role
// user holds ($1 user, $2 key suffix, $3 time, $4 actor).
const endRolesQuery = `INSERT INTO role_audit (key, at, actor, subject, action, detail)
	SELECT 'erase-role:' || role || ':' || CAST($2 AS TEXT), CAST($3 AS BIGINT), CAST($4 AS TEXT), user_id, 'erase', role FROM member_role WHERE user_id=$1 AND status<>'` + RoleRemoved + `'
	ON CONFLICT (key) DO NOTHING`

// endRoles says in the role log that user's roles end with the erasure,
// which deletes the role rows: the log (kept for audit_retention,
// pseudonymised by the steps after) showed the grant and the activation
// but no end (onb31). It runs in the erasure's transaction: written before
// it, a failed erasure run again logged the roles' end twice, and a failed
// one for good logged an end that never came (pass 31's Left; roles32).
// The key names the request (the chat's event) or, for the command line,
// the time; the entry's actor is the one set with By, else the person.
func (q *PrivacyQuery) endRoles(ctx context.Context, user, keepEvent string, at time.Time) error {
	suffix := "erase:" + keepEvent
	if keepEvent == "" {
		suffix = "erase-cli:" + strconv.FormatInt(at.UnixMilli(), 10)
	}
	actor := q.by
	if actor == "" {
		actor = user
	}
	if _, err := q.db.Exec(ctx, endRolesQuery, user, suffix, at.UnixMilli(), actor); err != nil {
		return fmt.Errorf("role_audit: failed to end the roles: %w", err)
	}
	return nil
}

// By returns the queries with actor as who asked for an erasure (the role
// log's "erase" entries name them; "lotse" for the command line). Without
// it, the person erased asked themselves (!daten-löschen).
func (q *PrivacyQuery) By(actor string) *PrivacyQuery {
	c := *q
	c.by = actor
	return &c
}

// EraseInboxEvent removes the sender and the content from the inbox row of
// the erasure request itself, after its answer was sent; the event ID stays
// until inbox_retention, so that the request is not handled again (see
// inboxSteps).
func (q *PrivacyQuery) EraseInboxEvent(ctx context.Context, eventID string) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, `UPDATE inbox SET sender='', payload=NULL, session_id='', last_error=NULL WHERE event_id=$1`, eventID); err != nil {
		return fmt.Errorf("failed to erase inbox row: %w", err)
	}
	return nil
}

var placeholder = regexp.MustCompile(`\$([0-9]+)`)

// bind renumbers the placeholders a query uses to $1 … $n and returns the
// matching arguments: the drivers refuse surplus arguments, and PostgreSQL
// cannot type a parameter the query does not use.
func bind(query string, all ...any) (string, []any) {
	index := map[int]int{}
	var args []any
	query = placeholder.ReplaceAllStringFunc(query, func(m string) string {
		n, _ := strconv.Atoi(m[1:])
		if _, ok := index[n]; !ok {
			args = append(args, all[n-1])
			index[n] = len(args)
		}
		return "$" + strconv.Itoa(index[n])
	})
	return query, args
}
