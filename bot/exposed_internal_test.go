package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestHoldOpenRooms (open32): which sends Hold keeps back, from the state
// the sync put into the state store. The team and approvals rooms are held
// while anyone (or a space's members) can join them, anyone can read their
// history, or their m.room.encryption was replaced by one without Megolm
// (mautrix then sends in plain text: IsEncrypted turns false); knock and
// invite are not open. An announcement or lobby room, and a room no key
// names, are never held, whatever their state; a state event of another
// room changes nothing. Fails without the fix (Hold and the state it
// reads): every send went out.
func TestHoldOpenRooms(t *testing.T) {
	const (
		team      = id.RoomID("!team:hs")
		approvals = id.RoomID("!approvals:hs")
		announce  = id.RoomID("!announce:hs")
		other     = id.RoomID("!other:hs")
	)
	var logs bytes.Buffer
	s := newWatchBot(t, map[id.RoomID]string{team: "team_room", approvals: "approvals_room", announce: "announcement_rooms"}, &logs)
	b := s.bot
	b.exposeWake = make(chan struct{}, 1)
	b.Client.StateStore = mautrix.NewMemoryStateStore()
	s.OnEvent(b.Client.StateStoreSyncHandler) // as the crypto helper does
	ctx := t.Context()
	n := 0
	state := func(room id.RoomID, typ string, content map[string]any) {
		t.Helper()
		n++
		res := &mautrix.RespSync{NextBatch: fmt.Sprintf("s%d", n)}
		res.Rooms.Join = map[id.RoomID]*mautrix.SyncJoinedRoom{room: {Timeline: mautrix.SyncTimeline{SyncEventsList: mautrix.SyncEventsList{Events: []*event.Event{
			syncEvent(t, map[string]any{"type": typ, "state_key": "", "event_id": fmt.Sprintf("$st%d", n), "sender": "@admin:hs", "origin_server_ts": n, "content": content}),
		}}}}}
		if err := s.ProcessResponse(ctx, res, fmt.Sprintf("s%d", n-1)); err != nil {
			t.Fatal(err)
		}
	}
	for _, room := range []id.RoomID{team, approvals, announce, other} {
		state(room, "m.room.join_rules", map[string]any{"join_rule": "invite"})
		state(room, "m.room.history_visibility", map[string]any{"history_visibility": "shared"})
		state(room, "m.room.encryption", map[string]any{"algorithm": id.AlgorithmMegolmV1})
	}
	want := func(step string, held map[id.RoomID]bool) {
		t.Helper()
		for _, room := range []id.RoomID{team, approvals, announce, other} {
			err := b.Hold(ctx, room)
			if got := isHeld(err); got != held[room] {
				t.Errorf("%s: Hold(%s) = %v, want held %v", step, room, err, held[room])
			}
			if err != nil && !isBusy(err) {
				t.Errorf("%s: %v is not busy: the event would use up its attempts", step, err)
			}
		}
	}
	want("all closed", nil)
	for _, rule := range []string{"public", "restricted", "knock_restricted"} {
		state(team, "m.room.join_rules", map[string]any{"join_rule": rule})
		state(announce, "m.room.join_rules", map[string]any{"join_rule": rule})
		want("team "+rule, map[id.RoomID]bool{team: true})
	}
	state(team, "m.room.join_rules", map[string]any{"join_rule": "knock"})
	want("team knock", nil)
	state(other, "m.room.history_visibility", map[string]any{"history_visibility": "world_readable"})
	state(approvals, "m.room.history_visibility", map[string]any{"history_visibility": "world_readable"})
	want("approvals world readable", map[id.RoomID]bool{approvals: true})
	state(approvals, "m.room.history_visibility", map[string]any{"history_visibility": "joined"})
	want("approvals members only", nil)
	for _, content := range []map[string]any{{"algorithm": "none"}, {}} {
		state(team, "m.room.encryption", content)
		if enc, err := b.IsEncrypted(ctx, team); err != nil || enc {
			t.Fatalf("IsEncrypted after %v: %v %v; want the downgrade mautrix would send in plain text", content, enc, err)
		}
		want(fmt.Sprintf("team encryption %v", content), map[id.RoomID]bool{team: true})
	}
	state(team, "m.room.encryption", map[string]any{"algorithm": id.AlgorithmMegolmV1})
	want("team encrypted again", nil)
}

