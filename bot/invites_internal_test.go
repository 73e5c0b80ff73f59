package bot

import (
	"bytes"
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

	"github.com/lotse-bot/lotse/storage"
)

// inviteRecorder is a homeserver that lets Lotse join and decline any
// invite and records which rooms it joined and left.
type inviteRecorder struct {
	mu           sync.Mutex
	joined, left []string
}

func (r *inviteRecorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	parts := strings.Split(strings.TrimPrefix(req.URL.Path, "/_matrix/client/v3/"), "/")
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case len(parts) == 3 && parts[0] == "rooms" && parts[2] == "join":
		r.joined = append(r.joined, parts[1])
		_, _ = fmt.Fprintf(w, `{"room_id":%q}`, parts[1])
	case len(parts) == 3 && parts[0] == "rooms" && parts[2] == "leave":
		r.left = append(r.left, parts[1])
		_, _ = w.Write([]byte(`{}`))
	default:
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"errcode":"M_UNRECOGNIZED","error":"x"}`))
	}
}

func (r *inviteRecorder) counts() (joined, left int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.joined), len(r.left)
}

// TestInviterFromForgedInviteState: an invite's stripped state comes from
// the inviting server (invite_room_state) and is checked by no one; the
// homeserver puts the invite event itself last. Lotse took the first
// membership event of its own in that list as the invite, so a server not
// in allowed_inviters could put a made-up membership "sent" by an allowed
// inviter (with is_direct) in front and have Lotse join its room as that
// person's direct chat. Now the last one counts: the real inviter is
// declined.
func TestInviterFromForgedInviteState(t *testing.T) {
	var logs bytes.Buffer
	s := newWatchBot(t, nil, &logs)
	b := s.bot
	hs := &inviteRecorder{}
	b.Client = newFakeClient(t, hs)
	b.opts.AllowedInviters = []string{"verein.example"}
	const room = id.RoomID("!spam:evil.example")
	member := func(sender string, direct bool, eventID string) *event.Event {
		raw := map[string]any{"type": "m.room.member", "state_key": "@lotse:hs", "sender": sender,
			"content": map[string]any{"membership": "invite", "is_direct": direct}}
		if eventID != "" {
			raw["event_id"], raw["origin_server_ts"] = eventID, 1
		}
		return syncEvent(t, raw)
	}
	res := &mautrix.RespSync{NextBatch: "s1"}
	res.Rooms.Invite = map[id.RoomID]*mautrix.SyncInvitedRoom{room: {State: mautrix.SyncEventsList{Events: []*event.Event{
		member("@vorstand:verein.example", true, ""), // forged by evil.example
		syncEvent(t, map[string]any{"type": "m.room.name", "state_key": "", "sender": "@spam:evil.example", "content": map[string]any{"name": "Hilfe"}}),
		member("@spam:evil.example", false, "$invite"), // the invite event, added by the homeserver
	}}}}
	if err := s.ProcessResponse(t.Context(), res, "s0"); err != nil {
		t.Fatal(err)
	}
	items, err := b.db.Inbox.Pending(t.Context(), b.opts.Now().Add(time.Hour), 10, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].EventType != inboxInvite {
		t.Fatalf("inbox %+v, want one invite", items)
	}
	if items[0].Sender != "@spam:evil.example" || strings.Contains(string(items[0].Payload), `"is_direct":true`) {
		t.Errorf("invite from %s (%s), want @spam:evil.example without is_direct", items[0].Sender, items[0].Payload)
	}
	if err := b.handleInvite(t.Context(), items[0]); err != nil {
		t.Fatal(err)
	}
	if joined, left := hs.counts(); joined != 0 || left != 1 {
		t.Errorf("joined %d, declined %d rooms; want the invite declined", joined, left)
	}

	// A storm of such invites: each declined, one line in the log.
	for i := range 20 {
		item := items[0]
		item.EventID, item.RoomID = fmt.Sprintf("invite|!s%d:evil.example|s1", i), fmt.Sprintf("!s%d:evil.example", i)
		if err := b.handleInvite(t.Context(), item); err != nil {
			t.Fatal(err)
		}
	}
	if joined, left := hs.counts(); joined != 0 || left != 21 {
		t.Errorf("joined %d, declined %d rooms; want all 21 invites declined", joined, left)
	}
	if lines := strings.Count(logs.String(), `"level":"info","room_id":"!`); lines != 1 {
		t.Errorf("%d info lines for 21 declined invites of one inviter, want 1:\n%s", lines, logs.String())
	}
}

