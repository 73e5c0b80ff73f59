package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestInboxDueNowPostponed (open32): the events postponed with one reason
// (the bot's sends held while a team room is open) are due at once, in
// their order; one postponed for another reason, one retried after a
// failure and a handled one are not touched.
func TestInboxDueNowPostponed(t *testing.T) {
	const reason = "held: a team or approvals room is open to everyone"
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			var items []storage.InboxItem
			for _, id := range []string{"$held1", "$busy", "$failed", "$held2", "$done"} {
				items = append(items, storage.InboxItem{EventID: id, RoomID: "!dm", Sender: "@m:hs", EventType: "m.room.message", Payload: []byte(`{}`), ReceivedAt: now})
			}
			if err := db.Inbox.Commit(ctx, items, nil, "t1"); err != nil {
				t.Fatal(err)
			}
			later := now.Add(time.Minute)
			for _, id := range []string{"$held1", "$held2", "$done"} {
				if err := db.Inbox.Postpone(ctx, id, later, reason); err != nil {
					t.Fatal(err)
				}
			}
			if err := db.Inbox.Postpone(ctx, "$busy", later, "busy"); err != nil {
				t.Fatal(err)
			}
			if err := db.Inbox.Retry(ctx, "$failed", later, "homeserver unreachable"); err != nil {
				t.Fatal(err)
			}
			if err := db.Inbox.MarkDone(ctx, "$done", now); err != nil {
				t.Fatal(err)
			}
			n, err := db.Inbox.DueNowPostponed(ctx, reason, now)
			if err != nil {
				t.Fatal(err)
			}
			pending, err := db.Inbox.Pending(ctx, now, 10, 10)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range pending {
				got = append(got, p.EventID)
			}
			if n != 2 || len(got) != 2 || got[0] != "$held1" || got[1] != "$held2" {
				t.Errorf("DueNowPostponed made %d due, pending %v; want $held1, $held2 in order", n, got)
			}
		})
	}
}
