package answer

import "testing"

// TestRescueReadsScoreOrder: the weak-evidence rescue's gate and figures
// read the hits in the scores' order it was fitted on
// (search.Result.HitsBeforeRerank), not the re-ranked one. On the shipped
// library the re-ranking moves the right guide of the message (the chat
// account) to the front of a weak result; read in the shown order that
// guide leans on one common word or the model turns the choice down, so
// the rescue gave "no guide" (fails so with weakGate reading res.Hits);
// read in the scores' order the rescue offers the choice, the right guide
// first. The precondition searches the cleaned text, as Decide does, and
// checks that the shown order would decline: without it the test passed
// once the library no longer leaned the moved guide on one word (review
// of the rescue's re-rank order).
func TestRescueReadsScoreOrder(t *testing.T) {
	lib := loadLibrary(t)
	const msg = "wo finde ich mein element konto"
	const want = "matrix/konto-erstellen-und-anmelden.md"
	q := clean(msg)
	res := lib.SearchFor(q, 5, false)
	if !res.Reranked() || res.Close || res.Confident || len(res.Hits) == 0 {
		t.Fatalf("precondition: a weak result the re-ranking moved (moved %v, close %v, confident %v, %d hits): pick another message", res.Reranked(), res.Close, res.Confident, len(res.Hits))
	}
	before := res.HitsBeforeRerank()
	n := len(wordsOf(q).ws)
	shown := weakEvidence{x: featuresOf(res.Hits, res.Close || res.Confident, n), uncovered: res.Uncovered}
	shownDeclines := leansOnOneWord(res.Hits[0]) || !rescue.helps(weakFeaturesOf(&shown))
	if leansOnOneWord(before[0]) || !shownDeclines {
		t.Fatalf("precondition: read in the shown order the rescue declines (first leans %v, p %.3f), in the scores' order the first does not lean (%v): pick another message",
			leansOnOneWord(res.Hits[0]), rescue.p(weakFeaturesOf(&shown)), leansOnOneWord(before[0]))
	}
	d := Decide(msg, lib, Options{})
	if d.Query != q {
		t.Fatalf("precondition: Decide searched %q, the test %q", d.Query, q)
	}
	if d.Outcome != Choose || len(d.Guides()) == 0 || d.Guides()[0] != want || !d.Rescued {
		t.Fatalf("got %s %v (rescued %v), want a rescued choice with %s first", d.Outcome, d.Guides(), d.Rescued, want)
	}
}
