package commands

import (
	"context"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestGapsThroughTheRouter: through the router, a member's unanswered
// question in the DM is kept; what they write inside their open case is
// relayed to the team and never kept; a question asked in the team room
// (!frage) is never kept; !datenschutz and !hilfe name the opt-out.
func TestGapsThroughTheRouter(t *testing.T) {
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) { d.Gaps = Gaps{Keep: true, Weekday: 1, Hour: 9} })
	kept := func() int {
		t.Helper()
		qs, err := e.db.Gaps().List(context.Background(), time.Time{}, e.now.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		return len(qs)
	}
	const question = "Wie backe ich einen Apfelkuchen für das Sommerfest?"
	mustContain(t, in(e.say(t, dmRoom, member, question, ""), dmRoom), "keine passende Anleitung")
	if n := kept(); n != 1 {
		t.Fatalf("kept %d questions, want 1", n)
	}
	// The member opens a case; their next messages belong to it.
	mustContain(t, in(e.say(t, dmRoom, member, "ja", ""), dmRoom), "#1")
	mustContain(t, in(e.say(t, dmRoom, member, "Wie backe ich einen Pflaumenkuchen für das Sommerfest?", ""), teamRoom), "Pflaumenkuchen")
	if n := kept(); n != 1 {
		t.Fatalf("a message in a case was kept: %d", n)
	}
	// The team room: never kept.
	e.say(t, teamRoom, alice, "!frage Wie backe ich einen Apfelkuchen für das Sommerfest?", "")
	if n := kept(); n != 1 {
		t.Fatalf("a question in the team room was kept: %d", n)
	}
	mustContain(t, in(e.say(t, dmRoom, member, "!datenschutz", ""), dmRoom), "!nicht-merken", "Fragen, die ich nicht beantworten konnte")
	// The member deletes the question: the kept copy goes too (only from
	// the room the message was in).
	qs, _ := e.db.Gaps().List(context.Background(), time.Time{}, e.now.Add(time.Hour))
	redact := func(room id.RoomID, sender id.UserID) {
		e.handle(t, &event.Event{ID: id.EventID("$redact-" + string(room) + string(sender)), RoomID: room, Sender: sender, Type: event.EventRedaction,
			Redacts: id.EventID(qs[0].SourceEvent)}, room == dmRoom)
	}
	redact("!elsewhere:test", member)
	if n := kept(); n != 1 {
		t.Fatalf("a redaction in another room forgot the question: %d", n)
	}
	// Nor by someone else (sec20 review, Medium 1), also once the inbox
	// forgot the question's room and sender (Forget checks the asker).
	redact(dmRoom, outsider)
	if n := kept(); n != 1 {
		t.Fatalf("a redaction by another user forgot the question: %d", n)
	}
	e.forgetInbox(t, id.EventID(qs[0].SourceEvent))
	redact(dmRoom, alice)
	if n := kept(); n != 1 {
		t.Fatalf("a redaction by another user forgot the question the inbox no longer knows: %d", n)
	}
	redact(dmRoom, member)
	if n := kept(); n != 0 {
		t.Fatalf("the deleted question is still kept: %d", n)
	}
	mustContain(t, in(e.say(t, dmRoom, member, "!hilfe", ""), dmRoom), "!nicht-merken")
}

// TestGapsTeamMemberNotKept: through the router, an active team member's
// own unanswered question in their direct chat is not kept (the team role
// comes from the support workflow).
func TestGapsTeamMemberNotKept(t *testing.T) {
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) { d.Gaps = Gaps{Keep: true, Weekday: 1, Hour: 9} })
	const aliceDM = id.RoomID("!alice-dm:test")
	e.fm.joined[aliceDM] = map[id.UserID]bool{alice: true, botID: true}
	const question = "Wie backe ich einen Apfelkuchen für das Sommerfest?"
	c := &event.MessageEventContent{MsgType: event.MsgText, Body: question}
	mustContain(t, in(e.handle(t, e.event(aliceDM, alice, c), true), aliceDM), "keine passende Anleitung")
	qs, err := e.db.Gaps().List(context.Background(), time.Time{}, e.now.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 0 {
		t.Fatalf("a team member's own question was kept: %+v", qs)
	}
}
