package answer

import (
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// TestRescuedChoiceOfOne: a rescued choice of a single guide does not ask
// „Passt keine davon?“ of it, nor name „keine davon“ as the answer; it
// names „nein“, which support reads after it as it reads „keine davon“
// (ux20, Low: answer/texts.go).
func TestRescuedChoiceOfOne(t *testing.T) {
	const q = "wie teile ich eine tabelle mit meiner gruppe"
	// The search found one guide only (a choice has at least
	// minChoices guides when there are that many).
	one := weakHits(0.6)[:1]
	for _, c := range []struct {
		name   string
		msg    string
		opts   Options
		hint   string
		notHas string
	}{
		{"cases", q, Options{Cases: true}, German.ChooseOrCaseOne, "keine davon"},
		{"contact", q, Options{Contact: "Schreib an hilfe@example.org."}, German.ChooseOrContactOne + " Schreib an hilfe@example.org.", "keine davon"},
		{"english", "how do I share a table with my group", Options{Cases: true, Texts: &English}, English.ChooseOrCaseOne, "none of them"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := Decide(c.msg, fixedResult(search.Result{Hits: one}), c.opts)
			if d.Outcome != Choose || !d.Rescued || len(d.Hits) != 1 {
				t.Fatalf("got %s %v (rescued %v), want a rescued choice of one", d.Outcome, d.Guides(), d.Rescued)
			}
			if d.PersonHint != c.hint || !strings.HasSuffix(d.Reply, c.hint) {
				t.Fatalf("hint %q / reply %q, want %q at the end", d.PersonHint, d.Reply, c.hint)
			}
			if strings.Contains(strings.ToLower(d.Reply), c.notHas) {
				t.Fatalf("reply %q names %q of a single guide", d.Reply, c.notHas)
			}
		})
	}
}
