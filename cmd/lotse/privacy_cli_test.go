package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/bot"
	"github.com/lotse-bot/lotse/commands/privacy"
	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestPrivacyEraseCommand: an admin erases a member whose request came by
// letter (no chat), as operations.md says: lotse privacy erase counts
// first and erases only with --yes, then proves with an export that nothing
// is left; kept audit records carry the pseudonym the running bot would
// give (keyed by the pickle key), and no pseudonym key is left in the
// database.
func TestPrivacyEraseCommand(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "lotse.db")
	cfgPath := writeConfig(t, dir, "database: "+dbPath+"\n")
	const pickle = "0123456789abcdef0123456789abcdef"
	t.Setenv("LOTSE_PICKLE_KEY", pickle)
	ctx := t.Context()
	db := storagetest.Open(t, dbPath)
	now := time.Now()
	if _, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: "@m:hs", MemberRoom: "!dm:hs", Summary: "Drucker"}, "$o", "Frage", now); err != nil {
		t.Fatal(err)
	}
	// A question learned from the case: the running bot's search holds it
	// in memory, so the erasure says how to take it out there.
	if _, _, err := db.Learned().Add(ctx, storage.LearnedQuestion{GuideID: "g.md", Question: "Frage", Norm: "frage", CaseID: 1, TaughtBy: "@du:hs", TaughtAt: now}, "$t"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Roles().Set(ctx, "@m:hs", storage.RoleApprover, storage.RoleActive, "@du:hs",
		storage.RoleAuditEntry{Key: "grant:m", At: now, Actor: "@du:hs", Subject: "@m:hs", Action: "grant"}, now); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: "@other:hs", MemberRoom: "!dm2:hs", Summary: "bleibt"}, "$o2", "Frage", now); err != nil {
		t.Fatal(err)
	}

	var out, errOut bytes.Buffer
	run := func(args ...string) error {
		out.Reset()
		errOut.Reset()
		return runMain(ctx, append([]string{"privacy"}, args...), nil, &out, &errOut)
	}
	export := func() map[string][]map[string]any {
		t.Helper()
		if err := run("export", "-c", cfgPath, "@m:hs"); err != nil {
			t.Fatalf("export: %v (%s)", err, errOut.String())
		}
		var e privacy.ExportFile
		if err := json.Unmarshal(out.Bytes(), &e); err != nil {
			t.Fatalf("export is no JSON: %v\n%s", err, out.String())
		}
		if e.User != "@m:hs" {
			t.Fatalf("export of %q", e.User)
		}
		return e.Tables
	}
	if n := len(rowCounts(export())); n < 2 {
		t.Fatalf("export before the erasure finds %d tables with rows, want support_case and member_role at least", n)
	}

	var ee *exitError
	for _, bad := range [][]string{{"erase", "-c", cfgPath}, {"erase", "-c", cfgPath, "m:hs"}, {"erase", "-c", cfgPath, "@m:hs", "@n:hs"}} {
		if err := run(bad...); !errors.As(err, &ee) || ee.code != exitUsage {
			t.Errorf("%q: %v, want a usage error", bad, err)
		}
	}
	// Without --yes: counted, nothing erased.
	if err := run("erase", "-c", cfgPath, "@m:hs"); err != nil {
		t.Fatalf("erase (count): %v (%s)", err, errOut.String())
	}
	if !strings.Contains(out.String(), "support_case") || !strings.Contains(out.String(), "--yes") {
		t.Errorf("count output: %q", out.String())
	}
	if len(rowCounts(export())) == 0 {
		t.Fatal("erase without --yes erased")
	}
	// The pickle key is needed: without it the pseudonyms would differ
	// from the bot's (and a key would be stored in the database).
	t.Setenv("LOTSE_PICKLE_KEY", "")
	if err := run("erase", "-c", cfgPath, "--yes", "@m:hs"); !errors.As(err, &ee) || ee.code != exitConfig {
		t.Fatalf("erase without the pickle key: %v, want exit code %d", err, exitConfig)
	}
	t.Setenv("LOTSE_PICKLE_KEY", pickle)
	// --yes after the ID, as typed after the count, erases too.
	if err := run("erase", "-c", cfgPath, "@m:hs", "--yes"); err != nil {
		t.Fatalf("erase: %v (%s)", err, out.String())
	}
	if !strings.Contains(out.String(), "finds nothing") {
		t.Errorf("erase output gives no proof: %q", out.String())
	}
	if !strings.Contains(out.String(), "systemctl reload lotse") {
		t.Errorf("erase output does not say how the running bot forgets the learned question: %q", out.String())
	}
	if left := rowCounts(export()); len(left) != 0 {
		t.Fatalf("rows left after the erasure: %v", left)
	}

	key, err := bot.PseudonymKey(pickle)
	if err != nil {
		t.Fatal(err)
	}
	db.SetPseudonymKey(key)
	want, err := db.Privacy().Pseudonym(ctx, "@m:hs")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), want) {
		t.Error("the output names the pseudonym next to the Matrix ID")
	}
	var subject string
	if err := db.Root.RawDB.QueryRowContext(ctx, "SELECT subject FROM role_audit WHERE action='grant'").Scan(&subject); err != nil {
		t.Fatal(err)
	}
	if subject != want {
		t.Errorf("audit subject %q, want the bot's pseudonym %q", subject, want)
	}
	if v, err := db.KV.Get(ctx, "privacy.pseudonym_key"); err != nil || v != "" {
		t.Errorf("a pseudonym key is stored in the database: %q, %v", v, err)
	}
	if c, err := db.Cases.Get(ctx, 2); err != nil || c == nil || c.Summary != "bleibt" {
		t.Errorf("another member's case: %+v, %v", c, err)
	}
}

