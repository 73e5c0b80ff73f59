package main

import (
	"testing"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/config"
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

// TestApprovalsRoomJoinWithoutRoleWarned: on a real homeserver, someone
// let into the approvals room without a role that belongs there is pointed
// out in that room — the wiring passes the approvals room's joins on to the
// handler as the team room's (whole-change review 20, L6; security review
// 20, finding 5). Removing the room from watchedRoomsOf fails this test.
func TestApprovalsRoomJoinWithoutRoleWarned(t *testing.T) {
	admin, approver, stranger := newMember(t, "admin"), newMember(t, "approver"), newMember(t, "stranger")
	var approvals id.RoomID
	l := startLotse(t, copyLibrary(t), func(cfg *config.Config) {
		approvals = createTeamRoom(t, admin, id.UserID(cfg.UserID))
		cfg.ApprovalsRoom = approvals.String()
		cfg.Approvers = []string{approver.Cli.UserID.String()}
		cfg.Admins = []string{admin.Cli.UserID.String()}
	})
	waitJoined(t, admin, approvals, l.userID)

	if _, err := admin.Cli.InviteUser(t.Context(), approvals, &mautrix.ReqInviteUser{UserID: stranger.Cli.UserID}); err != nil {
		t.Fatal(err)
	}
	if _, err := stranger.Cli.JoinRoomByID(t.Context(), approvals); err != nil {
		t.Fatal(err)
	}
	waitFor(t, admin, approvals, l.userID, stranger.Cli.UserID.String(), "Genehmigungsraum beigetreten")
}
