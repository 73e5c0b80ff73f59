package main

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/internal/chatclient"
	"github.com/lotse-bot/lotse/storage"
)

// waitFor waits for a message from the bot in roomID whose body contains all of want.
func waitFor(t *testing.T, c *chatclient.Client, roomID id.RoomID, botID id.UserID, want ...string) *event.Event {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	evt, err := c.Wait(ctx, roomID, botID, func(evt *event.Event) bool {
		b := body(evt)
		for _, w := range want {
			if !strings.Contains(b, w) {
				return false
			}
		}
		return true
	})
	if err != nil {
		t.Fatalf("%s never got a message containing %q", c.Cli.UserID, want)
	}
	return evt
}

func inThread(root id.EventID, text string) *event.MessageEventContent {
	c := &event.MessageEventContent{MsgType: event.MsgText, Body: text}
	c.RelatesTo = (&event.RelatesTo{}).SetThread(root, root)
	return c
}

// TestSupportCaseLifecycle runs a whole support case through the real
// homeserver: encrypted DM and encrypted team room, a member, two team
// members. It also measures the relay latency member → team → member.
func TestSupportCaseLifecycle(t *testing.T) {
	alice, bob := newMember(t, "alice"), newMember(t, "bob")
	var teamRoom id.RoomID
	l := startLotse(t, copyLibrary(t), func(cfg *config.Config) {
		var err error
		teamRoom, err = alice.CreateRoom(t.Context(), "Digitalisierungsteam", true, id.UserID(cfg.UserID), bob.Cli.UserID)
		if err != nil {
			t.Fatal(err)
		}
		cfg.TeamRoom = teamRoom.String()
		cfg.SupportQuietHours = "off"
		// The team is who holds the active team role (privacy gate passed).
		grantRoles(t, cfg, storage.RoleTeam, alice.Cli.UserID, bob.Cli.UserID)
	})
	if _, err := bob.Cli.JoinRoomByID(t.Context(), teamRoom); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	for _, u := range []id.UserID{l.userID, bob.Cli.UserID} {
		if err := alice.WaitJoined(ctx, teamRoom, u); err != nil {
			t.Fatal(err)
		}
	}
	// Bob writes there later: his own client must know Lotse is in the
	// room to encrypt for it (Alice's view says nothing about Bob's sync).
	waitJoined(t, bob, teamRoom, l.userID)
	m := newMember(t, "member")
	dm := openDM(t, m, l.userID, true)

	// No guide fits → offer; "ja" opens the case.
	reply, _ := ask(t, m, dm, l.userID, text("Wie kann ich für den Bürgerschaftswahlkampf spenden?"))
	if !strings.Contains(body(reply), "Supportfall") {
		t.Fatalf("no case offered: %s", body(reply))
	}
	reply, _ = ask(t, m, dm, l.userID, text("ja"))
	if !strings.Contains(body(reply), "#1") {
		t.Fatalf("case not confirmed: %s", body(reply))
	}
	root := waitFor(t, alice, teamRoom, l.userID, "[OFFEN]", "Fall #1")
	if root.Mautrix.EventSource&event.SourceDecrypted == 0 {
		t.Error("case message in the team room was not encrypted")
	}

	// Member → team, with HTML and @room, measured.
	start := time.Now()
	if _, err := m.SendText(t.Context(), dm, "@room <b>fett</b> Formular lädt nicht"); err != nil {
		t.Fatal(err)
	}
	relayed := waitFor(t, alice, teamRoom, l.userID, "Formular lädt nicht")
	toTeam := time.Since(start)
	mc := relayed.Content.AsMessage()
	if strings.Contains(mc.FormattedBody, "<b>fett</b>") || mc.Mentions == nil || mc.Mentions.Room || mc.RelatesTo.GetThreadParent() != root.ID {
		t.Errorf("relay: html %q mentions %+v thread %v", mc.FormattedBody, mc.Mentions, mc.RelatesTo)
	}

	// An encrypted image reaches the team, re-encrypted, in the thread.
	img := []byte("\x89PNG not really an image, but bytes")
	if _, err := m.SendContent(t.Context(), dm, encryptedImage(t, m, img, "", "fehler.png")); err != nil {
		t.Fatal(err)
	}
	got := waitFor(t, alice, teamRoom, l.userID, "fehler.png")
	for got.Content.AsMessage().MsgType != event.MsgImage {
		ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
		var err error
		got, err = alice.Wait(ctx, teamRoom, l.userID, func(e *event.Event) bool { return e.Content.AsMessage().MsgType == event.MsgImage })
		cancel()
		if err != nil {
			t.Fatal("image never reached the team")
		}
	}
	gf := got.Content.AsMessage().File
	if gf == nil {
		t.Fatal("image in the encrypted team room is not an encrypted file")
	}
	if data := decryptedFile(t, alice, gf); !bytes.Equal(data, img) {
		t.Fatalf("team's image carries %q", data)
	}

	// Internal note: stays in the team room.
	if _, err := alice.SendContent(t.Context(), teamRoom, inThread(root.ID, "INTERN: nicht weitergeben")); err != nil {
		t.Fatal(err)
	}
	// Claim race: exactly one wins, the other is told who has it.
	var wg sync.WaitGroup
	for _, c := range []*chatclient.Client{alice, bob} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = c.SendContent(t.Context(), teamRoom, inThread(root.ID, "!übernehmen"))
		}()
	}
	wg.Wait()
	waitFor(t, alice, teamRoom, l.userID, "übernommen")
	waitFor(t, alice, teamRoom, l.userID, "schon", "übernommen")

	// Answer (team → member), measured from the team's send.
	start = time.Now()
	if _, err := alice.SendContent(t.Context(), teamRoom, inThread(root.ID, "!antwort Bitte lade die Seite neu.")); err != nil {
		t.Fatal(err)
	}
	answer := waitFor(t, m, dm, l.userID, "Bitte lade die Seite neu.")
	toMember := time.Since(start)
	if !strings.Contains(body(answer), "Digitalisierungsteam") {
		t.Errorf("answer not marked as from the team: %s", body(answer))
	}
	for _, e := range m.Received(dm, l.userID) {
		if strings.Contains(body(e), "INTERN") {
			t.Fatal("an internal note reached the member")
		}
	}

	// Resolve, rating, reopen by the member, close by the member.
	if _, err := bob.SendText(t.Context(), teamRoom, "!erledigt 1 Seite neu laden"); err != nil {
		t.Fatal(err)
	}
	resolved := waitFor(t, m, dm, l.userID, "erledigt", "👍")
	if _, err := m.React(t.Context(), dm, resolved.ID, "👍"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, alice, teamRoom, l.userID, "Bewertung für Fall #1: 👍")
	reply, _ = ask(t, m, dm, l.userID, text("klappt leider immer noch nicht"))
	if !strings.Contains(body(reply), "wieder geöffnet") {
		t.Fatalf("not reopened: %s", body(reply))
	}
	waitFor(t, alice, teamRoom, l.userID, "wieder offen")
	reply, _ = ask(t, m, dm, l.userID, text("!schließen 1"))
	if !strings.Contains(body(reply), "geschlossen") {
		t.Fatalf("not closed: %s", body(reply))
	}
	waitFor(t, alice, teamRoom, l.userID, "[GESCHLOSSEN]")

	// Permissions on the real server: the member cannot use team commands.
	reply, _ = ask(t, m, dm, l.userID, text("!offen"))
	if !strings.Contains(body(reply), "nur Mitglieder") {
		t.Errorf("member got %q for !offen", body(reply))
	}
	t.Logf("relay latency: member→team %v, team→member %v", toTeam, toMember)
}

// TestDeletedQuestionOnDendrite: a member deletes a question in the
// encrypted DM; Lotse redacts its answer, which quoted it (the real
// homeserver delivers the redaction and takes Lotse's).
func TestDeletedQuestionOnDendrite(t *testing.T) {
	l := startLotse(t, copyLibrary(t), nil)
	m := newMember(t, "oops")
	roomID := openDM(t, m, l.userID, true)
	reply, question := ask(t, m, roomID, l.userID, text("Wie repariere ich meine Zeitmaschine? Codewort Geheim123"))
	if !strings.Contains(body(reply), "Geheim123") {
		t.Fatalf("precondition: the answer quotes the question: %q", body(reply))
	}
	if _, err := m.Cli.RedactEvent(t.Context(), roomID, question); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	if err := m.WaitRedaction(ctx, roomID, l.userID, reply.ID); err != nil {
		t.Fatal(err)
	}
}
