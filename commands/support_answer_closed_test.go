package commands

import (
	"context"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
)

// TestAnswerToClosedCaseRefused: the team's answer ends „antworte einfach
// hier, deine Nachricht geht an das Team“, but a closed case relays nothing
// the member writes (their reply went to the question answering, lost to
// the team). So an answer or a guide to a case that is not open is
// refused, with the way to reopen it; after !wiedereröffnen it goes out
// (sec23, Low).
func TestAnswerToClosedCaseRefused(t *testing.T) {
	for _, tc := range []struct{ name, close string }{
		{"closed by the member", "!schließen 1"},
		{"resolved by the team", "!erledigt 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newSupportEnv(t)
			e.openCase(t)
			if tc.close == "!schließen 1" {
				e.say(t, dmRoom, member, tc.close, "")
			} else {
				e.say(t, teamRoom, alice, tc.close, "")
			}
			for _, answer := range []string{"!antwort 1 Geht jetzt über das Formular.", "!antwort 1 anleitung konto/passwort-vergessen.md"} {
				sent := e.say(t, teamRoom, alice, answer, "")
				if dm := in(sent, dmRoom); len(dm) != 0 {
					t.Fatalf("%q reached the member of a case that is not open: %s", answer, bodies(dm))
				}
				mustContain(t, in(sent, teamRoom), "Fall #1 ist nicht offen", "!wiedereröffnen 1")
			}
			e.say(t, teamRoom, alice, "!wiedereröffnen 1", "")
			mustContain(t, in(e.say(t, teamRoom, alice, "!antwort 1 Geht jetzt über das Formular.", ""), dmRoom), "Formular", "Fall #1")
			// The member's reply reaches the team.
			mustContain(t, in(e.say(t, dmRoom, member, "Danke, wo finde ich das Formular?", ""), teamRoom), "wo finde ich das Formular")
		})
	}
}

// TestAnswerRetriedAfterCloseSaysNothing: an answer that went out before a
// crash is handled again after the member closed the case: it says neither
// „nicht offen – ich habe nichts geschickt“ (it did send) nor anything else.
func TestAnswerRetriedAfterCloseSaysNothing(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	answer := e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: "!antwort 1 Geht über das Formular."})
	mustContain(t, in(e.handle(t, answer, false), dmRoom), "Formular")
	e.say(t, dmRoom, member, "!schließen 1", "")
	before := e.fm.count()
	if err := e.h.Handle(context.Background(), Message{Event: answer}); err != nil {
		t.Fatal(err)
	}
	if n := e.fm.count(); n != before {
		e.fm.mu.Lock()
		defer e.fm.mu.Unlock()
		t.Fatalf("the retry sent %d messages: %s", n-before, bodies(e.fm.sent[before:]))
	}
}

// TestAnswerBegunBeforeCloseGoesOn: the first handling of an answer began
// its send and stopped with the outcome unknown (the homeserver may have
// made the event); the member closed the case since. The retry goes on
// (the sender finds out whether the answer exists and sends it at most
// once) instead of telling the team „ich habe nichts geschickt“ (mend23c).
func TestAnswerBegunBeforeCloseGoesOn(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	answer := e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: "!antwort 1 Geht über das Formular."})
	if err := e.db.Inbox.BeginSend(context.Background(), e.h.TxnID(answer.ID, "to-member", 0), dmRoom.String(), e.now); err != nil {
		t.Fatal(err)
	}
	e.say(t, dmRoom, member, "!schließen 1", "")
	sent := e.handle(t, answer, false)
	if team := bodies(in(sent, teamRoom)); strings.Contains(team, "nicht offen") {
		t.Fatalf("the retry of a begun answer was refused: %s", team)
	}
	mustContain(t, in(sent, dmRoom), "Formular")
}
