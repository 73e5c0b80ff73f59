package main

import (
	"testing"

	"maunium.net/go/mautrix"
)

// TestTeamRoomJoinWithoutRoleWarned: on a real homeserver, someone the
// team lets into the team room without the team role is pointed out to the
// team (the bot passes the team room's joins on; issue #15, Low).
func TestTeamRoomJoinWithoutRoleWarned(t *testing.T) {
	admin, teamer, stranger := newMember(t, "admin"), newMember(t, "teamer"), newMember(t, "stranger")
	l, teamRoom := startLotseWithAdmin(t, admin)
	// One team member, so the bootstrap is over.
	who := teamer.Cli.UserID.String()
	adm := openDM(t, admin, l.userID, true)
	askWant(t, admin, adm, l.userID, "!rolle "+who+" team", who)
	askWant(t, admin, adm, l.userID, "!erklärung "+who+" erhalten", "Verpflichtungserklärung von", who)
	waitFor(t, admin, adm, l.userID, who, "freigeschaltet")

	if _, err := admin.Cli.InviteUser(t.Context(), teamRoom, &mautrix.ReqInviteUser{UserID: stranger.Cli.UserID}); err != nil {
		t.Fatal(err)
	}
	if _, err := stranger.Cli.JoinRoomByID(t.Context(), teamRoom); err != nil {
		t.Fatal(err)
	}
	waitFor(t, admin, teamRoom, l.userID, stranger.Cli.UserID.String(), "keine freigeschaltete Team-Rolle")
}
