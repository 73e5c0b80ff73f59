package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
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

// TestGivenUpEditTellsNothing: an edit Lotse gives up on (its handling
// kept failing) is not a question: the member gets no
// "could not handle your message" notice. A message's failure still does.
func TestGivenUpEditTellsNothing(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Mein Passwort ist hunter2"})
	e.pendingInInbox(t, msg)
	ed := e.editText(dmRoom, member, msg.ID, "Mein Passwort geht nicht")
	// An edit's error as handleMessage wraps it (the database was away).
	err := fmt.Errorf("%w: %w", errEdit, errors.New("database is locked"))
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

// failingTeamEdit fails every edit Lotse sends to the team room (the
// homeserver is away while an edit's relay is edited).
type failingTeamEdit struct{ *fakeMatrix }

func (f failingTeamEdit) Send(ctx context.Context, roomID id.RoomID, evtType event.Type, content any, txnID string) (id.EventID, error) {
	if c, ok := content.(*event.MessageEventContent); ok && roomID == teamRoom && c.RelatesTo.GetReplaceID() != "" {
		return "", errors.New("connection reset")
	}
	return f.fakeMatrix.Send(ctx, roomID, evtType, content, txnID)
}

// TestGivenUpRelayEditTellsMember: an edit Lotse gives up on after it
// began to edit the relay (the team room refused the edit every time)
// tells the member that the team may still read the old text, and how to
// take it away.
func TestGivenUpRelayEditTellsMember(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Mein Passwort ist hunter2"})
	if relay := in(e.handle(t, msg, true), teamRoom); len(relay) != 1 {
		t.Fatal("precondition: not relayed")
	}
	e.reconfigure(func(d *Deps) { d.Matrix = failingTeamEdit{e.fm} })
	ed := e.editText(dmRoom, member, msg.ID, "Mein Passwort geht nicht")
	err := e.h.Handle(context.Background(), Message{Event: ed, Direct: true})
	if err == nil {
		t.Fatal("the edit did not fail")
	}
	before := e.fm.count()
	if err := e.h.GiveUp(context.Background(), dmRoom, ed.ID, true, false, err); err != nil {
		t.Fatal(err)
	}
	sent := in(e.fm.sent[before:], dmRoom)
	if len(sent) != 1 || sent[0].content.Body != e.h.Texts.EditNotRelayed || sent[0].content.RelatesTo.GetReplyTo() != ed.ID {
		t.Errorf("giving up on the relay's edit told the member: %s", bodies(sent))
	}
}

// TestHistorySkipped: the member who wrote before inviting Lotse is told,
// once per invite, to send the question again: a notice that quotes and
// answers nothing (no reply to the unread message) and mentions nobody.
// In their direct chat a plain resend is answered; in another room of the
// two Lotse answers only a mention, so the notice asks for one (mend23b:
// it promised an answer to a plain resend there, which never came). Lotse's
// team and approvals rooms get no notice.
func TestHistorySkipped(t *testing.T) {
	const team, approvals = id.RoomID("!team:test"), id.RoomID("!approvals:test")
	for _, tt := range []struct {
		name   string
		room   id.RoomID
		direct bool
		want   []string // what the notice must say; nil: no notice
	}{
		{"direct chat", "!dm:test", true, []string{"vor meiner Einladung", "noch einmal"}},
		{"another room of the two", "!room:test", false, []string{"vor meiner Einladung", "noch einmal", "erwähne mich"}},
		{"team room", team, false, nil},
		{"approvals room", approvals, false, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h, fm, _ := newTestHandler(t)
			h.Deps.Support.TeamRoom, h.Deps.Access.ApprovalsRoom = team, approvals
			h = New(h.Deps)
			ctx := context.Background()
			for range 2 {
				if err := h.HistorySkipped(ctx, tt.room, "$invite", tt.direct); err != nil {
					t.Fatal(err)
				}
			}
			if tt.want == nil {
				if fm.count() != 0 {
					t.Fatalf("sent %s, want nothing", bodies(fm.sent))
				}
				return
			}
			if fm.count() != 1 {
				t.Fatalf("%d messages for one invite, want 1", fm.count())
			}
			c := fm.last(t)
			for _, w := range tt.want {
				if !strings.Contains(c.Body, w) {
					t.Errorf("notice %q does not say %q", c.Body, w)
				}
			}
			if mentions := strings.Contains(c.Body, "erwähne"); mentions == tt.direct {
				t.Errorf("notice %q: asks for a mention = %v in a direct chat = %v", c.Body, mentions, tt.direct)
			}
			if c.MsgType != event.MsgNotice || c.RelatesTo != nil || c.Mentions == nil || len(c.Mentions.UserIDs) != 0 {
				t.Errorf("sent %+v", c)
			}
			if err := h.HistorySkipped(ctx, tt.room, "$invite2", tt.direct); err != nil || fm.count() != 2 {
				t.Errorf("a second invite: %v, %d messages, want 2", err, fm.count())
			}
		})
	}
}
