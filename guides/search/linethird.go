package search

// Term proximity for the third place of the ranking (twenty-sixth pass,
// branch eng26). A guide whose one line, list item or sentence names more
// of the message's distinct words together than any of the first three
// guides is about what the message asks, though the whole-guide scores put
// it fourth or fifth: its words are in its body, while the guides above it
// name one generic word of the message in a title or tag. Proximity of the
// query's terms in a document is evidence of relevance beyond the terms'
// weights (Tao & Zhai 2007, "An exploration of proximity measures in
// information retrieval"; passage-level evidence: Callan 1994). The rule
// only changes which guide is shown third: the first two guides, the
// scores and the confidence stay as they were, so it never makes or
// changes an answer (the choice shows three guides).

// lineThirdFrom is the first place a guide may be moved up from, and
// lineThirdTo the place it moves to: the third, the last one a choice
// shows.
const (
	lineThirdTo   = 2
	lineThirdFrom = 3
)

// minLineThird is the least line count that moves a guide: two distinct
// words of the message in one line (eng24b's minLine in commands/answer).
const minLineThird = 2

// lineThird returns the index of the hit that should be shown third:
// among the hits after the third, the first with the largest Hit.Line,
// when that count is at least minLineThird and larger than each of the
// first three hits' counts. It returns 0 when no hit moves.
func lineThird(hits []Hit) int {
	if len(hits) <= lineThirdFrom {
		return 0
	}
	top := 0
	for _, h := range hits[:lineThirdFrom] {
		top = max(top, h.Line)
	}
	best, at := 0, 0
	for i := lineThirdFrom; i < len(hits); i++ {
		if hits[i].Line > best {
			best, at = hits[i].Line, i
		}
	}
	if best < minLineThird || best <= top {
		return 0
	}
	return at
}

// moveHit moves hits[from] to place to (to < from), shifting the hits
// between them one place back, as moveTo (phrase.go) moves candidates.
func moveHit(hits []Hit, from, to int) {
	h := hits[from]
	copy(hits[to+1:from+1], hits[to:from])
	hits[to] = h
}
