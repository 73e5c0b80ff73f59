package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestCancelledRoundTableKeptUntilItsDate (mend33a, Low): a cancelled
// round table is kept until the retention period after its date or its
// cancellation, whichever is later (docs/datenschutz.md: „90 Tage nach
// Ende/Absage“). Before, the rule counted from the cancellation only: a
// round table cancelled months ahead went while its date was still to
// come – its cancellation could no longer be taken back (!wiederherstellen
// restores until the start) and an attendee's !meine-daten no longer
// showed their RSVP, though the round table had not even taken place.
func TestCancelledRoundTableKeptUntilItsDate(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.RoundTables
			day := 24 * time.Hour
			now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
			created, cancelled := now.Add(-120*day), now.Add(-100*day)
			for i, tt := range []struct {
				name  string
				start time.Time
				kept  bool
			}{
				{"date still ahead", now.Add(10 * day), true},
				{"date 50 days ago", now.Add(-50 * day), true},
				{"date and cancellation more than 90 days ago", now.Add(-95 * day), false},
			} {
				id := int64(i + 1)
				rt, _, err := q.Create(ctx, &storage.RoundTable{Title: tt.name, Start: tt.start, Duration: time.Hour,
					Coordinator: "@c:hs", Rooms: []string{"!a:hs"}, OriginEvent: "$o" + tt.name}, created)
				if err != nil || rt.ID != id {
					t.Fatalf("create %s: %+v %v", tt.name, rt, err)
				}
				if ok, _, err := q.Announce(ctx, id, "$yes"+tt.name, created); err != nil || !ok {
					t.Fatalf("announce %s: %v %v", tt.name, ok, err)
				}
				if _, err := q.SetRSVP(ctx, storage.RSVP{RoundTableID: id, UserID: "@m:hs", Attending: true, UpdatedAt: created}, 0); err != nil {
					t.Fatal(err)
				}
				if ok, _, err := q.Cancel(ctx, id, "$cancel"+tt.name, cancelled, nil); err != nil || !ok {
					t.Fatalf("cancel %s: %v %v", tt.name, ok, err)
				}
			}
			policy := storage.RetentionPolicy{Cases: 90 * day}
			for _, dry := range []bool{true, false} {
				res, err := db.Retention(ctx, policy, now, dry)
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range res {
					if r.Table == "roundtable" && r.Rows != 1 {
						t.Errorf("dry run %v: %d round tables deleted, want 1", dry, r.Rows)
					}
				}
			}
			exp, err := db.Privacy().Export(ctx, "@m:hs")
			if err != nil {
				t.Fatal(err)
			}
			if n := len(exp["roundtable_rsvp"]); n != 2 {
				t.Errorf("the attendee's export shows %d RSVPs, want 2 (of the round tables kept): %v", n, exp["roundtable_rsvp"])
			}
			for i, want := range []bool{true, true, false} {
				if got, _ := q.Get(ctx, int64(i+1)); (got != nil) != want {
					t.Errorf("round table %d kept: %v, want %v", i+1, got != nil, want)
				}
			}
			// The one still ahead can be restored, with its RSVP.
			if ok, after, err := q.Restore(ctx, 1, "$restore", now, nil, false); err != nil || !ok || after.Status != storage.RoundTableAnnounced {
				t.Fatalf("restore: %v %+v %v", ok, after, err)
			}
			if r, _ := q.RSVP(ctx, 1, "@m:hs"); r == nil || !r.Attending {
				t.Errorf("the restored round table lost its RSVP: %+v", r)
			}
		})
	}
}
