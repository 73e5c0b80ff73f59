package flow

import (
	"path/filepath"
	"testing"

	"maunium.net/go/mautrix/event"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/guides"
)

// TestDecideKeyedByLibraryAndOptions: the decision kept for a turn
// (Workflow.decide) is taken again for the same text only with the same
// library and options — a library reloaded between two reads of one turn,
// or other options (the team's guides, cases), decide anew, so no
// decision outlives the library or options it was taken with (review
// rvM: only the turn and the text were tested).
func TestDecideKeyedByLibraryAndOptions(t *testing.T) {
	f := newFixture(t)
	n := 0
	decideMessage = func(msg string, lib answer.Library, opts answer.Options) answer.Decision {
		n++
		return answer.Decide(msg, lib, opts)
	}
	t.Cleanup(func() { decideMessage = answer.Decide })
	reloaded, _, err := guides.Load(filepath.Join("..", "..", "..", "library"))
	if err != nil {
		t.Fatal(err)
	}
	evt := &event.Event{ID: "$k1", RoomID: f.room, Sender: "@m:test", Type: event.EventMessage}
	ctx := f.turn(evt)
	const msg = "ich habe mein Passwort vergessen"
	opts := answer.Options{Cases: true, Texts: answer.TextsFor("de")}
	steps := []struct {
		lib  *guides.Library
		opts answer.Options
		want int // decisions taken so far
	}{
		{f.lib, opts, 1},
		{f.lib, opts, 1},    // the same: kept
		{reloaded, opts, 2}, // another library
		{reloaded, answer.Options{Team: true, Cases: true, Texts: opts.Texts}, 3}, // other options
		{reloaded, answer.Options{Team: true, Cases: true, Texts: opts.Texts}, 3},
	}
	for i, s := range steps {
		f.w.decide(ctx, msg, s.lib, s.opts)
		if n != s.want {
			t.Fatalf("step %d: %d decisions, want %d", i, n, s.want)
		}
	}
}
