package bot

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// oneJoin commits one lobby join to a new database's inbox.
func oneJoin(t *testing.T) (*storage.DB, storage.InboxItem, time.Time) {
	t.Helper()
	db := storagetest.Open(t, filepath.Join(t.TempDir(), "lotse.db"))
	now := time.UnixMilli(1_700_000_000_000)
	item := storage.InboxItem{EventID: "$join", RoomID: "!lobby:hs", Sender: "@m:hs", EventType: "m.room.member",
		Payload:    []byte(`{"type":"m.room.member","event_id":"$join","sender":"@m:hs","state_key":"@m:hs","content":{"membership":"join"}}`),
		ReceivedAt: now}
	if err := db.Inbox.Commit(t.Context(), []storage.InboxItem{item}, nil, "s1"); err != nil {
		t.Fatal(err)
	}
	return db, item, now
}

// lastAttemptBot is a bot whose one allowed attempt fails with err,
// counting its handler's calls in handled.
func lastAttemptBot(db *storage.DB, now time.Time, err error, handled *int) *Bot {
	return &Bot{log: zerolog.Nop(), db: db, opts: Options{MaxAttempts: 1, Now: func() time.Time { return now },
		Handler: HandlerFunc(func(context.Context, Incoming) error {
			*handled++
			return err
		})}}
}

// TestProcessSyncStoppedNotCounted: an item whose send stopped because the
// sync stopped (shutdown, waiting for a fence) is not failed: the attempt
// is not counted, and on its last attempt the item is not given up; it
// stays due for the next start (dup18 review, L4).
func TestProcessSyncStoppedNotCounted(t *testing.T) {
	db, item, now := oneJoin(t)
	handled := 0
	b := lastAttemptBot(db, now, fmt.Errorf("failed to send the welcome: failed to settle an earlier send: %w", errSyncStopped), &handled)
	if !b.process(t.Context(), item) {
		t.Error("process: the item is no longer pending; want it kept for the next start")
	}
	pending, err := db.Inbox.Pending(t.Context(), now, 10, 10)
	if err != nil {
		t.Fatal(err)
	}
	if handled != 1 || len(pending) != 1 || pending[0].Attempts != 0 {
		t.Fatalf("handled %d times, pending %+v; want the item due again with no attempt counted", handled, pending)
	}
}

type busyTestError struct{}

func (busyTestError) Error() string { return "busy" }
func (busyTestError) Busy() bool    { return true }

// TestProcessBusyNotCounted: an event whose handler is busy with another
// change of the same thing (a round table two coordinators change at once)
// waits without counting an attempt, and is not given up on its last
// attempt — before, a change that waited behind a long one (notices to
// hundreds of attendees) used up its attempts and ended in the give-up
// message (whole27, finding C).
func TestProcessBusyNotCounted(t *testing.T) {
	db, item, now := oneJoin(t)
	handled := 0
	b := lastAttemptBot(db, now, fmt.Errorf("failed to move: %w", busyTestError{}), &handled)
	if !b.process(t.Context(), item) {
		t.Error("process: the item is no longer pending; want it to wait")
	}
	if pending, err := db.Inbox.Pending(t.Context(), now, 10, 10); err != nil || len(pending) != 0 {
		t.Fatalf("due at once: %+v, %v; want it to wait %s", pending, err, busyDelay)
	}
	pending, err := db.Inbox.Pending(t.Context(), now.Add(busyDelay), 10, 10)
	if err != nil {
		t.Fatal(err)
	}
	if handled != 1 || len(pending) != 1 || pending[0].Attempts != 0 {
		t.Fatalf("handled %d times, pending %+v; want the item due after %s with no attempt counted", handled, pending, busyDelay)
	}
}
