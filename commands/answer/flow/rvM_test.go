package flow

import (
	"path/filepath"
	"testing"

	"maunium.net/go/mautrix/event"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/guides"
)

// TestDecideKeyedByLibraryAndOptions: the decision kept for a turn
// (Workflow.keep) is taken again (Workflow.decide) for the same text only
// with the same library and options in the same turn — a library
// reloaded between two reads of one turn, or other options (the team's
// guides, cases), another text or another turn decide anew, so no
// decision outlives the library or options it was taken with (review
// rvM: only the turn and the text were tested). Taken once, it is gone.
func TestDecideKeyedByLibraryAndOptions(t *testing.T) {
	f := newFixture(t)
	n := 0
	f.w.decideFn = func(msg string, lib answer.Library, opts answer.Options) answer.Decision {
		n++
		return answer.Decide(msg, lib, opts)
	}
	reloaded, _, err := guides.Load(filepath.Join("..", "..", "..", "library"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := f.turn(&event.Event{ID: "$k1", RoomID: f.room, Sender: "@m:test", Type: event.EventMessage})
	other := f.turn(&event.Event{ID: "$k2", RoomID: f.room, Sender: "@m:test", Type: event.EventMessage})
	const msg = "ich habe mein Passwort vergessen"
	opts := answer.Options{Cases: true, Texts: answer.TextsFor("de")}
	kept := f.w.decide(ctx, msg, f.lib, opts)
	steps := []struct {
		name   string
		second bool // decide the same once more after the first
		text   string
		lib    *guides.Library
		opts   answer.Options
		other  bool // another turn
		anew   bool
	}{
		{name: "the same", text: msg, lib: f.lib, opts: opts},
		{name: "the same, taken twice", second: true, text: msg, lib: f.lib, opts: opts, anew: true},
		{name: "another library", text: msg, lib: reloaded, opts: opts, anew: true},
		{name: "other options", text: msg, lib: f.lib, opts: answer.Options{Team: true, Cases: true, Texts: opts.Texts}, anew: true},
		{name: "another text", text: "mein Passwort", lib: f.lib, opts: opts, anew: true},
		{name: "another turn", text: msg, lib: f.lib, opts: opts, other: true, anew: true},
	}
	for _, s := range steps {
		f.w.keep(ctx, msg, f.lib, opts, kept)
		c := ctx
		if s.other {
			c = other
		}
		if s.second {
			f.w.decide(c, s.text, s.lib, s.opts)
		}
		before := n
		f.w.decide(c, s.text, s.lib, s.opts)
		if got := n > before; got != s.anew {
			t.Errorf("%s: decided anew %v, want %v", s.name, got, s.anew)
		}
	}
}
