package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"

	"github.com/lotse-bot/lotse/commands/chat"
)

// TestOpenTeamRoomStrangerHeldOnDendrite (shut32): on a real homeserver,
// the team room is made public, a stranger joins it, a member's case
// waits, and the admin closes the room before removing the stranger. Lotse
// posted what waited within seconds of the closing — to the stranger
// too. Now it says that one person without a role who joined while the
// room was open is still in it, and the case follows only after the
// stranger was kicked, after the „protected again“ notice. Fails without
// the fix: no such notice; the case came right after the closing.
func TestOpenTeamRoomStrangerHeldOnDendrite(t *testing.T) {
	l, alice, teamRoom := startLotseWithTeam(t, copyLibrary(t), nil)
	m := newMember(t, "member")
	stranger := newMember(t, "stranger")
	dm := openDM(t, m, l.userID, true)
	ctx := t.Context()
	const opened, closed, strangers = "Dieser Raum ist gerade für alle offen", "Dieser Raum ist wieder geschützt", "1 Person ohne Rolle ist noch drin"
	sendState(t, alice, teamRoom, event.StateJoinRules, &event.JoinRulesEventContent{JoinRule: event.JoinRulePublic})
	waitFor(t, alice, teamRoom, l.userID, opened)
	if _, err := stranger.Cli.JoinRoomByID(ctx, teamRoom); err != nil {
		t.Fatalf("the stranger could not join the open room: %v", err)
	}
	waitFor(t, alice, teamRoom, l.userID, stranger.Cli.UserID.String()) // the join warning
	if reply, _ := ask(t, m, dm, l.userID, text("Wie kann ich für den Bürgerschaftswahlkampf spenden?")); !strings.Contains(body(reply), "Supportfall") {
		t.Fatalf("no case offered: %s", body(reply))
	}
	if reply, _ := ask(t, m, dm, l.userID, text("ja")); body(reply) != chat.HeldNote("de") {
		t.Fatalf("the member's „ja“ got %q, want the note that it arrived", body(reply))
	}
	sendState(t, alice, teamRoom, event.StateJoinRules, &event.JoinRulesEventContent{JoinRule: event.JoinRuleInvite})
	waitFor(t, alice, teamRoom, l.userID, strangers, "Entferne sie")
	// Lotse's state store sees the closing (the notice) and a later
	// change (the kick) in order; everything before the kick must stay
	// out of the room.
	for _, evt := range alice.Received(teamRoom, l.userID) {
		if b := body(evt); strings.Contains(b, "Fall #1") || strings.Contains(b, closed) {
			t.Fatalf("before the stranger was removed: %q", b)
		}
	}
	kickCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if _, err := alice.Cli.KickUser(kickCtx, teamRoom, &mautrix.ReqKickUser{UserID: stranger.Cli.UserID, Reason: "test"}); err != nil {
		t.Fatalf("kick: %v", err)
	}
	waitFor(t, alice, teamRoom, l.userID, "Fall #1")
	var iStrangers, iClosed, iCase = -1, -1, -1
	for i, evt := range alice.Received(teamRoom, l.userID) {
		b := body(evt)
		switch {
		case strings.Contains(b, strangers) && iStrangers < 0:
			iStrangers = i
		case strings.Contains(b, closed) && iClosed < 0:
			iClosed = i
		case strings.Contains(b, "Fall #1") && iCase < 0:
			iCase = i
		}
	}
	if iStrangers < 0 || iClosed < iStrangers || iCase < iClosed {
		t.Fatalf("order in the team room: strangers notice %d, closed %d, case %d; want them in that order", iStrangers, iClosed, iCase)
	}
	waitFor(t, m, dm, l.userID, "#1", "angelegt")
}
