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

// TestClosedRoomHeldForStrangers (shut32): the team room is opened, two
// people without a role and one team member join, and an admin closes it
// again without removing them. The held sends used to follow at once, and
// the strangers read every case that waited. Now the room stays held: it
// is told once (ExposureNotice with Strangers 2, not again on the next
// look nor after a restart), a member in the room before the opening and
// the team member do not count, one stranger leaving is not enough, and
// only when the other got a role does the "closed" notice come and Hold
// let sends through. A second opening is said again. Fails without the
// fix (holdStrangers, rememberJoined and the check in Hold): the closing
// said "closed" at once and Hold let the sends through.
func TestClosedRoomHeldForStrangers(t *testing.T) {
	const team = id.RoomID("!team:hs")
	e := newExposureBot(t, team)
	s, b := e.s, e.b
	roles := map[id.UserID]bool{"@teamer:hs": true}
	b.opts.BelongsIn = func(_ context.Context, key string, user id.UserID) (bool, error) {
		if key != "team_room" {
			t.Errorf("BelongsIn asked for %q", key)
		}
		return roles[user], nil
	}
	ctx := t.Context()
	n := 0
	state := func(typ, stateKey string, content map[string]any) {
		t.Helper()
		n++
		res := &mautrix.RespSync{NextBatch: fmt.Sprintf("s%d", n)}
		res.Rooms.Join = map[id.RoomID]*mautrix.SyncJoinedRoom{team: {Timeline: mautrix.SyncTimeline{SyncEventsList: mautrix.SyncEventsList{Events: []*event.Event{
			syncEvent(t, map[string]any{"type": typ, "state_key": stateKey, "event_id": fmt.Sprintf("$st%d", n), "sender": "@admin:hs", "origin_server_ts": n, "content": content}),
		}}}}}
		if err := s.ProcessResponse(ctx, res, fmt.Sprintf("s%d", n-1)); err != nil {
			t.Fatal(err)
		}
		if stateKey == "" {
			e.setState(t, typ, map[string]any{"type": typ, "state_key": "", "event_id": fmt.Sprintf("$st%d", n), "sender": "@admin:hs", "room_id": team, "origin_server_ts": n, "content": content})
		}
	}
	member := func(user id.UserID, membership string) {
		t.Helper()
		state("m.room.member", user.String(), map[string]any{"membership": membership})
	}
	member(b.UserID(), "join")
	member("@admin:hs", "join")
	member("@old:hs", "join") // no role, but in the room before it was opened
	state("m.room.join_rules", "", map[string]any{"join_rule": "invite"})
	state("m.room.history_visibility", "", map[string]any{"history_visibility": "shared"})
	state("m.room.encryption", "", map[string]any{"algorithm": id.AlgorithmMegolmV1})

	said, last, gap := map[id.RoomID]bool{}, map[id.RoomID]time.Time{}, map[id.RoomID]time.Duration{}
	now := time.UnixMilli(1_800_000_000_000)
	b.opts.Now = func() time.Time { return now }
	look := func(step string, wantHeld bool, wantSent ...string) {
		t.Helper()
		now = now.Add(time.Minute) // past exposureGap: every opening is said
		e.takeSent()
		b.sayExposure(ctx, team, said, last, gap)
		got := fmt.Sprint(e.takeSent())
		if got != fmt.Sprint(wantSent) {
			t.Errorf("%s: said %s, want %v", step, got, wantSent)
		}
		if err := b.Hold(ctx, team); isHeld(err) != wantHeld {
			t.Errorf("%s: Hold = %v, want held %v", step, err, wantHeld)
		}
	}
	look("closed at start", false)
	state("m.room.join_rules", "", map[string]any{"join_rule": "public"})
	look("opened", true, "exposed")
	member("@stranger1:hs", "join")
	member("@stranger2:hs", "join")
	member("@teamer:hs", "join")
	member("@invited:hs", "invite")
	look("strangers join", true)
	state("m.room.join_rules", "", map[string]any{"join_rule": "invite"})
	look("closed with strangers in it", true, "strangers")
	look("looked again", true)
	said, last = map[id.RoomID]bool{}, map[id.RoomID]time.Time{} // a restart
	look("after a restart", true)
	if counts := e.said(); fmt.Sprint(counts) != "[2]" {
		t.Errorf("strangers said with %v, want [2] (said once per list: the kv notes it, across a restart)", counts)
	}
	member("@stranger1:hs", "leave")
	look("one stranger left", true)
	roles["@stranger2:hs"] = true
	look("the other got the role", false, "closed")
	look("and again", false)

	// Opened again: a new list; the strangers from before have a role or left.
	state("m.room.join_rules", "", map[string]any{"join_rule": "public"})
	look("opened again", true, "exposed")
	member("@stranger3:hs", "join")
	state("m.room.history_visibility", "", map[string]any{"history_visibility": "world_readable"})
	state("m.room.join_rules", "", map[string]any{"join_rule": "invite"})
	look("closed, history still open", true)
	state("m.room.history_visibility", "", map[string]any{"history_visibility": "shared"})
	look("all closed, stranger3 in", true, "strangers")
	state("m.room.join_rules", "", map[string]any{"join_rule": "public"})
	look("opened while waiting for a stranger", true, "exposed")
}
