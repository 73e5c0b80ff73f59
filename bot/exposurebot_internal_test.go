package bot

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/id"
)

// exposureBot is a bot that watches one team room on a fake homeserver,
// for the tests of what Lotse says and holds when the room is opened
// and closed (TestClosedRoomHeldForStrangers, TestStrangerInOpeningBatchHeld):
// the homeserver answers a state read with the room's current state
// event of that type (setState; exposureKey reads them), sends go to a
// fake room that notes each send's purpose (takeSent), the state store
// follows the sync, and ExposureNotice notes the count of strangers it
// is told (strangersSaid). BelongsIn is the test's to set.
type exposureBot struct {
	s *syncer
	b *Bot

	mu            sync.Mutex
	sent          []string          // purposes of the sends, in order
	current       map[string]string // state type: its current event (empty state key), as the homeserver gives it
	strangersSaid []int
}

// newExposureBot builds an exposureBot watching team as "team_room".
func newExposureBot(t *testing.T, team id.RoomID) *exposureBot {
	t.Helper()
	e := &exposureBot{current: map[string]string{}}
	room := &fakeRoom{sends: map[string]int{}, onSend: func(txn string) {
		e.mu.Lock()
		defer e.mu.Unlock()
		purpose, _, _ := strings.Cut(strings.TrimPrefix(txn, txnPrefix), ".")
		e.sent = append(e.sent, purpose)
	}}
	var logs bytes.Buffer
	e.s = newWatchBot(t, map[id.RoomID]string{team: "team_room"}, &logs)
	b := e.s.bot
	e.b = b
	b.Client = newFakeClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet { // the state events exposureKey reads
			_, typ, _ := strings.Cut(r.URL.Path, "/state/")
			e.mu.Lock()
			evt := e.current[strings.TrimSuffix(typ, "/")]
			e.mu.Unlock()
			if evt == "" {
				w.WriteHeader(http.StatusNotFound)
				_, _ = w.Write([]byte(`{"errcode":"M_NOT_FOUND","error":"no such state"}`))
				return
			}
			_, _ = w.Write([]byte(evt))
			return
		}
		room.ServeHTTP(w, r)
	}))
	b.sender = NewSender(b.Client, b.db.Inbox, b.log)
	b.sender.MaxWait = 5 * time.Second
	b.exposeWake = make(chan struct{}, 1)
	b.Client.StateStore = mautrix.NewMemoryStateStore()
	e.s.OnEvent(b.Client.StateStoreSyncHandler)
	b.opts.ExposureNotice = func(ex Exposure) (string, string) {
		if ex.Strangers > 0 {
			e.mu.Lock()
			e.strangersSaid = append(e.strangersSaid, ex.Strangers)
			e.mu.Unlock()
		}
		return "notice", ""
	}
	return e
}

// setState makes raw (an event with an empty state key, as JSON fields)
// the homeserver's current state event of typ.
func (e *exposureBot) setState(t *testing.T, typ string, raw map[string]any) {
	t.Helper()
	data, err := json.Marshal(raw)
	if err != nil {
		t.Fatal(err)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.current[typ] = string(data)
}

// takeSent returns the purposes sent since the last call, and forgets them.
func (e *exposureBot) takeSent() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	sent := e.sent
	e.sent = nil
	return sent
}

// said returns the counts of strangers ExposureNotice was told.
func (e *exposureBot) said() []int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]int(nil), e.strangersSaid...)
}
