package bot

import (
	"fmt"
	"testing"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestMayWriteReadsPowerLevels (whole33): Bot.MayWrite, which support's
// bothIn asks before an answer goes to a member's direct chat, reads the
// room's power levels as the sync stored them, in the SQL state store
// the crypto helper keeps in production and in mautrix's memory store. A
// false „no“ would tell the team that a member whose chat is fine cannot
// be reached — worse than the bug sec33 fixed — so the cases are those of
// real rooms: no power-levels event (the homeserver decides: writable);
// the defaults (events_default and users_default absent are 0); a room
// where only moderators may write, Lotse not named, named below, named at
// the level, or every user at it; a level for m.room.message in a plain
// and in an encrypted room (Lotse sends m.room.encrypted there); a
// version 12 room that Lotse created, in which the creator has every
// level without being named in users.
func TestMayWriteReadsPowerLevels(t *testing.T) {
	const (
		lotse  = id.UserID("@lotse:hs")
		member = id.UserID("@mia:hs")
	)
	tests := []struct {
		name      string
		pl        map[string]any // nil: no power-levels event
		encrypted bool
		creator   id.UserID // with a room version 12 create event
		want      bool
	}{
		{name: "no power levels", want: true},
		{name: "empty content: every default 0", pl: map[string]any{}, want: true},
		{name: "a direct chat as Element makes it", pl: map[string]any{"users": map[string]any{member.String(): 100, lotse.String(): 100}}, want: true},
		{name: "the member's chat, Lotse at users_default", pl: map[string]any{"users": map[string]any{member.String(): 100}}, want: true},
		{name: "moderators only, Lotse not named", pl: map[string]any{"events_default": 50, "users": map[string]any{member.String(): 100}}, want: false},
		{name: "moderators only, Lotse below", pl: map[string]any{"events_default": 50, "users": map[string]any{member.String(): 100, lotse.String(): 49}}, want: false},
		{name: "moderators only, Lotse a moderator", pl: map[string]any{"events_default": 50, "users": map[string]any{member.String(): 100, lotse.String(): 50}}, want: true},
		{name: "moderators only, every user one", pl: map[string]any{"events_default": 50, "users_default": 50}, want: true},
		{name: "Lotse muted by name", pl: map[string]any{"users": map[string]any{member.String(): 100, lotse.String(): -1}}, want: false},
		{name: "m.room.message raised, plain room", pl: map[string]any{"events": map[string]any{"m.room.message": 100}}, want: false},
		{name: "m.room.message raised, encrypted room", pl: map[string]any{"events": map[string]any{"m.room.message": 100}}, encrypted: true, want: true},
		{name: "m.room.encrypted raised, encrypted room", pl: map[string]any{"events": map[string]any{"m.room.encrypted": 100}}, encrypted: true, want: false},
		{name: "m.room.encrypted raised, plain room", pl: map[string]any{"events": map[string]any{"m.room.encrypted": 100}}, want: true},
		{name: "room version 12, Lotse its creator", pl: map[string]any{"events_default": 100, "users": map[string]any{member.String(): 100}}, creator: lotse, want: true},
		{name: "room version 12, the member its creator", pl: map[string]any{"events_default": 100}, creator: member, want: false},
	}
	for storeName, newStore := range testStateStores() {
		t.Run(storeName, func(t *testing.T) {
			store := newStore(t)
			b := &Bot{log: zerolog.Nop(), Client: &mautrix.Client{UserID: lotse, StateStore: store}}
			for i, tt := range tests {
				room := id.RoomID(fmt.Sprintf("!room%d:hs", i))
				state := func(typ event.Type, content map[string]any) {
					t.Helper()
					putState(t, store, room, fmt.Sprintf("$%s%d", typ.Type, i), tt.creator, typ, "", content)
				}
				if tt.creator != "" {
					state(event.StateCreate, map[string]any{"room_version": "12"})
				}
				if tt.encrypted {
					state(event.StateEncryption, map[string]any{"algorithm": id.AlgorithmMegolmV1})
				}
				if tt.pl != nil {
					state(event.StatePowerLevels, tt.pl)
				}
				got, err := b.MayWrite(t.Context(), room)
				if err != nil || got != tt.want {
					t.Errorf("%s: MayWrite = %v, %v; want %v", tt.name, got, err, tt.want)
				}
			}
		})
	}
}
