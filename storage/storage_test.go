package storage_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// testDBURIs returns the fresh, not yet opened databases every storage
// test runs against: SQLite always, PostgreSQL when LOTSE_TEST_POSTGRES
// names one. Tests of the schema upgrades open them themselves.
func testDBURIs(t *testing.T) map[string]string {
	t.Helper()
	uris := map[string]string{"sqlite": filepath.Join(t.TempDir(), "lotse.db")}
	if uri := os.Getenv("LOTSE_TEST_POSTGRES"); uri != "" {
		uris["postgres"] = storagetest.FreshPostgresSchema(t, uri)
	}
	return uris
}

// openNotUpgraded opens the database at uri without upgrading it (a test
// sets the schema steps it wants first) and closes it at the test's end.
func openNotUpgraded(t *testing.T, uri string) *storage.DB {
	t.Helper()
	db, err := storage.Open(uri, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// openTestDBs opens and upgrades the databases of testDBURIs.
func openTestDBs(t *testing.T) map[string]*storage.DB {
	t.Helper()
	dbs := map[string]*storage.DB{}
	for name, uri := range testDBURIs(t) {
		dbs[name] = storagetest.Open(t, uri)
	}
	return dbs
}

// whileHolding runs hold in a PostgreSQL transaction and, before that
// commits, other on a goroutine of its own; the transaction commits once
// other has returned or waits for a lock on a statement that contains
// statement (pg_stat_activity), so that other meets hold's uncommitted
// writes. It returns other's error. No clock: the lock wait is asked for.
func whileHolding(t *testing.T, db *storage.DB, statement string, hold func(ctx context.Context) error, other func() error) error {
	t.Helper()
	done := make(chan error, 1)
	err := db.Lotse.DoTxn(context.Background(), nil, func(ctx context.Context) error {
		if err := hold(ctx); err != nil {
			return err
		}
		go func() { done <- other() }()
		for {
			select {
			case err := <-done:
				done <- err
				return nil
			default:
			}
			var waiting int
			if err := db.Root.QueryRow(context.Background(), `SELECT COUNT(*) FROM pg_stat_activity
				WHERE wait_event_type='Lock' AND datname=current_database() AND query LIKE '%' || $1 || '%'`, statement).Scan(&waiting); err != nil {
				return err
			}
			if waiting > 0 {
				return nil
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return <-done
}

func TestInboxCommitIsIdempotent(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			items := []storage.InboxItem{
				{EventID: "$a", RoomID: "!r", Sender: "@m:hs", EventType: "m.room.message", Payload: []byte(`{"x":1}`), ReceivedAt: now},
				{EventID: "$b", RoomID: "!r", Sender: "@m:hs", EventType: "m.room.message", Payload: []byte(`{"x":2}`), ReceivedAt: now.Add(time.Millisecond)},
			}
			if err := db.Inbox.Commit(ctx, items, nil, "tok1"); err != nil {
				t.Fatal(err)
			}
			// The same batch again (a sync re-delivered after a crash) adds nothing.
			if err := db.Inbox.Commit(ctx, items, nil, "tok1"); err != nil {
				t.Fatal(err)
			}
			if got, _ := db.KV.Get(ctx, storage.KeyNextBatch); got != "tok1" {
				t.Fatalf("next batch = %q, want tok1", got)
			}
			pending, err := db.Inbox.Pending(ctx, now.Add(time.Hour), 10, 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(pending) != 2 || pending[0].EventID != "$a" || string(pending[1].Payload) != `{"x":2}` {
				t.Fatalf("pending = %+v", pending)
			}
			if err := db.Inbox.MarkDone(ctx, "$a", now); err != nil {
				t.Fatal(err)
			}
			// A handled event delivered again stays handled.
			if err := db.Inbox.Commit(ctx, items[:1], []storage.SentEvent{{TxnID: "t1", EventID: "$mine", RoomID: "!r", SentAt: now}}, "tok2"); err != nil {
				t.Fatal(err)
			}
			pending, _ = db.Inbox.Pending(ctx, now.Add(time.Hour), 10, 10)
			if len(pending) != 1 || pending[0].EventID != "$b" {
				t.Fatalf("pending after done = %+v", pending)
			}
			if p, _ := db.Inbox.IsPending(ctx, "$a"); p {
				t.Fatal("handled event reported pending")
			}
			if p, _ := db.Inbox.IsPending(ctx, "$b"); !p {
				t.Fatal("pending event not reported pending")
			}
			if got, _ := db.Inbox.SentEventID(ctx, "t1"); got != "$mine" {
				t.Fatalf("sent event for t1 = %q", got)
			}
			if got, _ := db.Inbox.SentEventID(ctx, "t2"); got != "" {
				t.Fatalf("sent event for unknown txn = %q", got)
			}
			if err := db.Inbox.Retry(ctx, "$b", now.Add(time.Minute), "send failed"); err != nil {
				t.Fatal(err)
			}
			if pending, _ = db.Inbox.Pending(ctx, now, 10, 10); len(pending) != 0 {
				t.Fatalf("item due later is pending now: %+v", pending)
			}
			next, err := db.Inbox.NextRetry(ctx)
			if err != nil || !next.Equal(now.Add(time.Minute)) {
				t.Fatalf("next retry = %v, %v", next, err)
			}
			pending, _ = db.Inbox.Pending(ctx, now.Add(2*time.Minute), 10, 10)
			if len(pending) != 1 || pending[0].Attempts != 1 {
				t.Fatalf("pending after retry = %+v", pending)
			}
			counts, err := db.Inbox.Counts(ctx)
			if err != nil || counts[storage.InboxDone] != 1 || counts[storage.InboxPending] != 1 {
				t.Fatalf("counts = %v, %v", counts, err)
			}
			// Retention deletes the handled event, never the pending one.
			res, err := db.Retention(ctx, storage.RetentionPolicy{Inbox: time.Hour}, now.Add(time.Hour+time.Second), false)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range res {
				if r.Table == "inbox" && r.Rows != 1 {
					t.Fatalf("retention deleted %d inbox rows, want 1", r.Rows)
				}
			}
			if has, _ := db.Inbox.Has(ctx, "$a"); has {
				t.Fatal("handled event was not deleted")
			}
			if has, _ := db.Inbox.Has(ctx, "$b"); !has {
				t.Fatal("pending event was pruned")
			}
		})
	}
}

func TestFeedbackVotesOncePerUser(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Now()
			if err := db.Answers.Put(ctx, "$ans", "!r", "konto/passwort.md", now); err != nil {
				t.Fatal(err)
			}
			if g, _ := db.Answers.GuideFor(ctx, "$ans", "!r"); g != "konto/passwort.md" {
				t.Fatalf("guide for answer = %q", g)
			}
			if g, _ := db.Answers.GuideFor(ctx, "$other", "!r"); g != "" {
				t.Fatalf("guide for unknown answer = %q", g)
			}
			// An answer of another room is none of this room's (sec28).
			if g, _ := db.Answers.GuideFor(ctx, "$ans", "!elsewhere"); g != "" {
				t.Fatalf("guide for an answer of another room = %q", g)
			}
			_ = db.Feedback.Shown(ctx, "konto/passwort.md")
			_ = db.Feedback.NoMatch(ctx)
			tests := []struct {
				user    string
				helpful bool
				counted bool
			}{
				{"@a:hs", true, true},
				{"@a:hs", false, false},
				{"@b:hs", false, true},
			}
			for _, tt := range tests {
				counted, err := db.Feedback.Vote(ctx, "$ans", tt.user, "konto/passwort.md", tt.helpful)
				if err != nil || counted != tt.counted {
					t.Fatalf("vote %s %v: counted=%v err=%v, want %v", tt.user, tt.helpful, counted, err, tt.counted)
				}
			}
			stats, noMatch, err := db.Feedback.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			want := storage.GuideStats{GuideID: "konto/passwort.md", Shown: 1, Helpful: 1, Unhelpful: 1}
			if len(stats) != 1 || stats[0] != want || noMatch != 1 {
				t.Fatalf("stats = %+v, no match %d; want %+v, 1", stats, noMatch, want)
			}
		})
	}
}

func TestChoices(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Now()
			if err := db.Choices.Put(ctx, "!r", "@a:hs", []string{"a.md", "b.md"}, now); err != nil {
				t.Fatal(err)
			}
			got, err := db.Choices.Get(ctx, "!r", "@a:hs", now.Add(-time.Minute))
			if err != nil || len(got) != 2 || got[1] != "b.md" {
				t.Fatalf("choice = %v, %v", got, err)
			}
			if got, _ = db.Choices.Get(ctx, "!r", "@a:hs", now.Add(time.Minute)); got != nil {
				t.Fatalf("expired choice returned: %v", got)
			}
			_ = db.Choices.Delete(ctx, "!r", "@a:hs")
			if got, _ = db.Choices.Get(ctx, "!r", "@a:hs", time.Time{}); got != nil {
				t.Fatalf("deleted choice returned: %v", got)
			}
		})
	}
}

func TestKV(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			if v, err := db.KV.Get(ctx, "missing"); v != "" || err != nil {
				t.Fatalf("missing key = %q, %v", v, err)
			}
			_ = db.KV.Set(ctx, "k", "1")
			_ = db.KV.Set(ctx, "k", "2")
			if v, _ := db.KV.Get(ctx, "k"); v != "2" {
				t.Fatalf("k = %q", v)
			}
			if err := db.Ping(ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}