// TestInviterAllowed: the allow-list of inviters. An inviter Lotse could
// not read from the invite (no Matrix ID) passed an empty list, and an
// empty entry in the list matched it.
func TestInviterAllowed(t *testing.T) {
	for _, tt := range []struct {
		user    id.UserID
		allowed []string
		want    bool
	}{
		{"@a:verein.example", nil, true},
		{"@a:verein.example", []string{"verein.example"}, true},
		{"@a:verein.example", []string{":verein.example"}, true},
		{"@a:verein.example", []string{"*:verein.example"}, true},
		{"@a:verein.example", []string{"@a:verein.example"}, true},
		{"@a:evil.example", []string{"verein.example", "@b:evil.example"}, false},
		{"@a:evil.example", []string{"*"}, true},
		{"", nil, false},
		{"", []string{""}, false},
		{"", []string{"*"}, false},
		{"nobody", []string{""}, false},
		{"@a:verein.example", []string{""}, false},
	} {
		if got := inviterAllowed(tt.user, tt.allowed); got != tt.want {
			t.Errorf("inviterAllowed(%q, %q) = %v, want %v", tt.user, tt.allowed, got, tt.want)
		}
	}
}

// TestInviteStormBudget: with allowed_inviters empty or "*" (everyone), or
// naming a server, one account, or many accounts of one server Lotse does
// not know, could make Lotse join any number of rooms, one join per invite,
// and stay in them. Now a day's joins through invites are bounded per
// inviter and per unknown server (neither Lotse's own nor named in
// allowed_inviters); an invite beyond is declined, with one warning per
// budget, and a configured room is still joined. The next day, the budget
// is there again.
func TestInviteStormBudget(t *testing.T) {
	var logs bytes.Buffer
	const teamRoom = id.RoomID("!team:hs")
	s := newWatchBot(t, map[id.RoomID]string{teamRoom: "team_room"}, &logs)
	b := s.bot
	hs := &inviteRecorder{}
	b.Client = newFakeClient(t, hs)
	// Everyone may invite Lotse ("*", as with an empty list);
	// friends.example is named, so the admin trusts its server.
	b.opts.AllowedInviters = []string{"*", "friends.example"}
	now := b.opts.Now()
	b.opts.Now = func() time.Time { return now }
	n := 0
	invite := func(inviter id.UserID, room id.RoomID) {
		t.Helper()
		n++
		if room == "" {
			room = id.RoomID(fmt.Sprintf("!r%d:%s", n, inviter.Homeserver()))
		}
		payload, _ := json.Marshal(map[string]any{"room_id": room, "inviter": inviter, "is_direct": false})
		item := storage.InboxItem{EventID: fmt.Sprintf("invite|%s|s%d", room, n), RoomID: room.String(), Sender: inviter.String(),
			EventType: inboxInvite, Payload: payload, ReceivedAt: now}
		if err := b.handleInvite(t.Context(), item); err != nil {
			t.Fatal(err)
		}
	}
	storm := func(inviter id.UserID, invites int) (joined, declined int) {
		t.Helper()
		j0, l0 := hs.counts()
		for range invites {
			invite(inviter, "")
		}
		j1, l1 := hs.counts()
		return j1 - j0, l1 - l0
	}
	for _, step := range []struct {
		inviter          id.UserID
		invites          int
		joined, declined int
	}{
		{"@spam1:evil.example", 15, joinsPerInviter, 15 - joinsPerInviter},
		{"@spam2:evil.example", 15, joinsPerInviter, 15 - joinsPerInviter},
		{"@spam3:evil.example", 15, joinsPerServer - 2*joinsPerInviter, 15 - (joinsPerServer - 2*joinsPerInviter)},
		{"@spam4:evil.example", 5, 0, 5},
		{"@anna:hs", 12, joinsPerInviter, 2}, // Lotse's own server: per person only
		{"@ben:hs", 3, 3, 0},
		{"@cem:friends.example", 12, joinsPerInviter, 2}, // a server named in allowed_inviters: the same
		{"@dora:friends.example", 30, joinsPerInviter, 20},
		{"@emil:friends.example", 3, 3, 0},
	} {
		if joined, declined := storm(step.inviter, step.invites); joined != step.joined || declined != step.declined {
			t.Errorf("%s: %d invites, %d joined, %d declined; want %d, %d", step.inviter, step.invites, joined, declined, step.joined, step.declined)
		}
	}
	warnings := 0
	for line := range strings.Lines(logs.String()) {
		if strings.Contains(line, `"level":"warn"`) && strings.Contains(line, "too many rooms") {
			warnings++
		}
	}
	// spam1, spam2, spam3, evil.example, anna, cem, dora.
	if warnings != 7 {
		t.Errorf("%d warnings about the budget, want one per used-up budget (7):\n%s", warnings, logs.String())
	}
	// A second invite item for a room joined through the last of the
	// budget (a reset sync's) does not decline, which would leave it.
	j0, l0 := hs.counts()
	invite("@anna:hs", "!r60:hs") // anna's tenth room: invites 51 to 60 were joined
	if j1, l1 := hs.counts(); j1 != j0+1 || l1 != l0 {
		t.Errorf("a second invite item for a room anna's invite joined: %d joins, %d leaves; want it joined again", j1-j0, l1-l0)
	}
	j0, _ = hs.counts()
	invite("@spam1:evil.example", teamRoom)
	if j1, _ := hs.counts(); j1 != j0+1 {
		t.Errorf("the invite into the configured team room was declined")
	}
	now = now.Add(joinWindow)
	if joined, declined := storm("@spam1:evil.example", 1); joined != 1 || declined != 0 {
		t.Errorf("a day later: %d joined, %d declined; want the invite joined", joined, declined)
	}
}

