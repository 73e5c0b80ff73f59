package storage_test

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/storage"
)

// personColumn matches the names of columns that hold a person's Matrix
// ID, a room that may be their direct chat, their words or their
// details: a column named so in a new table makes it a table with
// personal data, which the export, the erasure and the retention rules
// must reach, or which is declared exempt below with its reason.
//
// mend35b added the names a person or their words commonly go by in a
// new column and that none of the above caught: author, owner, inviter,
// invitee, recipient, requester, creator, host, participant, mxid,
// phone, address, note, comment, message, text, content
// (TestPersonColumnNames).
var personColumn = regexp.MustCompile(`user|member|sender|actor|subject|approver|assignee|coordinator|cohost|_by$|^name$|email|display|reason|question|body|summary|payload|detail|title|description|error|room|^key$|^value$` +
	`|author|owner|inviter|invitee|recipient|requester|creator|host|participant|mxid|phone|address|note|comment|message|text|content`)

// notAPersonsTable are the tables that have a column personColumn matches
// but hold nobody's data that one person could ask for, with the reason
// (docs/datenschutz.md says the same).
var notAPersonsTable = map[string]string{
	"case_reminder": "keys name a kind of reminder, a case number and a time, no person",
	"case_stats":    "anonymous counters by name",
	"gaps_digest":   "one row per week of the unanswered questions' digest: dates and how many questions, no question",
	"id_counter":    "the last number given out per kind (name), no person",
	// Written by the erasure itself (`lotse privacy erase`) for the
	// running bot, and deleted once the person is out of the room.
	"room_removal":    "the erasure's own queue: who to remove from a team or approvals room, deleted when done",
	"roundtable_post": "the announcement rooms of a round table and Lotse's event there, no person",
}

// notInRetention are the tables with personal data that no retention rule
// deletes from, with the reason.
var notInRetention = map[string]string{
	"question_optout": "the member's objection (Art. 21) holds until they take it back or erase their data",
}

// thirdPartyTable are tables of mautrix's crypto and state stores, which
// share the database: the Verzeichnis lists them as one row.
func thirdPartyTable(name string) bool {
	return strings.HasPrefix(name, "crypto_") || strings.HasPrefix(name, "mx_") || strings.HasSuffix(name, "_version")
}

// schemaTable is one table as the database describes it.
type schemaTable struct {
	columns []string
	// cascadesFrom are the tables whose deleted rows take this table's
	// rows along (a foreign key with ON DELETE CASCADE).
	cascadesFrom []string
}

