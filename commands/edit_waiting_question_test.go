package commands

import (
	"context"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestEditOfWaitingQuestionWithoutCases (case25): a member edits a
// question that still waits to be handled while support cases are off, or
// in a group room. handleEdit returned before the inbox was asked, so the
// waiting question was answered later with the text its author had
// edited out (and the edit dropped); with cases on, in a direct chat, the
// edit took its place. Now the edit takes its place wherever Lotse
// answers: the edited text is what is answered, never both. An edit by
// someone else, or from another room, changes nothing. Fails without the
// fix: the waiting question still reads the old text.
func TestEditOfWaitingQuestionWithoutCases(t *testing.T) {
	const group = id.RoomID("!group:test")
	for _, tc := range []struct {
		name  string
		cases bool
		room  id.RoomID
	}{
		{"cases off, direct chat", false, dmRoom},
		{"cases off, group room", false, group},
		{"cases on, group room", true, group},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newSupportEnv(t)
			if !tc.cases {
				e.reconfigure(func(d *Deps) { d.Support = Support{} })
			}
			ctx := context.Background()
			direct := tc.room == dmRoom
			q := e.event(tc.room, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Lotse, mein Passwort hunter2 geht nicht"})
			e.waitingWithPayload(t, q)
			forged := e.editText(tc.room, alice, q.ID, "!hilfe")
			elsewhere := e.editText(dmRoom, member, q.ID, "anderswo")
			if direct {
				elsewhere = e.editText(group, member, q.ID, "anderswo")
			}
			own := e.editText(tc.room, member, q.ID, "Lotse, wie ändere ich mein Passwort?")
			for _, ed := range []*event.Event{forged, elsewhere, own} {
				e.waitingWithPayload(t, ed)
			}
			for _, ed := range []*event.Event{forged, elsewhere} {
				if err := e.h.Handle(ctx, Message{Event: ed, Direct: ed.RoomID == dmRoom}); err != nil {
					t.Fatalf("edit %s: %v", ed.ID, err)
				}
				if got := e.waitingBody(t, q.ID); got != "Lotse, mein Passwort hunter2 geht nicht" {
					t.Fatalf("an edit by someone else or from another room changed the waiting question to %q", got)
				}
			}
			before := e.fm.count()
			if err := e.h.Handle(ctx, Message{Event: own, Direct: direct}); err != nil {
				t.Fatalf("own edit: %v", err)
			}
			if got := e.waitingBody(t, q.ID); got != "Lotse, wie ändere ich mein Passwort?" {
				t.Errorf("the waiting question reads %q, want its author's edit", got)
			}
			if n := e.fm.count() - before; n != 0 {
				t.Errorf("the edit itself was answered (%d messages): edits are never answered", n)
			}
		})
	}
}
