package commands

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/support"
	"github.com/lotse-bot/lotse/storage"
)

// answered opens case 1 and has alice answer it with body (a team-room
// message, e.g. "!antwort 1 …"); it returns the answer's event and the
// member's copy.
func (e *supportEnv) answered(t *testing.T, body string) (*event.Event, sentMsg) {
	t.Helper()
	e.openCase(t)
	answer := e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: body})
	toMember := in(e.handle(t, answer, false), dmRoom)
	if len(toMember) != 1 {
		t.Fatalf("precondition: the answer reached the member once: %s", bodies(toMember))
	}
	return answer, toMember[0]
}

// memberEdit checks that sent is one edit of the member's copy in the
// direct chat, and nothing else, and returns its new content.
func memberEdit(t *testing.T, sent []sentMsg, copyOf sentMsg) *event.MessageEventContent {
	t.Helper()
	dm := in(sent, dmRoom)
	if len(dm) != 1 || len(sent) != 1 {
		t.Fatalf("want one edit in the member's chat and nothing else, got %d (%d in all): %s", len(dm), len(sent), bodies(sent))
	}
	c := dm[0].content
	if c.RelatesTo.GetReplaceID() != id.EventID("$"+copyOf.txn) || c.NewContent == nil {
		t.Fatalf("not an edit of the member's copy $%s: %+v", copyOf.txn, c)
	}
	if c.NewContent.Mentions == nil || len(c.NewContent.Mentions.UserIDs) != 0 || c.NewContent.MsgType != event.MsgNotice {
		t.Errorf("new content: %+v", c.NewContent)
	}
	return c.NewContent
}

// TestEditedAnswerEditsMembersCopy: a team member edits their answer (a
// password pasted by mistake); Lotse edits its copy in the member's direct
// chat (m.replace of its own message) to the new text, with the same head
// and footer, stores the new text with the case, and tells the team
// nothing. A second edit, in the form without the case number, edits the
// copy again (relay24). Fails without the fix: nothing reached the member.
func TestEditedAnswerEditsMembersCopy(t *testing.T) {
	e := newSupportEnv(t)
	answer, copyOf := e.answered(t, "!antwort 1 Dein Passwort ist Sommer2024!")
	nc := memberEdit(t, e.handle(t, e.editText(teamRoom, alice, answer.ID, "!antwort 1 Dein neues Passwort kommt per Mail."), false), copyOf)
	if !strings.Contains(nc.Body, "Dein neues Passwort kommt per Mail.") || strings.Contains(nc.Body+nc.FormattedBody, "Sommer2024") ||
		!strings.Contains(nc.Body, "Antwort vom Digitalisierungsteam") || !strings.Contains(nc.Body, "Fall #1") {
		t.Errorf("edited copy: %q", nc.Body)
	}
	if !strings.Contains(nc.FormattedBody, "Dein neues Passwort kommt per Mail.") {
		t.Errorf("edited copy's HTML: %q", nc.FormattedBody)
	}
	if texts := e.caseTexts(t); strings.Contains(texts, "Sommer2024") || !strings.Contains(texts, "Dein neues Passwort kommt per Mail.") {
		t.Errorf("stored case texts after the edit:\n%s", texts)
	}
	nc = memberEdit(t, e.handle(t, e.editText(teamRoom, alice, answer.ID, "!antwort Das Passwort kommt per Brief."), false), copyOf)
	if !strings.Contains(nc.Body, "Das Passwort kommt per Brief.") {
		t.Errorf("second edit: %q", nc.Body)
	}
}

// TestEditedPrefixAnswerEditsMembersCopy: an answer written with the reply
// prefix in the case thread is followed the same way.
func TestEditedPrefixAnswerEditsMembersCopy(t *testing.T) {
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) { d.Support.ReplyPrefix = "@@" })
	e.openCase(t)
	root := id.EventID(e.caseTeamEvent(t))
	answer := e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: "@@ Schau auf https://falsch.example",
		RelatesTo: (&event.RelatesTo{}).SetThread(root, root)})
	toMember := in(e.handle(t, answer, false), dmRoom)
	if len(toMember) != 1 {
		t.Fatalf("precondition: the answer reached the member once: %s", bodies(toMember))
	}
	nc := memberEdit(t, e.handle(t, e.editText(teamRoom, alice, answer.ID, "@@ Schau auf https://richtig.example"), false), toMember[0])
	if !strings.Contains(nc.Body, "richtig.example") || strings.Contains(nc.Body, "falsch") {
		t.Errorf("edited copy: %q", nc.Body)
	}
}

