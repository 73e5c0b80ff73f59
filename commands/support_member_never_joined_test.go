package commands

import (
	"context"
	"testing"
	"time"

	"maunium.net/go/mautrix/id"
)

// TestAnswerNotMovedToChatMemberNeverJoined (left31): the member left the
// case's chat; Lotse's newest direct chat with them is one Lotse opened
// and they were invited to but never joined (the state store counts the
// invite, so the room looks like a chat of the two). The team's answer
// does not move the case there: with an older chat the member is in, it
// goes to that one; with none, the volunteer reads that nothing was sent.
// Fails without the fix: the case moved into the chat the member had never
// joined and the answer waited there, unread.
func TestAnswerNotMovedToChatMemberNeverJoined(t *testing.T) {
	const invitedDM, olderDM = id.RoomID("!dm-invited:test"), id.RoomID("!dm-older:test")
	for _, withOlder := range []bool{false, true} {
		name := "only the invite"
		if withOlder {
			name = "an older chat the member is in"
		}
		t.Run(name, func(t *testing.T) {
			e := newSupportEnv(t)
			ctx := context.Background()
			root := e.openCase(t)
			if withOlder {
				e.newDirectChat(t, olderDM, member)
			}
			e.now = e.now.Add(time.Minute)
			e.newDirectChat(t, invitedDM, member)
			e.fm.mu.Lock()
			e.fm.joined[invitedDM] = map[id.UserID]bool{botID: true}
			e.fm.invited = map[id.RoomID]map[id.UserID]bool{invitedDM: {member: true}}
			e.fm.mu.Unlock()
			e.leave(dmRoom, member)

			sent := e.say(t, teamRoom, alice, "!antwort Probier bitte einen anderen Browser.", root)
			if got := in(sent, invitedDM); len(got) != 0 {
				t.Fatalf("sent to the chat the member never joined:\n%s", bodies(got))
			}
			c, err := e.db.Cases.Get(ctx, 1)
			if err != nil || c == nil {
				t.Fatalf("case: %+v %v", c, err)
			}
			if withOlder {
				mustContain(t, in(sent, olderDM), "anderen Browser")
				if c.MemberRoom != olderDM.String() {
					t.Errorf("the case is in %s, want the older chat", c.MemberRoom)
				}
				return
			}
			mustContain(t, in(sent, teamRoom), "Nicht gesendet")
			if c.MemberRoom != dmRoom.String() {
				t.Errorf("the case moved to %s", c.MemberRoom)
			}
		})
	}
}
