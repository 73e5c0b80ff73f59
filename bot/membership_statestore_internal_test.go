package bot

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestMembershipFromStateStore (rooms33): Membership tells a ban and a
// kick from a leave (IsJoined cannot), so `!team beitreten` invites back
// after a leave only. Join, invite, ban, knock come from the state store;
// for a leave the homeserver's member event names who made it (the state
// store keeps no sender): the person themselves → nobody, a room admin →
// them; never in the room (404) → leave by nobody; a homeserver ahead of
// the store (joined again) → join.
func TestMembershipFromStateStore(t *testing.T) {
	const room = id.RoomID("!team:hs")
	onServer := map[id.UserID]map[string]any{ // the member events the homeserver has
		"@self:hs":   {"sender": "@self:hs", "content": map[string]any{"membership": "leave"}},
		"@kicked:hs": {"sender": "@admin:hs", "content": map[string]any{"membership": "leave"}},
		"@back:hs":   {"sender": "@back:hs", "content": map[string]any{"membership": "join"}},
	}
	cli := newFakeClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, key, ok := strings.Cut(r.URL.EscapedPath(), "/state/m.room.member/")
		user, _ := url.PathUnescape(key)
		evt := onServer[id.UserID(user)]
		if !ok || evt == nil {
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"errcode":"M_NOT_FOUND","error":"no such state"}`))
			return
		}
		full := map[string]any{"type": "m.room.member", "state_key": user, "event_id": "$m", "room_id": room, "origin_server_ts": 1}
		for k, v := range evt {
			full[k] = v
		}
		_ = json.NewEncoder(w).Encode(full)
	}))
	cli.StateStore = mautrix.NewMemoryStateStore()
	b := &Bot{log: zerolog.Nop(), Client: cli}
	for _, tt := range []struct {
		user   id.UserID
		stored event.Membership
		want   event.Membership
		by     id.UserID
	}{
		{"@joined:hs", event.MembershipJoin, event.MembershipJoin, ""},
		{"@invited:hs", event.MembershipInvite, event.MembershipInvite, ""},
		{"@banned:hs", event.MembershipBan, event.MembershipBan, ""},
		{"@knocking:hs", event.MembershipKnock, event.MembershipKnock, ""},
		{"@self:hs", event.MembershipLeave, event.MembershipLeave, ""},
		{"@kicked:hs", event.MembershipLeave, event.MembershipLeave, "@admin:hs"},
		{"@never:hs", "", event.MembershipLeave, ""},
		{"@back:hs", event.MembershipLeave, event.MembershipJoin, ""},
	} {
		t.Run(tt.user.String(), func(t *testing.T) {
			if tt.stored != "" {
				if err := cli.StateStore.SetMembership(t.Context(), room, tt.user, tt.stored); err != nil {
					t.Fatal(err)
				}
			}
			if got, by, err := b.Membership(t.Context(), room, tt.user); err != nil || got != tt.want || by != tt.by {
				t.Errorf("Membership = %q by %q, %v; want %q by %q", got, by, err, tt.want, tt.by)
			}
		})
	}
}
