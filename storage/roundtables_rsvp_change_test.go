package storage_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// announcedForRSVP creates and announces a round table for the RSVP
// tests and returns it as read after the announcement.
func announcedForRSVP(t *testing.T, db *storage.DB, now time.Time) *storage.RoundTable {
	t.Helper()
	ctx := context.Background()
	q := db.RoundTables
	rt, _, err := q.Create(ctx, &storage.RoundTable{Title: "T", Start: now.Add(48 * time.Hour), Duration: time.Hour,
		Coordinator: "@c:hs", Rooms: []string{"!a:hs"}, OriginEvent: "$plan"}, now)
	if err != nil {
		t.Fatal(err)
	}
	if ok, rt, err := q.Announce(ctx, rt.ID, "$announce", now); err != nil || !ok {
		t.Fatalf("announce: %v %v", ok, err)
	} else {
		return rt
	}
	return nil
}

// TestSetRSVPAtRefusesChangedRoundTable: an answer decided on the round
// table as read before a cancellation, a move, a restore or the step to
// the next date is not stored (ErrRoundTableChanged); the same answer on
// the round table as it is now is. Version 0 (SetRSVP) checks nothing.
func TestSetRSVPAtRefusesChangedRoundTable(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.RoundTables
			now := time.UnixMilli(1_790_000_000_000)
			read := announcedForRSVP(t, db, now)
			for _, change := range []struct {
				name string
				do   func() error
			}{
				{"move", func() error {
					_, _, err := q.Reschedule(ctx, read.ID, read.Start.Add(time.Hour), read.Duration, "$move", now, nil)
					return err
				}},
				{"cancel", func() error { _, _, err := q.Cancel(ctx, read.ID, "$cancel", now, nil); return err }},
				{"restore", func() error { _, _, err := q.Restore(ctx, read.ID, "$restore", now, nil, false); return err }},
				{"next date", func() error {
					_, err := q.Advance(ctx, read.ID, read.Start, read.Start.Add(8*24*time.Hour), now)
					return err
				}},
			} {
				stale := read
				if err := change.do(); err != nil {
					t.Fatalf("%s: %v", change.name, err)
				}
				fresh, err := q.Get(ctx, read.ID)
				if err != nil {
					t.Fatal(err)
				}
				if fresh.Version == stale.Version {
					t.Fatalf("%s did not change the version", change.name)
				}
				r := storage.RSVP{RoundTableID: read.ID, UserID: "@m:hs", Attending: true, SourceEvent: "$yes-" + change.name, UpdatedAt: now}
				if changed, err := q.SetRSVPAt(ctx, r, 0, stale.Version); !errors.Is(err, storage.ErrRoundTableChanged) || changed {
					t.Errorf("after the %s: the answer on the round table read before was stored: changed %v, err %v", change.name, changed, err)
				}
				if got, _ := q.RSVP(ctx, read.ID, "@m:hs"); got != nil && got.SourceEvent == r.SourceEvent {
					t.Errorf("after the %s: %+v stored", change.name, got)
				}
				if _, err := q.SetRSVPAt(ctx, r, 0, fresh.Version); err != nil {
					t.Errorf("after the %s: the answer on the round table as it is: %v", change.name, err)
				}
				read = fresh
			}
			if _, err := q.SetRSVPAt(ctx, storage.RSVP{RoundTableID: 99, UserID: "@m:hs", Attending: true, SourceEvent: "$gone"}, 0, 2); !errors.Is(err, storage.ErrRoundTableChanged) {
				t.Errorf("an answer for a round table that is gone: %v, want ErrRoundTableChanged", err)
			}
			if _, err := q.SetRSVP(ctx, storage.RSVP{RoundTableID: read.ID, UserID: "@n:hs", Attending: true, SourceEvent: "$unchecked"}, 0); err != nil {
				t.Errorf("SetRSVP (no version): %v", err)
			}
		})
	}
}

// TestRSVPWhileCancelling (PostgreSQL, READ COMMITTED): a member's „yes“
// is in its transaction, its version check passed, when the coordinator
// cancels. The cancellation waits for the answer's commit, and the
// attendees it then reads (whom it tells) include the member. Without
// the row lock in SetRSVPAt the cancellation went through at once and
// read the attendees without the member, whose „yes“ was committed
// after: stored for a cancelled round table, and never told (race35).
// SQLite writes one transaction at a time (_txlock=immediate).
func TestRSVPWhileCancelling(t *testing.T) {
	db, ok := openTestDBs(t)["postgres"]
	if !ok {
		t.Skip("set LOTSE_TEST_POSTGRES (uri=$(bash .ci/postgres.sh /tmp/pg 55441)) to test PostgreSQL; CI sets it")
	}
	ctx := context.Background()
	q := db.RoundTables
	now := time.UnixMilli(1_790_000_000_000)
	rt := announcedForRSVP(t, db, now)
	var told []string
	err := whileHolding(t, db, "roundtable SET status='cancelled'", func(ctx context.Context) error {
		_, err := q.SetRSVPAt(ctx, storage.RSVP{RoundTableID: rt.ID, UserID: "@m:hs", Attending: true, SourceEvent: "$yes", UpdatedAt: now}, 0, rt.Version)
		return err
	}, func() error {
		if ok, _, err := q.Cancel(context.Background(), rt.ID, "$cancel", now, nil); err != nil || !ok {
			return errors.Join(err, errors.New("not cancelled"))
		}
		att, err := q.Attendees(context.Background(), rt.ID)
		for _, a := range att {
			told = append(told, a.UserID)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := q.RSVP(ctx, rt.ID, "@m:hs")
	if err != nil {
		t.Fatal(err)
	}
	if r != nil && r.Attending && !slices.Contains(told, "@m:hs") {
		t.Errorf("the member's „yes“ is stored for the cancelled round table, and the cancellation told only %q", told)
	}
}
