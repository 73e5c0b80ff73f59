package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestCaseReopenChecked: ReopenChecked decides in its write what its
// caller decided on the case as read (race35). A member's message
// (alsoClosed false) reopens a resolved case, not one closed since; the
// team's reopen a closed one too. The assignee stays only while they hold
// the active team role at the write — revoked after the caller's read,
// the case is reopened without them and the event names them.
func TestCaseReopenChecked(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			setTeam := func(status string) {
				t.Helper()
				if _, err := db.Roles().Set(ctx, "@alice:hs", storage.RoleTeam, status, "@setup:hs", storage.RoleAuditEntry{}, now); err != nil {
					t.Fatal(err)
				}
			}
			resolved := func(origin string) *storage.Case {
				t.Helper()
				c := newCase(t, db, "@m:hs", origin, now)
				if ok, _, err := db.Cases.Claim(ctx, c.ID, "@alice:hs", now); err != nil || !ok {
					t.Fatalf("claim: %v %v", ok, err)
				}
				if ok, c, err := db.Cases.Resolve(ctx, c.ID, "@alice:hs", "", now); err != nil || !ok {
					t.Fatalf("resolve: %v %v", ok, err)
				} else {
					return c
				}
				return nil
			}
			lastEvent := func(id int64) storage.CaseEvent {
				events, _ := db.Cases.Events(ctx, id)
				return events[len(events)-1]
			}

			// In the team: reopened with the assignee.
			setTeam(storage.RoleActive)
			c := resolved("$open-keep")
			if ok, after, err := db.Cases.ReopenChecked(ctx, c.ID, "@m:hs", c.Assignee, false, now); err != nil || !ok || after.Assignee != "@alice:hs" {
				t.Fatalf("reopen with the assignee in the team: %v %+v %v", ok, after, err)
			}
			if e := lastEvent(c.ID); e.Kind != "reopen" || e.Detail != "" {
				t.Errorf("history: %+v", e)
			}

			// Revoked after the read: reopened without the assignee.
			c = resolved("$open-revoked")
			setTeam(storage.RoleRemoved)
			if ok, after, err := db.Cases.ReopenChecked(ctx, c.ID, "@m:hs", c.Assignee, false, now); err != nil || !ok || after.Assignee != "" || after.Status != storage.CaseOpen {
				t.Fatalf("reopen after the revocation: %v %+v %v", ok, after, err)
			}
			if e := lastEvent(c.ID); e.Kind != "reopen" || e.Actor != "@m:hs" || e.Detail != "@alice:hs" {
				t.Errorf("history: %+v", e)
			}

			// Closed after the read: the member's message does not reopen
			// it, the team's reopen does; an open case is left as it is.
			setTeam(storage.RoleActive)
			c = resolved("$open-closed")
			if ok, _, err := db.Cases.Close(ctx, c.ID, "@m:hs", now); err != nil || !ok {
				t.Fatalf("close: %v %v", ok, err)
			}
			if ok, after, err := db.Cases.ReopenChecked(ctx, c.ID, "@m:hs", c.Assignee, false, now); err != nil || ok || after.Status != storage.CaseClosed {
				t.Fatalf("a member's message reopened a closed case: %v %+v %v", ok, after, err)
			}
			if ok, after, err := db.Cases.ReopenChecked(ctx, c.ID, "@bob:hs", c.Assignee, true, now); err != nil || !ok || after.Status != storage.CaseOpen {
				t.Fatalf("the team's reopen of a closed case: %v %+v %v", ok, after, err)
			}
			if ok, _, err := db.Cases.ReopenChecked(ctx, c.ID, "@bob:hs", c.Assignee, true, now); err != nil || ok {
				t.Fatalf("reopened an open case: %v %v", ok, err)
			}
		})
	}
}
