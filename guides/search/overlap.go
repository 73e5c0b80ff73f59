package search

// How much of a guide's title a query names: the reverse of the query's
// coverage (the share of the query a guide meets). Between guides that
// meet the same words, the one whose title the query names nearly whole
// ("Passwort ändern in den persönlichen Einstellungen" for „wo in den
// einstellungen kann man das kennwort neu setzen?") is more likely the one
// asked for than one that names a query word among many others. Dice's
// coefficient (Dice, "Measures of the amount of ecologic association
// between species", 1945) joins the two directions as their harmonic
// mean, so that a short title the query names whole does not win on
// recall alone ("Konto" over "Hilfe für Gäste ohne Konto":
// TestPhraseOrdersHits). A feature of the learned re-ranking (rerank.go;
// docs/performance.md, fifteenth and seventeenth passes).

// titleRecall is the share of guide doc's title terms, each weighted by
// its idf, that an alternative of a query concept names. Its cost is a
// binary search per author-field term of the guide (docTopic) and, for
// a title term, a scan of the query's alternatives.
func (ix *Index) titleRecall(cs []concept, doc int32) float64 {
	var all, met float64
	for _, t := range ix.docTopic[doc] {
		if p, _ := ix.postingFor(t, doc); p.mask&(1<<fTitle) == 0 {
			continue
		}
		w := float64(ix.idf[t])
		all += w
		if namesTerm(cs, t) {
			met += w
		}
	}
	if all <= 0 {
		return 0
	}
	return met / all
}

// namesTerm reports whether an alternative of a concept of cs is term t.
func namesTerm(cs []concept, t int32) bool {
	for ci := range cs {
		for _, a := range cs[ci].alts {
			if a.term == t {
				return true
			}
		}
	}
	return false
}

// titleDice sets v's rfTitleDice: the harmonic mean of the query's share
// met in the title (rfTitle, its precision against the title) and the
// title's share the query names (rfTitleRecall).
func titleDice(v *rerankFeat) {
	if p, r := v[rfTitle], v[rfTitleRecall]; p+r > 0 {
		v[rfTitleDice] = 2 * p * r / (p + r)
	}
}
