package commands

import (
	"context"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// An answer is voted on, and replied to as addressing Lotse, only in the
// room it was sent to (sec28). A reaction or a reply names its target in
// m.relates_to, which its sender chooses freely: before, a 👍 or 👎 sent in
// one room on an answer of another room (another member's direct chat)
// counted a vote on its guide and was thanked for, and a reply in a group
// room to an answer of another room made the message addressed to Lotse.
// Fails without the room in AnswerQuery.GuideFor.
func TestAnswerOfAnotherRoomTakesNoVoteNorReply(t *testing.T) {
	h, fm, db := newTestHandler(t)
	ctx := context.Background()
	handle(t, h, msgEvent("passwort vergessen cloud"), true)
	answerID := id.EventID("$" + fm.sent[len(fm.sent)-1].txn)

	const group = id.RoomID("!group:test")
	tests := []struct {
		name string
		evt  *event.Event
	}{
		{"a vote from another room", &event.Event{ID: "$vote-elsewhere", RoomID: group, Sender: "@mallory:test", Type: event.EventReaction,
			Content: event.Content{Parsed: &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: answerID, Key: "👎"}}}}},
		{"a reply from another room", &event.Event{ID: "$reply-elsewhere", RoomID: group, Sender: "@mallory:test", Type: event.EventMessage,
			Content: event.Content{Parsed: &event.MessageEventContent{MsgType: event.MsgText, Body: "passwort vergessen cloud",
				RelatesTo: (&event.RelatesTo{}).SetReplyTo(answerID)}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := fm.count()
			if err := h.Handle(ctx, Message{Event: tt.evt}); err != nil {
				t.Fatal(err)
			}
			if fm.count() != before {
				t.Fatalf("Lotse answered %s: %q", tt.name, fm.last(t).Body)
			}
		})
	}
	if stats, _, _ := db.Feedback.Stats(ctx); len(stats) != 1 || stats[0].Helpful+stats[0].Unhelpful != 0 {
		t.Fatalf("a vote from another room was counted: %+v", stats)
	}

	// In the answer's own room both still work.
	vote := &event.Event{ID: "$vote-here", RoomID: "!dm:test", Sender: "@member:test", Type: event.EventReaction,
		Content: event.Content{Parsed: &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: answerID, Key: "👍"}}}}
	if err := h.Handle(ctx, Message{Event: vote, Direct: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(fm.last(t).Body, "Danke") {
		t.Fatalf("a vote in the answer's room answered with %q", fm.last(t).Body)
	}
}

// A reply to Lotse's answer in a group room addresses Lotse without a
// mention, in the answer's room (the positive side of the test above).
func TestReplyToAnswerInItsRoomAddressesLotse(t *testing.T) {
	h, fm, _ := newTestHandler(t)
	const group = id.RoomID("!group:test")
	q := msgEvent("lotse: passwort vergessen cloud")
	q.RoomID = group
	handle(t, h, q, false)
	answerID := id.EventID("$" + fm.sent[len(fm.sent)-1].txn)
	reply := msgEvent("und wie geht das mit der zwei-faktor-anmeldung?")
	reply.RoomID = group
	reply.Content.AsMessage().RelatesTo = (&event.RelatesTo{}).SetReplyTo(answerID)
	before := fm.count()
	handle(t, h, reply, false)
	if fm.count() == before {
		t.Fatal("a reply to Lotse's answer in its room was not answered")
	}
}
