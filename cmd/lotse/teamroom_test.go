package main

import (
	"testing"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/config"
)

// TestUnencryptedTeamRoomWarned: Lotse says loudly, in the room itself,
// when the team room is not end-to-end encrypted.
func TestUnencryptedTeamRoomWarned(t *testing.T) {
	alice := newMember(t, "alice")
	var teamRoom id.RoomID
	l := startLotse(t, copyLibrary(t), func(cfg *config.Config) {
		var err error
		teamRoom, err = alice.CreateRoom(t.Context(), "Team (unverschlüsselt)", false, id.UserID(cfg.UserID))
		if err != nil {
			t.Fatal(err)
		}
		cfg.TeamRoom = teamRoom.String()
	})
	waitFor(t, alice, teamRoom, l.userID, "nicht Ende-zu-Ende-verschlüsselt")
}
