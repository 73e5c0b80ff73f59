package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/id"
)

// failingPrefix refuses, with a server error, every redaction of an event
// whose ID starts with prefix.
type failingPrefix struct {
	*fakeMatrix
	prefix string
}

func (f failingPrefix) Redact(ctx context.Context, roomID id.RoomID, eventID id.EventID, reason, txnID string) error {
	if strings.HasPrefix(eventID.String(), f.prefix) {
		return errors.New("M_UNKNOWN: internal server error")
	}
	return f.fakeMatrix.Redact(ctx, roomID, eventID, reason, txnID)
}

// TestErasureFailingBatchHoldsBackNone (mend25a): a whole batch of queued
// redactions (100, from an earlier erasure) keeps failing; a later
// erasure's redactions are made all the same at the next tick. Fails
// without RedactionLater: the failing batch is read first at every tick,
// and the later erasure is never finished.
func TestErasureFailingBatchHoldsBackNone(t *testing.T) {
	e := newSupportEnv(t)
	showing, other := e.caseWithTraces(t)
	ctx := context.Background()
	for i := range 100 {
		if _, err := e.db.Lotse.Exec(ctx, `INSERT INTO case_redaction (kind, event_id, case_id, version, created_at) VALUES ('shown', $1, 99, 0, 1)`,
			fmt.Sprintf("$stuck%03d", i)); err != nil {
			t.Fatal(err)
		}
	}
	fm := e.fm
	e.reconfigure(func(d *Deps) { d.Matrix = failingPrefix{fakeMatrix: fm, prefix: "$stuck"} })
	if _, err := e.db.Privacy().Erase(ctx, member.String(), "", e.now); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := e.h.Tick(ctx, e.now); err == nil {
			t.Fatal("the tick hid the failed redactions")
		}
	}
	e.checkRedacted(t, showing, other) // behind a failing batch too
	left, err := e.db.Cases.Redactions(ctx, 200)
	if err != nil || len(left) != 100 {
		t.Fatalf("queued after the ticks: %d, %v; want the 100 failing ones", len(left), err)
	}
	for _, r := range left {
		if !strings.HasPrefix(r.EventID, "$stuck") {
			t.Errorf("still queued: %+v", r)
		}
	}
}

// TestErasureFailingHoldsBackNoReminder (whole25): a queued redaction the
// homeserver keeps refusing is reported by the tick, and the team's
// reminders are sent all the same. Fails without Tick's split: the tick
// returned at the failed erasure, every minute, and no reminder or digest
// was ever sent again.
func TestErasureFailingHoldsBackNoReminder(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	ctx := context.Background()
	if _, err := e.db.Lotse.Exec(ctx, `INSERT INTO case_redaction (kind, event_id, case_id, version, created_at) VALUES ('shown', '$stuck', 99, 0, 1)`); err != nil {
		t.Fatal(err)
	}
	fm := e.fm
	e.reconfigure(func(d *Deps) { d.Matrix = failingPrefix{fakeMatrix: fm, prefix: "$stuck"} })
	before := len(in(e.fm.sent, teamRoom))
	if err := e.h.Tick(ctx, e.now.Add(5*time.Hour)); err == nil {
		t.Error("the tick hid the failed redaction")
	}
	sent := in(e.fm.sent, teamRoom)[before:]
	if !strings.Contains(bodies(sent), "wartet seit 5 Std.") {
		t.Fatalf("behind a failing redaction, the team got no unclaimed reminder: %q", bodies(sent))
	}
}
