package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestCaseReopenWithout: ReopenWithout opens a case again without the
// assignee read, although they still hold the active team role (the
// caller found their team gate no longer passed: a training expired),
// and names them in the event; from the same statuses as ReopenChecked.
// A case handed back since the read (no assignee now) is reopened as it
// is.
func TestCaseReopenWithout(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			if _, err := db.Roles().Set(ctx, "@alice:hs", storage.RoleTeam, storage.RoleActive, "@setup:hs", storage.RoleAuditEntry{}, now); err != nil {
				t.Fatal(err)
			}
			resolved := func(origin string) *storage.Case {
				t.Helper()
				c := newCase(t, db, "@m:hs", origin, now)
				if ok, _, err := db.Cases.Claim(ctx, c.ID, "@alice:hs", now); err != nil || !ok {
					t.Fatalf("claim: %v %v", ok, err)
				}
				ok, c, err := db.Cases.Resolve(ctx, c.ID, "@alice:hs", "", now)
				if err != nil || !ok {
					t.Fatalf("resolve: %v %v", ok, err)
				}
				return c
			}
			lastEvent := func(id int64) storage.CaseEvent {
				events, _ := db.Cases.Events(ctx, id)
				return events[len(events)-1]
			}

			c := resolved("$without-active")
			if ok, after, err := db.Cases.ReopenWithout(ctx, c.ID, "@m:hs", c.Assignee, false, now); err != nil || !ok || after.Assignee != "" || after.Status != storage.CaseOpen {
				t.Fatalf("reopen without the assignee: %v %+v %v", ok, after, err)
			}
			if e := lastEvent(c.ID); e.Kind != "reopen" || e.Actor != "@m:hs" || e.Detail != "@alice:hs" {
				t.Errorf("history: %+v", e)
			}
			if ok, _, err := db.Cases.ReopenWithout(ctx, c.ID, "@m:hs", c.Assignee, true, now); err != nil || ok {
				t.Fatalf("reopened an open case: %v %v", ok, err)
			}

			// Closed: not by a member's message, by the team's reopen.
			c = resolved("$without-closed")
			if ok, _, err := db.Cases.Close(ctx, c.ID, "@m:hs", now); err != nil || !ok {
				t.Fatalf("close: %v %v", ok, err)
			}
			if ok, after, err := db.Cases.ReopenWithout(ctx, c.ID, "@m:hs", c.Assignee, false, now); err != nil || ok || after.Status != storage.CaseClosed {
				t.Fatalf("a member's message reopened a closed case: %v %+v %v", ok, after, err)
			}
			if ok, after, err := db.Cases.ReopenWithout(ctx, c.ID, "@bob:hs", c.Assignee, true, now); err != nil || !ok || after.Assignee != "" || after.Status != storage.CaseOpen {
				t.Fatalf("the team's reopen of a closed case: %v %+v %v", ok, after, err)
			}

			// Handed back after the read: reopened as it is now.
			c = resolved("$without-unclaimed")
			if ok, _, err := db.Cases.Unclaim(ctx, c.ID, "@alice:hs", now); err != nil || !ok {
				t.Fatalf("unclaim: %v %v", ok, err)
			}
			if ok, after, err := db.Cases.ReopenWithout(ctx, c.ID, "@m:hs", "@alice:hs", false, now); err != nil || !ok || after.Assignee != "" || after.Status != storage.CaseOpen {
				t.Fatalf("reopen of a case handed back since the read: %v %+v %v", ok, after, err)
			}
		})
	}
}