// TestAnswerEditNotFollowed: an edit in the team room changes the member's
// copy only when it is the author's own edit of an answer, by someone who
// still holds the team role, to an open case, not taken back, and still a
// text answer to the same case. Otherwise nothing reaches the member and
// the stored texts stay; where the author evidently meant the member to
// see a new text (the case is not open, the edit is no answer any more, a
// guide), the thread says so and how to take the answer back. An edit is
// never run as a command: the case stays open (relay24).
func TestAnswerEditNotFollowed(t *testing.T) {
	for _, tc := range []struct {
		name string
		// prepare returns the edit's target and what the edit's sender,
		// room and new text are.
		prepare   func(t *testing.T, e *supportEnv, answer *event.Event) (target id.EventID, sender id.UserID, room id.RoomID, text string)
		tellsTeam string // the thread's notice, "" for none
	}{
		{"another team member's edit", func(t *testing.T, e *supportEnv, answer *event.Event) (id.EventID, id.UserID, id.RoomID, string) {
			return answer.ID, bob, teamRoom, "!antwort 1 Bobs Link: https://böse.example"
		}, ""},
		{"the member's edit of the answer", func(t *testing.T, e *supportEnv, answer *event.Event) (id.EventID, id.UserID, id.RoomID, string) {
			return answer.ID, member, dmRoom, "!antwort 1 https://böse.example"
		}, ""},
		{"an author who lost the team role", func(t *testing.T, e *supportEnv, answer *event.Event) (id.EventID, id.UserID, id.RoomID, string) {
			setRole(t, e.db, alice, storage.RoleTeam, storage.RoleRemoved)
			return answer.ID, alice, teamRoom, "!antwort 1 https://böse.example"
		}, ""},
		// A note's edit is stored with the note and reaches nobody:
		// TestEditedNote (case25).
		{"a command", func(t *testing.T, e *supportEnv, answer *event.Event) (id.EventID, id.UserID, id.RoomID, string) {
			cmd := e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: "!offen"})
			e.handle(t, cmd, false)
			return cmd.ID, alice, teamRoom, "!antwort 1 https://böse.example"
		}, ""},
		{"an edit of an edit", func(t *testing.T, e *supportEnv, answer *event.Event) (id.EventID, id.UserID, id.RoomID, string) {
			first := e.editText(teamRoom, alice, answer.ID, "!antwort 1 erste Fassung")
			e.handle(t, first, false)
			return first.ID, alice, teamRoom, "!antwort 1 zweite Fassung"
		}, ""},
		{"an answer taken back", func(t *testing.T, e *supportEnv, answer *event.Event) (id.EventID, id.UserID, id.RoomID, string) {
			e.handle(t, e.redaction(teamRoom, alice, answer.ID), false)
			return answer.ID, alice, teamRoom, "!antwort 1 doch wieder da"
		}, ""},
		{"a resolved case", func(t *testing.T, e *supportEnv, answer *event.Event) (id.EventID, id.UserID, id.RoomID, string) {
			e.say(t, teamRoom, alice, "!erledigt 1", "")
			return answer.ID, alice, teamRoom, "!antwort 1 https://böse.example"
		}, "ist nicht mehr offen"},
		{"a closed case", func(t *testing.T, e *supportEnv, answer *event.Event) (id.EventID, id.UserID, id.RoomID, string) {
			if ok, _, err := e.db.Cases.Close(context.Background(), 1, alice.String(), e.now); err != nil || !ok {
				t.Fatalf("close: %v, %v", ok, err)
			}
			return answer.ID, alice, teamRoom, "!antwort 1 https://böse.example"
		}, "ist nicht mehr offen"},
		{"an erased case", func(t *testing.T, e *supportEnv, answer *event.Event) (id.EventID, id.UserID, id.RoomID, string) {
			if _, err := e.db.Lotse.Exec(context.Background(), `DELETE FROM case_message WHERE case_id=1`); err != nil {
				t.Fatal(err)
			}
			return answer.ID, alice, teamRoom, "!antwort 1 https://böse.example"
		}, ""},
		{"an edit into a command", func(t *testing.T, e *supportEnv, answer *event.Event) (id.EventID, id.UserID, id.RoomID, string) {
			return answer.ID, alice, teamRoom, "!erledigt 1 https://böse.example"
		}, "keine Textantwort"},
		{"an edit into a note", func(t *testing.T, e *supportEnv, answer *event.Event) (id.EventID, id.UserID, id.RoomID, string) {
			return answer.ID, alice, teamRoom, "nur eine Notiz"
		}, "keine Textantwort"},
		{"an edit to another case", func(t *testing.T, e *supportEnv, answer *event.Event) (id.EventID, id.UserID, id.RoomID, string) {
			return answer.ID, alice, teamRoom, "!antwort 2 für jemand anderen"
		}, "keine Textantwort"},
		{"an edit into a guide", func(t *testing.T, e *supportEnv, answer *event.Event) (id.EventID, id.UserID, id.RoomID, string) {
			return answer.ID, alice, teamRoom, "!antwort 1 anleitung konto/passwort-vergessen.md"
		}, "keine Textantwort"},
		{"an empty answer", func(t *testing.T, e *supportEnv, answer *event.Event) (id.EventID, id.UserID, id.RoomID, string) {
			return answer.ID, alice, teamRoom, "!antwort 1"
		}, "keine Textantwort"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newSupportEnv(t)
			answer, _ := e.answered(t, "!antwort 1 Versuch es mit 0171 1234567")
			target, sender, room, text := tc.prepare(t, e, answer)
			before := e.caseTexts(t)
			sent := e.handle(t, e.editText(room, sender, target, text), room == dmRoom)
			if dm := in(sent, dmRoom); len(dm) != 0 {
				t.Errorf("the edit reached the member: %s", bodies(dm))
			}
			if tc.tellsTeam == "" && len(sent) != 0 {
				t.Errorf("the edit sent: %s", bodies(sent))
			}
			if tc.tellsTeam != "" {
				mustContain(t, in(sent, teamRoom), tc.tellsTeam, "Fall #1", "lösche")
			}
			if after := e.caseTexts(t); after != before {
				t.Errorf("stored texts changed:\n%s\nwas:\n%s", after, before)
			}
			if c, err := e.db.Cases.Get(context.Background(), 1); tc.name == "an edit into a command" && (err != nil || c.Status != storage.CaseOpen) {
				t.Errorf("the edit was run as a command: case %+v, %v", c, err)
			}
		})
	}
}

