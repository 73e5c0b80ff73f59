package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestCaseReturnStale: an idle claimed case goes back to the queue only
// while nothing happened since the activity the caller saw; the history
// names the former assignee; the reminder's time is kept (team26).
func TestCaseReturnStale(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			c := newCase(t, db, "@m:hs", "$open-idle", now)
			if ok, _, err := db.Cases.Claim(ctx, c.ID, "@alice:hs", now); err != nil || !ok {
				t.Fatalf("claim: %v %v", ok, err)
			}
			claimed, _ := db.Cases.Get(ctx, c.ID)
			later := now.Add(time.Hour)
			// A note after the activity the caller saw: not returned.
			if _, _, err := db.Cases.AddMessage(ctx, storage.CaseMessage{SourceEvent: "$note-idle", CaseID: c.ID, Kind: storage.MsgNote, Sender: "@alice:hs", Body: "Notiz", CreatedAt: later}); err != nil {
				t.Fatal(err)
			}
			if ok, after, err := db.Cases.ReturnStale(ctx, c.ID, "@alice:hs", "@lotse:hs", claimed.UpdatedAt, later); err != nil || ok || after.Assignee != "@alice:hs" {
				t.Fatalf("returned despite activity: %v %+v %v", ok, after, err)
			}
			// Nothing since: returned; another assignee's name: not.
			if ok, _, err := db.Cases.ReturnStale(ctx, c.ID, "@bob:hs", "@lotse:hs", later, later); err != nil || ok {
				t.Fatalf("returned from someone who does not have it: %v %v", ok, err)
			}
			ok, after, err := db.Cases.ReturnStale(ctx, c.ID, "@alice:hs", "@lotse:hs", later, later.Add(time.Minute))
			if err != nil || !ok || after.Assignee != "" || !after.StatusAt.Equal(later.Add(time.Minute)) {
				t.Fatalf("return: %v %+v %v", ok, after, err)
			}
			events, _ := db.Cases.Events(ctx, c.ID)
			if last := events[len(events)-1]; last.Kind != "return" || last.Actor != "@lotse:hs" || last.Detail != "@alice:hs" {
				t.Fatalf("history: %+v", last)
			}
			if _, sent, err := db.Cases.ReminderSent(ctx, "stale:x"); err != nil || sent {
				t.Fatalf("unsent reminder: %v %v", sent, err)
			}
			if err := db.Cases.MarkReminder(ctx, "stale:x", later); err != nil {
				t.Fatal(err)
			}
			if at, sent, err := db.Cases.ReminderSent(ctx, "stale:x"); err != nil || !sent || !at.Equal(later) {
				t.Fatalf("sent reminder: %v %v %v", at, sent, err)
			}
		})
	}
}

// TestCaseReopenUnassigned: reopening without the former assignee clears
// the assignee and names them in the reopen event; a case already open
// stays as it is (team26).
func TestCaseReopenUnassigned(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			c := newCase(t, db, "@m:hs", "$open-reopen", now)
			if ok, _, err := db.Cases.Claim(ctx, c.ID, "@alice:hs", now); err != nil || !ok {
				t.Fatalf("claim: %v %v", ok, err)
			}
			if ok, _, err := db.Cases.ReopenUnassigned(ctx, c.ID, "@m:hs", "@alice:hs", now); err != nil || ok {
				t.Fatalf("reopened an open case: %v %v", ok, err)
			}
			if ok, _, err := db.Cases.Resolve(ctx, c.ID, "@alice:hs", "", now); err != nil || !ok {
				t.Fatalf("resolve: %v %v", ok, err)
			}
			ok, after, err := db.Cases.ReopenUnassigned(ctx, c.ID, "@m:hs", "@alice:hs", now.Add(time.Hour))
			if err != nil || !ok || after.Status != storage.CaseOpen || after.Assignee != "" {
				t.Fatalf("reopen: %v %+v %v", ok, after, err)
			}
			events, _ := db.Cases.Events(ctx, c.ID)
			if last := events[len(events)-1]; last.Kind != "reopen" || last.Actor != "@m:hs" || last.Detail != "@alice:hs" {
				t.Fatalf("history: %+v", last)
			}
		})
	}
}
