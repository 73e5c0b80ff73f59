package commands

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/integrations/bbb"
	"github.com/lotse-bot/lotse/integrations/bbb/bbbtest"
	"github.com/lotse-bot/lotse/storage"
)

// TestUnknownCommandLong (sec29): an unknown command of 60,000 characters
// is answered with a short reply that names only its beginning (cut at a
// whole character, „…“), and no command is suggested for it — without
// computing one edit distance: a word longer than every command name by
// more than two letters is near none. Fails without the bound: about
// 100 edit distances of 60,000 × 10 letters, 150 ms of CPU per message.
func TestUnknownCommandLong(t *testing.T) {
	h, fm, _ := newTestHandler(t)
	calls := 0
	defer func(d func(a, b string) int) { editDistance = d }(editDistance)
	editDistance = func(a, b string) int { calls++; return levenshtein.ComputeDistance(a, b) }
	for _, word := range []string{strings.Repeat("x", 60_000), strings.Repeat("ä", 30_000), "hilfx" + strings.Repeat("ü", 20_000)} {
		handle(t, h, msgEvent("!"+word), true)
		body := fm.last(t).Body
		if len(body) > 500 || !strings.Contains(body, "kenne ich nicht") || !strings.Contains(body, "…") || !utf8.ValidString(body) {
			t.Errorf("reply to a %d-byte command (%d bytes): %q", len(word), len(body), body[:min(len(body), 300)])
		}
		if calls != 0 {
			t.Errorf("%d edit distances for a %d-byte word", calls, len(word))
		}
		calls = 0
		if strings.Contains(body, "Meintest du") {
			t.Errorf("suggested a command for a %d-byte word: %q", len(word), body[:min(len(body), 300)])
		}
	}
}

// BenchmarkUnknownCommandLong: the cost of one unknown command of 60,000
// characters (parsing, the search for a close command, the reply).
func BenchmarkUnknownCommandLong(b *testing.B) {
	h, _, _ := newTestHandler(b)
	word := "!" + strings.Repeat("x", 60_000)
	for b.Loop() {
		if err := h.Handle(context.Background(), Message{Event: msgEvent(word), Direct: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// hostileArgs are the worst arguments a sender can give a command in one
// message: a near-64 KB text (with „<“ and „&“, four or five times as
// long escaped), 10,000 numbers, a name of 5,000 letters, a date far in
// the future, 1,000 user IDs.
func hostileArgs() map[string]string {
	nums := make([]string, 10_000)
	for i := range nums {
		nums[i] = fmt.Sprint(i + 1)
	}
	users := make([]string, 1000)
	for i := range users {
		users[i] = fmt.Sprintf("@u%d:test", i)
	}
	return map[string]string{
		"60 KB text":        strings.Repeat("Wort <x> & „ä“ ", 3800),
		"10,000 numbers":    strings.Join(nums, " "),
		"5,000-letter name": "@" + strings.Repeat("n", 5000) + ":test " + strings.Repeat("N", 5000),
		"far date":          "31.12.9999 23:59 " + strings.Repeat("Thema ", 10),
		"1,000 users":       strings.Join(users, " "),
	}
}

// TestEveryCommandHostileArgs (sec29): every command of the registry,
// sent by someone who holds every role, in a room where it is offered,
// with each of hostileArgs: the handler returns no error, no message is
// refused as too large by the (fake) homeserver, and one message causes
// at most a handful of messages (the fan-out). With -v it logs the
// table of docs/passes/29.md: messages sent, the largest one,
// the time (not asserted).
func TestEveryCommandHostileArgs(t *testing.T) {
	e := newAccessEnv(t)
	rooms := &fakeRooms{}
	meetings := bbbtest.New(t, "secret-rt")
	client, err := bbb.NewClient(bbb.Options{BaseURL: meetings.URL(), Secret: "secret-rt", HTTPClient: meetings.Client()})
	if err != nil {
		t.Fatal(err)
	}
	e.reconfigure(func(d *Deps) {
		d.Rooms = rooms
		d.Roles = Roles{Admins: []id.UserID{admin}}
		d.RoundTables = RoundTables{Coordinators: []id.UserID{admin}, Rooms: []id.RoomID{annRoom1}, Location: time.UTC, Meetings: client, UIDDomain: "test"}
	})
	for _, role := range []string{storage.RoleTeam, storage.RoleApprover, storage.RoleCoordinator} {
		setRole(t, e.db, admin, role, storage.RoleActive)
	}
	e.fm.joined[annRoom1] = map[id.UserID]bool{member: true, botID: true}
	for _, room := range []id.RoomID{teamRoom, approvals, annRoom1} {
		e.fm.joined[room][admin] = true
	}
	e.fm.joined[dmRoom] = map[id.UserID]bool{admin: true, botID: true}
	ctx := context.Background()
	args := hostileArgs()
	names := slices.Sorted(maps.Keys(args))
	for _, c := range e.h.commands {
		if c.Usage == "" {
			continue
		}
		// The direct chat's commands are not offered outside a turn.
		room := dmRoom
		for _, r := range []id.RoomID{dmRoom, teamRoom, approvals, annRoom1} {
			if e.h.offers(ctx, &c, admin, r) {
				room = r
				break
			}
		}
		for _, name := range names {
			before := e.fm.refused
			start := time.Now()
			sent := e.handle(t, e.event(room, admin, &event.MessageEventContent{MsgType: event.MsgText, Body: "!" + c.Name + " " + args[name]}), room == dmRoom)
			took := time.Since(start)
			largest := 0
			for _, m := range sent {
				if m.content != nil {
					largest = max(largest, jsonLenOf(t, m.content))
				}
			}
			t.Logf("| `!%s` | %s | %s | %d | %d | %v |", c.Name, room, name, len(sent), largest, took.Round(time.Millisecond))
			if e.fm.refused != before {
				t.Errorf("!%s with %s: %d message(s) refused as too large", c.Name, name, e.fm.refused-before)
			}
			if len(sent) > 5 {
				t.Errorf("!%s with %s: %d messages sent", c.Name, name, len(sent))
			}
		}
	}
}

// jsonLenOf is the length of c as JSON.
func jsonLenOf(t *testing.T, c any) int {
	t.Helper()
	raw, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return len(raw)
}