// TestEditedGuideAnswerNotFollowed: a guide sent as an answer has no text
// to edit; the thread says so.
func TestEditedGuideAnswerNotFollowed(t *testing.T) {
	e := newSupportEnv(t)
	answer, _ := e.answered(t, "!antwort 1 anleitung konto/passwort-vergessen.md")
	sent := e.handle(t, e.editText(teamRoom, alice, answer.ID, "!antwort 1 Hier der Link: https://x.example"), false)
	if dm := in(sent, dmRoom); len(dm) != 0 {
		t.Errorf("the edit reached the member: %s", bodies(dm))
	}
	mustContain(t, in(sent, teamRoom), "keine Textantwort", "Fall #1")
}

// TestAnswerEditOfWaitingAnswerSticks: an edit of an answer that still
// waits to be handled takes its place in the inbox (mend24a), so the
// answer goes out with the edited text however late it is handled (bot's
// unwrapping is tested in bot's TestWaitingEventHandledWithItsEdit). Before,
// the edit waited and gave up after ten tries, and the answer then went
// out with the password edited out of it. Fails without the fix: the edit
// returned errEditedPending.
func TestAnswerEditOfWaitingAnswerSticks(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	answer := e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: "!antwort 1 Passwort Sommer2024"})
	e.waitingWithPayload(t, answer)
	ed := e.editText(teamRoom, alice, answer.ID, "!antwort 1 Passwort kommt per Mail")
	e.waitingWithPayload(t, ed)
	before := e.fm.count()
	if err := e.h.Handle(context.Background(), Message{Event: ed}); err != nil {
		t.Fatalf("edit of a waiting answer: %v", err)
	}
	if sent := e.fm.sent[before:]; len(sent) != 0 {
		t.Errorf("the edit of a waiting answer sent: %s", bodies(sent))
	}
	if got := e.waitingBody(t, answer.ID); got != "!antwort 1 Passwort kommt per Mail" {
		t.Fatalf("the waiting answer reads %q, want its edit", got)
	}
}

