package answer

import "testing"

// TestRescueReadsScoreOrder: the weak-evidence rescue's gate and figures
// read the hits in the scores' order it was fitted on
// (search.Result.HitsBeforeRerank), not the re-ranked one. On the shipped
// library the re-ranking moves the right guide of the message to the front
// of a weak result; read in the shown order its lead over the old first
// guide is negative and it leans on one common word, so the rescue gave
// "no guide" (fails so); read in the scores' order the rescue offers the
// choice main offered, now with the right guide first.
func TestRescueReadsScoreOrder(t *testing.T) {
	lib := loadLibrary(t)
	const msg = "was ist der unterschied zwischen # und @ bei chat adressen"
	const want = "matrix/raeume-und-spaces-beitreten.md"
	if res := lib.SearchFor(msg, 5, false); !res.Reranked() || res.Close || res.Confident {
		t.Fatalf("precondition: a weak result the re-ranking moved (moved %v, close %v, confident %v)", res.Reranked(), res.Close, res.Confident)
	}
	d := Decide(msg, lib, Options{})
	if d.Outcome != Choose || len(d.Guides()) == 0 || d.Guides()[0] != want || !d.Rescued {
		t.Fatalf("got %s %v (rescued %v), want a rescued choice with %s first", d.Outcome, d.Guides(), d.Rescued, want)
	}
}
