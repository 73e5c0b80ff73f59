package search

// Scope evidence: how much of a message the guides a search found cover
// at all. A message about something the library does not deal with ("wie
// mache ich den Klingelton am Handy leiser", "hab das Passwort von meiner
// Fritzbox vergessen") meets its guides in its general words (Handy,
// Passwort, vergessen) while its most specific words — the thing it is
// about — are met by none of them, or are not in the library at all. A
// guide question, even one a search ranks poorly, is mostly met by the
// guides it finds. This is query coverage, a standard figure of query
// performance prediction in IR (Carmel & Yom-Tov, "Estimating the Query
// Difficulty for Information Retrieval", 2010: the share of the query
// terms the top results contain; and the query-scope idea, that a query
// whose terms the collection barely holds is out of its scope). It is
// computed from the concepts and postings the search already has; it
// does not change the ranking.

// scopeK is how many of the first hits count for Result.Uncovered: the
// most guides a choice shows.
const scopeK = 3

// scope returns Result.Unknown, Result.Uncovered and Result.RarestUncovered
// for the concepts cs of a query (denominator denom, as in searchWhere) and
// its first candidates docs (best first; the first scopeK count).
func (ix *Index) scope(cs []concept, docs []int32, denom float64) (unknown, uncovered, rarest float64) {
	if denom <= 0 || ix.maxIdf <= 0 {
		return 0, 0, 0
	}
	if len(docs) > scopeK {
		docs = docs[:scopeK]
	}
	for ci := range cs {
		c := &cs[ci]
		share := c.weight * c.idf / denom
		if len(c.alts) == 0 {
			unknown += share
		}
		if ix.coveredBy(c, docs) {
			continue
		}
		uncovered += share
		// The rarest word no first guide meets, as a share of the
		// library's highest idf (an unknown word counts UnknownWeight),
		// weighed by how much the word counts in the query (a particle
		// or a word of the setting counts less).
		if v := c.weight * c.idf / ix.maxIdf; v > rarest {
			rarest = v
		}
	}
	return min(1, unknown), min(1, uncovered), min(1, rarest)
}

// coveredBy reports whether one of docs contains one of c's alternatives
// (the word, its stem, a synonym or a correction) in any field.
func (ix *Index) coveredBy(c *concept, docs []int32) bool {
	for _, a := range c.alts {
		for _, d := range docs {
			if _, ok := ix.postingFor(a.term, d); ok {
				return true
			}
		}
	}
	return false
}
