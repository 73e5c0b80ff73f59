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

// TestStrangerJoinedWhileStoppedHeldOnDendrite (rooms33): on a real
// homeserver, Lotse is stopped; meanwhile the team room is made public and
// a stranger joins it. Lotse starts, finds the room open and holds a
// member's case; the admin closes the room before removing the stranger.
// The list of who was in the room when it opened was taken after the
// first sync, with the stranger on it: the stranger counted as „there
// before“, and the case went into the room at the closing (shut32's
// Left). Now the sync takes the list from the members before its batch,
// so the closing says that one person without a role is still in it, and
// the case follows only after the kick, after „protected again“. Fails
// without the fix: „protected again“ and the case right at the closing.
func TestStrangerJoinedWhileStoppedHeldOnDendrite(t *testing.T) {
	l, alice, teamRoom := startLotseWithTeam(t, copyLibrary(t), nil)
	m := newMember(t, "member")
	stranger := newMember(t, "stranger")
	dm := openDM(t, m, l.userID, true)
	ctx := t.Context()
	const opened, closed, strangers = "Dieser Raum ist gerade für alle offen", "Dieser Raum ist wieder geschützt", "1 Person ohne Rolle ist noch drin"
	l.stop()
	sendState(t, alice, teamRoom, event.StateJoinRules, &event.JoinRulesEventContent{JoinRule: event.JoinRulePublic})
	if _, err := stranger.Cli.JoinRoomByID(ctx, teamRoom); err != nil {
		t.Fatalf("the stranger could not join the open room: %v", err)
	}
	l.run(t)
	waitFor(t, alice, teamRoom, l.userID, opened)
	if reply, _ := ask(t, m, dm, l.userID, text("Wie kann ich für den Bürgerschaftswahlkampf spenden?")); !strings.Contains(body(reply), "Supportfall") {
		t.Fatalf("no case offered: %s", body(reply))
	}
	if reply, _ := ask(t, m, dm, l.userID, text("ja")); body(reply) != chat.HeldNote("de") {
		t.Fatalf("the member's „ja“ got %q, want the note that it arrived", body(reply))
	}
	sendState(t, alice, teamRoom, event.StateJoinRules, &event.JoinRulesEventContent{JoinRule: event.JoinRuleInvite})
	waitFor(t, alice, teamRoom, l.userID, strangers)
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
	waitFor(t, m, dm, l.userID, "#1", "angelegt")
}
