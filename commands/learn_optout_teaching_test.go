package commands

import (
	"context"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/answer"
)

// objectWhileReading records the member's !nicht-merken as their chat's
// worker handles it (the opt-out, then learn.Workflow.OptedOut) the moment
// fn has read the case's question (once): the member's chat and the team
// room have workers of their own, and the guard takes seconds.
func (e *supportEnv) objectWhileReading(t *testing.T, fn string) {
	t.Helper()
	done := false
	e.fm.mu.Lock()
	defer e.fm.mu.Unlock()
	e.fm.onName = func(user id.UserID) {
		if done || user != member || !readingIn(fn) {
			return
		}
		done = true
		ctx := context.Background()
		if _, err := e.db.Gaps().OptOut(ctx, member.String(), e.now); err != nil {
			t.Error(err)
		}
		if err := e.h.learn.OptedOut(ctx, member); err != nil {
			t.Error(err)
		}
	}
}

// TestOptOutWhileTeaching (mend31c): the member writes !nicht-merken after
// a team member's reply in the case's thread passed the objection check and
// before the question is stored. learn.Workflow.OptedOut finds nothing yet
// to forget; before, the question was then stored, in the search, and the
// team told „Gelernt“ — the member's objection did not reach it. Now it
// goes again at once and the team is told that the member objected. Fails
// without the second look at the objection in learn's teach.
func TestOptOutWhileTeaching(t *testing.T) {
	e, store := learnEnv(t)
	ctx := context.Background()
	_, team := e.caseByJa(t)
	root := id.EventID("$" + team[0].txn)
	e.say(t, teamRoom, alice, "!erledigt 1 Raum beantragt", "")
	e.objectWhileReading(t, "learn.(*Workflow).caseQuestion")
	teach := e.event(teamRoom, bob, &event.MessageEventContent{MsgType: event.MsgText, Body: guideNumber(store, roomGuide),
		RelatesTo: (&event.RelatesTo{}).SetThread(root, root)})
	told := in(e.handle(t, teach, false), teamRoom)
	if n, _ := e.db.Learned().Count(ctx); n != 0 {
		t.Fatalf("%d learned questions from a member who objected while teaching", n)
	}
	if d := answer.Decide(otherWords, store.Current(), answer.Options{}); contains(d.Guides(), roomGuide) {
		t.Fatalf("the search has the words of a member who objected: %s %v", d.Outcome, d.Guides())
	}
	mustContain(t, told, "nicht-merken", "lerne ich deshalb nicht")
	if strings.Contains(bodies(told), "Gelernt") {
		t.Errorf("the team is told it was learned: %s", bodies(told))
	}
	if len(told) != 1 || told[0].content.RelatesTo.GetThreadParent() != root || strings.Contains(allText(told[0]), "Ortsgruppe") {
		t.Fatalf("the thread is not told once, in words: %s", bodies(told))
	}
}
