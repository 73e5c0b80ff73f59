package commands

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// TestAnswerWhenLotseWasRemovedFromMembersChat (mend30a): the member
// removed Lotse from the case's direct chat and stays in it themselves; they
// have another direct chat with Lotse. The state store still has the member
// joined there, so sup30's check said „reachable“ and the answer went to a
// room Lotse is no longer in (at the homeserver: refused). Now member and
// Lotse must both be in the case's room; the answer goes to the other chat.
// Fails without bothIn (only the member's membership checked).
func TestAnswerWhenLotseWasRemovedFromMembersChat(t *testing.T) {
	e := newSupportEnv(t)
	root := e.openCase(t)
	const newDM = id.RoomID("!dm2:test")
	e.newDirectChat(t, newDM, member)
	e.leave(dmRoom, botID)

	sent := e.say(t, teamRoom, alice, "!antwort Probier bitte einen anderen Browser.", root)
	if old := in(sent, dmRoom); len(old) != 0 {
		t.Fatalf("the answer went to the chat Lotse is no longer in:\n%s", bodies(old))
	}
	mustContain(t, in(sent, newDM), "#1", "noch offen", "anderen Browser")
	mustContain(t, in(sent, teamRoom), "nicht mehr im bisherigen Chat", "Antwort an das Mitglied gesendet")
	if c, err := e.db.Cases.Get(context.Background(), 1); err != nil || c == nil || c.MemberRoom != newDM.String() {
		t.Fatalf("the case did not move: %+v (%v)", c, err)
	}
}

// TestAnswerToCaseClosedWhileItMoved (mend30a): the member left the case's
// chat; while Lotse moves the case to their other direct chat for the
// team's answer, the case is closed (here: at the moment the member's note
// goes out — in the running bot a reminder's auto-close or the member's
// erasure). Nothing is sent, and the volunteer reads that the case is not
// open. Before, reachMember returned „not reached“ without a word: the
// volunteer's `!antwort` went unanswered. Fails without the reply after
// the failed move.
func TestAnswerToCaseClosedWhileItMoved(t *testing.T) {
	for _, cmd := range []string{"!antwort 1 Probier bitte einen anderen Browser.", "!erledigt 1 Probier bitte einen anderen Browser."} {
		t.Run(strings.Fields(cmd)[0], func(t *testing.T) {
			e := newSupportEnv(t)
			ctx := context.Background()
			e.openCase(t)
			const newDM = id.RoomID("!dm2:test")
			e.newDirectChat(t, newDM, member)
			e.leave(dmRoom, member)
			closed := false
			e.fm.mu.Lock()
			e.fm.onSend = func(room id.RoomID) {
				if room != newDM || closed {
					return
				}
				closed = true
				if ok, _, err := e.db.Cases.Close(ctx, 1, bob.String(), e.now); err != nil || !ok {
					t.Errorf("precondition: close: %v %v", ok, err)
				}
			}
			e.fm.mu.Unlock()

			sent := e.say(t, teamRoom, alice, cmd, "")
			if !closed {
				t.Fatalf("precondition: no note to the member's other chat:\n%s", bodies(sent))
			}
			for _, m := range sent {
				if strings.Contains(m.content.Body, "anderen Browser") {
					t.Fatalf("the answer went out to a closed case (%s):\n%s", m.room, bodies(sent))
				}
			}
			mustContain(t, in(sent, teamRoom), "Fall #1 ist nicht offen")
			if b := bodies(in(sent, teamRoom)); strings.Contains(b, "gesendet") {
				t.Errorf("the team reads that something went out:\n%s", b)
			}
			if c, _ := e.db.Cases.Get(ctx, 1); c == nil || c.Status != storage.CaseClosed {
				t.Fatalf("the case changed: %+v", c)
			}
		})
	}
}

