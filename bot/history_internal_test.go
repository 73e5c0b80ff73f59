package bot

import (
	"encoding/json"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestWroteBeforeInvite: only the inviter's own messages (plain or
// encrypted) count, and only back to Lotse's previous membership change
// in the room (older talk was handled while Lotse was in it, or belongs
// to an earlier join); events older than the timeline (the backfill's
// last page, newest first) are looked at after the timeline's.
func TestWroteBeforeInvite(t *testing.T) {
	const me, member, other = id.UserID("@lotse:hs"), id.UserID("@m:hs"), id.UserID("@o:hs")
	msg := func(sender id.UserID, typ event.Type) *event.Event {
		return &event.Event{ID: "$x", Sender: sender, Type: typ}
	}
	membership := func(user id.UserID, m event.Membership) *event.Event {
		key := user.String()
		raw, _ := json.Marshal(map[string]any{"membership": m})
		return &event.Event{ID: "$m", Sender: user, Type: event.StateMember, StateKey: &key, Content: event.Content{VeryRaw: raw}}
	}
	text, enc, reaction := event.EventMessage, event.EventEncrypted, event.EventReaction
	for _, tt := range []struct {
		name           string
		before, beyond []*event.Event
		want           bool
	}{
		{"nothing", nil, nil, false},
		{"a message", []*event.Event{membership(member, event.MembershipJoin), msg(member, text)}, nil, true},
		{"an encrypted message", []*event.Event{msg(member, enc)}, nil, true},
		{"a reaction only", []*event.Event{msg(member, reaction)}, nil, false},
		{"someone else's message", []*event.Event{msg(other, text)}, nil, false},
		{"before Lotse left", []*event.Event{msg(member, text), membership(me, event.MembershipLeave)}, nil, false},
		{"after Lotse left", []*event.Event{membership(me, event.MembershipLeave), msg(member, text)}, nil, true},
		{"on the backfill's page", nil, []*event.Event{msg(other, text), msg(member, text)}, true},
		{"on the page before Lotse left", nil, []*event.Event{membership(me, event.MembershipLeave), msg(member, text)}, false},
		{"timeline stops first", []*event.Event{membership(me, event.MembershipLeave)}, []*event.Event{msg(member, text)}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := wroteBeforeInvite(tt.before, tt.beyond, member, me); got != tt.want {
				t.Errorf("wroteBeforeInvite = %v, want %v", got, tt.want)
			}
		})
	}
}