// readSchema reads the tables, their columns and their cascading foreign
// keys from the database itself (SQLite's catalogue or PostgreSQL's).
func readSchema(t *testing.T, db *storage.DB, postgres bool) map[string]*schemaTable {
	t.Helper()
	ctx := context.Background()
	list := func(q string, args ...any) [][2]string {
		t.Helper()
		rows, err := db.Lotse.Query(ctx, q, args...)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		defer rows.Close()
		cols, _ := rows.Columns()
		var out [][2]string
		for rows.Next() {
			var a, b string
			dest := []any{&a, &b}[:len(cols)]
			if err := rows.Scan(dest...); err != nil {
				t.Fatal(err)
			}
			out = append(out, [2]string{a, b})
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	tablesQ := `SELECT name FROM sqlite_master WHERE type='table'`
	columnsQ := `SELECT name FROM pragma_table_info($1)`
	foreignQ := `SELECT "table", on_delete FROM pragma_foreign_key_list($1)`
	if postgres {
		tablesQ = `SELECT table_name FROM information_schema.tables WHERE table_schema=current_schema() AND table_type='BASE TABLE'`
		columnsQ = `SELECT column_name FROM information_schema.columns WHERE table_schema=current_schema() AND table_name=$1`
		foreignQ = `SELECT confrelid::regclass::text, CASE confdeltype WHEN 'c' THEN 'CASCADE' ELSE 'NO ACTION' END
			FROM pg_constraint WHERE contype='f' AND conrelid=$1::regclass`
	}
	out := map[string]*schemaTable{}
	for _, r := range list(tablesQ) {
		name := r[0]
		if thirdPartyTable(name) {
			continue
		}
		st := &schemaTable{}
		for _, c := range list(columnsQ, name) {
			st.columns = append(st.columns, c[0])
		}
		for _, f := range list(foreignQ, name) {
			if strings.EqualFold(f[1], "CASCADE") {
				st.cascadesFrom = append(st.cascadesFrom, f[0])
			}
		}
		out[name] = st
	}
	return out
}

// The ways a statement reaches a table: reads it, changes it, deletes
// from it.
const (
	reads   = `(FROM|JOIN)`
	changes = `(DELETE\s+FROM|UPDATE)`
	deletes = `DELETE\s+FROM`
)

// mentions reports whether one of queries reaches table in the way verb.
func mentions(queries []string, table, verb string) bool {
	re := regexp.MustCompile(`(?i)\b` + verb + `\s+` + table + `\b`)
	for _, q := range queries {
		if re.MatchString(q) {
			return true
		}
	}
	return false
}

// reached reports whether queries reach table in the way verb, or delete
// from a table its rows cascade from (transitively), which takes them
// along.
func reached(schema map[string]*schemaTable, queries []string, table, verb string) bool {
	if mentions(queries, table, verb) {
		return true
	}
	seen := map[string]bool{table: true}
	var deleted func(string) bool
	deleted = func(child string) bool {
		for _, parent := range schema[child].cascadesFrom {
			if _, ok := schema[parent]; !ok || seen[parent] {
				continue
			}
			seen[parent] = true
			if mentions(queries, parent, deletes) || deleted(parent) {
				return true
			}
		}
		return false
	}
	return deleted(table)
}

// coverageProblems checks every table of schema with a column that can
// hold a person's data (personColumn): it is in the export
// (PersonalTables) and in the erasure (its steps, or it cascades from a
// table the erasure deletes from), or in neither and declared exempt with
// its reason; a retention rule reaches it (or deletes from a table it
// cascades from), or it is declared kept with its reason; and the record
// of processing (doc) names it. Exemptions that no longer apply are
// problems too.
func coverageProblems(schema map[string]*schemaTable, doc string) []string {
	export, erase, retention := storage.PrivacyQueriesForTest()
	var problems []string
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	var personal []string
	for table, st := range schema {
		if slices.ContainsFunc(st.columns, personColumn.MatchString) {
			personal = append(personal, table)
		}
	}
	sort.Strings(personal)
	for _, table := range personal {
		exported := mentions(export, table, reads)
		erased := reached(schema, erase, table, changes)
		kept := storage.KeptThroughErasure[table]
		_, exempt := notAPersonsTable[table]
		switch {
		case exempt && (exported || erased):
			fail("%s is declared to hold no one's data (%s), but the export or the erasure reads it: drop the exemption", table, notAPersonsTable[table])
		case exempt:
		case !exported && !erased:
			fail("%s has a column with personal data (%v) and is neither exported nor erased: add it with storage.AddPersonalTable, or declare it in notAPersonsTable with its reason", table, schema[table].columns)
		case !exported:
			fail("%s is erased but not in the export (Art. 15): add it to PersonalTables", table)
		case !erased && !kept:
			fail("%s is in the export but not erased (Art. 17): add a Delete step, or to KeptThroughErasure with its reason", table)
		}
		_, keptForGood := notInRetention[table]
		retained := reached(schema, retention, table, reads) || reached(schema, retention, table, changes)
		switch {
		case keptForGood && retained:
			fail("%s is declared kept without a retention rule (%s), but a rule reaches it: drop the declaration", table, notInRetention[table])
		case !keptForGood && !exempt && !retained:
			fail("%s has personal data and no retention rule deletes from it (Art. 5 (1) e): add one, or declare it in notInRetention with its reason", table)
		}
		if !strings.Contains(doc, "`"+table+"`") {
			fail("docs/datenschutz.md does not name %s: the record of processing must list every table with personal data", table)
		}
	}
	for table := range notAPersonsTable {
		if !slices.Contains(personal, table) {
			fail("notAPersonsTable names %s, which is not (or no longer) a table with a person column", table)
		}
	}
	for table := range notInRetention {
		if !slices.Contains(personal, table) {
			fail("notInRetention names %s, which is not (or no longer) a table with a person column", table)
		}
	}
	sort.Strings(problems)
	return problems
}

// TestEveryPersonTableIsCovered reads the schema from the database (SQLite
// and PostgreSQL) and checks it with coverageProblems: a new table with a
// person column that nobody thought of fails here, as does an exemption
// that no longer applies (priv35: nothing checked a new table against
// the export, the erasure, the retention rules and the Verzeichnis).
func TestEveryPersonTableIsCovered(t *testing.T) {
	doc, err := os.ReadFile("../docs/datenschutz.md")
	if err != nil {
		t.Fatal(err)
	}
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			schema := readSchema(t, db, name == "postgres")
			if len(schema) < 40 {
				t.Fatalf("read %d tables from the schema, want the whole schema", len(schema))
			}
			for _, p := range coverageProblems(schema, string(doc)) {
				t.Error(p)
			}
			// The check itself: a table added with a person column and
			// nothing else is found, read from the database as the rest.
			if _, err := db.Lotse.Exec(context.Background(), `CREATE TABLE coverage_probe (id BIGINT PRIMARY KEY, member_id TEXT NOT NULL)`); err != nil {
				t.Fatal(err)
			}
			got := coverageProblems(readSchema(t, db, name == "postgres"), string(doc))
			if len(got) != 3 || !slices.ContainsFunc(got, func(p string) bool { return strings.HasPrefix(p, "coverage_probe has a column with personal data") }) {
				t.Errorf("a new table with a person column: problems %q, want it neither exported nor erased, without retention and not in the Verzeichnis", got)
			}
		})
	}
}

// TestPersonColumnNames: the column names that make a table one with
// personal data (personColumn), and some that do not. A table added with
// only an „author“, „inviter“ or „note“ column passed the check unseen
// before mend35b.
func TestPersonColumnNames(t *testing.T) {
	for _, c := range []struct {
		column string
		person bool
	}{
		{"member_id", true}, {"sender", true}, {"room_id", true}, {"email", true}, {"granted_by", true},
		{"author", true}, {"owner_id", true}, {"inviter", true}, {"invitee", true}, {"recipient", true},
		{"requester", true}, {"created_by", true}, {"creator", true}, {"host", true}, {"participant", true},
		{"mxid", true}, {"phone", true}, {"address", true}, {"note", true}, {"comment", true},
		{"message_text", true}, {"content", true},
		{"id", false}, {"created_at", false}, {"state", false}, {"attempts", false}, {"guide_id", false},
		{"notified", false}, {"status", false}, {"version", false}, {"event_id", false},
	} {
		if got := personColumn.MatchString(c.column); got != c.person {
			t.Errorf("column %q: person column %v, want %v", c.column, got, c.person)
		}
	}
}
