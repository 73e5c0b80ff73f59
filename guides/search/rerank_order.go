package search

// Reranked reports whether the learned re-ranking (rerank.go) moved
// another guide to the front of the hits; the guide that was first before
// it, the one the decision's gates judged, is then HitsBeforeRerank()[0]
// (and Hits[1]). A first guide the re-ranking moved is never confident
// (rerankGuard); an evaluation reads this to tell such a guide from a
// right first guide that lost its confidence (Evaluate:
// Report.LostToConfidence). The one fact kept is the index the moved
// guide came from.
func (r Result) Reranked() bool { return r.rerankedAt != 0 }

// MovedByAnswerType reports whether the move Reranked reports was the
// question's answer type's (answertype.go): for a question asking for a
// matter, a close runner-up whose title names no task moved before a
// first guide whose title names one. It orders close guides by the
// kind of answer and finds no new evidence of the message's words, so a
// reader of such evidence (commands/answer's rescue line) reads the
// first guide of HitsBeforeRerank.
func (r Result) MovedByAnswerType() bool { return r.rerankedAt != 0 && r.typeMoved }

// HitsBeforeRerank returns the hits in the order they had before the
// learned re-ranking (rerank.go) moved one to the front: the ranking's
// order without the learned re-ranking (not an order by score: see
// Result.Hits), on which the decision's figures were calibrated. The hits are
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

// WithMove returns r as the learned re-ranking leaves a result when it
// moves the hit at index from (of r.Hits, the order before the move) to
// the front: Hits with that hit first, Reranked true, HitsBeforeRerank
// r.Hits again, and the moved first never confident (rerankGuard:
// Confident false, Close when r was confident or close). Runners, an
// order of the runners-up before the move that would name the moved hit
// twice beside it, is dropped (DecisionHits then reads Hits). For
// readers outside this package that build results by hand
// (commands/answer's tests of which order each gate reads). A result
// already moved, or from outside 1..len(r.Hits)-1, is left as it is: the
// re-ranking moves once.
func (r Result) WithMove(from int) Result {
	if r.Reranked() || from < 1 || from >= len(r.Hits) {
		return r
	}
	hits := make([]Hit, 0, len(r.Hits))
	hits = append(hits, r.Hits[from])
	hits = append(hits, r.Hits[:from]...)
	r.Hits = append(hits, r.Hits[from+1:]...)
	r.Runners = nil
	rerankGuard(&r)
	r.rerankedAt = from
	return r
}

// WithAnswerTypeMove is WithMove for the question's answer type's move
// (answertype.go): MovedByAnswerType reports it too. For readers outside
// this package that build results by hand (commands/answer's test of the
// rescue's line).
func (r Result) WithAnswerTypeMove(from int) Result {
	if r.Reranked() || from < 1 || from >= len(r.Hits) {
		return r
	}
	r = r.WithMove(from)
	r.typeMoved = true
	return r
}
