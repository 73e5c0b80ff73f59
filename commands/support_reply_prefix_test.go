package commands

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
)

// TestReplyPrefixOutsideThread: with a reply prefix set, a volunteer on a
// phone answers with „Antworten“ on the case message (a reply outside the
// thread, as a command may be written): the answer goes to the member and
// the team reads so. Before sup34 it went nowhere and nobody was told.
// The prefix alone sends nothing and says so; before, the member got an
// empty answer.
func TestReplyPrefixOutsideThread(t *testing.T) {
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) { d.Support.ReplyPrefix = "@@" })
	root := e.openCase(t)

	reply := &event.MessageEventContent{MsgType: event.MsgText, Body: "@@ Spenden gehen über das Formular auf der Website."}
	reply.RelatesTo = (&event.RelatesTo{}).SetReplyTo(root)
	sent := e.handle(t, e.event(teamRoom, alice, reply), false)
	dm := in(sent, dmRoom)
	if len(dm) != 1 || !strings.Contains(dm[0].content.Body, "Spenden gehen über das Formular") {
		t.Fatalf("member: want the answer, got:\n%s", bodies(dm))
	}
	if strings.Contains(dm[0].content.Body, "@@") {
		t.Errorf("the member's answer carries the prefix:\n%s", dm[0].content.Body)
	}
	mustContain(t, in(sent, teamRoom), "Antwort an das Mitglied gesendet (Alice)")

	for _, tc := range []struct{ name, body string }{
		{"prefix alone", "@@"},
		{"prefix and spaces", "@@   "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sent := e.say(t, teamRoom, bob, tc.body, root)
			if dm := in(sent, dmRoom); len(dm) != 0 {
				t.Fatalf("an empty answer reached the member:\n%s", bodies(dm))
			}
			team := in(sent, teamRoom)
			if len(team) != 1 || !strings.Contains(team[0].content.Body, "nichts gegangen") {
				t.Fatalf("team: want the note that nothing was sent, got:\n%s", bodies(team))
			}
		})
	}
	// A plain reply outside the thread is an internal note: nothing to the member.
	note := &event.MessageEventContent{MsgType: event.MsgText, Body: "Ich rufe sie morgen an."}
	note.RelatesTo = (&event.RelatesTo{}).SetReplyTo(root)
	noteSent := e.handle(t, e.event(teamRoom, bob, note), false)
	if len(noteSent) != 0 {
		t.Fatalf("an internal note sent something:\n%s", bodies(noteSent))
	}
}
