package answer

import "testing"

// TestChoiceLeansReadsOrderBeforeRerank: the close path's lean on one
// common word (choiceLeans) reads the first guide of the order before the
// learned re-ranking's move, the one its bars were calibrated on. On the
// shipped library the re-ranking moves the guide about the chat account to
// the front of a close result; that guide leans on "Account", the old
// first does not. Read in the shown order the message got "no guide" with
// its right guide first (fails so on main); read in the order before the
// move it gets the choice, the right guide first.
func TestChoiceLeansReadsOrderBeforeRerank(t *testing.T) {
	lib := loadLibrary(t)
	const want = "matrix/konto-erstellen-und-anmelden.md"
	for _, msg := range []string{
		"wie bekomme ich einen element account",
		"wie bekomme ich einen matrix account",
	} {
		t.Run(msg, func(t *testing.T) {
			res := lib.SearchFor(msg, 5, false)
			if !res.Reranked() || !res.Close || res.Confident || !leansOnOneWord(res.Hits[0]) || leansOnOneWord(res.HitsBeforeRerank()[0]) {
				t.Fatalf("precondition: a close result the re-ranking moved, its moved first guide leaning on one word and the old first not (moved %v, close %v, confident %v)", res.Reranked(), res.Close, res.Confident)
			}
			d := Decide(msg, lib, Options{})
			if d.Outcome != Choose || len(d.Guides()) == 0 || d.Guides()[0] != want {
				t.Fatalf("got %s %v, want a choice with %s first", d.Outcome, d.Guides(), want)
			}
		})
	}
}

// TestChoiceLeansMovedOnOneWordAlone: a moved first guide that rests on its
// one common word alone still sends the close result to "no guide", even
// when the old first guide does not lean because it met one rarer word
// („bekommen“): a place or a club's room is not the cloud's access. Without
// the moved guide's own lean these got a choice of three unrelated guides
// (review of order18).
func TestChoiceLeansMovedOnOneWordAlone(t *testing.T) {
	lib := loadLibrary(t)
	for _, msg := range []string{
		"wie bekomme ich zugang zum keller",
		"wie bekomme ich zugang zum rathaus",
		"wie bekomme ich einen zugang zum vereinsheim",
	} {
		t.Run(msg, func(t *testing.T) {
			res := lib.SearchFor(msg, 5, false)
			if !res.Reranked() || !res.Close || res.Confident || !leansOnOneWord(res.Hits[0]) ||
				res.Hits[0].OneWord < calib.answerOneWord || leansOnOneWord(res.HitsBeforeRerank()[0]) {
				t.Fatalf("precondition: a close result the re-ranking moved, its moved first guide resting on its one word alone and the old first not leaning (moved %v, close %v, confident %v)", res.Reranked(), res.Close, res.Confident)
			}
			if d := Decide(msg, lib, Options{}); d.Outcome != None || d.exit != exitLeans {
				t.Fatalf("got %s %v (exit %v), want no guide by the one-word lean", d.Outcome, d.Guides(), d.exit)
			}
		})
	}
}
