package answer

// allKnown reports whether every word of the message is a word the
// library has (search.Result.Unknown is zero): the message names nothing
// the guides lack, so its weak first guides are the library's reading of
// all of it. Read by rescueWeak beside the line figure.
func allKnown(w *weakEvidence) bool {
	return w.unknown == 0
}
