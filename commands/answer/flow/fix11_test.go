package flow

import (
	"fmt"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/answer"
)

// TestDecidedOncePerTurn: a message that support reads with IsQuestion
// (a "no" with an offer pending, and a matter with no question of its
// own: AsksQuestion answers those without a decision) and the answer flow
// then answers is decided once in its turn (review rvZb, finding 1: it was decided twice).
// Another turn, or another text in the same turn, is decided anew, and
// the answer is the same as without the shared decision.
func TestDecidedOncePerTurn(t *testing.T) {
	f := newFixture(t)
	n := 0
	f.w.decideFn = func(msg string, lib answer.Library, opts answer.Options) answer.Decision {
		n++
		return answer.Decide(msg, lib, opts)
	}
	const msg = "nein, ich habe mein Passwort vergessen"
	var bodies [2][]string
	for i := range 2 {
		f.n++
		evt := &event.Event{ID: id.EventID(fmt.Sprintf("$d%d", f.n)), RoomID: f.room, Sender: "@m:test", Type: event.EventMessage,
			Content: event.Content{Parsed: &event.MessageEventContent{MsgType: event.MsgText, Body: msg}}}
		ctx := f.turn(evt)
		n = 0
		before := len(f.fm.Sent())
		if !f.w.IsQuestion(ctx, msg) {
			t.Fatalf("IsQuestion(%q) = false", msg)
		}
		if err := f.w.Text(ctx, msg); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("turn %d: decided %d times, want once", i, n)
		}
		// Taken, the decision is no longer held (review rvM: the slot
		// kept the turn and the library until the next decision).
		f.w.mu.Lock()
		held := f.w.last.turn != nil || f.w.last.lib != nil
		f.w.mu.Unlock()
		if held {
			t.Errorf("turn %d: the decision is still held after the answer", i)
		}
		bodies[i] = f.bodies(before)
		// The same turn, another text: decided anew.
		if f.w.IsQuestion(ctx, "nein danke, ich komme klar") || n != 2 {
			t.Errorf("turn %d: another text in the same turn was not decided anew (%d decisions)", i, n)
		}
	}
	if n := len(bodies[0]); n == 0 || fmt.Sprint(bodies[0]) != fmt.Sprint(bodies[1]) {
		t.Errorf("the answers differ or are missing: %q / %q", bodies[0], bodies[1])
	}
}
