package commands

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
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
	// The question is deleted: the kept copy goes too (only from the room
	// the message was in).
	qs, _ := e.db.Gaps().List(context.Background(), time.Time{}, e.now.Add(time.Hour))
	redact := func(room id.RoomID, sender id.UserID, encrypted bool) {
		evt := &event.Event{ID: id.EventID(fmt.Sprintf("$redact-%s%s%v", room, sender, encrypted)), RoomID: room, Sender: sender, Type: event.EventRedaction,
			Redacts: id.EventID(qs[0].SourceEvent)}
		evt.Mautrix.WasEncrypted = encrypted
		e.handle(t, evt, room == dmRoom)
	}
	redact("!elsewhere:test", member, false)
	if n := kept(); n != 1 {
		t.Fatalf("a redaction in another room forgot the question: %d", n)
	}
	// Nor by someone else inside an encrypted event, which no server
	// checks (sec20 review, Medium 1), also once the inbox forgot the
	// question's room and sender (Forget checks the asker).
	redact(dmRoom, outsider, true)
	if n := kept(); n != 1 {
		t.Fatalf("an encrypted redaction by another user forgot the question: %d", n)
	}
	e.forgetInbox(t, id.EventID(qs[0].SourceEvent))
	redact(dmRoom, alice, true)
	if n := kept(); n != 1 {
		t.Fatalf("an encrypted redaction by another user forgot the question the inbox no longer knows: %d", n)
	}
	// A plain redaction in the question's room forgets it whoever sent it
	// (a moderator deleting the message), also where the inbox knows the
	// question's other sender (whole-change review 20, L2).
	if err := e.db.Inbox.Commit(context.Background(), []storage.InboxItem{{EventID: qs[0].SourceEvent, RoomID: dmRoom.String(),
		Sender: member.String(), EventType: event.EventMessage.Type, ReceivedAt: e.now, State: storage.InboxDone}}, nil, ""); err != nil {
		t.Fatal(err)
	}
	redact(dmRoom, alice, false)
	if n := kept(); n != 0 {
		t.Fatalf("the question deleted by a moderator is still kept: %d", n)
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

// TestOptOutNamesCasesOnlyWhenOn: the answer to !nicht-merken promises
// that nothing from the member's support cases is learned only when there
// are support cases; it always says how to undo it.
func TestOptOutNamesCasesOnlyWhenOn(t *testing.T) {
	for _, cases := range []bool{true, false} {
		e := newSupportEnv(t)
		e.reconfigure(func(d *Deps) {
			d.Gaps = Gaps{Keep: true, Weekday: 1, Hour: 9}
			if !cases {
				d.Support = Support{}
			}
		})
		sent := in(e.say(t, dmRoom, member, "!nicht-merken", ""), dmRoom)
		mustContain(t, sent, "hebe ich nicht mehr für das Team auf", "!nicht-merken zurück")
		if got := strings.Contains(bodies(sent), "Supportfällen"); got != cases {
			t.Errorf("cases on %v: names support cases %v: %s", cases, got, bodies(sent))
		}
	}
}
