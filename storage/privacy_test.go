package storage_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"go.mau.fi/util/dbutil"

	"github.com/lotse-bot/lotse/storage"
)

// person fills every table with personal data about one member (and acts
// as team member and approver for the other one).
func person(t *testing.T, db *storage.DB, n int, user, dm, email, other string, now time.Time) {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := db.Onboarding().Seen(ctx, user, dm, now)
	must(err)
	must(db.Onboarding().MarkWelcomed(ctx, user, now))
	must(db.Onboarding().Tick(ctx, user, "lotse/erste-schritte.md", now))
	// Told that their direct chat is public (support's tellExposed).
	must(db.KV.Set(ctx, storage.ChatPublicToldPrefix+dm, "1"))
	must(db.Roles().MarkNotice(ctx, "onboarding-reminder:"+user, user, now))
	_, err = db.Roles().Set(ctx, user, storage.RoleTeam, storage.RoleActive, other,
		storage.RoleAuditEntry{Key: fmt.Sprintf("grant:%d", n), At: now, Actor: other, Subject: user, Action: "grant", Detail: "team"}, now)
	must(err)
	must(db.Roles().PutGate(ctx, storage.TeamGate{UserID: user, DMRoom: dm, DeclarationAt: now, DeclarationBy: other, UpdatedAt: now},
		storage.RoleAuditEntry{Key: fmt.Sprintf("decl:%d", n), At: now, Actor: other, Subject: user, Action: "declaration"}))
	// Keys that name the person (a self-application per role state, a pause
	// per expiry date) are pseudonymised with the rest.
	for _, e := range []storage.RoleAuditEntry{
		{Key: "apply-gate:" + user + ":pending", At: now, Actor: user, Subject: user, Action: "apply"},
		{Key: "pause:" + user + ":2026-12-06", At: now, Actor: "lotse", Subject: user, Action: "pause"},
	} {
		g, err := db.Roles().Gate(ctx, user) // written only over what was read
		must(err)
		must(db.Roles().PutGate(ctx, *g, e))
	}
	c, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: user, MemberRoom: dm, Summary: "Frage von " + email,
		QuestionEvents: []string{fmt.Sprintf("$question%d", n)}}, fmt.Sprintf("$origin%d", n), "Frage von "+email, now)
	must(err)
	_, _, err = db.Cases.AddMessage(ctx, storage.CaseMessage{SourceEvent: fmt.Sprintf("$m%d", n), CaseID: c.ID, Kind: storage.MsgMember, Sender: user, Body: "noch was " + email, CreatedAt: now})
	must(err)
	// The other one works on this case as team member.
	_, _, err = db.Cases.Claim(ctx, c.ID, other, now)
	must(err)
	_, _, err = db.Cases.AddMessage(ctx, storage.CaseMessage{SourceEvent: fmt.Sprintf("$note%d", n), CaseID: c.ID, Kind: storage.MsgNote, Sender: other, Body: "Notiz", CreatedAt: now})
	must(err)
	must(db.Cases.PutDraft(ctx, storage.CaseDraft{RoomID: dm, UserID: user, Question: "Entwurf " + email, CreatedAt: now}))
	// The other one taught the question of this case to a guide.
	_, _, err = db.Learned().Add(ctx, storage.LearnedQuestion{GuideID: "a.md", Question: "Gelernt aus " + email, Norm: "gelernt " + email,
		CaseID: c.ID, TaughtBy: other, TaughtAt: now, Source: storage.QuestionSource{Event: fmt.Sprintf("$origin%d", n), Room: dm, User: user}},
		fmt.Sprintf("$teach%d", n))
	must(err)
	// Its learning prompt in the team room quotes the question (loop29).
	must(db.Copies().Add(ctx, fmt.Sprintf("$prompt%d", n), storage.CopyPrompt, c.ID,
		storage.QuestionSource{Event: fmt.Sprintf("$origin%d", n), Room: dm, User: user}, now))
	r, _, err := db.Access().Create(ctx, &storage.AccessRequest{MemberID: user, MemberRoom: dm, Kind: storage.AccessNextcloud, Target: "AG",
		Email: email, DisplayName: "Name " + email, Reason: "weil"}, fmt.Sprintf("$req%d", n), now)
	must(err)
	_, _, err = db.Access().Approve(ctx, r.ID, other, fmt.Sprintf("$appr%d", n), now)
	must(err)
	// A further event the other approved it by while it was pending (a
	// request that needs two approvers; left31).
	_, err = db.Lotse.Exec(ctx, `INSERT INTO access_approval_event (event_id, request_id, approver) VALUES ($1, $2, $3)`,
		fmt.Sprintf("$apprevt%d", n), r.ID, other)
	must(err)
	must(db.Access().PutDraft(ctx, storage.AccessDraft{RoomID: dm, UserID: user, Kind: storage.AccessBBB, Email: email, Step: "email", CreatedAt: now}))
	must(db.Choices.Put(ctx, dm, user, []string{"a.md"}, now))
	must(db.Answers.Put(ctx, fmt.Sprintf("$ans%d", n), dm, "a.md", now))
	_, err = db.Feedback.Vote(ctx, fmt.Sprintf("$ans%d", n), user, "a.md", true)
	must(err)
	must(db.Inbox.Commit(ctx, []storage.InboxItem{{EventID: fmt.Sprintf("$in%d", n), RoomID: dm, Sender: user, EventType: "m.room.message",
		Payload: []byte(`{"body":"` + email + `"}`), ReceivedAt: now}}, nil, ""))
	// The member edited their case message.
	_, err = db.Cases.BeginEdit(ctx, fmt.Sprintf("$m%d", n), fmt.Sprintf("$in%d", n))
	must(err)
	must(db.Inbox.RecordSent(ctx, storage.SentEvent{TxnID: fmt.Sprintf("txn%d", n), EventID: fmt.Sprintf("$sent%d", n), RoomID: dm, SentAt: now}))
	// Round tables: one the person coordinates, an RSVP to one of the other's, a reminder, their DM.
	own, _, err := db.RoundTables.Create(ctx, &storage.RoundTable{Title: "Stammtisch", Start: now.Add(48 * time.Hour), Duration: time.Hour,
		Coordinator: user, CoHosts: []string{other}, OriginEvent: fmt.Sprintf("$rt%d", n), OriginRoom: dm}, now)
	must(err)
	_, err = db.RoundTables.SetRSVP(ctx, storage.RSVP{RoundTableID: own.ID, UserID: other, Attending: true, SourceEvent: fmt.Sprintf("$rsvp-o%d", n), UpdatedAt: now}, 0)
	must(err)
	_, err = db.RoundTables.SetRSVP(ctx, storage.RSVP{RoundTableID: own.ID, UserID: user, Attending: true, SourceEvent: fmt.Sprintf("$rsvp%d", n), UpdatedAt: now}, 0)
	must(err)
	must(db.RoundTables.MarkSent(ctx, fmt.Sprintf("%d|%s|reminder|%d", own.ID, user, now.Unix()), own.ID, false, now))
	// Who was in the meeting: the Matrix ID (rt25), with the other person.
	must(db.RoundTables.AddSeen(ctx, own.ID, own.Start, []string{user, other}))
	_, err = db.DirectRooms.Begin(ctx, user, fmt.Sprintf("token%d", n), now)
	must(err)
	must(db.DirectRooms.Finish(ctx, user, dm))
	must(db.DirectChats.Agree(ctx, dm, user, now))
	// An unanswered question kept for the team, and an opt-out recorded
	// after it (OptOut deletes kept questions and Keep keeps none after
	// an opt-out, so the row is written here as PostgreSQL's rare overlap
	// of both leaves it: the export and the erasure must reach both).
	must(db.Gaps().Keep(ctx, storage.FailedQuestion{SourceEvent: fmt.Sprintf("$fq%d", n), UserID: user, RoomID: dm,
		Question: "Wie geht das, fragt Name " + user[1:strings.Index(user, ":")], Outcome: storage.FailedNone, AskedAt: now}))
	_, err = db.Lotse.Exec(ctx, `INSERT INTO question_optout (user_id, at) VALUES ($1, $2)`, user, now.UnixMilli())
	must(err)
}

