package commands

import (
	"context"
	"testing"

	"maunium.net/go/mautrix/id"
)

// TestMovedCaseQuestionDeletedTakesLearnedBack (mend29b): the case followed
// its member to a new direct chat (sup29) before it was resolved, taught
// and drafted; the member then deletes their question in the chat they
// wrote it in. What Lotse copied of it goes, as for a case that never
// moved (loop29). Before, the learned question and the copies recorded the
// case's new room as the question's, so the member's deletion found
// nothing: the words stayed in the search and in the team room.
func TestMovedCaseQuestionDeletedTakesLearnedBack(t *testing.T) {
	e, store := learnEnv(t)
	ctx := context.Background()
	num := guideNumber(store, roomGuide)
	ja, team := e.caseByJa(t)
	if len(team) == 0 {
		t.Fatal("no case message")
	}
	root := id.EventID("$" + team[0].txn)

	const newDM = id.RoomID("!dm2:test")
	e.newDirectChat(t, newDM, member)
	mustContain(t, in(e.sayIn(t, newDM, member, "Ich schreibe jetzt von hier", true), newDM), "noch offen")

	prompt, draft := e.resolveTeachDraft(t, num, root)

	e.handle(t, e.redaction(dmRoom, member, ja.ID), true)
	if n, _ := e.db.Learned().Count(ctx); n != 0 {
		t.Fatalf("%d learned questions after the member deleted their question in the chat they wrote it in", n)
	}
	redacted := e.redactedIn(teamRoom)
	for name, ev := range map[string]id.EventID{"learning prompt": prompt, "guide draft": draft} {
		if _, ok := redacted[ev]; !ok {
			t.Errorf("the %s quoting the deleted question stays in the team room", name)
		}
	}
}
