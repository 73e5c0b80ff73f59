package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/integrations/nextcloud/nextcloudtest"
	"github.com/lotse-bot/lotse/internal/chatclient"
)

// TestApprovalsRoomAttackersOnDendrite reads a request that needs two
// approvers through the real homeserver, with the events an attacker in
// the approvals room can send (acc34): a stranger invited there who calls
// themself „Alice“ in the room adds ✅ (refused, nothing counted); Alice
// approves by ✅ and deletes it again (a real redaction: taken back); Bob's
// ✅ then is the first of two, not the second; Alice's new ✅ decides it,
// and exactly one account is made.
func TestApprovalsRoomAttackersOnDendrite(t *testing.T) {
	nc := nextcloudtest.New(t, "lotse-admin", ncTestPassword)
	nc.AddGroup("Bezirk Nord")
	alice, bob, eve := newMember(t, "alice"), newMember(t, "bob"), newMember(t, "eve")
	var approvals id.RoomID
	l := startLotse(t, copyLibrary(t), func(cfg *config.Config) {
		var err error
		approvals, err = alice.CreateRoom(t.Context(), "Genehmigungen", true, id.UserID(cfg.UserID), bob.Cli.UserID, eve.Cli.UserID)
		if err != nil {
			t.Fatal(err)
		}
		cfg.ApprovalsRoom = approvals.String()
		cfg.Approvers = []string{alice.Cli.UserID.String(), bob.Cli.UserID.String()}
		cfg.NextcloudURL, cfg.NextcloudUser, cfg.NextcloudAppPassword = nc.URL(), "lotse-admin", ncTestPassword
		cfg.NextcloudGroups = []string{"Bezirk Nord"}
		cfg.AccessTwoApprovers = []string{"Bezirk Nord"}
		cfg.AccessRetryBackoff = time.Second
	})
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	for _, c := range []*chatclient.Client{bob, eve} {
		if _, err := c.Cli.JoinRoomByID(ctx, approvals); err != nil {
			t.Fatal(err)
		}
	}
	for _, u := range []id.UserID{l.userID, bob.Cli.UserID, eve.Cli.UserID} {
		if err := alice.WaitJoined(ctx, approvals, u); err != nil {
			t.Fatal(err)
		}
	}
	waitJoined(t, bob, approvals, l.userID)
	waitJoined(t, eve, approvals, l.userID)
	// Alice and the stranger both go by „Alice“ in the room.
	for _, c := range []*chatclient.Client{alice, eve} {
		if _, err := c.Cli.SendStateEvent(ctx, approvals, event.StateMember, c.Cli.UserID.String(),
			&event.MemberEventContent{Membership: event.MembershipJoin, Displayname: "Alice"}); err != nil {
			t.Fatal(err)
		}
	}

	m := newMember(t, "mia")
	dm := openDM(t, m, l.userID, true)
	fileNextcloudRequest(t, m, dm, l.userID, "Bezirk Nord", "mia@example.org", "Bezirksarbeit")
	board := waitFor(t, alice, approvals, l.userID, "[OFFEN]", "Antrag #1", "mia@example.org")

	// The stranger „Alice“: refused, nothing counted.
	if _, err := eve.React(ctx, approvals, board.ID, "✅"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, eve, approvals, l.userID, "nur Genehmigende")

	// Alice approves by ✅ and deletes it: taken back.
	first, err := alice.React(ctx, approvals, board.ID, "✅")
	if err != nil {
		t.Fatal(err)
	}
	noted := waitFor(t, alice, approvals, l.userID, "Antrag #1: Genehmigung von Alice vermerkt")
	if _, err := alice.Cli.RedactEvent(ctx, approvals, first); err != nil {
		t.Fatal(err)
	}
	waitFor(t, alice, approvals, l.userID, "Alice hat die Genehmigung zurückgenommen")

	// Bob's ✅ is the first of two now, not the second.
	if _, err := bob.React(ctx, approvals, board.ID, "✅"); err != nil {
		t.Fatal(err)
	}
	bobs, err := alice.Wait(ctx, approvals, l.userID, func(evt *event.Event) bool {
		b := body(evt)
		return evt.ID != noted.ID && (strings.Contains(b, "vermerkt") || strings.Contains(b, "ist genehmigt"))
	})
	if err != nil {
		t.Fatal("no answer to Bob's ✅")
	}
	if b := body(bobs); !strings.Contains(b, "Es fehlt noch 1 weitere Genehmigung") {
		t.Fatalf("Bob's ✅ after Alice took hers back: %s", b)
	}

	// Alice's new ✅ decides it: one account, one welcome mail.
	if _, err := alice.React(ctx, approvals, board.ID, "✅"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, alice, approvals, l.userID, "Antrag #1 ist eingerichtet")
	waitFor(t, m, dm, l.userID, "Nextcloud-Konto", "Bezirk Nord")
	if users, welcomes := nc.Users(), nc.Welcomes(); len(users) != 2 || len(welcomes) != 1 {
		t.Fatalf("%d accounts (want admin + 1), %d welcome mails (want 1)", len(users), len(welcomes))
	}
	for _, evt := range alice.Received(approvals, l.userID) {
		if b := body(evt); strings.Contains(b, "GENEHMIGT von Alice, Alice") {
			t.Errorf("the stranger counted as a second „Alice“: %s", b)
		}
	}
}
