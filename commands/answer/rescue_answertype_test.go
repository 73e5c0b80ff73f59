package answer

import (
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// TestRescueLineAfterAnswerTypeMove: after the answer type's move
// (search.Result.MovedByAnswerType) the rescue's line figure reads the
// judged first guide, which names two words of the message in one line,
// not the moved one, which names none; after the learned re-ranking's
// move it keeps reading the moved first (eng32a measured that other
// reading and did not keep it). The weak evidence is below minChoose and
// the rescue's model declines it, so only the line makes the choice.
func TestRescueLineAfterAnswerTypeMove(t *testing.T) {
	hits := []search.Hit{
		{ID: "konto/passwort-aendern.md", Score: 0.21, Line: 2},
		{ID: "datenschutz/sichere-passwoerter.md", Score: 0.20, Line: 0},
		{ID: "konto/app-passwort.md", Score: 0.19, Line: 0},
	}
	msg := "ist das gleiche passwort schlimm" // short: the model alone declines
	plain := search.Result{Hits: append([]search.Hit(nil), hits...)}
	if d := Decide(msg, fixedLib(plain), Options{}); d.Outcome != Choose || !d.Rescued {
		t.Fatalf("unmoved: %s rescued=%v, want a rescued choice (the fixture no longer reaches the line)", d.Outcome, d.Rescued)
	}
	typed := search.Result{Hits: append([]search.Hit(nil), hits...)}.WithAnswerTypeMove(1)
	if !typed.MovedByAnswerType() || !typed.Reranked() {
		t.Fatal("WithAnswerTypeMove: not reported as the answer type's move")
	}
	d := Decide(msg, fixedLib(typed), Options{})
	if d.Outcome != Choose || !d.Rescued {
		t.Fatalf("answer type's move: %s rescued=%v, want a rescued choice (the line read on the moved first)", d.Outcome, d.Rescued)
	}
	if g := d.Guides(); len(g) == 0 || g[0] != "datenschutz/sichere-passwoerter.md" {
		t.Errorf("answer type's move: guides %v, want the moved guide first", g)
	}
	learned := search.Result{Hits: append([]search.Hit(nil), hits...)}.WithMove(1)
	if learned.MovedByAnswerType() {
		t.Fatal("WithMove: reported as the answer type's move")
	}
	if d := Decide(msg, fixedLib(learned), Options{}); d.Outcome != None {
		t.Errorf("learned move: %s, want no guide (the line stays the moved first's)", d.Outcome)
	}
}
