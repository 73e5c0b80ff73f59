package commands

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/support"
	"github.com/lotse-bot/lotse/storage"
)

// sup30: the member's words and the room the team writes to.

// TestOriginalQuestionDeletedAfterAcceptedOffer: the member accepts the
// offer of a case with „ja“ or with ✅; the case is resolved, its question
// taught as an example and drafted into a guide. The member then deletes
// the message with their real words (DSGVO Art. 17), not the „ja“. The
// case's copy of the question in the team room, the learning prompt and
// the guide draft are redacted, the learned question goes, and the case
// keeps neither the question nor its summary. Before, the case kept the
// „ja“ (or the ✅) as its question's event, and the deletion reached
// nothing.
func TestOriginalQuestionDeletedAfterAcceptedOffer(t *testing.T) {
	for _, how := range []string{"ja", "✅"} {
		t.Run(how, func(t *testing.T) {
			e, store := learnEnv(t)
			ctx := context.Background()
			num := guideNumber(store, roomGuide)
			q := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: unknownWords})
			offer := in(e.handle(t, q, true), dmRoom)
			mustContain(t, offer, "Supportfall")
			var sent []sentMsg
			if how == "ja" {
				sent = e.say(t, dmRoom, member, "ja", "")
			} else {
				sent = e.react(t, dmRoom, member, id.EventID("$"+offer[len(offer)-1].txn), "✅")
			}
			team := in(sent, teamRoom)
			if len(team) < 2 {
				t.Fatalf("no case: %s", bodies(sent))
			}
			root := id.EventID("$" + team[0].txn)
			var question id.EventID
			for _, m := range team[1:] {
				if strings.Contains(m.content.Body, unknownWords) {
					question = id.EventID("$" + m.txn)
				}
			}
			if question == "" {
				t.Fatalf("precondition: the question's copy in the thread:\n%s", bodies(team))
			}

			prompt, draft := e.resolveTeachDraft(t, num, root)

			sent = e.handle(t, e.redaction(dmRoom, member, q.ID), true)
			if n, _ := e.db.Learned().Count(ctx); n != 0 {
				t.Fatalf("%d learned questions after the member deleted the message with their question", n)
			}
			redacted := e.redactedIn(teamRoom)
			for name, ev := range map[string]id.EventID{"question's copy in the thread": question, "learning prompt": prompt, "guide draft": draft} {
				if _, ok := redacted[ev]; !ok {
					t.Errorf("the %s stays in the team room", name)
				}
			}
			if texts := e.caseTexts(t); strings.Contains(texts, unknownWords) {
				t.Errorf("the case keeps the deleted words:\n%s", texts)
			}
			c, err := e.db.Cases.Get(ctx, 1)
			if err != nil || c == nil || c.Summary != "" {
				t.Fatalf("the case keeps its summary: %+v (%v)", c, err)
			}
			teamNow := in(sent, teamRoom)
			mustContain(t, teamNow, "Nachricht mit der Frage zu Fall #1 gelöscht", "Fall #1: (Frage vom Mitglied")
			if b := bodies(teamNow); strings.Contains(b, unknownWords) || strings.Contains(b, q.ID.String()) {
				t.Errorf("the notes show the words or an event ID:\n%s", b)
			}
		})
	}
}

// TestQuestionDeletionOnlyByItsMember: the same deletion by someone else,
// or naming the question's event from another room, takes nothing back.
func TestQuestionDeletionOnlyByItsMember(t *testing.T) {
	e := newSupportEnv(t)
	q := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Wie kann ich für den Bürgerschaftswahlkampf spenden?"})
	mustContain(t, in(e.handle(t, q, true), dmRoom), "Supportfall")
	if team := in(e.say(t, dmRoom, member, "ja", ""), teamRoom); len(team) < 2 {
		t.Fatal("no case")
	}
	const elsewhere = id.RoomID("!elsewhere:test")
	e.newDirectChat(t, elsewhere, member)
	for _, r := range []*event.Event{e.redaction(dmRoom, alice, q.ID), e.redaction(elsewhere, member, q.ID)} {
		if sent := e.handle(t, r, r.RoomID == elsewhere); len(in(sent, teamRoom)) != 0 {
			t.Fatalf("a redaction by %s in %s reached the team room:\n%s", r.Sender, r.RoomID, bodies(in(sent, teamRoom)))
		}
	}
	if len(e.redactedIn(teamRoom)) != 0 {
		t.Fatalf("redacted in the team room: %v", e.redactedIn(teamRoom))
	}
	c, err := e.db.Cases.Get(context.Background(), 1)
	if err != nil || c == nil || c.Summary == "" || !strings.Contains(e.caseTexts(t), "Bürgerschaftswahlkampf") {
		t.Fatalf("the case lost its question: %+v (%v)", c, err)
	}
}

