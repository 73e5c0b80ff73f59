package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"

	"github.com/lotse-bot/lotse/internal/dendrite/dendritetest"
	"github.com/lotse-bot/lotse/storage"
)

// TestDMHijackRefused: an attacker creates a room, invites Lotse and the
// victim and leaves. The two-person room that remains is not the victim's
// direct chat: messages there are not direct, and Lotse opens its own
// direct chat for personal messages (welcome, RSVP confirmations, links)
// instead of sending them where the attacker can come back to read them.
func TestDMHijackRefused(t *testing.T) {
	srv := dendritetest.Shared()
	tb := newTestBot(t, srv, nil)
	attacker := newMember(t, srv, "attacker")
	victim := newMember(t, srv, "victim")
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()

	// The attacker even asks for a direct chat (is_direct on Lotse's invite).
	trap, err := attacker.OpenDM(ctx, tb.userID, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := attacker.WaitJoined(ctx, trap, tb.userID); err != nil {
		t.Fatal(err)
	}
	if _, err := attacker.Cli.InviteUser(ctx, trap, &mautrix.ReqInviteUser{UserID: victim.Cli.UserID}); err != nil {
		t.Fatal(err)
	}
	if _, err := victim.Cli.JoinRoomByID(ctx, trap); err != nil {
		t.Fatal(err)
	}
	if err := attacker.WaitJoined(ctx, trap, victim.Cli.UserID); err != nil {
		t.Fatal(err)
	}
	if _, err := attacker.Cli.LeaveRoom(ctx, trap); err != nil {
		t.Fatal(err)
	}
	if err := victim.WaitMembership(ctx, trap, attacker.Cli.UserID, event.MembershipLeave); err != nil {
		t.Fatal(err)
	}

	reply := askAndWait(t, victim, trap, tb.userID, "bin ich allein?")
	if body := reply.Content.AsMessage().Body; !strings.Contains(body, "direct=false") {
		t.Fatalf("a room a third person created counts as the victim's direct chat: %q", body)
	}
	dm, err := tb.bot.DirectRoom(ctx, victim.Cli.UserID)
	if err != nil {
		t.Fatal(err)
	}
	if dm == trap {
		t.Fatal("Lotse chose the attacker's room as the victim's direct chat")
	}
	create, err := tb.bot.Client.FullStateEvent(ctx, dm, event.StateCreate, "")
	if err != nil {
		t.Fatal(err)
	}
	if create.Sender != tb.userID {
		t.Fatalf("direct chat %s was created by %s, not by Lotse", dm, create.Sender)
	}
}

// TestMemberOpenedDMIsDirect: a direct chat the member opened (is_direct)
// is theirs: messages there are direct, and Lotse uses it instead of
// opening a second one — also when the agreement was not recorded (a room
// joined by an older Lotse).
func TestMemberOpenedDMIsDirect(t *testing.T) {
	srv := dendritetest.Shared()
	tb := newTestBot(t, srv, nil)
	m := newMember(t, srv, "member")
	roomID := openDM(t, m, tb.userID, false)
	reply := askAndWait(t, m, roomID, tb.userID, "hallo")
	if body := reply.Content.AsMessage().Body; !strings.Contains(body, "direct=true") {
		t.Fatalf("the member's own direct chat is not direct: %q", body)
	}
	dm, err := tb.bot.DirectRoom(t.Context(), m.Cli.UserID)
	if err != nil {
		t.Fatal(err)
	}
	if dm != roomID {
		t.Fatalf("Lotse opened %s instead of using the member's direct chat %s", dm, roomID)
	}

	// As joined by an older Lotse: no agreement recorded.
	tb.stop()
	db, err := storage.Open(tb.dbPath, testLog(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"direct_chat", "direct_room"} {
		if _, err := db.Lotse.Exec(t.Context(), "DELETE FROM "+table); err != nil {
			t.Fatal(err)
		}
	}
	_ = db.Close()
	tb.start()
	reply = askAndWait(t, m, roomID, tb.userID, "noch da?")
	if body := reply.Content.AsMessage().Body; !strings.Contains(body, "direct=true") {
		t.Fatalf("a direct chat joined before agreements were recorded is not direct: %q", body)
	}
}

// TestAccessTokenEncryptedAtRest: the database (and so its backups) never
// holds the access token in plaintext; a plaintext token an older Lotse
// stored is used (same device, no new login) and stored encrypted.
func TestAccessTokenEncryptedAtRest(t *testing.T) {
	srv := dendritetest.Shared()
	tb := newTestBot(t, srv, nil)
	token, device := tb.bot.Client.AccessToken, tb.bot.Client.DeviceID
	tb.stop()

	db, err := storage.Open(tb.dbPath, testLog(t))
	if err != nil {
		t.Fatal(err)
	}
	stored, err := db.KV.Get(t.Context(), storage.KeyAccessToken)
	if err != nil {
		t.Fatal(err)
	}
	if stored == "" || strings.Contains(stored, token) {
		t.Fatalf("stored access token is not encrypted: %q", stored)
	}
	// As an older Lotse left it.
	if err := db.KV.Set(t.Context(), storage.KeyAccessToken, token); err != nil {
		t.Fatal(err)
	}
	_ = db.Close()

	tb.start()
	if tb.bot.Client.DeviceID != device || tb.bot.Client.AccessToken != token {
		t.Fatalf("the stored plaintext token was not reused: device %s, want %s", tb.bot.Client.DeviceID, device)
	}
	stored, err = tb.db.KV.Get(t.Context(), storage.KeyAccessToken)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stored, token) {
		t.Fatal("the plaintext token stayed in the database")
	}
}
