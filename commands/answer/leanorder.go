package answer

import "github.com/lotse-bot/lotse/guides/search"

// choiceLeans reports whether the choice of a close result (decideSearch's
// close path) would rest on one common word. It reads leansOnOneWord of the
// first guide in the order before the learned re-ranking's move
// (search.Result.HitsBeforeRerank), the order the lean's bars were
// calibrated on and the one the weak gate's lean reads too (weakGate).
// A guide the re-ranking moved to the front often meets the message in
// fewer words than the old first and scores lower, so in the shown order
// the lean fired on evidence it was not calibrated on: „wie bekomme ich
// einen Element-Account“ — the re-ranking moves the guide about the chat
// account before a calendar guide; the moved guide (0.38, 0.70 of it from
// "Account") leans, the old first (0.58) does not, and the message got
// "no guide" with its right guide first (eighteenth pass, branch order18).
//
// The moved guide's lean still counts when that guide rests on its one
// word alone (OneWord ≥ answerOneWord, the bar at which the calibration
// treats a guide as met in one word and nothing else): an old first that
// does not lean may rest on one rarer word just the same, and then the
// result has no evidence beyond single words („wie bekomme ich Zugang zum
// Keller“: the access guide moved before a calendar guide that met only
// "bekommen"; review of order18). It also counts in the other direction:
// an old first that leans sends the result to "no guide" even when the
// moved guide does not lean. The choice still shows the re-ranked order.
func choiceLeans(res search.Result) bool {
	first := res.Hits[0]
	if leansOnOneWord(first) && first.OneWord >= calib.answerOneWord {
		return true
	}
	return leansOnOneWord(res.HitsBeforeRerank()[0])
}
