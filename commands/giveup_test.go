package commands

import (
	"context"
	"errors"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
)

func TestGiveUp(t *testing.T) {
	h, fm, _ := newTestHandler(t)
	tests := []struct {
		name          string
		direct, undec bool
		want          string
	}{
		{"group room: silent", false, true, ""},
		{"undecryptable DM", true, true, "nicht entschlüsseln"},
		{"failed DM", true, false, "mehreren Versuchen"},
	}
	for i, tt := range tests {
		before := fm.count()
		evtID := msgEvent("x").ID
		if err := h.GiveUp(context.Background(), "!dm:test", evtID, tt.direct, tt.undec, errors.New("send failed")); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if tt.want == "" {
			if fm.count() != before {
				t.Errorf("%s: sent a message", tt.name)
			}
			continue
		}
		c := fm.last(t)
		if fm.count() != before+1 || !strings.Contains(c.Body, tt.want) || c.RelatesTo.GetReplyTo() != evtID {
			t.Errorf("case %d %s: sent %q (reply to %v)", i, tt.name, c.Body, c.RelatesTo)
		}
	}
}

// TestGivenUpEditTellsNothing: an edit Lotse gives up on (its message
// stayed waiting in the inbox) is not a question: the member gets no
// "could not handle your message" notice. A message's failure still does.
func TestGivenUpEditTellsNothing(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Mein Passwort ist hunter2"})
	e.pendingInInbox(t, msg)
	ed := e.editText(dmRoom, member, msg.ID, "Mein Passwort geht nicht")
	err := e.h.Handle(context.Background(), Message{Event: ed, Direct: true})
	if !errors.Is(err, errEditedPending) {
		t.Fatalf("edit of a waiting message: %v, want errEditedPending", err)
	}
	before := e.fm.count()
	if err := e.h.GiveUp(context.Background(), dmRoom, ed.ID, true, false, err); err != nil {
		t.Fatal(err)
	}
	if sent := e.fm.sent[before:]; len(sent) != 0 {
		t.Errorf("giving up on an edit told the member: %s", bodies(sent))
	}
	if err := e.h.GiveUp(context.Background(), dmRoom, msg.ID, true, false, errors.New("send failed")); err != nil {
		t.Fatal(err)
	}
	if sent := in(e.fm.sent[before:], dmRoom); len(sent) != 1 {
		t.Errorf("giving up on a message: %d notices, want 1", len(sent))
	}
}
