package main

import (
	"slices"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
)

// TestOpenTeamRoomHoldsCasesOnDendrite (open32): on a real homeserver, the
// team room's admin makes it public. Lotse said so only in its log and
// went on posting members' cases there, for anyone who joins. Now it says
// once in the room what is wrong and how to fix it, tells the member that
// their message arrived, and posts the case only after the room is invite
// only again (after its notice that it is protected again). The same for
// a history readable by everyone, across a restart of Lotse, and for an
// encryption replaced by none (mautrix then sent in plain text): each
// opening is said once, the restart says it no second time, and the
// member's messages follow in order. Fails without the fix: the case is in
// the team room before the room is closed again.
func TestOpenTeamRoomHoldsCasesOnDendrite(t *testing.T) {
	l, alice, teamRoom := startLotseWithTeam(t, copyLibrary(t), nil)
	m := newMember(t, "member")
	dm := openDM(t, m, l.userID, true)
	ctx := t.Context()
	const opened, closed = "Dieser Raum ist gerade für alle offen", "Dieser Raum ist wieder geschützt"
	// notices returns the bodies of Lotse's notices about the room so far.
	notices := func() []string {
		var out []string
		for _, evt := range alice.Received(teamRoom, l.userID) {
			if b := body(evt); strings.Contains(b, opened) || strings.Contains(b, closed) {
				out = append(out, b)
			}
		}
		return out
	}
	// after fails unless want is in the team room after the last "closed"
	// notice (so: not sent while the room was open).
	after := func(want string) {
		t.Helper()
		waitFor(t, alice, teamRoom, l.userID, want)
		var lastClosed, first = -1, -1
		for i, evt := range alice.Received(teamRoom, l.userID) {
			b := body(evt)
			if strings.Contains(b, closed) {
				lastClosed = i
			}
			if first < 0 && strings.Contains(b, want) {
				first = i
			}
		}
		if lastClosed < 0 || first < lastClosed {
			t.Fatalf("%q reached the team room at %d, before it was closed again (%d)", want, first, lastClosed)
		}
	}
	held := func(say string) {
		t.Helper()
		reply, _ := ask(t, m, dm, l.userID, text(say))
		if body(reply) != chat.HeldNote("de") {
			t.Fatalf("the member's %q got %q, want the note that it arrived", say, body(reply))
		}
	}

	// 1. Public: the case waits.
	sendState(t, alice, teamRoom, event.StateJoinRules, &event.JoinRulesEventContent{JoinRule: event.JoinRulePublic})
	if n := waitFor(t, alice, teamRoom, l.userID, opened, "ohne Einladung"); strings.Contains(body(n), "Bürgerschaft") {
		t.Fatal("the notice names the case")
	}
	if reply, _ := ask(t, m, dm, l.userID, text("Wie kann ich für den Bürgerschaftswahlkampf spenden?")); !strings.Contains(body(reply), "Supportfall") {
		t.Fatalf("no case offered: %s", body(reply))
	}
	held("ja")
	sendState(t, alice, teamRoom, event.StateJoinRules, &event.JoinRulesEventContent{JoinRule: event.JoinRuleInvite})
	waitFor(t, alice, teamRoom, l.userID, closed)
	after("Fall #1")
	waitFor(t, m, dm, l.userID, "#1", "angelegt")

	// 2. History readable by everyone, and Lotse restarted meanwhile: the
	// state is read again, the notice not said again.
	sendState(t, alice, teamRoom, event.StateHistoryVisibility, &event.HistoryVisibilityEventContent{HistoryVisibility: event.HistoryVisibilityWorldReadable})
	waitFor(t, alice, teamRoom, l.userID, opened, "Verlauf")
	restartLotse(t, l)
	held("Es geht um 50 Euro.")
	sendState(t, alice, teamRoom, event.StateHistoryVisibility, &event.HistoryVisibilityEventContent{HistoryVisibility: event.HistoryVisibilityShared})
	after("50 Euro")

	// 3. Encryption replaced by none: mautrix would send in plain text.
	sendState(t, alice, teamRoom, event.StateEncryption, map[string]any{"algorithm": "none"})
	waitFor(t, alice, teamRoom, l.userID, opened, "Verschlüsselung")
	if enc, err := l.bot.Load().IsEncrypted(ctx, teamRoom); err != nil || enc {
		t.Fatalf("IsEncrypted after the replacement: %v %v; the test needs the downgrade mautrix sees", enc, err)
	}
	held("Und per Überweisung?")
	sendState(t, alice, teamRoom, event.StateEncryption, &event.EncryptionEventContent{Algorithm: id.AlgorithmMegolmV1})
	after("Überweisung")

	// Each notice is in the team room before the message that followed
	// it (after), so all six are there now.
	got := notices()
	var kinds []string
	for _, b := range got {
		kinds = append(kinds, map[bool]string{true: "open", false: "closed"}[strings.Contains(b, opened)])
	}
	if want := []string{"open", "closed", "open", "closed", "open", "closed"}; !slices.Equal(kinds, want) {
		t.Fatalf("notices %v, want %v (each opening said once, also across the restart):\n%s", kinds, want, strings.Join(got, "\n---\n"))
	}
}

// TestSetupFailsEncryptionReplaced (open32): a team room whose
// m.room.encryption was replaced by one without Megolm passed `lotse
// setup` as encrypted (any algorithm counted), though mautrix then sends
// in plain text. Fails without the fix.
func TestSetupFailsEncryptionReplaced(t *testing.T) {
	const botID = id.UserID("@lotse:hs")
	for _, alg := range []string{"none", "m.olm.v1.curve25519-aes-sha2"} {
		cli := setupStateClient(t, botID, func(path string) (string, bool) {
			if strings.HasSuffix(path, "/state/m.room.encryption/") {
				return `{"algorithm":"` + alg + `"}`, true
			}
			return "", false
		})
		failed, de, _ := checkRoomReport(t, cli, setupRoom{"team_room", "!team:hs", true, true, "Teamraum", "team room"}, botID)
		if failed == 0 || !strings.Contains(de, "nicht Ende-zu-Ende-verschlüsselt") {
			t.Errorf("algorithm %q passed setup:\n%s", alg, de)
		}
	}
}
