package commands

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/support"
)

// TestWaitingTeamNoteHeldNotLost (rooms33): a case waited
// support.MemberWaitAfter and its member is in no chat with Lotse any
// more, so the thread is told that the member could not be told. While
// the team room is open to everyone that send is held; tellWaiting logged
// the failure and marked the case told, and the note never came (mend32b's
// Left). Now it waits like the team's reminders: nothing goes out while
// the room is open, on any tick, and it comes once after the room is
// closed. Fails without the fix: no note after closing.
func TestWaitingTeamNoteHeldNotLost(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	e.leave(dmRoom, member)
	g := &guardMatrix{fakeMatrix: e.fm}
	e.reconfigure(func(d *Deps) { d.Matrix = g })
	g.set(teamRoom, true)
	tick := func() []sentMsg {
		t.Helper()
		before := e.fm.count()
		// The team's own reminders are held too (an error the worker
		// retries); only what was sent matters here.
		if err := e.h.Tick(context.Background(), e.now); err != nil && !chat.IsHeld(err) {
			t.Fatalf("tick: %v", err)
		}
		e.fm.mu.Lock()
		defer e.fm.mu.Unlock()
		return append([]sentMsg(nil), e.fm.sent[before:]...)
	}
	e.now = e.now.Add(support.MemberWaitAfter + time.Hour)
	for range 2 {
		if sent := in(tick(), teamRoom); len(sent) != 0 {
			t.Fatalf("sent into the open team room:\n%s", bodies(sent))
		}
		e.now = e.now.Add(time.Minute)
	}
	g.set(teamRoom, false)
	mustContain(t, in(tick(), teamRoom), "Fall #1 wartet noch", "ging deshalb nicht raus")
	e.now = e.now.Add(time.Minute)
	if sent := in(tick(), teamRoom); len(sent) != 0 {
		t.Errorf("the note came again:\n%s", bodies(sent))
	}
}
