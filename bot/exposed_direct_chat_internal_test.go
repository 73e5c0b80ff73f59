package bot

import (
	"fmt"
	"testing"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestExposedDirectChat (dm33): Bot.Exposed, which support's bothIn asks
// before an answer goes to a member's direct chat, says yes for a room
// anyone (or a space's members) may join without an invitation or whose
// history anyone may read, and no for a direct chat as clients make it —
// encrypted or not, and also one whose encryption was replaced (many
// members use unencrypted direct chats; a false yes would tell the team
// that a member whose chat is fine cannot be reached). In the SQL state
// store the crypto helper keeps in production and in mautrix's memory
// store.
func TestExposedDirectChat(t *testing.T) {
	const lotse = id.UserID("@lotse:hs")
	tests := []struct {
		name       string
		joinRule   event.JoinRule
		history    event.HistoryVisibility
		encryption id.Algorithm // "": no m.room.encryption
		want       bool
	}{
		{name: "invite, shared, encrypted", joinRule: event.JoinRuleInvite, history: event.HistoryVisibilityShared, encryption: id.AlgorithmMegolmV1},
		{name: "invite, shared, unencrypted", joinRule: event.JoinRuleInvite, history: event.HistoryVisibilityShared},
		{name: "invite, joined", joinRule: event.JoinRuleInvite, history: event.HistoryVisibilityJoined},
		{name: "invite, encryption replaced", joinRule: event.JoinRuleInvite, history: event.HistoryVisibilityShared, encryption: "m.none"},
		{name: "knock (someone in the room lets them in)", joinRule: event.JoinRuleKnock, history: event.HistoryVisibilityShared},
		{name: "public", joinRule: event.JoinRulePublic, history: event.HistoryVisibilityShared, encryption: id.AlgorithmMegolmV1, want: true},
		{name: "restricted to a space", joinRule: event.JoinRuleRestricted, history: event.HistoryVisibilityShared, want: true},
		{name: "knock_restricted", joinRule: event.JoinRuleKnockRestricted, history: event.HistoryVisibilityShared, want: true},
		{name: "invite, world_readable", joinRule: event.JoinRuleInvite, history: event.HistoryVisibilityWorldReadable, encryption: id.AlgorithmMegolmV1, want: true},
	}
	for storeName, newStore := range testStateStores() {
		t.Run(storeName, func(t *testing.T) {
			store := newStore(t)
			b := &Bot{log: zerolog.Nop(), Client: &mautrix.Client{UserID: lotse, StateStore: store}}
			for i, tt := range tests {
				room := id.RoomID(fmt.Sprintf("!room%d:hs", i))
				state := func(typ event.Type, content map[string]any) {
					t.Helper()
					putState(t, store, room, fmt.Sprintf("$%s%d", typ.Type, i), lotse, typ, "", content)
				}
				state(event.StateJoinRules, map[string]any{"join_rule": tt.joinRule})
				state(event.StateHistoryVisibility, map[string]any{"history_visibility": tt.history})
				if tt.encryption != "" {
					state(event.StateEncryption, map[string]any{"algorithm": tt.encryption})
				}
				got, err := b.Exposed(t.Context(), room)
				if err != nil || got != tt.want {
					t.Errorf("%s: Exposed = %v, %v; want %v", tt.name, got, err, tt.want)
				}
			}
		})
	}
}
