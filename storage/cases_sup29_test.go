package storage_test

import (
	"context"
	"testing"
	"time"
)

// TestCaseMoveToRoom: an open case follows its own member to another room
// (their new direct chat, sup29), recorded as the case event "move"; a
// closed case, someone else's case and a move to the room it is in
// already change nothing. OpenElsewhere finds the case from the new room.
func TestCaseMoveToRoom(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			c := newCase(t, db, "@m:hs", "$open", now)
			if got, err := db.Cases.OpenElsewhere(ctx, "@m:hs", c.MemberRoom); err != nil || got != nil {
				t.Fatalf("OpenElsewhere from the case's own room = %+v, %v; want nil", got, err)
			}
			if got, err := db.Cases.OpenElsewhere(ctx, "@m:hs", "!new"); err != nil || got == nil || got.ID != c.ID {
				t.Fatalf("OpenElsewhere from a new room = %+v, %v; want case %d", got, err, c.ID)
			}
			if moved, _, err := db.Cases.MoveToRoom(ctx, c.ID, "@other:hs", "!new", now); err != nil || moved {
				t.Fatalf("someone else moved the case: %v, %v", moved, err)
			}
			moved, after, err := db.Cases.MoveToRoom(ctx, c.ID, "@m:hs", "!new", now)
			if err != nil || !moved || after.MemberRoom != "!new" {
				t.Fatalf("MoveToRoom = %v, %+v, %v", moved, after, err)
			}
			if moved, _, err := db.Cases.MoveToRoom(ctx, c.ID, "@m:hs", "!new", now); err != nil || moved {
				t.Fatalf("a second move to the same room changed the case: %v, %v", moved, err)
			}
			events, err := db.Cases.Events(ctx, c.ID)
			if err != nil || len(events) == 0 || events[len(events)-1].Kind != "move" || events[len(events)-1].Actor != "@m:hs" {
				t.Fatalf("events %+v, %v; want a last \"move\" by the member", events, err)
			}
			closed := newCase(t, db, "@m:hs", "$closed", now)
			if _, _, err := db.Cases.Close(ctx, closed.ID, "@m:hs", now); err != nil {
				t.Fatal(err)
			}
			if moved, _, err := db.Cases.MoveToRoom(ctx, closed.ID, "@m:hs", "!new", now); err != nil || moved {
				t.Fatalf("a closed case moved: %v, %v", moved, err)
			}
		})
	}
}
