package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// A person's Matrix ID inside a list or a text (approvers, co-hosts, audit
// details, reminder keys) is matched as a whole ID, never as a substring or
// a LIKE pattern: erasing @bob:example.org must not touch
// @bob:example.org.uk, and an "_" in an ID is no wildcard.

// listNL is a newline as an SQL string literal (the separator of list
// columns such as roundtable.cohosts); both SQLite and PostgreSQL accept a
// newline inside a literal.
const listNL = "'\n'"

// inNLList is an exact test whether the newline-separated list in column
// holds $1 as one of its items.
func inNLList(column string) string {
	wrapped := listNL + " || " + column + " || " + listNL
	return `REPLACE(` + wrapped + `, ` + listNL + ` || $1 || ` + listNL + `, '') <> ` + wrapped
}

// containsExact is an exact substring test of needle (an SQL expression) in
// column: REPLACE, unlike LIKE, has no wildcards. Callers wrap the ID in the
// column's delimiters.
func containsExact(column, needle string) string {
	return `REPLACE(` + column + `, ` + needle + `, '') <> ` + column
}

// idRewrite pseudonymises user IDs inside one text or list column.
type idRewrite struct {
	table, key, column string
}

// idRewrites run in Erase after the SQL steps (see AddPersonalTable for
// tables added later).
var idRewrites = []idRewrite{
	{"access_audit", "key", "detail"},
	{"access_request", "id", "decided_by"},
	{"role_audit", "key", "detail"},
}

// keyRewrites pseudonymise the person's ID inside the keys of rows about
// them (column subject; the SQL steps have already set it to the
// pseudonym). Keys such as "apply-gate:<user>:<state>" and
// "pause:<user>:<stamp>" keep a self-application or a pause exactly once
// while the person is on file; afterwards the pseudonymised key still keys
// that row, and the same ID coming back is a new person with new rows.
var keyRewrites = []struct{ table, key, subject string }{
	{"role_audit", "key", "subject"},
}

// rewriteKeys replaces user by pseudo in the keys of the table's rows whose
// subject is pseudo. The ID in a key is followed by ":" (which replaceID
// must count as part of an ID: a port), so here it is matched between
// ":" and ":" or the end; a row's key only ever names its own subject.
// A key taken already (the same ID erased before) gets a "/n" suffix.
func (q *PrivacyQuery) rewriteKeys(ctx context.Context, table, key, subject, user, pseudo string) (int64, error) {
	rows, err := q.db.Query(ctx, `SELECT `+key+` FROM `+table+` WHERE `+subject+`=$1`, pseudo)
	if err != nil {
		return 0, fmt.Errorf("failed to read %s: %w", table, err)
	}
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			rows.Close()
			return 0, fmt.Errorf("failed to read %s: %w", table, err)
		}
		keys = append(keys, k)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return 0, fmt.Errorf("failed to read %s: %w", table, err)
	}
	var n int64
	for _, k := range keys {
		replaced := keyWithout(k, user, pseudo)
		if replaced == k {
			continue
		}
		for i, candidate := 2, replaced; ; i++ {
			var one int
			err := q.db.QueryRow(ctx, `SELECT 1 FROM `+table+` WHERE `+key+`=$1`, candidate).Scan(&one)
			if errors.Is(err, sql.ErrNoRows) {
				replaced = candidate
				break
			} else if err != nil {
				return 0, fmt.Errorf("failed to read %s: %w", table, err)
			}
			candidate = replaced + "/" + strconv.Itoa(i)
		}
		if _, err := q.db.Exec(ctx, `UPDATE `+table+` SET `+key+`=$1 WHERE `+key+`=$2`, replaced, k); err != nil {
			return 0, fmt.Errorf("failed to update %s: %w", table, err)
		}
		n++
	}
	return n, nil
}

// keyWithout replaces user where it stands as one ":"-separated part of
// key: between two ":" or after the last.
func keyWithout(key, user, pseudo string) string {
	key = strings.ReplaceAll(key, ":"+user+":", ":"+pseudo+":")
	if rest, ok := strings.CutSuffix(key, ":"+user); ok {
		key = rest + ":" + pseudo
	}
	return key
}

// rewriteIDs replaces user by pseudo wherever it occurs as a whole ID in the
// rewrite's column. LIKE only preselects rows (it matches a superset: its
// wildcards also match themselves); the exact match is replaceID's.
func (q *PrivacyQuery) rewriteIDs(ctx context.Context, r idRewrite, user, pseudo string) (int64, error) {
	rows, err := q.db.Query(ctx, `SELECT `+r.key+`, `+r.column+` FROM `+r.table+` WHERE `+r.column+` LIKE '%' || $1 || '%'`, user)
	if err != nil {
		return 0, fmt.Errorf("failed to read %s: %w", r.table, err)
	}
	type change struct {
		key   any
		value string
	}
	var changes []change
	for rows.Next() {
		var (
			key   any
			value string
		)
		if err := rows.Scan(&key, &value); err != nil {
			rows.Close()
			return 0, fmt.Errorf("failed to read %s: %w", r.table, err)
		}
		if replaced := replaceID(value, user, pseudo); replaced != value {
			changes = append(changes, change{key, replaced})
		}
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return 0, fmt.Errorf("failed to read %s: %w", r.table, err)
	}
	for _, c := range changes {
		if _, err := q.db.Exec(ctx, `UPDATE `+r.table+` SET `+r.column+`=$1 WHERE `+r.key+`=$2`, c.value, c.key); err != nil {
			return 0, fmt.Errorf("failed to update %s: %w", r.table, err)
		}
	}
	return int64(len(changes)), nil
}

// replaceID replaces every whole occurrence of the user ID in text: not
// preceded by a character that could belong to an ID, and not followed by
// one (a "." counts only when more of a server name follows it).
func replaceID(text, user, replacement string) string {
	if user == "" {
		return text
	}
	var b strings.Builder
	last := 0
	for from := 0; ; {
		i := strings.Index(text[from:], user)
		if i < 0 {
			break
		}
		i += from
		end := i + len(user)
		if wholeAt(text, i, end) {
			b.WriteString(text[last:i])
			b.WriteString(replacement)
			last, from = end, end
		} else {
			from = i + 1
		}
	}
	b.WriteString(text[last:])
	return b.String()
}

// wholeAt reports whether text[i:end] is a whole ID.
func wholeAt(text string, i, end int) bool {
	if i > 0 && idChar(text[i-1]) && strings.IndexByte(":[]@", text[i-1]) < 0 {
		// Part of a longer word ("x@bob:…"); after ":" or "@" an ID starts anew.
		return false
	}
	switch {
	case end == len(text):
		return true
	case text[end] == '.':
		return end+1 == len(text) || !idChar(text[end+1])
	default:
		return !idChar(text[end])
	}
}

// idChar reports whether c can be part of a Matrix user ID (localpart or
// server name, with port or IPv6 literal).
func idChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("._=-/+:[]@", c) >= 0
}