// TestHoldUnknownStateFetched: a room whose join rule the state store does
// not hold (joined before mautrix kept it) is asked at the homeserver; one
// the homeserver cannot tell about is held (busy, no attempt counted),
// not sent to blindly.
func TestHoldUnknownStateFetched(t *testing.T) {
	const team = id.RoomID("!team:hs")
	rule := "public"
	srv := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case rule == "":
			w.WriteHeader(http.StatusBadGateway)
			_, _ = w.Write([]byte(`{"errcode":"M_UNKNOWN","error":"down"}`))
		case bytes.Contains([]byte(r.URL.Path), []byte("m.room.join_rules")):
			_, _ = fmt.Fprintf(w, `{"join_rule":%q}`, rule)
		default:
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"errcode":"M_NOT_FOUND","error":"no such state"}`))
		}
	})
	cli := newFakeClient(t, srv)
	cli.StateStore = mautrix.NewMemoryStateStore()
	b := &Bot{log: zerolog.Nop(), Client: cli, opts: Options{WatchedRooms: map[id.RoomID]string{team: "team_room"}}}
	if err := b.Hold(t.Context(), team); !isHeld(err) {
		t.Fatalf("Hold with a public join rule on the homeserver: %v, want held", err)
	}
	rule = ""
	if err := b.Hold(t.Context(), id.RoomID("!approvals:hs")); err != nil {
		t.Fatalf("a room no key names: %v", err)
	}
	b.opts.WatchedRooms["!approvals:hs"] = "approvals_room"
	err := b.Hold(t.Context(), id.RoomID("!approvals:hs"))
	var he *HeldError
	if !errors.As(err, &he) || he.Cause == nil || !isBusy(err) {
		t.Fatalf("Hold without the homeserver: %v, want held for the unknown state", err)
	}
}

// TestProcessHeldWaits: an event whose send was held waits without
// counting an attempt, also on its last one (never given up), and is due
// at once when the room is closed again (DueNowPostponed), not a minute
// later; an event postponed for another reason is not woken.
func TestProcessHeldWaits(t *testing.T) {
	db := storagetest.Open(t, filepath.Join(t.TempDir(), "lotse.db"))
	now := time.UnixMilli(1_700_000_000_000)
	items := []storage.InboxItem{
		{EventID: "$case", RoomID: "!dm:hs", Sender: "@m:hs", EventType: "m.room.member", ReceivedAt: now,
			Payload: []byte(`{"type":"m.room.member","event_id":"$case","sender":"@m:hs","state_key":"@m:hs","content":{"membership":"join"}}`)},
		{EventID: "$busy", RoomID: "!dm2:hs", Sender: "@m:hs", EventType: "m.room.member", ReceivedAt: now,
			Payload: []byte(`{"type":"m.room.member","event_id":"$busy","sender":"@m:hs","state_key":"@m:hs","content":{"membership":"join"}}`)},
	}
	if err := db.Inbox.Commit(t.Context(), items, nil, "s1"); err != nil {
		t.Fatal(err)
	}
	handled := 0
	b := lastAttemptBot(db, now, fmt.Errorf("failed to post the case: %w", &HeldError{Key: "team_room", Room: "!team:hs"}), &handled)
	b.wake = make(chan struct{}, 1)
	if !b.process(t.Context(), items[0]) {
		t.Error("process: the held event is no longer pending")
	}
	if err := db.Inbox.Postpone(t.Context(), "$busy", now.Add(busyDelay), "busy"); err != nil {
		t.Fatal(err)
	}
	if pending, err := db.Inbox.Pending(t.Context(), now, 10, 10); err != nil || len(pending) != 0 {
		t.Fatalf("due at once: %+v %v; want the held event to wait", pending, err)
	}
	b.wakeHeld(context.Background())
	pending, err := db.Inbox.Pending(t.Context(), now, 10, 10)
	if err != nil {
		t.Fatal(err)
	}
	if handled != 1 || len(pending) != 1 || pending[0].EventID != "$case" || pending[0].Attempts != 0 {
		t.Fatalf("after the room was closed: %+v; want only the held event due, no attempt counted", pending)
	}
}

// TestHeldDelayGrows (mend32b): a held event is tried again after a
// minute at first, later after a quarter of its age, at most every 15
// minutes — a backlog held for hours is no longer handled once a minute
// per event — and it is still due at once when the room is closed
// (wakeHeld). Fails with the fixed minute: the event held for two hours
// was due again after one minute.
func TestHeldDelayGrows(t *testing.T) {
	for _, tc := range []struct {
		name string
		age  time.Duration
		want time.Duration
	}{
		{"just received", 0, time.Minute},
		{"a forged future timestamp", -time.Hour, time.Minute},
		{"held 20 minutes", 20 * time.Minute, 5 * time.Minute},
		{"held two hours", 2 * time.Hour, 15 * time.Minute},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := storagetest.Open(t, filepath.Join(t.TempDir(), "lotse.db"))
			now := time.UnixMilli(1_700_000_000_000)
			item := storage.InboxItem{EventID: "$case", RoomID: "!dm:hs", Sender: "@m:hs", EventType: "m.room.member", ReceivedAt: now.Add(-tc.age),
				Payload: []byte(`{"type":"m.room.member","event_id":"$case","sender":"@m:hs","state_key":"@m:hs","content":{"membership":"join"}}`)}
			if err := db.Inbox.Commit(t.Context(), []storage.InboxItem{item}, nil, "s1"); err != nil {
				t.Fatal(err)
			}
			handled := 0
			b := lastAttemptBot(db, now, fmt.Errorf("failed to post the case: %w", &HeldError{Key: "team_room", Room: "!team:hs"}), &handled)
			b.wake = make(chan struct{}, 1)
			if !b.process(t.Context(), item) {
				t.Fatal("process: the held event is no longer pending")
			}
			due := func(at time.Time) int {
				pending, err := db.Inbox.Pending(t.Context(), at, 10, 10)
				if err != nil {
					t.Fatal(err)
				}
				return len(pending)
			}
			if due(now.Add(tc.want-time.Millisecond)) != 0 || due(now.Add(tc.want)) != 1 {
				t.Errorf("the held event is not due after exactly %v", tc.want)
			}
			b.wakeHeld(context.Background())
			if due(now) != 1 {
				t.Error("not due at once after the room was closed")
			}
		})
	}
}
