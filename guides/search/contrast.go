package search

// contrastClose is how close the second candidate's rank must be to the
// first's (with the word-order pairs' evidence, as rerank reads it) for
// the contrastive reading to compare them.
const contrastClose = 0.8

// contrastOff switches the contrastive reading off (tuning aid).
var contrastOff bool

// contrastTrace, when set, receives each search's concepts and first
// candidates in the learned re-ranking's order, and the index the model
// moved to the front (tuning aid only; nil in the bot).
var contrastTrace func(ix *Index, cs []concept, cands []cand, moved int)

// contrast reads the first two candidates, when their ranks are close,
// only on what tells them apart (a pairwise judgement, as the learned
// re-ranking's pairs: what both meet alike does not decide). It reports
// whether the second should come first: the first has no query word in
// its title that the second's title lacks (its lead rests on tags,
// summary, headings or body — the fields a sibling names the object in),
// while the second meets more of the query's words, anywhere, and
// explains more of the query (cand.score, BM25's saturation without
// TopicRank). Neither the first's title nor a tie moves anything.
func (ix *Index) contrast(cs []concept, cands []cand) bool {
	if contrastOff || len(cands) < 2 {
		return false
	}
	a, b := &cands[0], &cands[1]
	ra, rb := a.rank+a.phr, b.rank+b.phr
	if ra <= 0 || rb < contrastClose*ra || b.score <= a.score {
		return false
	}
	nA, nB := 0, 0
	for ci := range cs {
		var ma, mb uint8
		for _, al := range cs[ci].alts {
			if p, ok := ix.postingFor(al.term, a.doc); ok {
				ma |= p.mask
			}
			if p, ok := ix.postingFor(al.term, b.doc); ok {
				mb |= p.mask
			}
		}
		if ma&(1<<fTitle) != 0 && mb&(1<<fTitle) == 0 {
			return false
		}
		if ma != 0 {
			nA++
		}
		if mb != 0 {
			nB++
		}
	}
	return nB > nA
}
