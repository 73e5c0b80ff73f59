package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// grantRoles stores active roles in Lotse's database before it starts.
func grantRoles(t testing.TB, cfg *config.Config, role string, users ...id.UserID) {
	t.Helper()
	db := storagetest.Open(t, cfg.Database)
	defer db.Close() // before Lotse starts on it
	for _, u := range users {
		if _, err := db.Roles().Set(context.Background(), u.String(), role, storage.RoleActive, "@test-setup:local", storage.RoleAuditEntry{}, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLobbyWelcome: a member who joins the lobby gets exactly one welcome
// DM, also after a restart and a second join; a member who writes to Lotse
// first is welcomed once in that DM.
func TestLobbyWelcome(t *testing.T) {
	host := newMember(t, "host")
	var lobby id.RoomID
	l := startLotse(t, copyLibrary(t), func(cfg *config.Config) {
		var err error
		lobby, err = host.CreateRoom(t.Context(), "Lobby", false, id.UserID(cfg.UserID))
		if err != nil {
			t.Fatal(err)
		}
		cfg.LobbyRooms = []string{lobby.String()}
	})
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	if err := host.WaitJoined(ctx, lobby, l.userID); err != nil {
		t.Fatal(err)
	}
	m := newMember(t, "neu")
	join := func() {
		t.Helper()
		// The test lobby is invite-only (a real one may be public).
		if _, err := host.Cli.InviteUser(t.Context(), lobby, &mautrix.ReqInviteUser{UserID: m.Cli.UserID}); err != nil {
			t.Fatal(err)
		}
		if _, err := m.Cli.JoinRoomByID(t.Context(), lobby); err != nil {
			t.Fatal(err)
		}
	}
	join()
	// Lotse invites the member to a new DM; the member joins it.
	dm, err := m.WaitInvite(ctx, l.userID)
	if err != nil {
		t.Fatalf("no DM invite after joining the lobby: %v", err)
	}
	if _, err := m.Cli.JoinRoomByID(t.Context(), dm); err != nil {
		t.Fatal(err)
	}
	welcome, err := m.Wait(ctx, dm, l.userID, func(e *event.Event) bool { return strings.Contains(body(e), "Willkommen") })
	if err != nil {
		t.Fatalf("no welcome: %v", err)
	}
	if !strings.Contains(body(welcome), "!datenschutz") || !strings.Contains(body(welcome), "!stopp") {
		t.Errorf("welcome lacks privacy or stop hint: %s", body(welcome))
	}
	// Leave and join the lobby again, restart Lotse, write in the DM: no second welcome.
	if _, err := m.Cli.LeaveRoom(t.Context(), lobby); err != nil {
		t.Fatal(err)
	}
	restartLotse(t, l)
	join()
	reply, _ := ask(t, m, dm, l.userID, text("!start"))
	if !strings.Contains(body(reply), "ersten Schritte") && !strings.Contains(body(reply), "Checkliste") {
		t.Errorf("checklist answer: %s", body(reply))
	}
	n := 0
	for _, e := range m.Received(dm, l.userID) {
		if strings.Contains(body(e), "Willkommen!") {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("got %d welcomes, want exactly 1", n)
	}
}
