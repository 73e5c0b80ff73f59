package bot

import (
	"encoding/json"
	"fmt"
	"slices"
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

// TestSkippedHistory: the notice's item is queued only in the sync of
// Lotse's join (its join in the sync's own timeline), not when a later
// limited sync's backfill walks back to the old invite because the inbox
// no longer knows the events after it (pruned after inbox_retention, or
// erased): that queued the notice a second time (mend23b).
func TestSkippedHistory(t *testing.T) {
	const me, member, other = id.UserID("@lotse:hs"), id.UserID("@m:hs"), id.UserID("@o:hs")
	n := 0
	evt := func(sender id.UserID, typ event.Type) *event.Event {
		n++
		return &event.Event{ID: id.EventID(fmt.Sprint("$e", n)), Sender: sender, Type: typ}
	}
	membership := func(sender, user id.UserID, m, prev event.Membership) *event.Event {
		e := evt(sender, event.StateMember)
		key := user.String()
		raw, _ := json.Marshal(map[string]any{"membership": m})
		e.StateKey, e.Content = &key, event.Content{VeryRaw: raw}
		if prev != "" {
			raw, _ := json.Marshal(map[string]any{"membership": prev})
			e.Unsigned.PrevContent = &event.Content{VeryRaw: raw}
		}
		return e
	}
	wrote := evt(member, event.EventMessage)
	invite := membership(member, me, event.MembershipInvite, "")
	join := membership(me, me, event.MembershipJoin, event.MembershipInvite)
	rename := membership(me, me, event.MembershipJoin, event.MembershipJoin)
	othersJoin := membership(other, other, event.MembershipJoin, event.MembershipInvite)
	later := []*event.Event{evt(member, event.EventMessage), evt(member, event.EventMessage)}
	for _, tt := range []struct {
		name            string
		older, timeline []*event.Event // the backfill's events and the sync's own timeline
		want            bool
	}{
		{"the join's sync", nil, []*event.Event{wrote, invite, join}, true},
		{"the join's sync, invite by backfill", []*event.Event{wrote, invite}, []*event.Event{join, later[0]}, true},
		{"the join's sync, nothing written before", nil, []*event.Event{invite, join}, false},
		{"a later sync walked back to the invite", []*event.Event{wrote, invite, join, later[0]}, later[1:], false},
		{"a later sync with Lotse's new name", []*event.Event{wrote, invite, join}, []*event.Event{rename}, false},
		{"a later sync with another's join", []*event.Event{wrote, invite, join}, []*event.Event{othersJoin}, false},
		{"no invite", nil, []*event.Event{wrote, join}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			events := append(slices.Clip(tt.older), tt.timeline...)
			got := skippedHistory(tt.timeline, events, nil, lastOwnInvite(events, me), me)
			if (got != nil) != tt.want || (got != nil && got.ID != invite.ID) {
				t.Errorf("skippedHistory = %v, want the invite: %v", got, tt.want)
			}
		})
	}
}
