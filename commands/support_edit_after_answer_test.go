package commands

import (
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestEditAfterAnswerTold: a member edits a message of their case after
// the team answered it. The relay is edited as before, and the thread gets
// one note, in reply to the relay, that the answer read the earlier text —
// once per message, however many edits follow, and quoting nothing. An
// edit before any answer adds no note. Before sup34 the relay changed
// without a word: the thread (and `!fall`) read as if the team had
// answered the new words.
func TestEditAfterAnswerTold(t *testing.T) {
	e := newSupportEnv(t)
	root := e.openCase(t)
	msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Kann ich auch per Überweisung spenden?"})
	relay := in(e.handle(t, msg, true), teamRoom)
	if len(relay) != 1 {
		t.Fatalf("precondition: relayed once, got %d", len(relay))
	}
	// Before any answer: the relay is edited, nothing else.
	e.now = e.now.Add(time.Minute)
	relayEdit(t, e.handle(t, e.editText(dmRoom, member, msg.ID, "Kann ich auch bar spenden?"), true), relay[0])

	e.now = e.now.Add(time.Hour)
	if dm := in(e.say(t, teamRoom, alice, "!antwort Ja, bar in der Geschäftsstelle.", root), dmRoom); len(dm) != 1 {
		t.Fatalf("precondition: the answer reached the member: %s", bodies(dm))
	}
	e.now = e.now.Add(time.Hour)
	sent := in(e.handle(t, e.editText(dmRoom, member, msg.ID, "Kann ich auch mit Kreditkarte spenden?"), true), teamRoom)
	if len(sent) != 2 {
		t.Fatalf("want the relay's edit and one note, got:\n%s", bodies(sent))
	}
	var note *event.MessageEventContent
	for _, m := range sent {
		if m.content.RelatesTo.GetReplaceID() == "" {
			note = m.content
		}
	}
	if note == nil {
		t.Fatalf("no note besides the edit:\n%s", bodies(sent))
	}
	if !strings.Contains(note.Body, "Fall #1") || !strings.Contains(note.Body, "nachdem ihr geantwortet habt") {
		t.Errorf("note: %q", note.Body)
	}
	for _, not := range []string{"Kreditkarte", "bar", "$", "@member"} {
		if strings.Contains(note.Body, not) {
			t.Errorf("note holds %q: %q", not, note.Body)
		}
	}
	if rel := note.RelatesTo; rel.GetThreadParent() != root || rel.GetReplyTo() != id.EventID("$"+relay[0].txn) || rel.IsFallingBack {
		t.Errorf("note is not in the thread in reply to the relay: %+v", rel)
	}
	// More edits of the same message: the relay follows, no further note.
	for _, text := range []string{"Kann ich auch per PayPal spenden?", "Kann ich auch per Lastschrift spenden?"} {
		e.now = e.now.Add(time.Minute)
		relayEdit(t, e.handle(t, e.editText(dmRoom, member, msg.ID, text), true), relay[0])
	}
}
