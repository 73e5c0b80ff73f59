package commands

import (
	"context"
	"testing"

	"github.com/lotse-bot/lotse/storage"
)

// TestRetentionSwitchOffStopsQueued (mend29c): redactions the retention
// queued while retention_redacts_room_messages was on (the first run
// after the upgrade queues every expired case and request at once) are
// not made once it is off — neither in the team room nor in the approvals
// room; they stay queued and are made when it is on again. Fails without
// the fix: the workers redacted them with the switch off.
func TestRetentionSwitchOffStopsQueued(t *testing.T) {
	ctx := context.Background()
	keep := func(e *supportEnv, on bool) {
		e.reconfigure(func(d *Deps) { d.Privacy.Retention.KeepRoomMessages = on })
	}
	t.Run("team room", func(t *testing.T) {
		e := newSupportEnv(t)
		e.caseWithTraces(t)
		before := e.redactedIn(teamRoom)
		later := e.now.Add(91 * day)
		if _, err := e.db.Retention(ctx, storage.RetentionPolicy{Inbox: 7 * day, Cases: 90 * day}, later, false); err != nil {
			t.Fatal(err)
		}
		keep(e, true)
		if err := e.h.Tick(ctx, later); err != nil {
			t.Fatal(err)
		}
		if got := newRedactions(e.redactedIn(teamRoom), before); len(got) != 0 {
			t.Errorf("redacted with the switch off: %v", got)
		}
		if left, err := e.db.Cases.ExpiredRedactions(ctx, 100); err != nil || len(left) == 0 {
			t.Fatalf("the queue was dropped: %v %v", left, err)
		}
		keep(e, false)
		if err := e.h.Tick(ctx, later); err != nil {
			t.Fatal(err)
		}
		if got := newRedactions(e.redactedIn(teamRoom), before); len(got) == 0 {
			t.Error("nothing redacted with the switch on again")
		}
	})
	t.Run("approvals room", func(t *testing.T) {
		e := newAccessEnv(t)
		e.requestWithTraces(t)
		before := e.redactedIn(approvals)
		later := e.now.Add(366 * day)
		if _, err := e.db.Retention(ctx, storage.RetentionPolicy{Access: 365 * day}, later, false); err != nil {
			t.Fatal(err)
		}
		keep(e.supportEnv, true)
		if err := e.h.AccessTick(ctx, later); err != nil {
			t.Fatal(err)
		}
		if got := newRedactions(e.redactedIn(approvals), before); len(got) != 0 {
			t.Errorf("redacted with the switch off: %v", got)
		}
		if left, err := e.db.Cases.ExpiredAccessRedactions(ctx, 10); err != nil || len(left) != 4 { // the request message, two edits, the note (priv30)
			t.Fatalf("the queue: %v %v", left, err)
		}
		keep(e.supportEnv, false)
		if err := e.h.AccessTick(ctx, later); err != nil {
			t.Fatal(err)
		}
		if got := newRedactions(e.redactedIn(approvals), before); len(got) == 0 {
			t.Error("nothing redacted with the switch on again")
		}
	})
}
