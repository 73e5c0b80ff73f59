package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestCasesOpenedSince counts a member's cases by their opening time, in
// every room, and nobody else's: the daily bound on new cases (sup28).
func TestCasesOpenedSince(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			newCase(t, db, "@m:hs", "$old", now.Add(-25*time.Hour))
			newCase(t, db, "@m:hs", "$a", now.Add(-time.Hour))
			newCase(t, db, "@m:hs", "$b", now)
			newCase(t, db, "@other:hs", "$c", now)
			for _, tc := range []struct {
				member string
				since  time.Time
				want   int
			}{
				{"@m:hs", now.Add(-24 * time.Hour), 2},
				{"@m:hs", now.Add(-48 * time.Hour), 3},
				{"@m:hs", now.Add(time.Millisecond), 0},
				{"@other:hs", now.Add(-24 * time.Hour), 1},
				{"@nobody:hs", time.Time{}, 0},
			} {
				got, err := db.Cases.OpenedSince(ctx, tc.member, tc.since)
				if err != nil || got != tc.want {
					t.Errorf("OpenedSince(%s, %v) = %d, %v; want %d", tc.member, tc.since, got, err, tc.want)
				}
			}
		})
	}
}

// TestCasesWaiting lists open cases old enough without an answer whose
// member was not told yet (storage.WaitingKey), oldest first.
func TestCasesWaiting(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			old := now.Add(-72 * time.Hour)
			waiting := newCase(t, db, "@m:hs", "$wait", old)
			answered := newCase(t, db, "@m:hs", "$answered", old)
			if _, _, err := db.Cases.AddMessage(ctx, storage.CaseMessage{SourceEvent: "$ans", CaseID: answered.ID, Kind: storage.MsgAnswer,
				Sender: "@team:hs", Body: "Antwort", CreatedAt: old}); err != nil {
				t.Fatal(err)
			}
			told := newCase(t, db, "@m:hs", "$told", old)
			if err := db.Cases.MarkReminder(ctx, storage.WaitingKey(told.ID), now); err != nil {
				t.Fatal(err)
			}
			closed := newCase(t, db, "@m:hs", "$closed", old)
			if _, _, err := db.Cases.Close(ctx, closed.ID, "@m:hs", now); err != nil {
				t.Fatal(err)
			}
			newCase(t, db, "@m:hs", "$young", now)
			got, err := db.Cases.Waiting(ctx, now.Add(-48*time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0].ID != waiting.ID {
				var ids []int64
				for _, c := range got {
					ids = append(ids, c.ID)
				}
				t.Fatalf("waiting cases %v, want [%d]", ids, waiting.ID)
			}
		})
	}
}
