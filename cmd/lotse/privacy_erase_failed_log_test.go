package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestPrivacyEraseFailedLogsNoEnd: `lotse privacy erase --yes` wrote the
// role log's "erase" entries before the erasure, outside its transaction
// and keyed by the millisecond: an erasure that failed left an end of roles
// that never came, and the run after it logged the end a second time (pass
// 31's Left; roles32). Now the entries are part of the erasure.
func TestPrivacyEraseFailedLogsNoEnd(t *testing.T) {
	const user = "@t:hs"
	cfgPath, _, db := privacyEraseSetup(t)
	ctx := t.Context()
	now := time.Now()
	for _, role := range []string{storage.RoleTeam, storage.RoleCoordinator} {
		if _, err := db.Roles().Set(ctx, user, role, storage.RoleActive, "@admin:hs", storage.RoleAuditEntry{}, now); err != nil {
			t.Fatal(err)
		}
	}
	ends := func() map[string]int {
		t.Helper()
		entries, err := db.Roles().AuditLog(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, a := range entries {
			if a.Action == "erase" {
				out[a.Detail]++
				if a.Actor != "lotse" {
					t.Errorf("an erase entry by %q, want lotse", a.Actor)
				}
			}
		}
		return out
	}
	// The erasure fails half-way (a database that refuses the deletion).
	if _, err := db.Lotse.Exec(ctx, `CREATE TRIGGER roles32_fail BEFORE DELETE ON member_role BEGIN SELECT RAISE(ABORT, 'refused'); END`); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if err := runMain(ctx, []string{"privacy", "erase", "-c", cfgPath, user, "--yes"}, nil, &out, &errOut); err == nil {
		t.Fatal("the erasure did not fail")
	}
	if got := ends(); len(got) > 0 {
		t.Errorf("a failed erasure logged the roles' end: %v", got)
	}
	if _, err := db.Lotse.Exec(ctx, `DROP TRIGGER roles32_fail`); err != nil {
		t.Fatal(err)
	}
	if err := runMain(ctx, []string{"privacy", "erase", "-c", cfgPath, user, "--yes"}, nil, &out, &errOut); err != nil {
		t.Fatalf("%v (%s)", err, errOut.String())
	}
	if got := ends(); len(got) != 2 || got[storage.RoleTeam] != 1 || got[storage.RoleCoordinator] != 1 {
		t.Errorf("erase entries %v, want one for team and one for coordinator", got)
	}
}
