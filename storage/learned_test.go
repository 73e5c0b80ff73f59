package storage_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestLearnedQuestions: adding is idempotent per teaching event, a
// normalised text is unique, and a question can be listed, marked exported
// and forgotten.
func TestLearnedQuestions(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(time.Now().UnixMilli())
			q := db.Learned()
			l := storage.LearnedQuestion{GuideID: "konto/passwort.md", Question: "Wie komme ich wieder rein?", Norm: "wie komme ich wieder rein",
				CaseID: 7, TaughtBy: "@team:test", TaughtAt: now}
			a, created, err := q.Add(ctx, l, "$teach1")
			if err != nil || !created || a.ID != 1 || a.Question != l.Question || !a.TaughtAt.Equal(now) {
				t.Fatalf("add: %+v %v %v", a, created, err)
			}
			again, created, err := q.Add(ctx, l, "$teach1")
			if err != nil || created || again.ID != a.ID {
				t.Fatalf("add again for the same event: %+v %v %v", again, created, err)
			}
			if _, _, err := q.Add(ctx, l, "$teach2"); err == nil {
				t.Fatal("a second row with the same normalised text was stored")
			}
			l2 := l
			l2.Question, l2.Norm, l2.CaseID = "Login klappt nicht", "login klappt nicht", 8
			b, _, err := q.Add(ctx, l2, "$teach3")
			if err != nil || b.ID != 2 {
				t.Fatalf("second: %+v %v", b, err)
			}
			if got, err := q.ByNorm(ctx, "login klappt nicht"); err != nil || got == nil || got.ID != 2 {
				t.Fatalf("by norm: %+v %v", got, err)
			}
			// The bounds of teaching (loop28): all rows, and one team
			// member's since a time.
			if n, err := q.Count(ctx); err != nil || n != 2 {
				t.Fatalf("count: %d %v", n, err)
			}
			if n, err := q.CountTaughtSince(ctx, "@team:test", now); err != nil || n != 2 {
				t.Fatalf("taught since now: %d %v", n, err)
			}
			if n, _ := q.CountTaughtSince(ctx, "@team:test", now.Add(time.Millisecond)); n != 0 {
				t.Fatalf("taught after now: %d", n)
			}
			if n, _ := q.CountTaughtSince(ctx, "@other:test", time.Time{}); n != 0 {
				t.Fatalf("taught by another: %d", n)
			}
			if got, err := q.ForCase(ctx, 7); err != nil || len(got) != 1 || got[0].ID != 1 {
				t.Fatalf("for case: %+v %v", got, err)
			}
			if err := q.MarkExported(ctx, 1, now); err != nil {
				t.Fatal(err)
			}
			if got, _ := q.Get(ctx, 1); got == nil || !got.ExportedAt.Equal(now) {
				t.Fatalf("exported: %+v", got)
			}
			if ok, err := q.Delete(ctx, 1); !ok || err != nil {
				t.Fatalf("delete: %v %v", ok, err)
			}
			if ok, _ := q.Delete(ctx, 1); ok {
				t.Fatal("deleted twice")
			}
			list, err := q.List(ctx)
			if err != nil || len(list) != 1 || list[0].ID != 2 {
				t.Fatalf("list: %+v %v", list, err)
			}
		})
	}
}

// TestLearnPromptKeysGoWithTheCase: the learning prompt marker of a case is
// deleted when the case is (retention, erasure), so that a new case that
// gets the number again finds none; markers of live cases stay.
func TestLearnPromptKeysGoWithTheCase(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			day0 := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
			old := newCase(t, db, "@m:hs", "$old", day0)
			if _, _, err := db.Cases.Resolve(ctx, old.ID, "@a:hs", "", day0); err != nil {
				t.Fatal(err)
			}
			live := newCase(t, db, "@m:hs", "$live", day0)
			erased := newCase(t, db, "@e:hs", "$erased", day0)
			for _, c := range []*storage.Case{old, live, erased} {
				if err := db.KV.Set(ctx, storage.LearnPromptKey(c.ID), "$prompt"); err != nil {
					t.Fatal(err)
				}
			}
			prompted := func(id int64) bool {
				t.Helper()
				v, err := db.KV.Get(ctx, storage.LearnPromptKey(id))
				if err != nil {
					t.Fatal(err)
				}
				return v != ""
			}
			now := day0.Add(100 * 24 * time.Hour)
			if _, err := db.Retention(ctx, storage.RetentionPolicy{Cases: 90 * 24 * time.Hour}, now, false); err != nil {
				t.Fatal(err)
			}
			if prompted(old.ID) {
				t.Error("the marker of a case deleted by retention is kept")
			}
			if !prompted(live.ID) || !prompted(erased.ID) {
				t.Fatal("the marker of a live case was deleted")
			}
			if _, err := db.Privacy().Erase(ctx, "@e:hs", "", now); err != nil {
				t.Fatal(err)
			}
			if prompted(erased.ID) {
				t.Error("the marker of an erased member's case is kept")
			}
			if !prompted(live.ID) {
				t.Fatal("erasure deleted another member's marker")
			}
			// Numbers are not used again (mend25a); the new case has no marker.
			if c := newCase(t, db, "@n:hs", "$new", now); c.ID == erased.ID || prompted(c.ID) {
				t.Fatalf("new case #%d (erased #%d), marker: %v", c.ID, erased.ID, prompted(c.ID))
			}
		})
	}
}

// TestLearnedNotAddedAfterErasure (lib31): a team member's !lehren read
// the member's question, the guard judged it for seconds, and meanwhile
// the member erased their data (their chat with Lotse is handled by
// another worker than the team room). Before, the question was stored
// after the erasure, with their words and their Matrix ID as its source,
// and stayed in the search. Now it is not stored (ErrCaseGone). Fails
// without the guard in LearnedQuery.Add.
func TestLearnedNotAddedAfterErasure(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_790_000_000_000)
			c, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: "@m:hs", MemberRoom: "!dm:hs", Summary: "Frage"}, "$ask", "Wie geht das mit dem Raum?", now)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Privacy().Erase(ctx, "@m:hs", "", now); err != nil {
				t.Fatal(err)
			}
			l := storage.LearnedQuestion{GuideID: "a.md", Question: "Wie geht das mit dem Raum?", Norm: "wie geht das mit dem raum",
				CaseID: c.ID, TaughtBy: "@team:hs", TaughtAt: now, Source: storage.QuestionSource{Event: "$ask", Room: "!dm:hs", User: "@m:hs"}}
			if _, _, err := db.Learned().Add(ctx, l, "$teach"); !errors.Is(err, storage.ErrCaseGone) {
				t.Fatalf("add after the erasure: %v, want ErrCaseGone", err)
			}
			if n, err := db.Learned().Count(ctx); err != nil || n != 0 {
				t.Fatalf("%d learned questions after the member's erasure (%v)", n, err)
			}
			// The team's own words for a case (no member's source) are
			// not the member's data: stored as before.
			l.Source, l.Question, l.Norm = storage.QuestionSource{}, "Wie buche ich einen Raum?", "wie buche ich einen raum"
			if _, _, err := db.Learned().Add(ctx, l, "$teach2"); err != nil {
				t.Fatal(err)
			}
		})
	}
}
