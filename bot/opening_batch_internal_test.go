package bot

import (
	"context"
	"fmt"
	"testing"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestStrangerInOpeningBatchHeld (rooms33): a stranger who joined in the
// same sync batch as the team room's opening — seconds after it, or while
// Lotse was stopped (a gap: the opening and the join arrive in the batch's
// state section) — was on the list the watcher took when it first found
// the room open, and counted as there before: the room's closing said
// „closed“ and the held sends went to them (shut32's Left). Now the sync
// writes the list from the members before the batch and the batch's
// changes before the opening in its timeline. Rows: the stranger after the
// opening in the timeline, and in a gap, are strangers (held, the notice
// with 1); someone invited and joined before the opening in the same
// timeline is not (closed, released); the timestamps are all equal, the
// order alone decides. Fails without the fix: „closed“ and released in
// the first two rows.
//
// The rows with the watcher's race (mend33b): the watcher runs on its own
// goroutine and can find the team room open while the sync is still in
// the batch that opened it — after mautrix updated the state store,
// before the sync stores its list (rememberAtOpening). It stored the
// members as they are after the batch, the stranger among them, and the
// sync's list was not written over it. The interleaving is made by a sync
// handler that runs the watcher's step (rememberJoined) when the
// stranger's join is processed. Fail without mend33b's fix (knownMu and
// the sync's list replacing one stored during the batch): „closed“,
// released.
func TestStrangerInOpeningBatchHeld(t *testing.T) {
	const team = id.RoomID("!team:hs")
	for _, tc := range []struct {
		name       string
		gap        bool     // the batch is limited: its state section holds the opening and the joins
		race       bool     // the watcher's step runs in the middle of the batch, at the stranger's join
		order      []string // the batch's events, in order: "open", "stranger", "early" (invited and joined before)
		wantHeld   bool
		wantNotice string
	}{
		{"joined after the opening, same batch", false, false, []string{"open", "stranger"}, true, "strangers"},
		{"opened and joined while Lotse was stopped", true, false, []string{"open", "stranger"}, true, "strangers"},
		{"joined before the opening, same batch", false, false, []string{"early", "open"}, false, "closed"},
		{"joined after the opening, same batch, the watcher in between", false, true, []string{"open", "stranger"}, true, "strangers"},
		{"opened and joined while Lotse was stopped, the watcher in between", true, true, []string{"open", "stranger"}, true, "strangers"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newExposureBot(t, team)
			s, b := e.s, e.b
			b.opts.BelongsIn = func(context.Context, string, id.UserID) (bool, error) { return false, nil }
			ctx := t.Context()
			var raced error
			if tc.race {
				s.OnEventType(event.StateMember, func(ctx context.Context, evt *event.Event) {
					if evt.StateKey != nil && *evt.StateKey == "@stranger:hs" {
						raced = b.rememberJoined(ctx, team) // the watcher, between the store's update and the sync's list
					}
				})
			}
			n := 0
			mk := func(typ, stateKey, sender string, content map[string]any) *event.Event {
				n++
				raw := map[string]any{"type": typ, "state_key": stateKey, "event_id": fmt.Sprintf("$st%d", n), "sender": sender,
					"room_id": team, "origin_server_ts": 1, "content": content}
				if stateKey == "" {
					e.setState(t, typ, raw)
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
			e.takeSent()
			look()
			got := fmt.Sprint(e.takeSent())
			if got != fmt.Sprint([]string{tc.wantNotice}) {
				t.Errorf("at the closing said %s, want [%s]", got, tc.wantNotice)
			}
			if err := b.Hold(ctx, team); isHeld(err) != tc.wantHeld {
				t.Errorf("after the closing Hold = %v, want held %v", err, tc.wantHeld)
			}
			if counts := e.said(); tc.wantHeld && fmt.Sprint(counts) != "[1]" {
				t.Errorf("strangers said with %v, want [1]", counts)
			}
		})
	}
}