// TestOlderAnswerEditAfterNewerChangesNothing: edits are applied in the
// order they arrived. The team member edits a password in (E1) and out
// (E2); E1 fails once and its retry comes after E2: the member's copy and
// the stored text stay at E2.
func TestOlderAnswerEditAfterNewerChangesNothing(t *testing.T) {
	e := newSupportEnv(t)
	answer, copyOf := e.answered(t, "!antwort 1 Login geht wieder")
	e1 := e.editText(teamRoom, alice, answer.ID, "!antwort 1 Login geht wieder, Passwort Sommer2024")
	e2 := e.editText(teamRoom, alice, answer.ID, "!antwort 1 Login geht wieder (Passwort entfernt)")
	var items []storage.InboxItem
	for _, ed := range []*event.Event{e1, e2} {
		items = append(items, storage.InboxItem{EventID: ed.ID.String(), RoomID: teamRoom.String(), Sender: alice.String(),
			EventType: event.EventMessage.Type, Payload: []byte("{}"), ReceivedAt: e.now, State: storage.InboxPending})
	}
	if err := e.db.Inbox.Commit(context.Background(), items, nil, ""); err != nil {
		t.Fatal(err)
	}
	if nc := memberEdit(t, e.handle(t, e2, false), copyOf); !strings.Contains(nc.Body, "(Passwort entfernt)") {
		t.Fatalf("E2: %q", nc.Body)
	}
	if sent := e.handle(t, e1, false); len(sent) != 0 {
		t.Errorf("E1's retry after E2 sent: %s", bodies(sent))
	}
	if texts := e.caseTexts(t); strings.Contains(texts, "Sommer2024") || !strings.Contains(texts, "(Passwort entfernt)") {
		t.Errorf("stored case texts after E1's retry:\n%s", texts)
	}
}

// TestLongAnswerAndEditCutToEventLimit: a 60 KB answer, and a 60 KB edit
// of an answer, reach the member cut to one event's bound (the bodies as
// sent stay within support.MaxRelayBytes; the edit's fallback is short),
// with a note to the member, and the thread is told. Before, the answer's
// copy was over Matrix's event limit and refused at every try.
func TestLongAnswerAndEditCutToEventLimit(t *testing.T) {
	e := newSupportEnv(t)
	long := strings.Repeat("<Zeile> mit Log & Text\n", 60<<10/23)
	size := func(c *event.MessageEventContent) int {
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		return len(b)
	}
	e.openCase(t)
	answer := e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: "!antwort 1 " + long})
	sent := e.handle(t, answer, false)
	toMember := in(sent, dmRoom)
	if len(toMember) != 1 || size(toMember[0].content) > support.MaxRelayBytes+1024 || !strings.Contains(toMember[0].content.Body, "zu lang") {
		t.Fatalf("the long answer's copy: %d messages, %d bytes", len(toMember), size(toMember[0].content))
	}
	mustContain(t, in(sent, teamRoom), "nur ihr Anfang")
	edit := e.handle(t, e.editText(teamRoom, alice, answer.ID, "!antwort 1 "+strings.ToUpper(long)), false)
	nc := memberEdit(t, in(edit, dmRoom), toMember[0])
	if n := size(in(edit, dmRoom)[0].content); n > support.MaxRelayBytes+1024 || !strings.Contains(nc.Body, "ZEILE") || !strings.Contains(nc.Body, "zu lang") {
		t.Errorf("the long edit: %d bytes", n)
	}
	mustContain(t, in(edit, teamRoom), "nur ihr Anfang")
}

// TestDeletedEditedAnswerTakesEditsAlong: a team member edits an answer
// and then deletes it: Lotse's edit events in the member's chat hold the
// edited text, so they are redacted with the copy.
func TestDeletedEditedAnswerTakesEditsAlong(t *testing.T) {
	e := newSupportEnv(t)
	answer, copyOf := e.answered(t, "!antwort 1 Die IBAN von Jo ist DE99 5555")
	edit := in(e.handle(t, e.editText(teamRoom, alice, answer.ID, "!antwort 1 Die IBAN von Jo ist DE99 5555 0000"), false), dmRoom)
	if len(edit) != 1 {
		t.Fatalf("precondition: one edit reached the member: %s", bodies(edit))
	}
	e.handle(t, e.redaction(teamRoom, alice, answer.ID), false)
	var got []string
	for _, r := range e.fm.redacted {
		got = append(got, strings.Fields(r)[1])
	}
	want := []string{"$" + copyOf.txn, "$" + edit[0].txn}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("redacted %v, want the copy and its edit %v", got, want)
	}
}
