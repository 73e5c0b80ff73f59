package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/internal/chatclient"
)

// TestMemberAsAttackerOnDendrite (sec33): a member with a normal account
// (Mallory, with a case of her own) attacks through the real homeserver
// only; Bob is another member with a case, Alice the team. One homeserver
// and one Lotse; each probe a subtest, in order. After each probe Mallory
// asks `!hilfe` and waits for its answer, so that Lotse has handled what
// she sent before (her direct chat is handled in order); what Lotse sent
// elsewhere because of it went out before that answer.
//
// Two subtests fail without their fixes: „an edit to a file stays text“
// (support.relayedFile: the team's line said „hat eine Datei geschickt“
// for a file that never came) and „a muted direct chat“ (support.bothIn
// with chat.MayWrite: the team's answer was refused by the homeserver and
// retried for some eight minutes; the team member heard nothing).
func TestMemberAsAttackerOnDendrite(t *testing.T) {
	l, alice, teamRoom := startLotseWithTeam(t, copyLibrary(t), nil)
	ctx := t.Context()
	bob := newMember(t, "bob")
	bobDM := openDM(t, bob, l.userID, true)
	openFirstCase(t, l, bob, bobDM, alice, teamRoom)
	bobSecret, err := bob.SendText(ctx, bobDM, "Mein Passwort ist Sommer2026")
	if err != nil {
		t.Fatal(err)
	}
	relay := waitFor(t, alice, teamRoom, l.userID, "Sommer2026")
	board := waitFor(t, alice, teamRoom, l.userID, "Fall #1")
	offer := waitFor(t, bob, bobDM, l.userID, "Soll ich daraus einen Supportfall")

	mal := newMember(t, "mallory")
	malDM := openDM(t, mal, l.userID, true)
	ans, _ := ask(t, mal, malDM, l.userID, text("Wie ändere ich mein Passwort in der Cloud?"))
	if reply, _ := ask(t, mal, malDM, l.userID, text("Wie kann ich für den Bürgerschaftswahlkampf spenden?")); !strings.Contains(body(reply), "Supportfall") {
		t.Fatalf("no case offered: %s", body(reply))
	}
	ask(t, mal, malDM, l.userID, text("ja"))
	malBoard := waitFor(t, alice, teamRoom, l.userID, "Fall #2")
	// The case's thread hint follows its board as a send of its own: on a
	// busy machine it can reach Alice after the marks below. Wait for it
	// here, so that noneAbout counts only what the probes caused.
	hintCtx, cancelHint := context.WithTimeout(ctx, 30*time.Second)
	defer cancelHint()
	if _, err := alice.Wait(hintCtx, teamRoom, l.userID, func(evt *event.Event) bool {
		mc := evt.Content.AsMessage()
		return mc != nil && mc.RelatesTo.GetThreadParent() == malBoard.ID && strings.HasPrefix(mc.Body, "Schreibt hier im Thread")
	}); err != nil {
		t.Fatalf("case #2's thread hint never came: %v", err)
	}

	// since returns every event Lotse sent to room as c sees it after
	// mark (an index into c.All), and the new mark.
	since := func(c *chatclient.Client, room id.RoomID, mark int) ([]*event.Event, int) {
		all := c.All(room, l.userID)
		return all[min(mark, len(all)):], len(all)
	}
	settle := func() {
		t.Helper()
		ask(t, mal, malDM, l.userID, text("!hilfe"))
	}
	// noneAbout fails if Lotse sent anything to the team room or Bob's
	// chat since the marks other than relays of Mallory's own case (and
	// their edits): so it neither touched (edited, redacted, reacted to)
	// Bob's events nor told anyone anything.
	_, teamMark := since(alice, teamRoom, 0)
	_, bobMark := since(bob, bobDM, 0)
	noneAbout := func(probe string) {
		t.Helper()
		var team, bobs []*event.Event
		team, teamMark = since(alice, teamRoom, teamMark)
		bobs, bobMark = since(bob, bobDM, bobMark)
		if len(bobs) != 0 {
			t.Errorf("%s: Lotse sent to Bob's chat: %s", probe, bobs[0].Content.VeryRaw)
		}
		for _, evt := range team {
			mc := evt.Content.AsMessage()
			own := mc != nil && (mc.RelatesTo.GetThreadParent() == malBoard.ID && strings.HasPrefix(mc.Body, "💬 ") ||
				mc.NewContent != nil && strings.HasPrefix(mc.NewContent.Body, "💬 ") && strings.Contains(mc.NewContent.Body, "(#2):"))
			if !own || evt.Type != event.EventMessage {
				t.Errorf("%s: Lotse sent to the team room: %s %s", probe, evt.Type.Type, evt.Content.VeryRaw)
			}
		}
	}

	t.Run("relations that point across rooms", func(t *testing.T) {
		// Reactions in her chat on the team's board, Bob's relay, Lotse's
		// offer to Bob („Meintest du“ keycaps, ✅, votes), Bob's message.
		for _, r := range []struct {
			target id.EventID
			key    string
		}{{board.ID, "✋"}, {relay.ID, "✅"}, {offer.ID, "✅"}, {offer.ID, "👍"}, {offer.ID, "1️⃣"}, {bobSecret, "👎"}} {
			if _, err := mal.React(ctx, malDM, r.target, r.key); err != nil {
				t.Fatalf("react %s: %v", r.key, err)
			}
		}
		// Edits of Bob's message, Lotse's relay and board, Lotse's answer to her.
		for _, target := range []id.EventID{bobSecret, relay.ID, board.ID, ans.ID} {
			c := &event.MessageEventContent{MsgType: event.MsgText, Body: "* gehackt",
				NewContent: &event.MessageEventContent{MsgType: event.MsgText, Body: "gehackt"}}
			c.RelatesTo = (&event.RelatesTo{}).SetReplace(target)
			if _, err := mal.SendContent(ctx, malDM, c); err != nil {
				t.Fatal(err)
			}
		}
		// Redactions of events in other rooms: Dendrite refuses them.
		for _, target := range []id.EventID{bobSecret, relay.ID} {
			if _, err := mal.Cli.RedactEvent(ctx, malDM, target); err == nil {
				t.Errorf("the homeserver took a redaction of %s from another room", target)
			}
		}
		// A reply to Lotse's offer to Bob, a thread on Bob's case board:
		// her own messages, relayed into her own case.
		r := &event.MessageEventContent{MsgType: event.MsgText, Body: "ja"}
		r.RelatesTo = (&event.RelatesTo{}).SetReplyTo(offer.ID)
		if _, err := mal.SendContent(ctx, malDM, r); err != nil {
			t.Fatal(err)
		}
		if _, err := mal.SendContent(ctx, malDM, inThread(board.ID, "Ich übernehme Fall #1")); err != nil {
			t.Fatal(err)
		}
		settle()
		waitFor(t, alice, teamRoom, l.userID, "(#2):", "Ich übernehme Fall #1")
		noneAbout("cross-room relations")
		if got := body(waitFor(t, alice, teamRoom, l.userID, "Fall #1")); !strings.Contains(got, "[OFFEN]") {
			t.Errorf("Bob's case board changed: %q", got)
		}
	})

	t.Run("an edit to a file stays text", func(t *testing.T) {
		own, err := mal.SendText(ctx, malDM, "Hier noch ein Detail: Fehler 403")
		if err != nil {
			t.Fatal(err)
		}
		shown := waitFor(t, alice, teamRoom, l.userID, "Fehler 403")
		up, err := mal.Cli.UploadBytes(ctx, []byte("%PDF-1 not really"), "application/pdf")
		if err != nil {
			t.Fatal(err)
		}
		for _, nc := range []*event.MessageEventContent{
			{MsgType: event.MsgNotice, Body: "als Notiz"},
			{MsgType: event.MsgFile, Body: "rechnung.pdf", URL: up.ContentURI.CUString(), Info: &event.FileInfo{MimeType: "application/pdf", Size: 17}},
			{MsgType: event.MsgText, Body: "Fehler 403, schon zweimal"},
		} {
			c := &event.MessageEventContent{MsgType: event.MsgText, Body: "* " + nc.Body, NewContent: nc}
			c.RelatesTo = (&event.RelatesTo{}).SetReplace(own)
			if _, err := mal.SendContent(ctx, malDM, c); err != nil {
				t.Fatal(err)
			}
			edit := waitFor(t, alice, teamRoom, l.userID, "* ", nc.Body).Content.AsMessage()
			if edit.RelatesTo.GetReplaceID() != shown.ID || edit.NewContent == nil || !strings.HasPrefix(edit.NewContent.Body, "💬 ") ||
				!strings.HasSuffix(edit.NewContent.Body, "\n"+nc.Body) || strings.Contains(edit.NewContent.Body, "Datei") {
				t.Errorf("the team's line after an edit to %s: %+v", nc.MsgType, edit.NewContent)
			}
		}
		settle()
		noneAbout("edits")
	})

	t.Run("display name of 255 characters", func(t *testing.T) {
		name := "\u202eAlice (Team)\u202c **[Support](https://evil.example)** <b>x</b> " + strings.Repeat("\u200f#", 200)
		name = string([]rune(name)[:255])
		if err := mal.Cli.SetDisplayName(ctx, name); err != nil {
			t.Fatal(err)
		}
		if _, err := mal.SendText(ctx, malDM, "Noch eine Frage zum Fall"); err != nil {
			t.Fatal(err)
		}
		// One line, the direction controls and marks gone, Markdown and
		// HTML shown as typed (escaped), never a link or bold.
		got := waitFor(t, alice, teamRoom, l.userID, "Noch eine Frage zum Fall").Content.AsMessage()
		if strings.ContainsAny(got.Body+got.FormattedBody, "\u202e\u202c\u200f") || strings.Contains(got.FormattedBody, "<a") ||
			strings.Contains(got.FormattedBody, "<b>") || !strings.HasPrefix(got.Body, "💬 Alice (Team) **[Support](https://evil.example)** <b>x</b> ###") ||
			!strings.HasSuffix(got.Body, "(#2):\nNoch eine Frage zum Fall") {
			t.Errorf("the team sees the name as %q / %q", got.Body, got.FormattedBody)
		}
		settle()
		noneAbout("display name")
	})

	t.Run("size and rate", func(t *testing.T) {
		// 250 links and mentions (Dendrite takes no event over 64 KB) with
		// an @room: the relay mentions nobody, links nothing.
		var b, h strings.Builder
		for i := range 250 {
			fmt.Fprintf(&b, "@u%d:hs https://x%d.example ", i, i)
			fmt.Fprintf(&h, `<a href="https://matrix.to/#/@u%d:hs">u%d</a> <a href="https://x%d.example">x</a> `, i, i, i)
		}
		c := &event.MessageEventContent{MsgType: event.MsgText, Body: "@room " + b.String(), Format: event.FormatHTML, FormattedBody: h.String(),
			Mentions: &event.Mentions{Room: true, UserIDs: []id.UserID{alice.Cli.UserID}}}
		if _, err := mal.SendContent(ctx, malDM, c); err != nil {
			t.Fatal(err)
		}
		got := waitFor(t, alice, teamRoom, l.userID, "@u249:hs").Content.AsMessage()
		if got.Mentions == nil || got.Mentions.Room || len(got.Mentions.UserIDs) != 0 || strings.Contains(got.FormattedBody, "<a") {
			t.Errorf("the relay of a flood of links and mentions: mentions %+v, HTML links %d", got.Mentions, strings.Count(got.FormattedBody, "<a"))
		}
		// A burst of 25 small messages: each relayed exactly once, in order.
		for i := range 25 {
			if _, err := mal.SendText(ctx, malDM, fmt.Sprintf("Nachricht %d.", i)); err != nil {
				t.Fatal(err)
			}
		}
		settle()
		waitFor(t, alice, teamRoom, l.userID, "Nachricht 24.")
		var order []string
		for _, evt := range alice.Received(teamRoom, l.userID) {
			if _, line, ok := strings.Cut(body(evt), "\nNachricht "); ok {
				order = append(order, line)
			}
		}
		if want := 25; len(order) != want || order[0] != "0." || order[24] != "24." {
			t.Errorf("burst relayed as %v, want 0. … 24. once each", order)
		}
		noneAbout("size and rate")
	})

	t.Run("invites", func(t *testing.T) {
		// A room of hers named like the team room: team commands refused.
		fake, err := mal.CreateRoom(ctx, "Digitalisierungsteam", true, l.userID)
		if err != nil {
			t.Fatal(err)
		}
		if err := mal.WaitJoined(ctx, fake, l.userID); err != nil {
			t.Fatal(err)
		}
		if reply, _ := ask(t, mal, fake, l.userID, text("!fälle")); !strings.Contains(body(reply), "Direktchat") {
			t.Errorf("!fälle in her room named like the team room: %q", body(reply))
		}
		if reply, _ := ask(t, mal, fake, l.userID, text("!übernehmen 1")); !strings.Contains(body(reply), "nur Mitglieder des Digitalisierungsteams") {
			t.Errorf("!übernehmen in her room named like the team room: %q", body(reply))
		}
		// A „direct chat“ with a third person in it: a group room.
		eve := newMember(t, "eve")
		three, err := mal.Cli.CreateRoom(ctx, &mautrix.ReqCreateRoom{Preset: "trusted_private_chat", IsDirect: true, Invite: []id.UserID{l.userID, eve.Cli.UserID}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := eve.Cli.JoinRoomByID(ctx, three.RoomID); err != nil {
			t.Fatal(err)
		}
		if err := mal.WaitJoined(ctx, three.RoomID, l.userID); err != nil {
			t.Fatal(err)
		}
		if _, err := mal.SendText(ctx, three.RoomID, "Noch was zu meinem Fall: Fehler 500"); err != nil {
			t.Fatal(err)
		}
		if reply, _ := ask(t, mal, three.RoomID, l.userID, text("!meine")); !strings.Contains(body(reply), "Direktchat") {
			t.Errorf("!meine in a chat with a third person: %q", body(reply))
		}
		if n := len(mal.Received(three.RoomID, l.userID)); n != 1 {
			t.Errorf("Lotse sent %d messages to the chat with a third person, want the one refusal", n)
		}
		settle()
		noneAbout("invites")
	})

	t.Run("a muted direct chat", func(t *testing.T) {
		// She leaves her chat (Lotse leaves it too) and opens one in which
		// Lotse is no moderator, then takes its voice there.
		if _, err := mal.Cli.LeaveRoom(ctx, malDM); err != nil {
			t.Fatal(err)
		}
		resp, err := mal.Cli.CreateRoom(ctx, &mautrix.ReqCreateRoom{Preset: "private_chat", IsDirect: true, Invite: []id.UserID{l.userID}})
		if err != nil {
			t.Fatal(err)
		}
		muted := resp.RoomID
		if err := mal.WaitJoined(ctx, muted, l.userID); err != nil {
			t.Fatal(err)
		}
		pl := map[string]any{"users": map[string]int{mal.Cli.UserID.String(): 100}, "events_default": 50, "state_default": 50}
		if _, err := mal.Cli.SendStateEvent(ctx, muted, event.StatePowerLevels, "", pl); err != nil {
			t.Fatal(err)
		}
		// Lotse has the new power levels once its sync passed the state
		// event: a team command sent after it and answered says so.
		ask(t, alice, teamRoom, l.userID, text("!fälle"))
		if _, err := alice.SendContent(ctx, teamRoom, inThread(malBoard.ID, "!antwort Bitte neu anmelden.")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, alice, teamRoom, l.userID, "Nicht gesendet", "Fall #2")
		if got := mal.Received(muted, l.userID); len(got) != 0 {
			t.Errorf("Lotse wrote into the muted chat: %q", body(got[0]))
		}
	})
}
