package commands

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
)

// TestRoomStrangersNotice (shut32): the notice for a room closed again
// with people without a role still in it who joined while it was open:
// de/en, the count with its plural, no internal word, no name.
func TestRoomStrangersNotice(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{"de", 1, "aber 1 Person ohne Rolle ist noch drin, die beigetreten ist, während er offen war. Entferne sie (oder gib ihr die Rolle)"},
		{"de", 3, "aber 3 Personen ohne Rolle sind noch drin, die beigetreten sind, während er offen war. Entferne sie (oder gib ihnen die Rolle), dann schicke ich, was gewartet hat."},
		{"en", 1, "but 1 person without a role who joined while it was open is still in it"},
		{"en", 2, "but 2 people without a role who joined while it was open are still in it"},
		{"xx", 2, "2 Personen ohne Rolle"},
	} {
		got := chat.RoomStrangersNotice(c.lang, c.n)
		if !strings.Contains(got, c.want) {
			t.Errorf("%s %d: %q, want %q in it", c.lang, c.n, got, c.want)
		}
		for _, bad := range []string{"team_room", "approvals_room", "m.room", "%!", "  ", "@"} {
			if strings.Contains(got, bad) {
				t.Errorf("%s %d: %q contains %q", c.lang, c.n, got, bad)
			}
		}
	}
}

// TestBelongsInRoom (shut32): who counts as having a role for the team
// and approvals rooms when a room closed again is held for strangers — the
// same people the join warnings leave alone; Lotse itself never.
func TestBelongsInRoom(t *testing.T) {
	e, _ := newRolesEnv(t)
	ctx := t.Context()
	for _, c := range []struct {
		key  string
		user id.UserID
		want bool
	}{
		{"team_room", alice, true},
		{"team_room", admin, true},
		{"team_room", approvr, true},
		{"team_room", coord, false},
		{"team_room", sitter, false},
		{"team_room", outsider, false},
		{"team_room", botID, false},
		{"approvals_room", admin, true},
		{"approvals_room", approvr, true},
		{"approvals_room", coord, true},
		{"approvals_room", alice, false},
		{"approvals_room", outsider, false},
		{"approvals_room", botID, false},
		{"announcement_rooms", admin, false},
	} {
		got, err := e.h.BelongsInRoom(ctx, c.key, c.user)
		if err != nil || got != c.want {
			t.Errorf("BelongsInRoom(%s, %s) = %v %v, want %v", c.key, c.user, got, err, c.want)
		}
	}
}
