package commands

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// redaction is a redaction event of target by sender in room.
func (e *supportEnv) redaction(room id.RoomID, sender id.UserID, target id.EventID) *event.Event {
	n := supportEvt.Add(1)
	return &event.Event{ID: id.EventID(fmt.Sprintf("$x%d", n)), RoomID: room, Sender: sender, Type: event.EventRedaction,
		Redacts: target, Content: event.Content{Parsed: &event.RedactionEventContent{Redacts: target}}}
}

// TestDeletedQuestionTakesItsAnswerAlong: a member deletes a question that
// Lotse answered by quoting it (no guide fits); Lotse removes its answer.
func TestDeletedQuestionTakesItsAnswerAlong(t *testing.T) {
	e := newSupportEnv(t)
	q := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Wie kann ich für den Bürgerschaftswahlkampf spenden? Meine IBAN ist DE00 1234"})
	sent := in(e.handle(t, q, true), dmRoom) // messages; the offer's reaction buttons stay
	if len(sent) == 0 || !strings.Contains(bodies(sent), "DE00 1234") {
		t.Fatalf("precondition: the answer quotes the question: %s", bodies(sent))
	}
	e.handle(t, e.redaction(dmRoom, member, q.ID), true)
	if len(e.fm.redacted) != len(sent) {
		t.Fatalf("redacted %v, want Lotse's %d replies", e.fm.redacted, len(sent))
	}
	for i, m := range sent {
		want := dmRoom.String() + " $" + m.txn + " "
		if !strings.HasPrefix(e.fm.redacted[i], want) {
			t.Errorf("redaction %d: %q, want %q…", i, e.fm.redacted[i], want)
		}
	}
	// The case offer that came with the answer is withdrawn: "ja" opens
	// no case with the deleted text.
	before := e.fm.count()
	ja := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "ja"})
	if err := e.h.Handle(context.Background(), Message{Event: ja, Direct: true}); err != nil {
		t.Fatal(err)
	}
	if after := in(e.fm.sent[before:], teamRoom); len(after) != 0 {
		t.Fatalf("the deleted question reached the team: %s", bodies(after))
	}
	if c, _ := e.db.Cases.ActiveForMember(context.Background(), member.String(), dmRoom.String()); c != nil {
		t.Fatalf("a case was opened from a deleted question: %+v", c)
	}
}

// TestDeletedCaseMessageLeavesTeamAndStore: a message relayed to the team
// in an open case is deleted by the member: the team's copy is redacted and
// its stored text erased. A redaction in a group room does nothing (its
// sender may not be the author).
func TestDeletedCaseMessageLeavesTeamAndStore(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "meine IBAN ist DE00 1234"})
	sent := e.handle(t, msg, true)
	relay := in(sent, teamRoom)
	if len(relay) != 1 {
		t.Fatalf("precondition: relayed once, got %d", len(relay))
	}

	e.handle(t, e.redaction(teamRoom, bob, msg.ID), false)
	if len(e.fm.redacted) != 0 {
		t.Fatalf("a redaction in a group room redacted %v", e.fm.redacted)
	}

	e.handle(t, e.redaction(dmRoom, member, msg.ID), true)
	want := teamRoom.String() + " $" + relay[0].txn + " "
	if len(e.fm.redacted) != 1 || !strings.HasPrefix(e.fm.redacted[0], want) {
		t.Fatalf("redacted %v, want the team's copy %q…", e.fm.redacted, want)
	}
	msgs, err := e.db.Cases.Messages(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		if strings.Contains(m.Body, "DE00") {
			t.Fatalf("the deleted text is still stored: %+v", m)
		}
	}
	if !hasKind(msgs, storage.MsgMember) {
		t.Fatal("the message itself (that there was one) should stay in the case history")
	}
	history := e.say(t, teamRoom, alice, "!fall 1", "")
	if all := bodies(history); !strings.Contains(all, "vom Mitglied gelöscht") || strings.Contains(all, "DE00") {
		t.Errorf("case history after the deletion:\n%s", all)
	}
}

func hasKind(msgs []storage.CaseMessage, kind string) bool {
	for _, m := range msgs {
		if m.Kind == kind {
			return true
		}
	}
	return false
}