// leave makes user leave room (as the state store would have it).
func (e *supportEnv) leave(room id.RoomID, user id.UserID) {
	e.fm.mu.Lock()
	defer e.fm.mu.Unlock()
	delete(e.fm.joined[room], user)
}

// TestAnswerReachesMemberWhoLeft: the member left the case's chat and has
// a newer direct chat with Lotse, where they have not written yet. The
// team's answer goes there (the case moves, the thread and the member are
// told), not to the room nobody reads; the next answer too, without
// another note. Before, it went to the room the member had left.
func TestAnswerReachesMemberWhoLeft(t *testing.T) {
	e := newSupportEnv(t)
	root := e.openCase(t)
	const newDM = id.RoomID("!dm2:test")
	e.newDirectChat(t, newDM, member)
	e.leave(dmRoom, member)

	sent := e.say(t, teamRoom, alice, "!antwort Probier bitte einen anderen Browser.", root)
	if old := in(sent, dmRoom); len(old) != 0 {
		t.Fatalf("the answer went to the chat the member left:\n%s", bodies(old))
	}
	dm := in(sent, newDM)
	mustContain(t, dm, "#1", "noch offen", "anderen Browser")
	mustContain(t, in(sent, teamRoom), "nicht mehr im bisherigen Chat", "Antwort an das Mitglied gesendet")
	c, err := e.db.Cases.Get(context.Background(), 1)
	if err != nil || c == nil || c.MemberRoom != newDM.String() {
		t.Fatalf("the case did not move: %+v (%v)", c, err)
	}
	if b := bodies(in(sent, teamRoom)); strings.Contains(b, newDM.String()) || strings.Contains(b, dmRoom.String()) {
		t.Errorf("the thread names a room:\n%s", b)
	}

	sent = e.say(t, teamRoom, alice, "!antwort Und danach den Cache leeren.", root)
	if dm := in(sent, newDM); len(dm) != 1 || !strings.Contains(dm[0].content.Body, "Cache leeren") {
		t.Fatalf("want the answer alone in the new chat, got:\n%s", bodies(dm))
	}
}

// TestAnswerToUnreachableMember: the member left the case's chat and has
// no other direct chat with Lotse (or only one that became a group: someone
// else joined it). Nothing is sent or stored as an answer; the volunteer
// reads plainly that the answer did not go out, without a room or event
// ID. When the member writes again from a new direct chat, the case follows
// them there (sup29) and the thread is told.
func TestAnswerToUnreachableMember(t *testing.T) {
	e := newSupportEnv(t)
	root := e.openCase(t)
	const group = id.RoomID("!dm-group:test")
	e.newDirectChat(t, group, member)
	e.fm.mu.Lock()
	e.fm.joined[group][bob] = true
	e.fm.mu.Unlock()
	e.leave(dmRoom, member)

	sent := e.say(t, teamRoom, alice, "!antwort Meine Telefonnummer ist 0171 000000.", root)
	if len(in(sent, dmRoom)) != 0 || len(in(sent, group)) != 0 {
		t.Fatalf("the answer went out:\n%s", bodies(sent))
	}
	team := in(sent, teamRoom)
	mustContain(t, team, "Nicht gesendet", "Fall #1", "nicht mehr im Chat mit mir")
	if b := bodies(team); strings.Contains(b, "!") && strings.Contains(b, ":test") || strings.Contains(b, "$") {
		t.Errorf("the note names a room or event:\n%s", b)
	}
	if texts := e.caseTexts(t); strings.Contains(texts, "0171") {
		t.Errorf("the undelivered answer was stored as given:\n%s", texts)
	}
	c, err := e.db.Cases.Get(context.Background(), 1)
	if err != nil || c == nil || c.MemberRoom != dmRoom.String() || c.Assignee != "" {
		t.Fatalf("the case changed: %+v (%v)", c, err)
	}

	// So is the resolution with its solution: the case stays open.
	sent = e.say(t, teamRoom, alice, "!erledigt 1 Ruf mich unter 0171 000000 an.", "")
	if len(in(sent, dmRoom)) != 0 || len(in(sent, group)) != 0 {
		t.Fatalf("the resolution went out:\n%s", bodies(sent))
	}
	mustContain(t, in(sent, teamRoom), "Nicht erledigt", "!schließen 1")
	if c, _ := e.db.Cases.Get(context.Background(), 1); c == nil || c.Status != storage.CaseOpen {
		t.Fatalf("the case was resolved: %+v", c)
	}

	const newDM = id.RoomID("!dm3:test")
	e.newDirectChat(t, newDM, member)
	mustContain(t, in(e.sayIn(t, newDM, member, "Hallo, ich bin wieder da", true), teamRoom), "anderen Direktchat", "wieder da")
	mustContain(t, in(e.say(t, teamRoom, alice, "!antwort Schön, dass du da bist.", root), newDM), "Schön, dass du da bist")
}

