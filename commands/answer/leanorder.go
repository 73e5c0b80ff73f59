package answer

import "github.com/lotse-bot/lotse/guides/search"

// choiceLeans reports whether the choice of a close result (decideSearch's
// close path) would rest on one common word: leansOnOneWord of the first
// guide in the order before the learned re-ranking's move
// (search.Result.HitsBeforeRerank), the order the lean's bars were
// calibrated on and the one the weak gate's lean reads too (weakGate).
// A guide the re-ranking moved to the front often meets the message in
// fewer words than the old first and scores lower, so in the shown order
// the lean fired on evidence it was not calibrated on: „wie bekomme ich
// einen Element-Account“ — the re-ranking moves the guide about the chat
// account before a calendar guide; the moved guide (0.38) owes most of
// it to one common word, the old first (0.58) does not lean, and the
// message got "no guide" with its right guide first (eighteenth pass,
// branch order18: the tune pool unchanged, both parts; three of the
// pass's own probes gain, none lose).
// The choice still shows the re-ranked order.
func choiceLeans(res search.Result) bool {
	return leansOnOneWord(res.HitsBeforeRerank()[0])
}
