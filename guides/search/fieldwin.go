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
