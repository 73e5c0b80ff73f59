package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// caseWithMessages opens a case with a member's message $m1 and a team
// answer $a1.
func caseWithMessages(t *testing.T, db *storage.DB, now time.Time) *storage.Case {
	t.Helper()
	ctx := context.Background()
	c, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: "@m:hs", MemberRoom: "!dm", Summary: "q"}, "$o", "q", now)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []storage.CaseMessage{
		{SourceEvent: "$m1", CaseID: c.ID, Kind: storage.MsgMember, Sender: "@m:hs", Body: "pw hunter2", CreatedAt: now},
		{SourceEvent: "$a1", CaseID: c.ID, Kind: storage.MsgAnswer, Sender: "@t:hs", Body: "answer", CreatedAt: now},
	} {
		if _, _, err := db.Cases.AddMessage(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// TestCaseMessageEdit: Message reads a case message back, EditMessage
// changes only the author's own member message and never one its author
// deleted (erased).
func TestCaseMessageEdit(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			caseWithMessages(t, db, time.UnixMilli(1_700_000_000_000))
			if ok, err := db.Cases.EditMessage(ctx, "$m1", "@x:hs", "other"); err != nil || ok {
				t.Fatalf("another sender: %v %v", ok, err)
			}
			if ok, err := db.Cases.EditMessage(ctx, "$a1", "@t:hs", "other"); err != nil || ok {
				t.Fatalf("a team answer: %v %v", ok, err)
			}
			if ok, err := db.Cases.EditMessage(ctx, "$m1", "@m:hs", "pw geht nicht"); err != nil || !ok {
				t.Fatalf("the author's own: %v %v", ok, err)
			}
			m, err := db.Cases.Message(ctx, "$m1")
			if err != nil || m == nil || m.Body != "pw geht nicht" || m.Kind != storage.MsgMember || m.Sender != "@m:hs" {
				t.Fatalf("read back: %+v %v", m, err)
			}
			if a, err := db.Cases.Message(ctx, "$a1"); err != nil || a == nil || a.Body != "answer" {
				t.Fatalf("the answer: %+v %v", a, err)
			}
			if _, err := db.Cases.EraseMessage(ctx, "$m1", "@m:hs"); err != nil {
				t.Fatal(err)
			}
			if ok, err := db.Cases.EditMessage(ctx, "$m1", "@m:hs", "back"); err != nil || ok {
				t.Fatalf("an erased message: %v %v", ok, err)
			}
			if m, err := db.Cases.Message(ctx, "$m1"); err != nil || m == nil || m.Body != "" {
				t.Fatalf("erased message after the edit: %+v %v", m, err)
			}
			if m, err := db.Cases.Message(ctx, "$none"); err != nil || m != nil {
				t.Fatalf("an unknown message: %+v %v", m, err)
			}
		})
	}
}

// TestCaseEditOrder: BeginEdit applies edits in the inbox's order of
// arrival: an older edit after a newer one is refused, the same edit again
// (a retry) and a later one are applied; Edits lists the applied ones, and
// they go with their case message.
func TestCaseEditOrder(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			c := caseWithMessages(t, db, now)
			var items []storage.InboxItem
			for _, ev := range []string{"$e1", "$e2", "$e3"} {
				items = append(items, storage.InboxItem{EventID: ev, RoomID: "!dm", Sender: "@m:hs", EventType: "m.room.message",
					Payload: []byte(`{}`), ReceivedAt: now})
			}
			if err := db.Inbox.Commit(ctx, items, nil, ""); err != nil {
				t.Fatal(err)
			}
			for i, step := range []struct {
				edit string
				want bool
			}{
				{"$e2", true},
				{"$e1", false}, // older than $e2
				{"$e2", true},  // a retry of $e2
				{"$e3", true},
				{"$e2", false}, // now older than $e3
			} {
				if got, err := db.Cases.BeginEdit(ctx, "$m1", step.edit); err != nil || got != step.want {
					t.Fatalf("step %d, %s: apply %v (%v), want %v", i, step.edit, got, err, step.want)
				}
			}
			if edits, err := db.Cases.Edits(ctx, "$m1"); err != nil || len(edits) != 2 || edits[0] != "$e2" || edits[1] != "$e3" {
				t.Fatalf("edits: %v %v", edits, err)
			}
			if edits, err := db.Cases.Edits(ctx, "$a1"); err != nil || len(edits) != 0 {
				t.Fatalf("edits of another message: %v %v", edits, err)
			}
			// Erasing the member's data (their case and its messages) takes the edits along.
			if _, err := db.Lotse.Exec(ctx, `DELETE FROM support_case WHERE id=$1`, c.ID); err != nil {
				t.Fatal(err)
			}
			if edits, err := db.Cases.Edits(ctx, "$m1"); err != nil || len(edits) != 0 {
				t.Fatalf("edits after the case was deleted: %v %v", edits, err)
			}
		})
	}
}

// TestSentEventRoom: SentEvent returns a completed send with its room,
// nothing for an unknown or a begun, not completed one.
func TestSentEventRoom(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			if err := db.Inbox.RecordSent(ctx, storage.SentEvent{TxnID: "t1", EventID: "$s1", RoomID: "!team", SentAt: now}); err != nil {
				t.Fatal(err)
			}
			if err := db.Inbox.BeginSend(ctx, "t2", "!team", now); err != nil {
				t.Fatal(err)
			}
			if se, err := db.Inbox.SentEvent(ctx, "t1"); err != nil || se == nil || se.EventID != "$s1" || se.RoomID != "!team" || !se.SentAt.Equal(now) {
				t.Fatalf("t1: %+v %v", se, err)
			}
			for _, txn := range []string{"t2", "t3"} {
				if se, err := db.Inbox.SentEvent(ctx, txn); err != nil || se != nil {
					t.Fatalf("%s: %+v %v", txn, se, err)
				}
			}
		})
	}
}