// forgetInbox drops the inbox's record of eventID, as the inbox retention
// does after a week: handleRedaction no longer knows its room and sender.
func (e *supportEnv) forgetInbox(t *testing.T, eventID id.EventID) {
	t.Helper()
	if _, err := e.db.Lotse.Exec(context.Background(), `DELETE FROM inbox WHERE event_id=$1`, eventID.String()); err != nil {
		t.Fatal(err)
	}
}

// TestRedactionByAnotherTakesNothing: a redaction naming a member's case
// message, sent by someone else from their own direct chat (e.g. inside
// an encrypted event, which no server checks), redacts nothing and erases
// nothing – whether or not the inbox still knows the message; the
// member's own deletion still does (sec20 review, Medium 1).
func TestRedactionByAnotherTakesNothing(t *testing.T) {
	const otherDM = id.RoomID("!dm-outsider:test")
	for _, tc := range []struct {
		name        string
		forgotten   bool // the inbox no longer knows the message
		room        id.RoomID
		sender      id.UserID
		wantRedacts int
		wantErased  bool
	}{
		{"another member, from their direct chat", false, otherDM, outsider, 0, false},
		{"another member, inbox forgot the message", true, otherDM, outsider, 0, false},
		{"the member, from another room", false, otherDM, member, 0, false},
		{"the member, in the direct chat", false, dmRoom, member, 1, true},
		{"the member, inbox forgot the message", true, dmRoom, member, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newSupportEnv(t)
			e.openCase(t)
			msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "meine IBAN ist DE00 1234"})
			if relay := in(e.handle(t, msg, true), teamRoom); len(relay) != 1 {
				t.Fatalf("precondition: relayed once, got %d", len(relay))
			}
			if tc.forgotten {
				e.forgetInbox(t, msg.ID)
			}
			e.handle(t, e.redaction(tc.room, tc.sender, msg.ID), true)
			if len(e.fm.redacted) != tc.wantRedacts {
				t.Errorf("redacted %v, want %d", e.fm.redacted, tc.wantRedacts)
			}
			msgs, err := e.db.Cases.Messages(context.Background(), 1)
			if err != nil {
				t.Fatal(err)
			}
			erased := true
			for _, m := range msgs {
				if strings.Contains(m.Body, "DE00") {
					erased = false
				}
			}
			if erased != tc.wantErased {
				t.Errorf("case text erased: %v, want %v", erased, tc.wantErased)
			}
		})
	}
}

// TestDeletedEditedCaseMessageTakesEditsAlong: a member edits a relayed
// case message (a text, or a file's caption) and then deletes it: Lotse's
// edit events in the team room, which hold the edited text (and the
// re-uploaded file), are redacted with the relay, each once.
func TestDeletedEditedCaseMessageTakesEditsAlong(t *testing.T) {
	for _, file := range []bool{false, true} {
		t.Run(map[bool]string{false: "text", true: "file"}[file], func(t *testing.T) {
			e := newSupportEnv(t)
			e.openCase(t)
			uri, _ := e.fm.Upload(context.Background(), []byte("\x89PNG fake"), "image/png")
			content := func(body string) *event.MessageEventContent {
				if !file {
					return &event.MessageEventContent{MsgType: event.MsgText, Body: body}
				}
				return &event.MessageEventContent{MsgType: event.MsgImage, Body: body, FileName: "s.png", URL: uri,
					Info: &event.FileInfo{MimeType: "image/png", Size: 9}}
			}
			msg := e.event(dmRoom, member, content("Login geht nicht"))
			team := in(e.handle(t, msg, true), teamRoom)
			for _, body := range []string{"Login geht nicht, Passwort hunter2", "Login geht nicht, Passwort hunter3"} {
				team = append(team, in(e.handle(t, e.edit(dmRoom, member, msg.ID, content(body)), true), teamRoom)...)
			}
			if want := map[bool]int{false: 3, true: 6}[file]; len(team) != want {
				t.Fatalf("precondition: relay and edits %d, want %d: %s", len(team), want, bodies(team))
			}
			e.handle(t, e.redaction(dmRoom, member, msg.ID), true)
			redacted := strings.Join(e.fm.redacted, "\n")
			for _, m := range team {
				if n := strings.Count(redacted, teamRoom.String()+" $"+m.txn+" "); n != 1 {
					t.Errorf("Lotse's %q redacted %d times; redacted:\n%s", m.txn, n, redacted)
				}
			}
			if len(e.fm.redacted) != len(team) {
				t.Errorf("redacted %d events, want %d:\n%s", len(e.fm.redacted), len(team), redacted)
			}
		})
	}
}
