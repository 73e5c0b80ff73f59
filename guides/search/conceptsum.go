package search

// A query concept's alternatives (the written word, its other forms, its
// thesaurus and glossary expansions) are matched one by one. Without
// summing, a guide's evidence for the concept is its best single
// alternative. Summed, it is the evidence of all the alternatives the
// guide uses, added before the saturation, as one term: Pirkola's
// synonym operator for dictionary-based query structure (Pirkola 1998,
// SIGIR, "The effects of query structure and dictionary setups in
// dictionary-based cross-language information retrieval"), Lucene's
// SynonymQuery (term frequencies summed, each scaled by its
// alternative's boost) and BM25F's field evidence summed before the
// saturation (Robertson, Zaragoza & Taylor 2004, "Simple BM25 extension
// to multiple weighted fields"). A guide that says "Konto" in its title
// and "Zugang" and "Account" in its body is about accounts more surely
// than one that mentions "Account" once.
//
// Each alternative keeps its own idf (the twentieth pass's syn20 found
// that one idf for a word and its synonyms costs the rare written word
// its weight): its posting's saturated weight s is first scaled into the
// concept's frame, r = a.w·idf(a)/c.idf ≤ 1 (c.idf is the highest
// a.w·idf of the concept's alternatives), and turned back into the term
// frequency that gives r·s under the saturation; the frequencies are
// summed and saturated once, times c.idf. A guide that meets one
// alternative only scores exactly as before (idf·a.w·s); only a guide that
// meets two or more gains, and never more than c.idf.

// conceptSumMode selects where the summed evidence is used: "" none (the
// best single alternative, as before), "rank" the ranking only (Hit.Score,
// the confidence and the coverage keep the best single alternative),
// "score" the score and the ranking; with the prefix "syn" ("synrank",
// "synscore") only the thesaurus's expansions are summed, each with the
// best of the written word's own forms (its verb endings, particle
// verbs, corrections are one word, not several). A string so that a
// measurement can set it at link time (-ldflags -X).
var conceptSumMode = ""

// conceptSumOn reports whether summed evidence is used for the ranking
// (rank) and for the score (score), and whether only the thesaurus's
// expansions are summed (thesOnly).
func conceptSumOn() (rank, score, thesOnly bool) {
	switch conceptSumMode {
	case "rank":
		return true, false, false
	case "score":
		return true, true, false
	case "synrank":
		return true, false, true
	case "synscore":
		return true, true, true
	}
	return false, false, false
}

// isThes reports whether term t is one of c's thesaurus expansions.
func (c *concept) isThes(t int32) bool {
	for _, x := range c.thes {
		if x == t {
			return true
		}
	}
	return false
}

// maxSat bounds a scaled saturated weight below 1, where the term
// frequency it stands for would be infinite.
const maxSat = 0.999

// equivTF returns the term frequency that a saturation with k gives
// r·s, for the saturated weight s of an alternative whose share of the
// concept's idf is r.
func equivTF(r, s, k float64) float64 {
	x := min(r*s, maxSat)
	if x <= 0 {
		return 0
	}
	return k * x / (1 - x)
}

// satTF saturates a summed term frequency t with k.
func satTF(t, k float64) float64 {
	if t <= 0 {
		return 0
	}
	return t / (k + t)
}

// addConceptEvidence adds the posting weight s of an alternative with
// weight w and idf idf to document d's evidence for concept c (score frame
// K1 and ranking frame RankK1): summed when sum (a separate word of the
// concept), else kept as the best of the word's own forms; first starts
// d's evidence.
func (ix *Index) addConceptEvidence(sc *scratch, d int32, first, sum bool, c *concept, w, idf, s float64) {
	if first {
		sc.sumTF[d], sc.sumTFRank[d], sc.sumN[d] = 0, 0, 0
		sc.ownTF[d], sc.ownTFRank[d] = 0, 0
	}
	if c.idf <= 0 {
		return
	}
	r := w * idf / c.idf
	t, tr := equivTF(r, s, ix.opts.K1), equivTF(r, ix.resat(s), ix.opts.RankK1)
	if sum {
		sc.sumTF[d] += t
		sc.sumTFRank[d] += tr
		sc.sumN[d]++
		return
	}
	if sc.ownTF[d] == 0 && sc.ownTFRank[d] == 0 {
		sc.sumN[d]++
	}
	sc.ownTF[d] = max(sc.ownTF[d], t)
	sc.ownTFRank[d] = max(sc.ownTFRank[d], tr)
}

// summedEvidence replaces document d's best single alternative of
// concept c by the summed evidence of its alternatives, where the mode
// says so and d meets two or more of them (with one, the sum is the best
// alternative: it is left untouched, so that no tie moves by rounding).
func (ix *Index) summedEvidence(sc *scratch, d int32, c *concept, rank, score bool) {
	if sc.sumN[d] < 2 || c.idf <= 0 {
		return
	}
	if score {
		sc.best[d] = max(sc.best[d], c.idf*satTF(sc.sumTF[d]+sc.ownTF[d], ix.opts.K1))
	}
	if rank {
		sc.bestRank[d] = max(sc.bestRank[d], c.idf*satTF(sc.sumTFRank[d]+sc.ownTFRank[d], ix.opts.RankK1))
	}
}
