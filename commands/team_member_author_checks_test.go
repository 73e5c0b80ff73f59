package commands

import (
	"context"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// TestTeamDeletionOfAnothersSolutionKeepsIt: a team member's deletion of
// another team member's !erledigt whose inbox record is gone (past its
// retention) reaches support's ForgetTeamMessage without the router's
// check of author and room; there only the author's own deletion counts.
// Bob's deletion of Alice's resolution keeps its solution in the case's
// history. Without that check the solution was erased on Bob's deletion
// (the solution is erased by the stored author, not the deleter), and no
// test noticed (mut35).
func TestTeamDeletionOfAnothersSolutionKeepsIt(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	resolve := e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: "!erledigt 1 Formular an Jo geschickt"})
	if dm := in(e.handle(t, resolve, false), dmRoom); !strings.Contains(bodies(dm), "Formular an Jo geschickt") {
		t.Fatalf("precondition: the solution reached the member: %s", bodies(dm))
	}
	e.forgetInbox(t, resolve.ID)
	e.handle(t, e.redaction(teamRoom, bob, resolve.ID), false)
	if len(e.fm.redacted) != 0 {
		t.Fatalf("bob's deletion of alice's resolution redacted %v", e.fm.redacted)
	}
	// The solution kept with the resolution (what `!fall` and the
	// member's export read) is still there.
	var detail string
	if err := e.db.Lotse.QueryRow(context.Background(), `SELECT detail FROM case_event WHERE case_id=1 AND kind='resolve'`).Scan(&detail); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(detail, "Formular an Jo geschickt") {
		t.Fatalf("bob's deletion erased alice's solution: %q", detail)
	}
}

// TestTeamMemberClosesOnlyInTeamRoom: a team member's `!schließen 1` in
// their own direct chat is a member's command there: case 1 is not theirs,
// so they get the same refusal as anyone (no probing) and the case stays
// open. Only in the team room does the team role close any case. Without
// the room in that check, a team member closed another member's case
// from their direct chat, and no test noticed (mut35).
func TestTeamMemberClosesOnlyInTeamRoom(t *testing.T) {
	const aliceDM = id.RoomID("!dm-alice:test")
	e := newSupportEnv(t)
	e.openCase(t)
	sent := e.handle(t, e.event(aliceDM, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: "!schließen 1"}), true)
	if len(sent) != 1 || sent[0].room != aliceDM || !strings.Contains(sent[0].content.Body, "Einen Fall „1“ von dir finde ich nicht") {
		t.Fatalf("want only the refusal in alice's direct chat, got:\n%s", bodies(in(sent, aliceDM)))
	}
	if c, err := e.db.Cases.Get(context.Background(), 1); err != nil || c == nil || c.Status != storage.CaseOpen {
		t.Fatalf("case after alice's !schließen in her direct chat: %+v (err %v), want open", c, err)
	}
}