// TestResolutionReachesMemberWhoLeft: `!erledigt` with a solution, after
// the member left the case's chat for a newer direct chat: the solution
// and the rating question go there.
func TestResolutionReachesMemberWhoLeft(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	const newDM = id.RoomID("!dm2:test")
	e.newDirectChat(t, newDM, member)
	e.leave(dmRoom, member)
	sent := e.say(t, teamRoom, alice, "!erledigt 1 Der Browser-Cache war schuld.", "")
	if old := in(sent, dmRoom); len(old) != 0 {
		t.Fatalf("the resolution went to the chat the member left:\n%s", bodies(old))
	}
	mustContain(t, in(sent, newDM), "Browser-Cache war schuld")
	if c, _ := e.db.Cases.Get(context.Background(), 1); c == nil || c.Status != storage.CaseResolved || c.MemberRoom != newDM.String() {
		t.Fatalf("case: %+v", c)
	}
}

// TestCaseMovesOnceBetweenJoinedChats: a member writing alternately in
// two direct chats, in both of which they stay, moves their case once:
// later messages from the other chat reach the case without moving it
// again and without a note to the team, until MoveInterval passed. A
// chat they left is left at once.
func TestCaseMovesOnceBetweenJoinedChats(t *testing.T) {
	e := newSupportEnv(t)
	root := e.openCase(t)
	e.newDirectChat(t, dmRoom, member)
	const newDM = id.RoomID("!dm2:test")
	e.newDirectChat(t, newDM, member)
	mustContain(t, in(e.sayIn(t, newDM, member, "Erste Nachricht von hier", true), teamRoom), "anderen Direktchat")

	for i, room := range []id.RoomID{dmRoom, newDM, dmRoom} {
		sent := e.sayIn(t, room, member, fmt.Sprintf("Wechsel %d", i), true)
		team := in(sent, teamRoom)
		mustContain(t, team, fmt.Sprintf("Wechsel %d", i))
		if b := bodies(team); strings.Contains(b, "anderen Direktchat") {
			t.Fatalf("message %d moved the case again:\n%s", i, b)
		}
		if dm := in(sent, room); len(dm) != 0 {
			t.Fatalf("message %d: the member was told:\n%s", i, bodies(dm))
		}
	}
	c, err := e.db.Cases.Get(context.Background(), 1)
	if err != nil || c == nil || c.MemberRoom != newDM.String() {
		t.Fatalf("the case left the chat it moved to: %+v (%v)", c, err)
	}
	mustContain(t, in(e.say(t, teamRoom, alice, "!antwort Antwort eins", root), newDM), "Antwort eins")

	// The member leaves the chat the case is in: their next message from
	// the other one moves it at once.
	e.leave(newDM, member)
	mustContain(t, in(e.sayIn(t, dmRoom, member, "Jetzt wieder hier", true), teamRoom), "anderen Direktchat")
	if c, _ := e.db.Cases.Get(context.Background(), 1); c == nil || c.MemberRoom != dmRoom.String() {
		t.Fatalf("the case stayed in the chat the member left: %+v", c)
	}

	// After MoveInterval, a change moves it again.
	e.newDirectChat(t, newDM, member)
	e.now = e.now.Add(support.MoveInterval + time.Minute)
	mustContain(t, in(e.sayIn(t, newDM, member, "Und wieder hier", true), teamRoom), "anderen Direktchat")
}
