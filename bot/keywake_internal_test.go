package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestKeyWakesOnlyItsSession: a room key that arrives makes due only the
// waiting encrypted events of its session. Keys sprayed by anyone, naming
// the room with other session IDs, wake nothing, so they no longer cost the
// waiting events their attempts (sec20 review, Low 4). More junk events of
// other sessions than the old read limit (500), older than the member's,
// do not keep the member's event from being woken (whole-change review 20,
// L3): the session noted as the syncer notes it is matched by the database.
func TestKeyWakesOnlyItsSession(t *testing.T) {
	db := storagetest.Open(t, filepath.Join(t.TempDir(), "lotse.db"))
	ctx := context.Background()
	now := time.UnixMilli(1_700_000_000_000)
	const room = id.RoomID("!r:hs")
	enc := func(eventID, session string) storage.InboxItem {
		payload := []byte(`{"type":"m.room.encrypted","event_id":"` + eventID + `","content":{"algorithm":"m.megolm.v1.aes-sha2","session_id":"` + session + `"}}`)
		var evt event.Event
		if err := json.Unmarshal(payload, &evt); err != nil {
			t.Fatal(err)
		}
		return storage.InboxItem{EventID: eventID, RoomID: room.String(), Sender: "@m:hs", EventType: "m.room.encrypted",
			Payload: payload, ReceivedAt: now, SessionID: encryptedSession(&evt).String()}
	}
	var items []storage.InboxItem
	for i := range 520 {
		items = append(items, enc(fmt.Sprintf("$junk%d", i), fmt.Sprintf("junk%d", i)))
	}
	items = append(items, enc("$a", "sessA"), enc("$b", "sessB"))
	if err := db.Inbox.Commit(ctx, items, nil, "s1"); err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if err := db.Inbox.Retry(ctx, it.EventID, now.Add(time.Hour), "key missing"); err != nil {
			t.Fatal(err)
		}
	}
	b := &Bot{log: zerolog.Nop(), db: db, wake: make(chan struct{}, 1), opts: Options{Now: func() time.Time { return now }}}
	due := func() []string {
		pending, err := db.Inbox.Pending(ctx, now, 10, 10)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, it := range pending {
			ids = append(ids, it.EventID)
		}
		return ids
	}
	for i := range 20 {
		b.keyArrived(ctx, room, id.SessionID("sprayed-"+string(rune('a'+i))), 0)
	}
	b.keyArrived(ctx, "!other:hs", "sessA", 0)
	b.wakeForKeys(ctx)
	if got := due(); len(got) != 0 {
		t.Fatalf("sprayed keys made %v due", got)
	}
	b.keyArrived(ctx, room, "sessA", 0)
	b.wakeForKeys(ctx)
	if got := due(); len(got) != 1 || got[0] != "$a" {
		t.Fatalf("due after sessA's key: %v, want [$a]", got)
	}
	if got := encryptedSession(&event.Event{Type: event.EventMessage}); got != "" {
		t.Errorf("session of an event without one: %q", got)
	}
}
