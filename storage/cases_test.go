package storage_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

func newCase(t testing.TB, db *storage.DB, member, origin string, now time.Time) *storage.Case {
	t.Helper()
	c, created, err := db.Cases.Create(context.Background(), &storage.Case{MemberID: member, MemberRoom: "!dm-" + member, Summary: "Passwort-Mail kommt nicht", Guides: []string{"konto/passwort-vergessen.md"}}, origin, "Frage: …", now)
	if err != nil {
		t.Fatal(err)
	}
	if !created {
		t.Fatalf("case for %s was not created", origin)
	}
	return c
}

func TestCaseLifecycle(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			c := newCase(t, db, "@m:hs", "$open1", now)
			if c.ID != 1 || c.Status != storage.CaseOpen || c.Version != 1 || len(c.Guides) != 1 {
				t.Fatalf("new case: %+v", c)
			}
			// Creating again from the same event returns the same case.
			again, created, err := db.Cases.Create(ctx, &storage.Case{MemberID: "@m:hs", MemberRoom: "!x", Summary: "x"}, "$open1", "x", now)
			if err != nil || created || again.ID != 1 {
				t.Fatalf("second create: %+v %v %v", again, created, err)
			}
			c2 := newCase(t, db, "@n:hs", "$open2", now.Add(time.Minute))
			if c2.ID != 2 {
				t.Fatalf("second case has number %d", c2.ID)
			}
			if err := db.Cases.SetTeamEvent(ctx, 1, "$root1"); err != nil {
				t.Fatal(err)
			}
			if got, _ := db.Cases.ByTeamEvent(ctx, "$root1"); got == nil || got.ID != 1 {
				t.Fatalf("by team event: %+v", got)
			}
			ok, after, err := db.Cases.Claim(ctx, 1, "@a:hs", now)
			if err != nil || !ok || after.Assignee != "@a:hs" || after.Version != 2 {
				t.Fatalf("claim: %v %+v %v", ok, after, err)
			}
			ok, after, err = db.Cases.Claim(ctx, 1, "@b:hs", now)
			if err != nil || ok || after.Assignee != "@a:hs" {
				t.Fatalf("second claim must lose: %v %+v %v", ok, after, err)
			}
			if ok, _, _ := db.Cases.Unclaim(ctx, 1, "@b:hs", now); ok {
				t.Fatal("b unclaimed a's case")
			}
			if ok, _, _ := db.Cases.Assign(ctx, 1, "@a:hs", "@b:hs", now); !ok {
				t.Fatal("assign failed")
			}
			added, first, err := db.Cases.AddMessage(ctx, storage.CaseMessage{SourceEvent: "$m1", CaseID: 1, Kind: storage.MsgMember, Sender: "@m:hs", Body: "noch was", CreatedAt: now.Add(time.Hour)})
			if err != nil || !added || first {
				t.Fatal(added, first, err)
			}
			if added, _, _ := db.Cases.AddMessage(ctx, storage.CaseMessage{SourceEvent: "$m1", CaseID: 1, Kind: storage.MsgMember, Sender: "@m:hs", Body: "noch was", CreatedAt: now.Add(time.Hour)}); added {
				t.Fatal("message added twice")
			}
			// Only the first team answer is the first response, and
			// repeating its relay does not make it first again.
			for i, tc := range []struct {
				source          string
				added, firstAns bool
			}{{"$a1", true, true}, {"$a1", false, false}, {"$a2", true, false}} {
				added, first, err := db.Cases.AddMessage(ctx, storage.CaseMessage{SourceEvent: tc.source, CaseID: 1, Kind: storage.MsgAnswer, Sender: "@b:hs", Body: "Antwort", CreatedAt: now.Add(time.Hour)})
				if err != nil || added != tc.added || first != tc.firstAns {
					t.Fatalf("answer %d (%s): added %v first %v (%v), want %v %v", i, tc.source, added, first, err, tc.added, tc.firstAns)
				}
			}
			if got, _ := db.Cases.ActiveForMember(ctx, "@m:hs", "!dm-@m:hs"); got == nil || got.ID != 1 || !got.UpdatedAt.Equal(now.Add(time.Hour)) {
				t.Fatalf("active for member: %+v", got)
			}
			ok, after, err = db.Cases.Resolve(ctx, 1, "@b:hs", "Mail neu verschickt", now.Add(2*time.Hour))
			if err != nil || !ok || after.Status != storage.CaseResolved || after.ClosedAt.IsZero() {
				t.Fatalf("resolve: %v %+v %v", ok, after, err)
			}
			if got, _ := db.Cases.ResolvedSince(ctx, "@m:hs", "!dm-@m:hs", now); got == nil {
				t.Fatal("resolved case not found")
			}
			if err := db.Cases.SetRatingPrompt(ctx, 1, "$rate"); err != nil {
				t.Fatal(err)
			}
			if ok, _, _ := db.Cases.Rate(ctx, 1, "@m:hs", 1, now); !ok {
				t.Fatal("rating not counted")
			}
			if ok, _, _ := db.Cases.Rate(ctx, 1, "@m:hs", -1, now); ok {
				t.Fatal("second rating counted")
			}
			if ok, after, _ := db.Cases.Reopen(ctx, 1, "@m:hs", now.Add(3*time.Hour)); !ok || after.Status != storage.CaseOpen || !after.ClosedAt.IsZero() {
				t.Fatalf("reopen: %+v", after)
			}
			if ok, _, _ := db.Cases.Close(ctx, 1, "@m:hs", now.Add(4*time.Hour)); !ok {
				t.Fatal("close failed")
			}
			events, err := db.Cases.Events(ctx, 1)
			if err != nil {
				t.Fatal(err)
			}
			var kinds []string
			for _, e := range events {
				kinds = append(kinds, e.Kind)
			}
			if fmt.Sprint(kinds) != "[open claim assign resolve rate reopen close]" {
				t.Fatalf("events: %v", kinds)
			}
			msgs, _ := db.Cases.Messages(ctx, 1)
			if len(msgs) != 4 || msgs[0].Kind != storage.MsgQuestion {
				t.Fatalf("messages: %+v", msgs)
			}
			mine, _ := db.Cases.ListForMember(ctx, "@m:hs", 10)
			if len(mine) != 1 {
				t.Fatalf("member sees %d cases", len(mine))
			}
			board, err := db.Cases.ListOpen(ctx, 10)
			if err != nil || board.Open != 1 || len(board.Unclaimed) != 1 || board.Unclaimed[0].ID != 2 {
				t.Fatalf("board: %+v %v", board, err)
			}
		})
	}
}

