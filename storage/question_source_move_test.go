package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestQuestionSourceAfterMove: a case that followed its member to a new
// direct chat (sup29) keeps its question in the room it was opened in.
// What Lotse copies of the question after the move (a learned question at
// the resolution, the learning prompt, a guide draft; loop29) records
// that room, and the member's deletion there erases the case's question —
// before mend29b both named the new room, so the member's deletion of
// the question found neither. A second move keeps the first room.
func TestQuestionSourceAfterMove(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_790_000_000_000)
			c, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: "@m:hs", MemberRoom: "!old:hs", Summary: "Frage"}, "$ask", "Wie geht das?", now)
			if err != nil {
				t.Fatal(err)
			}
			for _, to := range []string{"!new:hs", "!newer:hs"} {
				moved, after, err := db.Cases.MoveToRoom(ctx, c.ID, "@m:hs", c.MemberRoom, to, now)
				if err != nil || !moved {
					t.Fatalf("move to %s: %v, %v", to, moved, err)
				}
				c = after
			}
			msgs, err := db.Cases.Messages(ctx, c.ID)
			if err != nil || len(msgs) == 0 || msgs[0].Kind != storage.MsgQuestion {
				t.Fatalf("messages %+v, %v", msgs, err)
			}
			src, err := db.Cases.QuestionSource(ctx, c, msgs[0])
			want := storage.QuestionSource{Event: "$ask", Room: "!old:hs", User: "@m:hs"}
			if err != nil || src != want {
				t.Fatalf("QuestionSource after two moves = %+v, %v; want %+v", src, err, want)
			}
			// Someone else's deletion, or one from the room the case is in
			// now, erases nothing.
			for _, other := range []storage.QuestionSource{
				{Event: "$ask", Room: "!old:hs", User: "@other:hs"},
				{Event: "$ask", Room: "!elsewhere:hs", User: "@m:hs"},
			} {
				if err := db.Copies().EraseSource(ctx, other); err != nil {
					t.Fatal(err)
				}
				if gone, err := db.Copies().SourceErased(ctx, want); err != nil || gone {
					t.Fatalf("%+v erased the question: %v, %v", other, gone, err)
				}
			}
			if err := db.Copies().EraseSource(ctx, want); err != nil {
				t.Fatal(err)
			}
			if gone, err := db.Copies().SourceErased(ctx, want); err != nil || !gone {
				t.Fatalf("the member's deletion in the case's first room did not erase the question: %v, %v", gone, err)
			}
			// A case never moved: its room.
			d, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: "@m:hs", MemberRoom: "!dm:hs", Summary: "Frage"}, "$ask2", "Und das?", now)
			if err != nil {
				t.Fatal(err)
			}
			if room, err := db.Cases.QuestionRoom(ctx, d); err != nil || room != "!dm:hs" {
				t.Fatalf("QuestionRoom of an unmoved case = %q, %v", room, err)
			}
		})
	}
}
