package search

// fieldWinMode switches the re-ranking's field-aware concept match
// (rfFieldWin, rerank.go) on ("on") or off (""). A string so that a
// measurement can set it at link time (-ldflags -X).
var fieldWinMode = ""

// fieldWinWeight is the model's weight of rfFieldWin: rerankWFieldWin
// when the mode is on, else 0.
func fieldWinWeight() float64 {
	if fieldWinMode == "on" {
		return rerankWFieldWin
	}
	return 0
}

// fieldFloorMode switches the ranking's field-aware concept match on
// ("on") or off (""): per query concept, a guide that names any of the
// concept's alternatives firmly in its title, tags or aliases ranks, for
// that concept, at least as high as the best guide that meets the
// concept only in its other fields. A rare synonym in one guide's body
// then no longer outweighs the written word in another guide's title
// through its idf alone. Ranking only: Hit.Score and the confidence keep
// the best alternative's evidence.
var fieldFloorMode = ""

// namingFields are the fields in which a guide names a concept as what it
// is about, for the field floor: title, tags, aliases, taught questions.
const namingFields = 1<<fTitle | tagFields

// fieldFloor raises, for the current concept, the ranking evidence of
// every touched guide that names the concept (sc.named) to the best
// evidence of the guides that do not.
func fieldFloor(sc *scratch) {
	floor := 0.0
	for _, d := range sc.touch {
		if !sc.named[d] {
			floor = max(floor, sc.bestRank[d])
		}
	}
	if floor == 0 {
		return
	}
	for _, d := range sc.touch {
		if sc.named[d] {
			sc.bestRank[d] = max(sc.bestRank[d], floor)
		}
	}
}