// TestPrivacyExportHidesTeam: with support_anonymous the answers never
// named the team member who took a case, so the export an admin sends to a
// person who asked by letter does not name them either — the same file as
// !meine-daten (the team's name instead, the member's own ID kept).
func TestPrivacyExportHidesTeam(t *testing.T) {
	for _, anonymous := range []bool{false, true} {
		t.Run(fmt.Sprint("support_anonymous=", anonymous), func(t *testing.T) {
			dir := t.TempDir()
			dbPath := filepath.Join(dir, "lotse.db")
			yaml := fmt.Sprintf("database: %s\nsupport_anonymous: %v\n", dbPath, anonymous)
			cfgPath := writeConfig(t, dir, yaml)
			t.Setenv("LOTSE_PICKLE_KEY", "0123456789abcdef0123456789abcdef")
			ctx := t.Context()
			db := storagetest.Open(t, dbPath)
			now := time.Now()
			c, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: "@m:hs", MemberRoom: "!dm:hs", Summary: "Drucker"}, "$o", "Frage", now)
			if err != nil {
				t.Fatal(err)
			}
			if ok, _, err := db.Cases.Claim(ctx, c.ID, "@helfer:hs", now); err != nil || !ok {
				t.Fatalf("claim: %v, %v", ok, err)
			}
			var out, errOut bytes.Buffer
			if err := runMain(ctx, []string{"privacy", "export", "-c", cfgPath, "@m:hs"}, nil, &out, &errOut); err != nil {
				t.Fatalf("export: %v (%s)", err, errOut.String())
			}
			var e privacy.ExportFile
			if err := json.Unmarshal(out.Bytes(), &e); err != nil {
				t.Fatalf("export is no JSON: %v\n%s", err, out.String())
			}
			if len(e.Tables["support_case"]) != 1 || e.Note == "" {
				t.Fatalf("export without the case or the note: %s", out.String())
			}
			if named := strings.Contains(out.String(), "@helfer:hs"); named == anonymous {
				t.Errorf("the team member is named: %v, want %v\n%s", named, !anonymous, out.String())
			}
			if !strings.Contains(out.String(), `"@m:hs"`) {
				t.Errorf("the export lost the member's own ID:\n%s", out.String())
			}
		})
	}
}
