package commands

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestGroupRoomThreadAndReplyToAnswer: in a group room an answer goes into
// a thread on the question (reply as fallback); a reply to Lotse's answer
// addresses Lotse without a mention; other messages stay unanswered.
func TestGroupRoomThreadAndReplyToAnswer(t *testing.T) {
	h, fm, _ := newTestHandler(t)
	group := id.RoomID("!group:test")
	say := func(evtID id.EventID, c *event.MessageEventContent) *event.MessageEventContent {
		t.Helper()
		n := fm.count()
		evt := &event.Event{ID: evtID, RoomID: group, Sender: "@member:test", Type: event.EventMessage, Content: event.Content{Parsed: c}}
		if err := h.Handle(context.Background(), Message{Event: evt}); err != nil {
			t.Fatal(err)
		}
		if fm.count() == n {
			return nil
		}
		return fm.last(t)
	}
	q := &event.MessageEventContent{MsgType: event.MsgText, Body: "Lotse: Passwort vergessen", Mentions: &event.Mentions{UserIDs: []id.UserID{botID}}}
	a := say("$q1", q)
	if a == nil || a.RelatesTo == nil || a.RelatesTo.Type != event.RelThread || a.RelatesTo.EventID != "$q1" || a.RelatesTo.GetReplyTo() != "$q1" || !a.RelatesTo.IsFallingBack {
		t.Fatalf("answer not in a thread on the question: %+v", a)
	}
	answerID := id.EventID("$" + fm.sent[len(fm.sent)-1].txn)
	more := &event.MessageEventContent{MsgType: event.MsgText, Body: "mehr"}
	more.RelatesTo = (&event.RelatesTo{}).SetThread("$q1", answerID)
	r := say("$q2", more)
	if r == nil || !strings.Contains(r.Body, "Rest der Anleitung") || r.RelatesTo.GetThreadParent() != "$q1" {
		t.Fatalf("mehr in the thread: %+v", r)
	}
	if r := say("$q3", &event.MessageEventContent{MsgType: event.MsgText, Body: "mehr"}); r != nil {
		t.Fatalf("answered an unaddressed message: %s", r.Body)
	}
}

// TestTypingAndReadReceipt: an addressed message gets a read receipt and
// a typing notification that starts before the answer and stops after it;
// a message not meant for Lotse gets neither.
func TestTypingAndReadReceipt(t *testing.T) {
	h, fm, _ := newTestHandler(t)
	evt := msgEvent("Passwort vergessen")
	handle(t, h, evt, true)
	n := fm.count()
	want := []string{
		"read !dm:test " + evt.ID.String() + " after 0",
		"typing true !dm:test after 0",
		fmt.Sprintf("typing false !dm:test after %d", n),
	}
	if n == 0 || strings.Join(fm.presence, "\n") != strings.Join(want, "\n") {
		t.Fatalf("presence:\n%s\nwant:\n%s", strings.Join(fm.presence, "\n"), strings.Join(want, "\n"))
	}
	fm.presence = nil
	chatter := &event.Event{ID: "$chatter", RoomID: "!group:test", Sender: "@member:test", Type: event.EventMessage,
		Content: event.Content{Parsed: &event.MessageEventContent{MsgType: event.MsgText, Body: "wer kommt morgen?"}}}
	if err := h.Handle(context.Background(), Message{Event: chatter}); err != nil {
		t.Fatal(err)
	}
	if len(fm.presence) != 0 {
		t.Errorf("unaddressed message: %v", fm.presence)
	}
}
