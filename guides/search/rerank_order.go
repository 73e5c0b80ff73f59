package search

// HitsBeforeRerank returns the hits in the order they had before the
// learned re-ranking (rerank.go) moved one to the front: the scores'
// order, on which the decision's figures were calibrated. The hits are
// the same (and Hits when the re-ranking moved none); only the order
// differs. A reader that judges a result from the lead of its first guide
// over the second (commands/answer: the weak-evidence rescue) reads
// this: the moved guide's score is below the old first's, so in the shown
// order the lead is negative (review of rank17, finding 2). The choice a
// member sees keeps the re-ranked order (Hits, Shown).
func (r Result) HitsBeforeRerank() []Hit {
	b := r.rerankedAt
	if b <= 0 || len(r.Hits) < 2 {
		return r.Hits
	}
	// The moved guide's old place may lie beyond the limit the hits
	// were cut to; it then comes last.
	b = min(b, len(r.Hits)-1)
	out := make([]Hit, 0, len(r.Hits))
	out = append(out, r.Hits[1:b+1]...)
	out = append(out, r.Hits[0])
	return append(out, r.Hits[b+1:]...)
}