// TestClaimRace: many team members claim the same case at once; exactly one wins.
func TestClaimRace(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			now := time.UnixMilli(1_700_000_000_000)
			c := newCase(t, db, "@m:hs", "$race", now)
			var wg sync.WaitGroup
			var mu sync.Mutex
			winners := []string{}
			for i := range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					user := fmt.Sprintf("@t%d:hs", i)
					ok, after, err := db.Cases.Claim(context.Background(), c.ID, user, now)
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					defer mu.Unlock()
					if ok {
						winners = append(winners, user)
					} else if after.Assignee == "" || after.Assignee == user {
						t.Errorf("loser %s told assignee %q", user, after.Assignee)
					}
				}()
			}
			wg.Wait()
			if len(winners) != 1 {
				t.Fatalf("winners: %v", winners)
			}
		})
	}
}

// TestCaseRetention: closed cases are deleted after the period with their
// messages and events; only anonymous counts stay. The clock is injected.
func TestCaseRetention(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			day0 := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
			old := newCase(t, db, "@m:hs", "$old", day0)
			_, _, _ = db.Cases.AddMessage(ctx, storage.CaseMessage{SourceEvent: "$old-m", CaseID: old.ID, Kind: storage.MsgMember, Sender: "@m:hs", Body: "geheim", CreatedAt: day0})
			_, _, _ = db.Cases.Resolve(ctx, old.ID, "@a:hs", "", day0)
			_, _, _ = db.Cases.Rate(ctx, old.ID, "@m:hs", 1, day0)
			recent := newCase(t, db, "@m:hs", "$recent", day0)
			_, _, _ = db.Cases.Close(ctx, recent.ID, "@m:hs", day0.Add(60*24*time.Hour))
			open := newCase(t, db, "@m:hs", "$open", day0)
			if err := db.Cases.MarkReminder(ctx, "unclaimed:1", day0); err != nil {
				t.Fatal(err)
			}
			now := day0.Add(100 * 24 * time.Hour)
			n, err := db.Cases.Prune(ctx, now.Add(-90*24*time.Hour))
			if err != nil || n != 1 {
				t.Fatalf("pruned %d, %v", n, err)
			}
			if c, _ := db.Cases.Get(ctx, old.ID); c != nil {
				t.Fatal("old case still there")
			}
			if msgs, _ := db.Cases.Messages(ctx, old.ID); len(msgs) != 0 {
				t.Fatal("old messages still there")
			}
			if ev, _ := db.Cases.Events(ctx, old.ID); len(ev) != 0 {
				t.Fatal("old events still there")
			}
			for _, id := range []int64{recent.ID, open.ID} {
				if c, _ := db.Cases.Get(ctx, id); c == nil {
					t.Fatalf("case %d deleted too early", id)
				}
			}
			if done, _ := db.Cases.ReminderDone(ctx, "unclaimed:1"); done {
				t.Fatal("old reminder kept")
			}
			stats, _ := db.Cases.Stats(ctx)
			if stats["deleted"] != 1 || stats["resolved"] != 1 || stats["helpful"] != 1 {
				t.Fatalf("stats: %v", stats)
			}
			// New cases never reuse a number still referenced by live cases.
			if c := newCase(t, db, "@m:hs", "$new", now); c.ID != open.ID+1 {
				t.Fatalf("new case number %d", c.ID)
			}
		})
	}
}

