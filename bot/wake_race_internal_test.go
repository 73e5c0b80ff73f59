package bot

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestHeldEventWokenWhenClosedDuringHandling (rooms33): an event whose
// send was held while the room was being closed — the watcher's wake
// (wakeHeld) ran during the handling, before the event was postponed — was
// postponed after the wake and waited its held delay, up to 15 minutes
// (mend32b's Left). Now the worker sees that a wake ran and makes the
// event due at once, and the dispatcher is notified; an event held with no
// wake during its handling still waits its delay, so an open room makes
// no loop. The interleaving is made by the handler itself (no sleeps).
// Fails without the fix: the event is due only after a minute.
func TestHeldEventWokenWhenClosedDuringHandling(t *testing.T) {
	db := storagetest.Open(t, filepath.Join(t.TempDir(), "lotse.db"))
	now := time.UnixMilli(1_700_000_000_000)
	item := storage.InboxItem{EventID: "$case", RoomID: "!dm:hs", Sender: "@m:hs", EventType: "m.room.member", ReceivedAt: now,
		Payload: []byte(`{"type":"m.room.member","event_id":"$case","sender":"@m:hs","state_key":"@m:hs","content":{"membership":"join"}}`)}
	if err := db.Inbox.Commit(t.Context(), []storage.InboxItem{item}, nil, "s1"); err != nil {
		t.Fatal(err)
	}
	closeDuring := true
	var b *Bot
	b = &Bot{log: zerolog.Nop(), db: db, wake: make(chan struct{}, 1), opts: Options{MaxAttempts: 1, Now: func() time.Time { return now },
		Handler: HandlerFunc(func(ctx context.Context, _ Incoming) error {
			// Hold read the room open; the watcher sees it closed and
			// wakes the held events before this one is postponed.
			if closeDuring {
				b.wakeHeld(ctx)
			}
			return &HeldError{Key: "team_room", Room: "!team:hs"}
		})}}
	due := func(at time.Time) int {
		t.Helper()
		pending, err := db.Inbox.Pending(t.Context(), at, 10, 10)
		if err != nil {
			t.Fatal(err)
		}
		return len(pending)
	}
	if !b.process(t.Context(), item) {
		t.Fatal("process: the held event is no longer pending")
	}
	if due(now) != 1 {
		t.Fatal("the event held while its room was being closed waits its held delay; want it due at once")
	}
	select {
	case <-b.wake:
	default:
		t.Error("the dispatcher was not woken for the event due at once")
	}
	// Still open on the next try, no wake during it: it waits its delay.
	closeDuring = false
	if !b.process(t.Context(), item) {
		t.Fatal("process: the held event is no longer pending")
	}
	if due(now) != 0 || due(now.Add(heldDelay)) != 1 {
		t.Error("a held event with no wake during its handling is not postponed by its delay")
	}
}
