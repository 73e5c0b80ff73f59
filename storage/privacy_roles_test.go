package storage_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"go.mau.fi/util/dbutil"

	"github.com/lotse-bot/lotse/storage"
)

// failDeletes makes every DELETE on member_role fail (an erasure that
// breaks half-way, after its first steps); the returned func lifts it.
func failDeletes(t *testing.T, db *storage.DB) func() {
	t.Helper()
	ctx := context.Background()
	stmts := []string{`CREATE TRIGGER roles32_fail BEFORE DELETE ON member_role BEGIN SELECT RAISE(ABORT, 'roles32: refused'); END`}
	drop := []string{`DROP TRIGGER roles32_fail`}
	if db.Lotse.Dialect == dbutil.Postgres {
		stmts = []string{`CREATE FUNCTION roles32_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'roles32: refused'; END $$ LANGUAGE plpgsql`,
			`CREATE TRIGGER roles32_fail BEFORE DELETE ON member_role FOR EACH ROW EXECUTE FUNCTION roles32_fail()`}
		drop = []string{`DROP TRIGGER roles32_fail ON member_role`, `DROP FUNCTION roles32_fail()`}
	}
	for _, s := range stmts {
		if _, err := db.Lotse.Exec(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	return func() {
		for _, s := range drop {
			if _, err := db.Lotse.Exec(ctx, s); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// erased returns the role log's "erase" entries: detail → actor.
func erased(t *testing.T, db *storage.DB) map[string][]string {
	t.Helper()
	entries, err := db.Roles().AuditLog(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, e := range entries {
		if e.Action == "erase" {
			out[e.Detail] = append(out[e.Detail], e.Actor)
		}
	}
	return out
}

// TestEraseEndsRolesInItsTransaction: the role log's "erase" entries (the
// roles end) were written before the erasure, outside its transaction: an
// erasure that failed logged an end that never came, and run again (the
// command line keys by the millisecond) logged it twice (pass 31's Left;
// roles32). Now Erase writes them in its transaction: a failed erasure
// leaves no entry, a second run finds no role left to end. The chat's
// erasure names the person as actor, the command line "lotse".
func TestEraseEndsRolesInItsTransaction(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			set := func(user, role, status string) {
				t.Helper()
				if _, err := db.Roles().Set(ctx, user, role, status, "@a:hs", storage.RoleAuditEntry{}, now); err != nil {
					t.Fatal(err)
				}
			}
			set("@t:hs", storage.RoleTeam, storage.RoleActive)
			set("@t:hs", storage.RoleCoordinator, storage.RoleActive)
			set("@t:hs", storage.RoleApprover, storage.RoleRemoved)
			set("@m:hs", storage.RoleTeam, storage.RolePaused)

			lift := failDeletes(t, db)
			if _, err := db.Privacy().By("lotse").Erase(ctx, "@t:hs", "", now); err == nil {
				t.Fatal("the erasure did not fail")
			}
			if got := erased(t, db); len(got) > 0 {
				t.Errorf("a failed erasure logged the roles' end: %v", got)
			}
			if ok, _ := db.Roles().Has(ctx, "@t:hs", storage.RoleTeam); !ok {
				t.Error("a failed erasure took the role")
			}
			lift()
			for range 2 {
				if _, err := db.Privacy().By("lotse").Erase(ctx, "@t:hs", "", now.Add(time.Second)); err != nil {
					t.Fatal(err)
				}
			}
			got := erased(t, db)
			if len(got) != 2 || len(got[storage.RoleTeam]) != 1 || len(got[storage.RoleCoordinator]) != 1 || got[storage.RoleTeam][0] != "lotse" {
				t.Errorf("erase entries %v, want one each for team and coordinator, by lotse", got)
			}
			// The chat's erasure (!daten-löschen): the person asked; the
			// entry's actor is their pseudonym, as the subject.
			if _, err := db.Privacy().Erase(ctx, "@m:hs", "$req", now); err != nil {
				t.Fatal(err)
			}
			pseudo, err := db.Privacy().Pseudonym(ctx, "@m:hs")
			if err != nil {
				t.Fatal(err)
			}
			if got := erased(t, db)[storage.RoleTeam]; len(got) != 2 || !strings.Contains(strings.Join(got, " "), pseudo) {
				t.Errorf("the chat erasure's entry: %v, want one by %s", got, pseudo)
			}
		})
	}
}

// TestExportRoleLogOfOthers: an approver's export listed the role log
// entries they made about others with those people's IDs (subject, and the
// key), and the dates of their declarations (Art. 15(4) DSGVO: the rights
// of others; pass 31's Left). Now the entries about the person stay whole;
// those they made about others list action, a detail that names nobody,
// and the time — as the steps in other members' cases do (roles32).
func TestExportRoleLogOfOthers(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			for _, e := range []storage.RoleAuditEntry{
				{Key: "grant:$1", At: now, Actor: "@boss:hs", Subject: "@a:hs", Action: "grant", Detail: storage.RoleApprover},
				{Key: "grant:$2", At: now, Actor: "@a:hs", Subject: "@c:hs", Action: "grant", Detail: storage.RoleCoordinator},
				{Key: "declaration:$3", At: now, Actor: "@a:hs", Subject: "@m:hs", Action: "declaration", Detail: "2026-03-02/0001-01-01"},
				{Key: "pause:@m:hs:1", At: now, Actor: "@a:hs", Subject: "@m:hs", Action: "pause", Detail: "team, by @m:hs"},
				{Key: "apply-gate:@a:hs:none", At: now, Actor: "@a:hs", Subject: "@a:hs", Action: "apply", Detail: storage.RoleTeam},
			} {
				if err := db.Roles().Audit(ctx, e); err != nil {
					t.Fatal(err)
				}
			}
			tables, err := db.Privacy().Export(ctx, "@a:hs")
			if err != nil {
				t.Fatal(err)
			}
			if n := len(tables["role_audit"]); n != 2 {
				t.Errorf("role_audit: %d rows, want 2 (about the person): %v", n, tables["role_audit"])
			}
			others := tables["role_audit_by_you_for_others"]
			if len(others) != 3 {
				t.Fatalf("role_audit_by_you_for_others: %d rows, want 3: %v", len(others), others)
			}
			details := map[string]any{}
			for _, row := range others {
				for col, v := range row {
					if s, ok := v.(string); ok && (strings.Contains(s, "@c:hs") || strings.Contains(s, "@m:hs") || strings.Contains(s, "$")) {
						t.Errorf("an entry about someone else names them or the event: %s=%q", col, s)
					}
				}
				if _, ok := row["subject"]; ok {
					t.Errorf("an entry about someone else has a subject: %v", row)
				}
				details[row["action"].(string)] = row["detail"]
			}
			if details["grant"] != storage.RoleCoordinator || details["declaration"] != "" || details["pause"] != "" {
				t.Errorf("details %v: want the role granted, no evidence dates, no detail naming someone", details)
			}
			// The erasure counts them under the export's names, each entry once.
			counts, err := db.Privacy().Erase(ctx, "@a:hs", "", now)
			if err != nil {
				t.Fatal(err)
			}
			if counts["role_audit"] != 2 || counts["role_audit_by_you_for_others"] != 3 {
				t.Errorf("erasure counts role_audit %d, by you for others %d; want 2, 3", counts["role_audit"], counts["role_audit_by_you_for_others"])
			}
		})
	}
}