func TestCaseRemindersAndDrafts(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			a := newCase(t, db, "@m:hs", "$a", now)
			b := newCase(t, db, "@m:hs", "$b", now)
			_, _, _ = db.Cases.Claim(ctx, b.ID, "@t:hs", now)
			due, _ := db.Cases.DueUnclaimed(ctx, now.Add(time.Minute))
			if len(due) != 1 || due[0].ID != a.ID {
				t.Fatalf("due unclaimed: %+v", due)
			}
			stale, _ := db.Cases.StaleClaimed(ctx, now.Add(time.Minute))
			if len(stale) != 1 || stale[0].ID != b.ID {
				t.Fatalf("stale claimed: %+v", stale)
			}
			if done, _ := db.Cases.ReminderDone(ctx, "k"); done {
				t.Fatal("unknown reminder done")
			}
			_ = db.Cases.MarkReminder(ctx, "k", now)
			_ = db.Cases.MarkReminder(ctx, "k", now)
			if done, _ := db.Cases.ReminderDone(ctx, "k"); !done {
				t.Fatal("reminder not recorded")
			}
			d := storage.CaseDraft{RoomID: "!r", UserID: "@m:hs", Question: "frage", Guides: []string{"a.md", "b.md"}, Offered: true, PromptEvent: "$p",
				EarlierPrompts: []string{"$p1", "$p2"}, CreatedAt: now}
			if err := db.Cases.PutDraft(ctx, d); err != nil {
				t.Fatal(err)
			}
			got, err := db.Cases.Draft(ctx, "!r", "@m:hs", now.Add(-time.Minute))
			if err != nil || got == nil || !got.Offered || len(got.Guides) != 2 || got.PromptEvent != "$p" ||
				strings.Join(got.EarlierPrompts, " ") != "$p1 $p2" {
				t.Fatalf("draft: %+v %v", got, err)
			}
			if got, _ := db.Cases.Draft(ctx, "!r", "@m:hs", now.Add(time.Minute)); got != nil {
				t.Fatal("expired draft returned")
			}
			_ = db.Cases.DeleteDraft(ctx, "!r", "@m:hs")
			if got, _ := db.Cases.Draft(ctx, "!r", "@m:hs", time.Time{}); got != nil {
				t.Fatal("deleted draft returned")
			}
		})
	}
}

// BenchmarkListOpen measures the query behind !offen with 100,000 cases
// (5,000 of them open, half claimed) in SQLite. The issue asks < 10 ms.
//
//	go test -tags goolm -run XXX -bench ListOpen -benchtime 200x ./storage/
func BenchmarkListOpen(b *testing.B) {
	db := storagetest.Open(b, filepath.Join(b.TempDir(), "bench.db"))
	ctx := context.Background()
	const total, open = 100_000, 5_000
	now := time.UnixMilli(1_700_000_000_000)
	err := db.Lotse.DoTxn(ctx, nil, func(ctx context.Context) error {
		for i := 1; i <= total; i++ {
			status, assignee, closed := 3, any(nil), any(now.UnixMilli())
			if i > total-open {
				status, closed = 1, nil
				if i%2 == 0 {
					assignee = "@team:hs"
				}
			}
			at := now.Add(time.Duration(i) * time.Minute).UnixMilli()
			if _, err := db.Lotse.Exec(ctx, `INSERT INTO support_case (id, member_id, member_room, status, assignee, summary, guides, origin_event, created_at, updated_at, status_at, closed_at)
				VALUES ($1, $2, $3, $4, $5, $6, '', $7, $8, $8, $8, $9)`, i, fmt.Sprintf("@m%d:hs", i%5000), "!dm", status, assignee, "Zusammenfassung", fmt.Sprintf("$o%d", i), at, closed); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		board, err := db.Cases.ListOpen(ctx, 30)
		if err != nil || board.Open != open || len(board.Unclaimed) != 30 {
			b.Fatalf("%+v %v", board, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/list")
}
