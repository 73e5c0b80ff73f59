package bot

import (
	"bytes"
	"encoding/json"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage/storagetest"
)

// syncEvent parses one sync event as the homeserver sends it.
func syncEvent(t *testing.T, raw map[string]any) *event.Event {
	t.Helper()
	data, err := json.Marshal(raw)
	if err != nil {
		t.Fatal(err)
	}
	var evt event.Event
	if err := json.Unmarshal(data, &evt); err != nil {
		t.Fatal(err)
	}
	return &evt
}

// newWatchBot is a bot with a database, a sender and watched rooms, for
// feeding sync batches to its syncer; its log goes to logs.
func newWatchBot(t *testing.T, watched map[id.RoomID]string, logs *bytes.Buffer) *syncer {
	t.Helper()
	db := storagetest.Open(t, filepath.Join(t.TempDir(), "lotse.db"))
	cli := newFakeClient(t, http.NotFoundHandler())
	now := time.UnixMilli(1_800_000_000_000)
	b := &Bot{log: zerolog.New(logs), db: db, Client: cli, wake: make(chan struct{}, 1), synced: make(chan struct{}),
		sender: NewSender(cli, db.Inbox, zerolog.Nop()),
		opts:   Options{WatchedRooms: watched, Now: func() time.Time { return now }}}
	return &syncer{DefaultSyncer: mautrix.NewDefaultSyncer(), bot: b}
}

// TestConfiguredRoomGone: the team room is upgraded (Element's "upgrade
// room" sends m.room.tombstone naming the new room) and Lotse is banned from
// the approvals room. Lotse used to go on posting cases into the old team
// room, which the team had left for the new one, without a word in the log
// and with /readyz green. Now each is logged once at error level with the
// config key (and the new room), and GoneRooms lists them for /readyz. The
// tombstone of an unconfigured room, or a configured room's other state,
// says nothing; a new invite and join ends a removal, not an upgrade.
func TestConfiguredRoomGone(t *testing.T) {
	const (
		team      = id.RoomID("!team:hs")
		newTeam   = id.RoomID("!team2:hs")
		approvals = id.RoomID("!approvals:hs")
		other     = id.RoomID("!other:hs")
	)
	var logs bytes.Buffer
	s := newWatchBot(t, map[id.RoomID]string{team: "team_room", approvals: "approvals_room"}, &logs)
	b := s.bot
	tombstone := func(room id.RoomID, n string) *event.Event {
		return syncEvent(t, map[string]any{"type": "m.room.tombstone", "state_key": "", "event_id": "$tomb" + n, "sender": "@admin:hs",
			"origin_server_ts": 1, "content": map[string]any{"body": "This room has been replaced", "replacement_room": newTeam}})
	}
	res := &mautrix.RespSync{NextBatch: "s1"}
	res.Rooms.Join = map[id.RoomID]*mautrix.SyncJoinedRoom{
		team:  {Timeline: mautrix.SyncTimeline{SyncEventsList: mautrix.SyncEventsList{Events: []*event.Event{tombstone(team, "1")}}}},
		other: {Timeline: mautrix.SyncTimeline{SyncEventsList: mautrix.SyncEventsList{Events: []*event.Event{tombstone(other, "2")}}}},
	}
	res.Rooms.Leave = map[id.RoomID]*mautrix.SyncLeftRoom{
		approvals: {Timeline: mautrix.SyncTimeline{SyncEventsList: mautrix.SyncEventsList{Events: []*event.Event{syncEvent(t, map[string]any{
			"type": "m.room.member", "state_key": "@lotse:hs", "event_id": "$ban", "sender": "@mod:hs", "origin_server_ts": 2,
			"content": map[string]any{"membership": "ban"}})}}}},
	}
	if err := s.ProcessResponse(t.Context(), res, "s0"); err != nil {
		t.Fatal(err)
	}
	want := []RoomGone{
		{Key: "approvals_room", Room: approvals, Membership: event.MembershipBan, By: "@mod:hs"},
		{Key: "team_room", Room: team, Replacement: newTeam, By: "@admin:hs"},
	}
	if got := b.GoneRooms(); !slices.Equal(got, want) {
		t.Fatalf("GoneRooms = %+v, want %+v", got, want)
	}
	var errors []map[string]any
	for line := range strings.Lines(logs.String()) {
		var entry map[string]any
		if json.Unmarshal([]byte(line), &entry) == nil && entry["level"] == "error" {
			errors = append(errors, entry)
		}
	}
	if len(errors) != 2 {
		t.Fatalf("%d error lines, want 2 (one per room):\n%s", len(errors), logs.String())
	}
	for _, entry := range errors {
		switch entry["config_key"] {
		case "team_room":
			if entry["new_room_id"] != newTeam.String() || !strings.Contains(entry["message"].(string), "upgraded") {
				t.Errorf("team room line %v: want the new room and the upgrade", entry)
			}
		case "approvals_room":
			if entry["membership"] != "ban" || !strings.Contains(entry["message"].(string), "removed") {
				t.Errorf("approvals room line %v: want the ban", entry)
			}
		default:
			t.Errorf("error line for %v", entry)
		}
	}

	// The same tombstone again (a later start reads it with CheckUpgraded,
	// here a repeated sync) is not logged again; Lotse invited back and
	// joined into the approvals room is no longer gone there.
	logs.Reset()
	join := syncEvent(t, map[string]any{"type": "m.room.member", "state_key": "@lotse:hs", "event_id": "$join", "sender": "@lotse:hs",
		"origin_server_ts": 3, "content": map[string]any{"membership": "join"}, "unsigned": map[string]any{"prev_content": map[string]any{"membership": "invite"}}})
	res = &mautrix.RespSync{NextBatch: "s2"}
	res.Rooms.Join = map[id.RoomID]*mautrix.SyncJoinedRoom{
		team:      {State: mautrix.SyncEventsList{Events: []*event.Event{tombstone(team, "1")}}},
		approvals: {Timeline: mautrix.SyncTimeline{SyncEventsList: mautrix.SyncEventsList{Events: []*event.Event{join}}}},
	}
	if err := s.ProcessResponse(t.Context(), res, "s1"); err != nil {
		t.Fatal(err)
	}
	if got := b.GoneRooms(); !slices.Equal(got, want[1:]) {
		t.Errorf("after the rejoin GoneRooms = %+v, want only the upgraded team room", got)
	}
	if strings.Contains(logs.String(), `"level":"error"`) {
		t.Errorf("logged again:\n%s", logs.String())
	}
}

