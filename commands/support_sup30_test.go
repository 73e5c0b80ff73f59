package commands

import (
	"context"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
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

			e.say(t, teamRoom, alice, "!antwort 1 Beantrage einen Raum", "")
			var prompt, draft id.EventID
			for _, m := range in(e.say(t, teamRoom, alice, "!erledigt 1 Raum beantragt", ""), teamRoom) {
				if strings.Contains(m.content.Body, "Passt eine Anleitung") {
					prompt = id.EventID("$" + m.txn)
				}
			}
			mustContain(t, in(e.say(t, teamRoom, bob, num, root), teamRoom), "Gelernt", "Nr. 1")
			for _, m := range in(e.say(t, teamRoom, alice, "!anleitung-entwurf 1", ""), teamRoom) {
				if m.content.MsgType == event.MsgFile {
					draft = id.EventID("$" + m.txn)
				}
			}
			if prompt == "" || draft == "" {
				t.Fatalf("precondition: prompt %q, draft %q", prompt, draft)
			}

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
