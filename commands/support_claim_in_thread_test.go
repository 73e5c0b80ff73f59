package commands

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestClaimByHandInThread: the case thread's note says „Übernehmen: ✋“,
// and a volunteer reading the thread reacts ✋ there, on that note or on
// the member's message: it claims the case, as ✋ on the case message
// does. Before sup34 only the case message counted, and ✋ in the thread
// did nothing and said nothing. Someone without the team role claims
// nothing (a stranger's ✋ fetches nothing either); ✋ on an event that is
// in no case's thread, or that cannot be read, claims nothing.
func TestClaimByHandInThread(t *testing.T) {
	e := newSupportEnv(t)
	root := e.openCase(t)
	var how id.EventID
	for _, m := range e.fm.sent {
		if m.room == teamRoom && m.content != nil && strings.Contains(m.content.Body, "Übernehmen: ✋") {
			how = id.EventID("$" + m.txn)
		}
	}
	if how == "" {
		t.Fatal("precondition: no thread note saying how to claim")
	}
	relay := in(e.say(t, dmRoom, member, "Noch eine Frage dazu.", ""), teamRoom)
	if len(relay) != 1 {
		t.Fatalf("precondition: relayed once, got %d", len(relay))
	}

	// Someone in the team room without the team role: nothing is claimed,
	// nothing is fetched.
	e.fm.joined[teamRoom][outsider] = true
	fetched := len(e.fm.fetched)
	if team := in(e.react(t, teamRoom, outsider, how, "✋"), teamRoom); len(team) != 0 {
		t.Fatalf("a stranger's ✋ reached the team room:\n%s", bodies(team))
	}
	if len(e.fm.fetched) != fetched {
		t.Errorf("a stranger's ✋ fetched %v", e.fm.fetched[fetched:])
	}
	// ✋ on an event in no case's thread (a plain team-room message) and
	// on one the homeserver does not give: nothing.
	chatter := e.event(teamRoom, bob, &event.MessageEventContent{MsgType: event.MsgText, Body: "Kaffee?"})
	e.handle(t, chatter, false)
	for _, target := range []id.EventID{chatter.ID, "$unknown"} {
		if team := in(e.react(t, teamRoom, bob, target, "✋"), teamRoom); len(team) != 0 {
			t.Fatalf("✋ on %s claimed something:\n%s", target, bodies(team))
		}
	}

	// Alice's ✋ on the thread's note claims the case.
	team := in(e.react(t, teamRoom, alice, how, "✋"), teamRoom)
	mustContain(t, team, "Alice hat Fall #1 übernommen", "[IN ARBEIT: Alice]")
	for _, m := range team {
		if m.content.RelatesTo.GetReplaceID() == "" && m.content.RelatesTo.GetThreadParent() != root {
			t.Errorf("claim note not in the case's thread: %+v", m.content.RelatesTo)
		}
	}
	// Bob's ✋ (with a skin tone) on the member's message: it is Alice's.
	mustContain(t, in(e.react(t, teamRoom, bob, id.EventID("$"+relay[0].txn), "✋🏽"), teamRoom), "Fall #1 hat schon Alice übernommen")
}