// TestConfiguredRoomNotLeft: the last member leaves the team room (the
// team moved to its upgraded successor). Lotse left every room it was
// alone in, also a configured one: then it was out of the room its config
// names, and the log said it had been removed. Now it stays in configured
// rooms and still leaves an emptied direct chat.
func TestConfiguredRoomNotLeft(t *testing.T) {
	const (
		team = id.RoomID("!team:hs")
		dm   = id.RoomID("!dm:hs")
	)
	var left []string
	cli := newFakeClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/leave") {
			left = append(left, r.URL.Path)
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{}`))
	}))
	cli.StateStore = mautrix.NewMemoryStateStore()
	var logs bytes.Buffer
	b := &Bot{log: zerolog.New(&logs), Client: cli, opts: Options{WatchedRooms: map[id.RoomID]string{team: "team_room"}}}
	for _, room := range []id.RoomID{team, dm} {
		if err := cli.StateStore.SetMembership(t.Context(), room, cli.UserID, event.MembershipJoin); err != nil {
			t.Fatal(err)
		}
		leave := &event.Event{Type: event.StateMember, RoomID: room, Sender: "@m:hs", StateKey: new("@m:hs"),
			Content: event.Content{Parsed: &event.MemberEventContent{Membership: event.MembershipLeave}}}
		if err := b.handleLeave(t.Context(), leave); err != nil {
			t.Fatal(err)
		}
	}
	if len(left) != 1 || !strings.Contains(left[0], string(dm)) {
		t.Errorf("left %v, want only the direct chat", left)
	}
}

// TestJoinRuleOpenedLogged: `lotse setup` fails a team or approvals room
// one can join without an invitation and every start logs it, but a room
// admin opening it while Lotse runs went unnoticed until the next start:
// someone Lotse had removed joined again and read along. The sync now logs
// such a change at error level, with the room's key, the rule and who set
// it (thirty-first pass, mend31a). A lobby room may be open, invite-only
// and knock are fine, and another room's rule is none of Lotse's business.
func TestJoinRuleOpenedLogged(t *testing.T) {
	const (
		team      = id.RoomID("!team:hs")
		approvals = id.RoomID("!approvals:hs")
		lobby     = id.RoomID("!lobby:hs")
		other     = id.RoomID("!other:hs")
	)
	var logs bytes.Buffer
	s := newWatchBot(t, map[id.RoomID]string{team: "team_room", approvals: "approvals_room", lobby: "lobby_rooms"}, &logs)
	rule := func(n, r string) *event.Event {
		return syncEvent(t, map[string]any{"type": "m.room.join_rules", "state_key": "", "event_id": "$jr" + n, "sender": "@roomadmin:hs",
			"origin_server_ts": 1, "content": map[string]any{"join_rule": r}})
	}
	timeline := func(evts ...*event.Event) *mautrix.SyncJoinedRoom {
		return &mautrix.SyncJoinedRoom{Timeline: mautrix.SyncTimeline{SyncEventsList: mautrix.SyncEventsList{Events: evts}}}
	}
	res := &mautrix.RespSync{NextBatch: "s1"}
	res.Rooms.Join = map[id.RoomID]*mautrix.SyncJoinedRoom{
		team:      timeline(rule("1", "restricted")),
		approvals: timeline(rule("2", "knock"), rule("3", "invite")),
		lobby:     timeline(rule("4", "public")),
		other:     timeline(rule("5", "public")),
	}
	if err := s.ProcessResponse(t.Context(), res, "s0"); err != nil {
		t.Fatal(err)
	}
	var errs []map[string]any
	for line := range strings.Lines(logs.String()) {
		var entry map[string]any
		if json.Unmarshal([]byte(line), &entry) == nil && entry["level"] == "error" {
			errs = append(errs, entry)
		}
	}
	if len(errs) != 1 {
		t.Fatalf("%d error lines, want 1 (the team room):\n%s", len(errs), logs.String())
	}
	if e := errs[0]; e["config_key"] != "team_room" || e["join_rule"] != "restricted" || e["sender"] != "@roomadmin:hs" {
		t.Errorf("line %v: want the team room, the rule and who set it", e)
	}
}
