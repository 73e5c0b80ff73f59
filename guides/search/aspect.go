package search

// missedAspects sets Hit.Aspect of the second and third hit: the largest
// share of the query's weight (c.weight·c.idf / denom) carried by a query
// word that the hit names firmly in a field saying what it is about
// (title, tags, aliases, summary, example or taught questions: the
// concept's strong fields, as for Hit.Strong) and that the first hit
// meets only in its body or headings. Buckley & Harman (RIA workshop,
// 2004) found the commonest failure of a ranking to be one aspect of a
// query emphasised and another missed; a first guide that meets a query
// word only in passing while a runner-up is about that word is the shape
// of it ("wie kann ich mein kennwort wechseln": the two-factor guide's
// title says "gewechselt", its body "Kennwort"; "Passwort ändern" is
// about the password). It is exposure only: the ranking, Score and the
// confidence decision do not read it (commands/answer decides on it).
// The work is a binary search per alternative of each concept in the
// first guide's postings, and for a concept met there only in the body
// one per alternative in the second's and third's: linear in the query's
// concepts, which maxQueryTokens bounds; no allocation.
func (ix *Index) missedAspects(cs []concept, cands []cand, hits []Hit, denom float64) {
	n := min(scopeK, len(cands), len(hits))
	if n < 2 || denom <= 0 {
		return
	}
	first := cands[0].doc
	for ci := range cs {
		c := &cs[ci]
		share := c.weight * c.idf / denom
		if share <= 0 || !ix.bodyOnly(c, first) {
			continue
		}
		for i := 1; i < n; i++ {
			if share > hits[i].Aspect && ix.namesFirmly(c, cands[i].doc) {
				hits[i].Aspect = share
			}
		}
	}
}

// bodyOnly reports whether guide doc meets concept c (any alternative,
// any field) but in none of c's strong fields.
func (ix *Index) bodyOnly(c *concept, doc int32) bool {
	met := false
	for _, a := range c.alts {
		p, ok := ix.postingFor(a.term, doc)
		if !ok {
			continue
		}
		if p.mask&c.strong != 0 {
			return false
		}
		met = true
	}
	return met
}

// namesFirmly reports whether guide doc has a solid alternative of c
// (the word, its stem or a curated thesaurus entry: concept.solid) in one
// of c's strong fields.
func (ix *Index) namesFirmly(c *concept, doc int32) bool {
	for _, a := range c.alts {
		if !c.solid(a) {
			continue
		}
		if p, ok := ix.postingFor(a.term, doc); ok && p.mask&c.strong != 0 {
			return true
		}
	}
	return false
}
