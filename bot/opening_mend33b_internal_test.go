package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestStrangerInOpeningBatchHeldWatcherRace (mend33b): the watcher runs on
// its own goroutine and can find the team room open while the sync is
// still in the batch that opened it — after mautrix updated the state
// store, before the sync stores its list (rememberAtOpening). It stored
// the members as they are after the batch, the stranger among them, and
// the sync's list was not written over it: the stranger counted as there
// before, the closing said „closed“ and released the held sends. The
// interleaving is made by a sync handler that runs the watcher's step
// (rememberJoined) when the stranger's join is processed. Fails without
// the fix: „closed“, released.
func TestStrangerInOpeningBatchHeldWatcherRace(t *testing.T) {
	const team = id.RoomID("!team:hs")
	for _, tc := range []struct {
		name       string
		gap        bool     // the batch is limited: its state section holds the opening and the joins
		order      []string // the batch's events, in order: "open", "stranger", "early" (invited and joined before)
		wantHeld   bool
		wantNotice string
	}{
		{"joined after the opening, same batch", false, []string{"open", "stranger"}, true, "strangers"},
		{"opened and joined while Lotse was stopped", true, []string{"open", "stranger"}, true, "strangers"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var mu sync.Mutex
			var sent []string
			current := map[string]string{}
			room := &fakeRoom{sends: map[string]int{}, onSend: func(txn string) {
				mu.Lock()
				defer mu.Unlock()
				purpose, _, _ := strings.Cut(strings.TrimPrefix(txn, txnPrefix), ".")
				sent = append(sent, purpose)
			}}
			var logs bytes.Buffer
			s := newWatchBot(t, map[id.RoomID]string{team: "team_room"}, &logs)
			b := s.bot
			b.Client = newFakeClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Method == http.MethodGet {
					_, typ, _ := strings.Cut(r.URL.Path, "/state/")
					mu.Lock()
					evt := current[strings.TrimSuffix(typ, "/")]
					mu.Unlock()
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
			s.OnEvent(b.Client.StateStoreSyncHandler)
			var raced error
			s.OnEventType(event.StateMember, func(ctx context.Context, evt *event.Event) {
				if evt.StateKey != nil && *evt.StateKey == "@stranger:hs" {
					raced = b.rememberJoined(ctx, team) // the watcher, between the store's update and the sync's list
				}
			})
			var strangersSaid []int
			b.opts.ExposureNotice = func(ex Exposure) (string, string) {
				if ex.Strangers > 0 {
					strangersSaid = append(strangersSaid, ex.Strangers)
				}
				return "notice", ""
			}
			b.opts.BelongsIn = func(context.Context, string, id.UserID) (bool, error) { return false, nil }
			ctx := t.Context()
			n := 0
			mk := func(typ, stateKey, sender string, content map[string]any) *event.Event {
				n++
				raw := map[string]any{"type": typ, "state_key": stateKey, "event_id": fmt.Sprintf("$st%d", n), "sender": sender,
					"room_id": team, "origin_server_ts": 1, "content": content}
				if stateKey == "" {
					data, err := json.Marshal(raw)
					if err != nil {
						t.Fatal(err)
					}
					mu.Lock()
					current[typ] = string(data)
					mu.Unlock()
				}
				return syncEvent(t, raw)
			}
			batch := func(gap bool, events ...*event.Event) {
				t.Helper()
				res := &mautrix.RespSync{NextBatch: fmt.Sprintf("s%d", n)}
				jr := &mautrix.SyncJoinedRoom{}
				if gap {
					jr.State.Events = events
					jr.Timeline.Limited = true
				} else {
					jr.Timeline.Events = events
				}
				res.Rooms.Join = map[id.RoomID]*mautrix.SyncJoinedRoom{team: jr}
				if err := s.ProcessResponse(ctx, res, "s0"); err != nil {
					t.Fatal(err)
				}
			}
			member := func(user id.UserID, membership string) *event.Event {
				return mk("m.room.member", user.String(), user.String(), map[string]any{"membership": membership})
			}
			batch(false, member(b.UserID(), "join"), member("@admin:hs", "join"),
				mk("m.room.join_rules", "", "@admin:hs", map[string]any{"join_rule": "invite"}),
				mk("m.room.history_visibility", "", "@admin:hs", map[string]any{"history_visibility": "shared"}),
				mk("m.room.encryption", "", "@admin:hs", map[string]any{"algorithm": id.AlgorithmMegolmV1}))
			said, last, gap := map[id.RoomID]bool{}, map[id.RoomID]time.Time{}, map[id.RoomID]time.Duration{}
			now := time.UnixMilli(1_800_000_000_000)
			b.opts.Now = func() time.Time { return now }
			look := func() {
				now = now.Add(time.Minute)
				b.sayExposure(ctx, team, said, last, gap)
			}
			look() // closed at start

			var events []*event.Event
			for _, what := range tc.order {
				switch what {
				case "open":
					events = append(events, mk("m.room.join_rules", "", "@admin:hs", map[string]any{"join_rule": "public"}))
				case "stranger":
					events = append(events, member("@stranger:hs", "join"))
				case "early":
					events = append(events, member("@early:hs", "invite"), member("@early:hs", "join"))
				}
			}
			batch(tc.gap, events...)
			if raced != nil {
				t.Fatal(raced)
			}
			look() // the watcher finds it open (after the batch, as always)
			batch(false, mk("m.room.join_rules", "", "@admin:hs", map[string]any{"join_rule": "invite"}))
			mu.Lock()
			sent = nil
			mu.Unlock()
			look()
			mu.Lock()
			got := fmt.Sprint(sent)
			mu.Unlock()
			if got != fmt.Sprint([]string{tc.wantNotice}) {
				t.Errorf("at the closing said %s, want [%s]", got, tc.wantNotice)
			}
			if err := b.Hold(ctx, team); isHeld(err) != tc.wantHeld {
				t.Errorf("after the closing Hold = %v, want held %v", err, tc.wantHeld)
			}
			if tc.wantHeld && fmt.Sprint(strangersSaid) != "[1]" {
				t.Errorf("strangers said with %v, want [1]", strangersSaid)
			}
		})
	}
}
