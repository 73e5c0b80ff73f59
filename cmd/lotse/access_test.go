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
)

const ncTestPassword = "nc-app-password-do-not-leak"

// TestAccessRequestFlow: request in an encrypted DM → approval by ✅ in the
// encrypted approvals room while Nextcloud is down → crash → restart with
// Nextcloud back → exactly one account with the right group → member DM.
// Also: non-approver, double approval, self-approval, audit export.
func TestAccessRequestFlow(t *testing.T) {
	nc := nextcloudtest.New(t, "lotse-admin", ncTestPassword)
	nc.AddGroup("AG Digitales", "Bezirk Nord")
	alice, bob := newMember(t, "alice"), newMember(t, "bob")
	var approvals id.RoomID
	l := startLotse(t, copyLibrary(t), func(cfg *config.Config) {
		var err error
		approvals, err = alice.CreateRoom(t.Context(), "Genehmigungen", true, id.UserID(cfg.UserID), bob.Cli.UserID)
		if err != nil {
			t.Fatal(err)
		}
		cfg.ApprovalsRoom = approvals.String()
		cfg.Approvers = []string{alice.Cli.UserID.String(), bob.Cli.UserID.String()}
		cfg.NextcloudURL, cfg.NextcloudUser, cfg.NextcloudAppPassword = nc.URL(), "lotse-admin", ncTestPassword
		cfg.NextcloudGroups = []string{"AG Digitales", "Bezirk Nord"}
		cfg.AccessRetryBackoff = time.Second
	})
	if _, err := bob.Cli.JoinRoomByID(t.Context(), approvals); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	for _, u := range []id.UserID{l.userID, bob.Cli.UserID} {
		if err := alice.WaitJoined(ctx, approvals, u); err != nil {
			t.Fatal(err)
		}
	}
	// Bob writes there later: his own client must know Lotse is in the
	// room to encrypt for it (Alice's view says nothing about Bob's sync).
	waitJoined(t, bob, approvals, l.userID)
	m := newMember(t, "mia")
	dm := openDM(t, m, l.userID, true)
	fileNextcloudRequest(t, m, dm, l.userID, "AG Digitales", "mia@example.org", "Ich mache in der AG mit")
	board := waitFor(t, alice, approvals, l.userID, "[OFFEN]", "Antrag #1", "mia@example.org")
	if board.Mautrix.EventSource&event.SourceDecrypted == 0 {
		t.Error("request in the approvals room was not encrypted")
	}
	// The member is no approver.
	if reply, _ := ask(t, m, dm, l.userID, text("!genehmigen 1")); !strings.Contains(body(reply), "nur Genehmigende") {
		t.Errorf("member approving: %s", body(reply))
	}

	// Nextcloud is down while Alice approves by reaction.
	nc.FailNext(1_000_000, 503)
	if _, err := alice.React(t.Context(), approvals, board.ID, "✅"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, alice, approvals, l.userID, "Antrag #1 ist genehmigt")
	// Wait for a retry: the first attempt and at least one more.
	retryCtx, cancelRetry := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancelRetry()
	if err := nc.WaitRequests(retryCtx, nextcloudtest.EndpointUserDetails, 2); err != nil {
		t.Fatal(err)
	}
	if len(nc.Users()) != 1 {
		t.Fatal("an account was created while Nextcloud was down")
	}
	// Double approval by Bob while the setup fails: no second job; he
	// reads that it failed and that Lotse tries again at once (acc34;
	// before, only „schon entschieden“).
	reply, _ := ask(t, bob, approvals, l.userID, text("!genehmigen 1"))
	if !strings.Contains(body(reply), "fehlgeschlagen") || !strings.Contains(body(reply), "jetzt gleich noch einmal") {
		t.Errorf("second approval: %s", body(reply))
	}

	// Crash, Nextcloud back, restart: exactly one account, the member is told.
	nc.FailNext(0, 0)
	restartLotse(t, l)
	done := waitFor(t, m, dm, l.userID, "Nextcloud-Konto", "AG Digitales")
	if !strings.Contains(body(done), "Nächster Schritt") {
		t.Errorf("no next step: %s", body(done))
	}
	waitFor(t, alice, approvals, l.userID, "Antrag #1 ist eingerichtet")
	users := nc.Users()
	if len(users) != 2 {
		t.Fatalf("%d accounts, want admin + 1", len(users))
	}
	var mia nextcloudtest.User
	for _, u := range users {
		if u.Email == "mia@example.org" {
			mia = u
		}
	}
	if strings.Join(mia.Groups, ",") != "AG Digitales" || len(nc.Welcomes()) != 1 {
		t.Fatalf("account %+v, welcomes %d", mia, len(nc.Welcomes()))
	}

	// Self-approval: Alice requests access herself and reacts ✅.
	adm := openDM(t, alice, l.userID, true)
	for _, say := range []string{"!zugang nextcloud Bezirk Nord", "alice@example.org", "Bezirksarbeit", "ja"} {
		ask(t, alice, adm, l.userID, text(say))
	}
	own := waitFor(t, alice, approvals, l.userID, "[OFFEN]", "Antrag #2")
	if _, err := alice.React(t.Context(), approvals, own.ID, "✅"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, alice, approvals, l.userID, "eigenen Antrag")

	// Audit export: an encrypted CSV file in the approvals room.
	if _, err := alice.SendText(t.Context(), approvals, "!protokoll export csv"); err != nil {
		t.Fatal(err)
	}
	file := waitFor(t, alice, approvals, l.userID, "lotse-protokoll-")
	fc := file.Content.AsMessage()
	if fc.MsgType != event.MsgFile || fc.File == nil {
		t.Fatalf("export: %+v", fc)
	}
	uri, _ := fc.File.URL.Parse()
	data, err := alice.Cli.DownloadBytes(t.Context(), uri)
	if err != nil {
		t.Fatal(err)
	}
	if err := fc.File.DecryptInPlace(data); err != nil {
		t.Fatal(err)
	}
	csv := string(data)
	for _, want := range []string{"requested", "approved", "error", "provisioned", "mia@example.org"} {
		if !strings.Contains(csv, want) {
			t.Errorf("audit export lacks %q:\n%s", want, csv)
		}
	}
	if strings.Contains(l.log.String(), ncTestPassword) || strings.Contains(csv, ncTestPassword) {
		t.Fatal("the Nextcloud app password leaked into the log or the audit")
	}
}
