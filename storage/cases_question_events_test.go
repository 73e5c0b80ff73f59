package storage_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestCaseQuestionEvents (sup30): the draft carries the member's messages
// its question came from into the case; QuestionsFrom finds the case's
// question by any of them and by the question message's own event, only
// for the case's member and only in the room the question was written in
// (also after the case moved); the draft keeps at most MaxQuestionEvents;
// the expiry of a draft forgets them; an erasure takes them with the case.
func TestCaseQuestionEvents(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			var many []string
			for i := range storage.MaxQuestionEvents + 5 {
				many = append(many, fmt.Sprintf("$q%d", i))
			}
			d := storage.CaseDraft{RoomID: "!dm", UserID: "@m:hs", Question: "Drucker", QuestionEvents: many, CreatedAt: now}
			if err := db.Cases.PutDraft(ctx, d); err != nil {
				t.Fatal(err)
			}
			got, err := db.Cases.Draft(ctx, "!dm", "@m:hs", time.Time{})
			if err != nil || got == nil || len(got.QuestionEvents) != storage.MaxQuestionEvents || got.QuestionEvents[0] != "$q5" {
				t.Fatalf("draft = %+v, %v; want the newest %d events", got, err, storage.MaxQuestionEvents)
			}
			c := &storage.Case{MemberID: "@m:hs", MemberRoom: "!dm", Summary: "Drucker", QuestionEvents: []string{"$q1", "$q2", "$q1", ""}}
			if _, _, err := db.Cases.Create(ctx, c, "$ja", "Drucker", now); err != nil {
				t.Fatal(err)
			}
			// Words (mend30a): the carried events hold the words, the
			// „ja“ that opened the case does not.
			want := []storage.CaseQuestion{{CaseID: c.ID, Event: "$ja", Words: true}}
			byJa := []storage.CaseQuestion{{CaseID: c.ID, Event: "$ja"}}
			for _, tt := range []struct {
				event, user, room string
				want              []storage.CaseQuestion
			}{
				{"$q1", "@m:hs", "!dm", want},
				{"$q2", "@m:hs", "!dm", want},
				{"$ja", "@m:hs", "!dm", byJa},
				{"$q3", "@m:hs", "!dm", nil},
				{"$q1", "@other:hs", "!dm", nil},
				{"$q1", "@m:hs", "!other", nil},
			} {
				if got, err := db.Cases.QuestionsFrom(ctx, tt.event, tt.user, tt.room); err != nil || !slices.Equal(got, tt.want) {
					t.Errorf("QuestionsFrom(%s, %s, %s) = %v, %v; want %v", tt.event, tt.user, tt.room, got, err, tt.want)
				}
			}
			// Moved to a new chat, the question stays in the room it
			// was written in.
			if moved, _, err := db.Cases.MoveToRoom(ctx, c.ID, "@m:hs", "!dm", "!dm2", now); err != nil || !moved {
				t.Fatalf("move: %v, %v", moved, err)
			}
			if got, err := db.Cases.QuestionsFrom(ctx, "$q1", "@m:hs", "!dm"); err != nil || !slices.Equal(got, want) {
				t.Errorf("after the move: %v, %v", got, err)
			}
			// A case that carries no events (a !ticket's, one made
			// before v23): its question message's own event holds the
			// words.
			bare := &storage.Case{MemberID: "@m:hs", MemberRoom: "!dm3", Summary: "Beamer"}
			if _, _, err := db.Cases.Create(ctx, bare, "$ticket", "Beamer", now); err != nil {
				t.Fatal(err)
			}
			if got, err := db.Cases.QuestionsFrom(ctx, "$ticket", "@m:hs", "!dm3"); err != nil ||
				!slices.Equal(got, []storage.CaseQuestion{{CaseID: bare.ID, Event: "$ticket", Words: true}}) {
				t.Errorf("a case without carried events: %v, %v", got, err)
			}
			if erased, err := db.Cases.EraseSummary(ctx, c.ID); err != nil || !erased {
				t.Fatalf("EraseSummary = %v, %v", erased, err)
			}
			if erased, err := db.Cases.EraseSummary(ctx, c.ID); err != nil || erased {
				t.Fatalf("EraseSummary again = %v, %v", erased, err)
			}
			if exp, err := db.Privacy().Export(ctx, "@m:hs"); err != nil || len(exp["case_question_event"]) != 2 {
				t.Fatalf("export: %v, %v", exp["case_question_event"], err)
			}
			// The draft's expiry forgets the events with the words.
			if err := db.Cases.PruneDrafts(ctx, now.Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
			if got, err := db.Cases.Draft(ctx, "!dm", "@m:hs", time.Time{}); err != nil || got != nil && len(got.QuestionEvents) != 0 {
				t.Fatalf("expired draft = %+v, %v", got, err)
			}
			if _, err := db.Privacy().Erase(ctx, "@m:hs", "", now); err != nil {
				t.Fatal(err)
			}
			if got, err := db.Cases.QuestionsFrom(ctx, "$q1", "@m:hs", "!dm"); err != nil || len(got) != 0 {
				t.Errorf("after the erasure: %v, %v", got, err)
			}
		})
	}
}

// TestDirectChatsOfAndLastMove (sup30): RoomsOf lists the member's agreed
// direct chats, newest first and bounded, nobody else's; LastMove is zero
// for a case that never moved and the time of its latest move after.
func TestDirectChatsOfAndLastMove(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			for i, r := range []string{"!a", "!b", "!c"} {
				if err := db.DirectChats.Agree(ctx, r, "@m:hs", now.Add(time.Duration(i)*time.Minute)); err != nil {
					t.Fatal(err)
				}
			}
			if err := db.DirectChats.Agree(ctx, "!x", "@other:hs", now); err != nil {
				t.Fatal(err)
			}
			if got, err := db.DirectChats.RoomsOf(ctx, "@m:hs", 2); err != nil || !slices.Equal(got, []string{"!c", "!b"}) {
				t.Fatalf("RoomsOf = %v, %v; want [!c !b]", got, err)
			}
			c := newCase(t, db, "@m:hs", "$open", now)
			if at, err := db.Cases.LastMove(ctx, c.ID); err != nil || !at.IsZero() {
				t.Fatalf("LastMove before a move = %v, %v", at, err)
			}
			for i, r := range []string{"!b", "!c"} {
				if _, _, err := db.Cases.MoveToRoom(ctx, c.ID, "@m:hs", "", r, now.Add(time.Duration(i+1)*time.Hour)); err != nil {
					t.Fatal(err)
				}
			}
			if at, err := db.Cases.LastMove(ctx, c.ID); err != nil || !at.Equal(now.Add(2*time.Hour)) {
				t.Fatalf("LastMove = %v, %v; want the second move", at, err)
			}
		})
	}
}
