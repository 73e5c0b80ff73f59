package commands

import (
	"context"
	"testing"

	"maunium.net/go/mautrix/event"

	"github.com/lotse-bot/lotse/commands/chat"
)

// TestEditAuthorCheckedAgainInSupport: the router follows an edit only
// when the inbox records its sender and room as the target's (handleEdit);
// support's EditRelay and EditAnswer check the editor once more against
// the stored case message. Through the router only the two together are
// tested (either one alone stops the edit), so here support is called as
// the router would call it without its check: another person's edit of a
// member's relayed message, and another team member's edit of an answer,
// change nothing and send nothing. Without support's own check, both
// edited (mut35).
func TestEditAuthorCheckedAgainInSupport(t *testing.T) {
	t.Run("relay", func(t *testing.T) {
		e := newSupportEnv(t)
		e.openCase(t)
		msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Mein Passwort ist hunter2"})
		if relay := in(e.handle(t, msg, true), teamRoom); len(relay) != 1 {
			t.Fatalf("precondition: relayed once, got %d", len(relay))
		}
		before, texts := e.fm.count(), e.caseTexts(t)
		ed := e.editText(dmRoom, outsider, msg.ID, "Mein Passwort ist geheim")
		ctx := chat.WithTurn(context.Background(), &chat.Turn{Event: ed, Direct: true})
		if err := e.h.support.EditRelay(ctx, msg.ID, ed.Content.AsMessage().NewContent, "Mein Passwort ist geheim"); err != nil {
			t.Fatal(err)
		}
		if n := e.fm.count() - before; n != 0 || e.caseTexts(t) != texts {
			t.Fatalf("another person's edit sent %d messages; stored texts:\n%s\nwas:\n%s", n, e.caseTexts(t), texts)
		}
	})
	t.Run("answer", func(t *testing.T) {
		e := newSupportEnv(t)
		answer, _ := e.answered(t, "!antwort 1 Dein Passwort ist Sommer2024!")
		before, texts := e.fm.count(), e.caseTexts(t)
		ed := e.editText(teamRoom, bob, answer.ID, "!antwort 1 Bob war hier")
		ctx := chat.WithTurn(context.Background(), &chat.Turn{Event: ed})
		if err := e.h.support.EditAnswer(ctx, answer.ID, "!antwort 1 Bob war hier"); err != nil {
			t.Fatal(err)
		}
		if n := e.fm.count() - before; n != 0 || e.caseTexts(t) != texts {
			t.Fatalf("bob's edit of alice's answer sent %d messages; stored texts:\n%s\nwas:\n%s", n, e.caseTexts(t), texts)
		}
	})
}