// TestFirstQuestionMessageOfAFullDraftDeleted (mend30a): the member wrote
// their question and 39 more lines (40 messages, the draft's 40 lines),
// then one more, which only filled the draft (none of its words went in),
// and opened a case with „ja“. Then they delete the first message, the one
// with their question. sup30 recorded the filling message as the 41st of
// the question's events; the bound of 40 kept the newest, and the first
// message — the one that matters — was dropped: its deletion reached
// nothing (the thread kept Lotse's copy, the board the summary). Fails
// without withQuestionEvent's check for a message that only filled the
// draft.
func TestFirstQuestionMessageOfAFullDraftDeleted(t *testing.T) {
	e := newSupportEnv(t)
	ctx := context.Background()
	first := e.event(dmRoom, member, textContent("!ticket Meine Telefonnummer 0171 000000 geht nicht"))
	mustContain(t, in(e.handle(t, first, true), dmRoom), "Supportfall")
	for i := 2; i <= storage.MaxQuestionEvents+1; i++ {
		e.say(t, dmRoom, member, fmt.Sprintf("!ticket Zeile %02d mit mehr Einzelheiten", i), "")
	}
	sent := e.say(t, dmRoom, member, "ja", "")
	team := in(sent, teamRoom)
	var question id.EventID
	for _, m := range team {
		if strings.Contains(m.content.Body, "0171 000000") && m.content.RelatesTo != nil {
			question = id.EventID("$" + m.txn)
		}
	}
	if question == "" {
		t.Fatalf("precondition: no copy of the question in the thread:\n%s", bodies(sent))
	}

	e.handle(t, e.redaction(dmRoom, member, first.ID), true)
	if _, ok := e.redactedIn(teamRoom)[question]; !ok {
		t.Errorf("Lotse's copy of the deleted question stays in the thread")
	}
	if c, err := e.db.Cases.Get(ctx, 1); err != nil || c == nil || c.Summary != "" {
		t.Fatalf("the case keeps the summary of the deleted question: %+v (%v)", c, err)
	}
}

// TestTakenBackConfirmationKeepsQuestion (mend30a): the member opened a
// case with ✅ (or „ja“) on the offer, then takes the ✅ back (or deletes
// the „ja“) — in Element one more tap on the reaction. Their question's
// words are in another message, which they did not delete. The team keeps
// Lotse's copy of the question in the thread and the board its summary,
// and reads no „Das Mitglied hat die Nachricht mit der Frage … gelöscht“.
// Before, sup30's ForgetQuestion matched the case's question message's own
// event (the ✅) and did all three. Fails without the Words check in
// ForgetQuestion.
func TestTakenBackConfirmationKeepsQuestion(t *testing.T) {
	for _, how := range []string{"ja", "✅"} {
		t.Run(how, func(t *testing.T) {
			e, _ := learnEnv(t)
			ctx := context.Background()
			q := e.event(dmRoom, member, textContent(unknownWords))
			offer := in(e.handle(t, q, true), dmRoom)
			mustContain(t, offer, "Supportfall")
			var sent []sentMsg
			if how == "ja" {
				sent = e.say(t, dmRoom, member, "ja", "")
			} else {
				sent = e.react(t, dmRoom, member, id.EventID("$"+offer[len(offer)-1].txn), "✅")
			}
			var question id.EventID
			for _, m := range in(sent, teamRoom) {
				if strings.Contains(m.content.Body, unknownWords) && m.content.RelatesTo != nil {
					question = id.EventID("$" + m.txn)
				}
			}
			msgs, err := e.db.Cases.Messages(ctx, 1)
			if err != nil || len(msgs) == 0 || question == "" {
				t.Fatalf("precondition: a case with its question: %v %v\n%s", msgs, err, bodies(sent))
			}
			opener := id.EventID(msgs[0].SourceEvent)
			if opener == q.ID {
				t.Fatalf("precondition: the case keeps the question's own event")
			}

			out := e.handle(t, e.redaction(dmRoom, member, opener), true)
			if _, ok := e.redactedIn(teamRoom)[question]; ok {
				t.Errorf("taking back the %s redacted the team's copy of the question", how)
			}
			if c, err := e.db.Cases.Get(ctx, 1); err != nil || c == nil || !strings.Contains(c.Summary, strings.Fields(unknownWords)[0]) {
				t.Errorf("taking back the %s blanked the case's summary: %+v (%v)", how, c, err)
			}
			if b := bodies(in(out, teamRoom)); strings.Contains(b, "gelöscht") {
				t.Errorf("the team reads that the member deleted their question:\n%s", b)
			}

			// The message with the words still takes it all back.
			e.handle(t, e.redaction(dmRoom, member, q.ID), true)
			if _, ok := e.redactedIn(teamRoom)[question]; !ok {
				t.Errorf("the deleted question's copy stays in the thread")
			}
		})
	}
}