// TestInviteStormManyServers: server names cost an attacker nothing
// (wildcard DNS), so a budget per server alone let a storm from 40 made-up
// servers join 400 rooms (mend25b). All unknown servers together now join
// at most joinsPerUnknownServer rooms a day; members of Lotse's own server
// and of named servers are still joined. A storm of distinct inviters who
// may not invite at all is logged (and remembered) for at most
// maxWarnKeys of them a day.
func TestInviteStormManyServers(t *testing.T) {
	var logs bytes.Buffer
	s := newWatchBot(t, nil, &logs)
	b := s.bot
	hs := &inviteRecorder{}
	b.Client = newFakeClient(t, hs)
	b.opts.AllowedInviters = []string{"*", "friends.example"}
	now := b.opts.Now()
	b.opts.Now = func() time.Time { return now }
	n := 0
	invite := func(inviter id.UserID) {
		t.Helper()
		n++
		room := id.RoomID(fmt.Sprintf("!r%d:%s", n, inviter.Homeserver()))
		payload, _ := json.Marshal(map[string]any{"room_id": room, "inviter": inviter, "is_direct": false})
		item := storage.InboxItem{EventID: fmt.Sprintf("invite|%s|s%d", room, n), RoomID: room.String(), Sender: inviter.String(),
			EventType: inboxInvite, Payload: payload, ReceivedAt: now}
		if err := b.handleInvite(t.Context(), item); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 40 {
		for range joinsPerInviter {
			invite(id.UserID(fmt.Sprintf("@spam:s%d.evil.example", i)))
		}
	}
	if joined, left := hs.counts(); joined != joinsPerUnknownServer || left != 40*joinsPerInviter-joinsPerUnknownServer {
		t.Errorf("storm from 40 servers: %d joined, %d declined; want %d joined", joined, left, joinsPerUnknownServer)
	}
	for _, inviter := range []id.UserID{"@anna:hs", "@cem:friends.example"} {
		j0, _ := hs.counts()
		invite(inviter)
		if j1, _ := hs.counts(); j1 != j0+1 {
			t.Errorf("%s's invite declined after a storm from unknown servers", inviter)
		}
	}

	b.opts.AllowedInviters = []string{"hs"}
	logs.Reset()
	for i := range maxWarnKeys + 500 {
		invite(id.UserID(fmt.Sprintf("@spam%d:evil.example", i)))
	}
	lines := strings.Count(logs.String(), `"level":"info","room_id"`)
	if lines > maxWarnKeys || len(b.joins.warned) > maxWarnKeys {
		t.Errorf("%d distinct inviters not allowed: %d info lines, %d remembered; want at most %d", maxWarnKeys+500, lines, len(b.joins.warned), maxWarnKeys)
	}
}