// allCells returns every cell of every table of Lotse's schema as text.
func allCells(t *testing.T, db *storage.DB, postgres bool) map[string][]string {
	t.Helper()
	ctx := context.Background()
	q := `SELECT name FROM sqlite_master WHERE type='table'`
	if postgres {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema=current_schema()`
	}
	rows, err := db.Lotse.Query(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, n)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()
	out := map[string][]string{}
	for _, table := range tables {
		rows, err := db.Lotse.Query(ctx, `SELECT * FROM `+table)
		if err != nil {
			t.Fatal(err)
		}
		out[table] = cellsOf(t, rows)
	}
	return out
}

// cellsOf reads every cell of rows, row by row, as text, and closes them;
// a row it cannot read fails the test (a privacy check that saw no cells
// would pass without checking anything).
func cellsOf(t *testing.T, rows dbutil.Rows) []string {
	t.Helper()
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for _, v := range vals {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			out = append(out, fmt.Sprint(v))
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestExportAndErase: the export holds all of a member's data and nothing
// of another member's; erasure leaves nothing of the member in any table
// (Lotse's and mautrix's), except pseudonymised audit entries.
func TestExportAndErase(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Now()
			a, b := "@anna:test", "@ben:test"
			person(t, db, 1, a, "!dm-anna:test", "anna@example.org", b, now)
			person(t, db, 2, b, "!dm-ben:test", "ben@example.org", a, now)

			exp, err := db.Privacy().Export(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			for _, tbl := range storage.PersonalTables {
				if len(exp[tbl.Name]) == 0 && tbl.Name != "case_events_by_you_for_others" {
					t.Errorf("export has nothing in %s", tbl.Name)
				}
			}
			data, _ := json.Marshal(exp)
			for _, w := range []string{"anna@example.org", "!dm-anna:test", "lotse/erste-schritte.md", "Entwurf anna"} {
				if !strings.Contains(string(data), w) {
					t.Errorf("export lacks %q", w)
				}
			}
			for _, w := range []string{"ben@example.org", "!dm-ben:test", "Notiz"} {
				if strings.Contains(string(data), w) {
					t.Errorf("export of anna contains ben's data %q", w)
				}
			}

			counts, err := db.Privacy().Erase(ctx, a, "", now.Add(time.Minute))
			if err != nil {
				t.Fatal(err)
			}
			if counts["support_case"] == 0 || counts["access_request"] == 0 || counts["member_state"] == 0 {
				t.Errorf("erase counts: %v", counts)
			}
			pseudo, _ := db.Privacy().Pseudonym(ctx, a)
			cells := allCells(t, db, name == "postgres")
			for table, vals := range cells {
				for _, v := range vals {
					for _, w := range []string{a, "anna@example.org", "!dm-anna:test", "Name anna"} {
						if strings.Contains(v, w) {
							t.Errorf("after erasure, %s still holds %q: %q", table, w, v)
						}
					}
				}
			}
			for _, v := range cells["case_edit"] {
				if v == "$m1" {
					t.Error("after erasure, case_edit still holds anna's edit")
				}
			}
			found := false
			for _, v := range cells["role_audit"] {
				found = found || v == pseudo
			}
			if !found {
				t.Error("role audit entries were not pseudonymised but dropped")
			}
			// Ben's data is untouched.
			exp, _ = db.Privacy().Export(ctx, b)
			if len(exp["support_case"]) != 1 || len(exp["access_request"]) != 1 || len(exp["member_state"]) != 1 {
				t.Errorf("ben's data changed: %d cases, %d requests", len(exp["support_case"]), len(exp["access_request"]))
			}
		})
	}
}

// TestRetentionDryRun: the dry run counts without deleting; the real run deletes.
func TestRetentionDryRun(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			old := time.Now().Add(-400 * 24 * time.Hour)
			person(t, db, 1, "@anna:test", "!dm-anna:test", "anna@example.org", "@ben:test", old)
			p := storage.RetentionPolicy{Inbox: 7 * 24 * time.Hour, Answers: 30 * 24 * time.Hour, Choices: time.Hour, Cases: 90 * 24 * time.Hour,
				Access: 365 * 24 * time.Hour, Audit: 3 * 365 * 24 * time.Hour, Members: 365 * 24 * time.Hour}
			res, err := db.Retention(ctx, p, time.Now(), true)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int64{}
			for _, r := range res {
				got[r.Table] += r.Rows
			}
			if got["sent_event"] != 1 || got["answer"] != 1 || got["pending_choice"] != 1 || got["case_draft"] != 1 || got["access_draft"] != 1 {
				t.Errorf("dry run: %v", got)
			}
			if got["member_state"] != 0 {
				t.Errorf("a member with a role would be deleted: %v", got)
			}
			if got["roundtable"] != 1 {
				t.Errorf("the old round table would not be deleted: %v", got)
			}
			if exp, _ := db.Privacy().Export(ctx, "@anna:test"); len(exp["answer"]) != 1 {
				t.Fatal("the dry run deleted")
			}
			if _, err := db.Retention(ctx, p, time.Now(), false); err != nil {
				t.Fatal(err)
			}
			exp, _ := db.Privacy().Export(ctx, "@anna:test")
			if len(exp["answer"]) != 0 || len(exp["pending_choice"]) != 0 || len(exp["answer_vote"]) != 0 || len(exp["roundtable_rsvp"]) != 0 {
				t.Errorf("retention left data: %v", exp)
			}
		})
	}
}

// TestEraseMatchesWholeIDs: export and erasure match a person's ID as a
// whole: @bob:example.org is not @bob:example.org.uk, and the "_" in
// @a_b:test is no wildcard for @aXb:test.
func TestEraseMatchesWholeIDs(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Now()
			bob, bobUK, carl := "@bob:example.org", "@bob:example.org.uk", "@carl:test"
			person(t, db, 1, bob, "!dm-bob:test", "bob@example.org", carl, now)
			person(t, db, 2, bobUK, "!dm-bobuk:test", "bob@example.org.uk", carl, now)
			// bob.uk approved carl's request and co-hosts carl's round table.
			person(t, db, 3, carl, "!dm-carl:test", "carl@example.org", bobUK, now)
			person(t, db, 4, "@a_b:test", "!dm-ab:test", "ab@example.org", carl, now)
			person(t, db, 5, "@aXb:test", "!dm-axb:test", "axb@example.org", carl, now)

			exp, err := db.Privacy().Export(ctx, bob)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(exp["roundtable_coordinated"]); n != 1 {
				t.Errorf("bob's export lists %d round tables, want 1 (his own, not those bob.uk co-hosts)", n)
			}
			exp, err = db.Privacy().Export(ctx, "@a_b:test")
			if err != nil {
				t.Fatal(err)
			}
			if n := len(exp["roundtable_reminders_sent"]); n != 1 {
				t.Errorf("@a_b's export lists %d reminders, want 1 (not @aXb's)", n)
			}

			before, err := db.Privacy().Export(ctx, bobUK)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Privacy().Erase(ctx, bob, "", now.Add(time.Minute)); err != nil {
				t.Fatal(err)
			}
			if _, err := db.Privacy().Erase(ctx, "@a_b:test", "", now.Add(time.Minute)); err != nil {
				t.Fatal(err)
			}
			after, err := db.Privacy().Export(ctx, bobUK)
			if err != nil {
				t.Fatal(err)
			}
			b1, _ := json.Marshal(before)
			b2, _ := json.Marshal(after)
			if string(b1) != string(b2) {
				t.Error("erasing bob changed bob.uk's data")
			}
			pseudo, _ := db.Privacy().Pseudonym(ctx, bob)
			for table, vals := range allCells(t, db, name == "postgres") {
				for _, v := range vals {
					if strings.Contains(v, pseudo+".uk") {
						t.Errorf("%s: bob.uk's ID was half replaced: %q", table, v)
					}
				}
			}
			if exp, _ := db.Privacy().Export(ctx, "@aXb:test"); len(exp["roundtable_reminders_sent"]) != 1 || len(exp["member_state"]) != 1 {
				t.Error("erasing @a_b touched @aXb's data")
			}
			var cohosts, decided string
			if err := db.Lotse.QueryRow(ctx, `SELECT cohosts FROM roundtable WHERE coordinator=$1`, carl).Scan(&cohosts); err != nil {
				t.Fatal(err)
			}
			if err := db.Lotse.QueryRow(ctx, `SELECT decided_by FROM access_request WHERE member_id=$1`, carl).Scan(&decided); err != nil {
				t.Fatal(err)
			}
			if cohosts != bobUK || decided != bobUK {
				t.Errorf("carl's round table co-hosts %q, request decided by %q; want %q", cohosts, decided, bobUK)
			}
		})
	}
}

func TestReplaceID(t *testing.T) {
	const bob, p = "@bob:example.org", "P"
	for in, want := range map[string]string{
		bob:                                  p,
		bob + "," + bob + ".uk":              p + "," + bob + ".uk",
		"by " + bob + ".":                    "by " + p + ".",
		bob + ".uk, " + bob + ":8448 " + bob: bob + ".uk, " + bob + ":8448 " + p,
		"x" + bob + "\n" + bob:               "x" + bob + "\n" + p,
		"@bob:example.orgx":                  "@bob:example.orgx",
		"a|" + bob + "|b":                    "a|" + p + "|b",
		"von:" + bob:                         "von:" + p,
	} {
		if got := storage.StorageReplaceIDForTest(in, bob, p); got != want {
			t.Errorf("replaceID(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPseudonymKeyOutsideDatabase: with the key from outside (Lotse derives
// it from the pickle key), a copy of the database does not let anyone
// compute pseudonyms of guessed IDs: no key is stored, an old stored key is
// dropped, and the pseudonym in the records differs from anything computed
// without the key.
func TestPseudonymKeyOutsideDatabase(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Now()
			// An older Lotse stored a random key.
			if _, err := db.Privacy().Pseudonym(ctx, "@early:test"); err != nil {
				t.Fatal(err)
			}
			db.SetPseudonymKey([]byte("derived-from-the-pickle-key-0123"))
			defer db.SetPseudonymKey(nil)
			person(t, db, 1, "@anna:test", "!dm-anna:test", "anna@example.org", "@ben:test", now)
			person(t, db, 2, "@ben:test", "!dm-ben:test", "ben@example.org", "@anna:test", now)
			want, _ := db.Privacy().Pseudonym(ctx, "@anna:test")
			if _, err := db.Privacy().Erase(ctx, "@anna:test", "", now.Add(time.Minute)); err != nil {
				t.Fatal(err)
			}
			if got, _ := db.KV.Get(ctx, "privacy.pseudonym_key"); got != "" {
				t.Fatal("a pseudonym key is still stored in the database")
			}
			// What a copy of the database reveals: nothing to compute the pseudonym with.
			db.SetPseudonymKey(nil)
			guessed, _ := db.Privacy().Pseudonym(ctx, "@anna:test")
			if guessed == want {
				t.Fatal("the pseudonym can be computed from the database alone")
			}
			found := false
			for _, v := range allCells(t, db, name == "postgres")["role_audit"] {
				found = found || v == want
				if v == guessed {
					t.Fatal("the records hold the pseudonym computable from the database")
				}
			}
			if !found {
				t.Fatal("the role audit does not hold the pseudonym")
			}
		})
	}
}

// TestRetentionPrunesDirectChats: the direct chats of a member pruned as
// inactive go with the member (they were looked up through member_state,
// which the member rule had already deleted, and stayed forever).
func TestRetentionPrunesDirectChats(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			old := time.Now().Add(-400 * 24 * time.Hour)
			for _, u := range []struct{ user, dm string }{{"@weg:test", "!dm-weg:test"}, {"@aktiv:test", "!dm-aktiv:test"}} {
				seen := old
				if u.user == "@aktiv:test" {
					seen = time.Now()
				}
				if _, err := db.Onboarding().Seen(ctx, u.user, u.dm, seen); err != nil {
					t.Fatal(err)
				}
				if _, err := db.DirectRooms.Begin(ctx, u.user, "token-"+u.user, old); err != nil {
					t.Fatal(err)
				}
				if err := db.DirectRooms.Finish(ctx, u.user, u.dm); err != nil {
					t.Fatal(err)
				}
				if err := db.DirectChats.Agree(ctx, u.dm, u.user, old); err != nil {
					t.Fatal(err)
				}
			}
			p := storage.RetentionPolicy{Members: 365 * 24 * time.Hour}
			if _, err := db.Retention(ctx, p, time.Now(), false); err != nil {
				t.Fatal(err)
			}
			for _, u := range []struct {
				user, dm string
				kept     bool
			}{{"@weg:test", "!dm-weg:test", false}, {"@aktiv:test", "!dm-aktiv:test", true}} {
				room, _, err := db.DirectRooms.Get(ctx, u.user)
				if err != nil {
					t.Fatal(err)
				}
				agreed, err := db.DirectChats.Agreed(ctx, u.dm)
				if err != nil {
					t.Fatal(err)
				}
				if (room != "") != u.kept || (agreed != "") != u.kept {
					t.Errorf("%s: direct room %q, agreement %q; want kept=%v", u.user, room, agreed, u.kept)
				}
			}
		})
	}
}

// TestExportLeavesOutBegunSends: a send begun and never completed (no
// event ID) is not a message the member got; the export lists only the
// sent messages (dup17, "left for the next session").
func TestExportLeavesOutBegunSends(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Now()
			person(t, db, 1, "@anna:test", "!dm-anna:test", "anna@example.org", "@ben:test", now)
			if err := db.Inbox.BeginSend(ctx, "lotse.begun", "!dm-anna:test", now); err != nil {
				t.Fatal(err)
			}
			exp, err := db.Privacy().Export(ctx, "@anna:test")
			if err != nil {
				t.Fatal(err)
			}
			rows := exp["sent_event"]
			if len(rows) != 1 {
				t.Fatalf("export lists %d sent messages (%v), want 1 (the begun send is none)", len(rows), rows)
			}
			for _, r := range rows {
				if fmt.Sprint(r["event_id"]) == "" || fmt.Sprint(r["txn_id"]) == "lotse.begun" {
					t.Errorf("export lists a begun send as a message: %v", r)
				}
			}
		})
	}
}

// The same ID erased twice (the person came back and applied again): the
// second pseudonymised key does not collide with the first.
func TestEraseKeyOfReturningPerson(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Now()
			const anna = "@anna:test"
			for round := range 2 {
				if err := db.Roles().PutGate(ctx, storage.TeamGate{UserID: anna, UpdatedAt: now},
					storage.RoleAuditEntry{Key: "apply-gate:" + anna + ":", At: now, Actor: anna, Subject: anna, Action: "apply"}); err != nil {
					t.Fatal(err)
				}
				if _, err := db.Privacy().Erase(ctx, anna, "", now); err != nil {
					t.Fatalf("erasure %d: %v", round+1, err)
				}
			}
			pseudo, _ := db.Privacy().Pseudonym(ctx, anna)
			entries, err := db.Roles().AuditLog(ctx, pseudo)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 2 {
				t.Fatalf("%d audit entries after two erasures, want 2", len(entries))
			}
			for _, e := range entries {
				if strings.Contains(e.Key, anna) {
					t.Errorf("key still names anna: %q", e.Key)
				}
			}
		})
	}
}

// TestExportWithoutInternalKeys: the export lists Lotse's messages to the
// member by event, room and time — not by the transaction ID, Lotse's own
// bookkeeping stored as a keyed hash (hex); the role and access logs'
// entries without their keys („grant:$event…“, „approved:$event“); the
// record that the member's chat is public by its room, not by the kv key
// („support-exposed-told:…“). None of them meant anything to the member
// (priv35).
func TestExportWithoutInternalKeys(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			person(t, db, 1, "@anna:test", "!dm-anna:test", "anna@example.org", "@ben:test", time.Now())
			exp, err := db.Privacy().Export(ctx, "@anna:test")
			if err != nil {
				t.Fatal(err)
			}
			rows := exp["sent_event"]
			if len(rows) != 1 || rows[0]["event_id"] != "$sent1" {
				t.Fatalf("export lists %v, want the one message Lotse sent", rows)
			}
			if _, ok := rows[0]["txn_id"]; ok {
				t.Errorf("export shows the transaction ID: %v", rows[0])
			}
			for _, table := range []string{"role_audit", "access_audit"} {
				if len(exp[table]) == 0 {
					t.Fatalf("export has no %s entries; the test no longer sets up what it checks", table)
				}
				for _, row := range exp[table] {
					if _, ok := row["key"]; ok {
						t.Errorf("%s: export shows the entry's key: %v", table, row)
					}
				}
			}
			if told := exp["chat_public_told"]; len(told) != 1 || told[0]["room_id"] != "!dm-anna:test" {
				t.Errorf("the record that the chat is public: %v, want the room !dm-anna:test", told)
			}
		})
	}
}

// TestRetentionSkippedInboxRows: an event Lotse skipped (history from
// before its first start or its invite, or older than the inbox's
// retention) is stored with its sender's Matrix ID and no handled_at;
// the inbox rule deleted only rows handled before the cutoff, so these
// stayed for ever. They go after the same period, by the event's time; a
// recent one, a pending one and a handled one within the period stay.
func TestRetentionSkippedInboxRows(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_790_000_000_000)
			old := now.Add(-30 * 24 * time.Hour)
			items := []storage.InboxItem{
				{EventID: "$skipped-old", RoomID: "!dm:test", Sender: "@anna:test", EventType: "m.room.message", ReceivedAt: old, State: storage.InboxSkipped},
				{EventID: "$skipped-new", RoomID: "!dm:test", Sender: "@anna:test", EventType: "m.room.message", ReceivedAt: now.Add(-time.Hour), State: storage.InboxSkipped},
				{EventID: "$pending-old", RoomID: "!dm:test", Sender: "@anna:test", EventType: "m.room.message", ReceivedAt: old, Payload: []byte(`{}`)},
			}
			if err := db.Inbox.Commit(ctx, items, nil, ""); err != nil {
				t.Fatal(err)
			}
			p := storage.RetentionPolicy{Inbox: 7 * 24 * time.Hour}
			res, err := db.Retention(ctx, p, now, true)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range res {
				if r.Table == "inbox" && r.Rows != 1 {
					t.Errorf("dry run counts %d inbox rows, want 1 (the old skipped one)", r.Rows)
				}
			}
			if _, err := db.Retention(ctx, p, now, false); err != nil {
				t.Fatal(err)
			}
			var left []string
			rows, err := db.Lotse.Query(ctx, `SELECT event_id FROM inbox ORDER BY event_id`)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var id string
				if err := rows.Scan(&id); err != nil {
					t.Fatal(err)
				}
				left = append(left, id)
			}
			rows.Close()
			if strings.Join(left, " ") != "$pending-old $skipped-new" {
				t.Errorf("after retention the inbox holds %v, want the pending and the recent skipped row", left)
			}
		})
	}
}
