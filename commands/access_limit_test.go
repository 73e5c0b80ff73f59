package commands

import (
	"context"
	"fmt"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/access"
	"github.com/lotse-bot/lotse/storage"
)

// TestOpenRequestsBounded: a member has at most access.MaxOpenRequests
// requests waiting for a decision; each one is a message in the approvals
// room, and a member could file any number of them (security review 22,
// Low 3). Drafts started in several direct chats before the limit was
// reached are checked again when they are sent off. A decided or withdrawn
// request makes room again.
func TestOpenRequestsBounded(t *testing.T) {
	ctx := context.Background()
	const otherDM = id.RoomID("!dm2:test")
	say := func(e *accessEnv, room id.RoomID, body string) []sentMsg {
		return e.handle(t, e.event(room, member, &event.MessageEventContent{MsgType: event.MsgText, Body: body}), true)
	}
	pending := func(e *accessEnv) int {
		n, err := e.db.Access().PendingOf(ctx, member.String())
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, tt := range []struct {
		name string
		run  func(e *accessEnv) []sentMsg // what the member does at the limit
		want string                       // in the member's answer
	}{
		{"new request", func(e *accessEnv) []sentMsg { return say(e, dmRoom, "!zugang bbb Noch ein Raum") }, "5 offene Anträge"},
		{"drafts from before", func(e *accessEnv) []sentMsg { return say(e, otherDM, "ja") }, "5 offene Anträge"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newAccessEnv(t)
			e.fm.joined[otherDM] = map[id.UserID]bool{member: true, botID: true}
			for i := range access.MaxOpenRequests - 1 {
				for _, body := range []string{"!zugang bbb Raum " + fmt.Sprint(i), "Treffen", "ja"} {
					say(e, dmRoom, body)
				}
			}
			// A draft in a second direct chat, started below the limit.
			for _, body := range []string{"!zugang bbb Zweiter Chat", "Treffen"} {
				say(e, otherDM, body)
			}
			for _, body := range []string{"!zugang bbb Raum 5", "Treffen", "ja"} {
				say(e, dmRoom, body)
			}
			if n := pending(e); n != access.MaxOpenRequests {
				t.Fatalf("%d open requests, want %d", n, access.MaxOpenRequests)
			}
			sent := tt.run(e)
			if board := in(sent, approvals); len(board) != 0 {
				t.Errorf("a request over the limit reached the approvals room: %s", bodies(board))
			}
			mustContain(t, append(in(sent, dmRoom), in(sent, otherDM)...), tt.want, "!zurückziehen")
			if n := pending(e); n != access.MaxOpenRequests {
				t.Errorf("%d open requests after the refusal", n)
			}
			// One withdrawn: a new one is taken.
			say(e, dmRoom, "!zurückziehen 1")
			for _, body := range []string{"!zugang bbb Raum 6", "Treffen", "ja"} {
				say(e, dmRoom, body)
			}
			if r, _ := e.db.Access().ListForMember(ctx, member.String(), 1); len(r) != 1 || r[0].Target != "Raum 6" || r[0].Status != storage.AccessPending {
				t.Errorf("no new request after a withdrawal: %+v", r)
			}
		})
	}
}
