package commands

import (
	"context"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
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
