package bot

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/rs/zerolog"
	"go.mau.fi/util/dbutil"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
	"maunium.net/go/mautrix/sqlstatestore"

	"github.com/lotse-bot/lotse/storage/storagetest"
)

// testStateStores are the two state stores a test of what Lotse reads
// from a room's stored state runs on: mautrix's memory store and the SQL
// store the crypto helper keeps in production (TestMayWriteReadsPowerLevels,
// TestExposedDirectChat).
func testStateStores() map[string]func(t *testing.T) mautrix.StateStore {
	return map[string]func(t *testing.T) mautrix.StateStore{
		"memory": func(*testing.T) mautrix.StateStore { return mautrix.NewMemoryStateStore() },
		"sql": func(t *testing.T) mautrix.StateStore {
			db := storagetest.Open(t, filepath.Join(t.TempDir(), "lotse.db"))
			store := sqlstatestore.NewSQLStateStore(db.Root, dbutil.ZeroLogger(zerolog.Nop()), false)
			if err := store.Upgrade(t.Context()); err != nil {
				t.Fatal(err)
			}
			return store
		},
	}
}

// putState stores a state event of typ with key in room, sent by sender,
// as the sync would: parsed from JSON like an event from the homeserver,
// then mautrix.UpdateStateStore.
func putState(t *testing.T, store mautrix.StateStore, room id.RoomID, eventID string, sender id.UserID, typ event.Type, key string, content map[string]any) {
	t.Helper()
	raw, err := json.Marshal(map[string]any{"type": typ.Type, "state_key": key, "room_id": room, "event_id": eventID,
		"sender": sender, "origin_server_ts": 1, "content": content})
	if err != nil {
		t.Fatal(err)
	}
	var evt event.Event
	if err := json.Unmarshal(raw, &evt); err != nil {
		t.Fatal(err)
	}
	evt.Type.Class = event.StateEventType
	if err := evt.Content.ParseRaw(evt.Type); err != nil {
		t.Fatal(err)
	}
	mautrix.UpdateStateStore(t.Context(), store, &evt)
}
