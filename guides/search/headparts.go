package search

// A guide's section headings name the subtasks it explains, often in one
// compound: „Nachtruhe“ (the notifications guide), „Zeitaufwand“ (the
// digital team's guide), „Zurück in den Hauptraum“ (breakout rooms). A
// member asks in the compound's parts („nachts …“, „wie viel Zeit …“),
// which the index does not hold for the heading, since the library's own
// words are not split (compound.go, splitKnown: splitting every field's
// compounds was measured and dropped in the eighth pass). Here only the
// headings' compounds are split (German decompounding for retrieval:
// Braschler & Ripplinger 2004), and their parts add rank only, at
// CompoundPartWeight of the heading field's weight, to a candidate the
// query found already and that meets the concept nowhere else: the
// scores, the strong-field shares and the confidence stay as they were.
// Twenty-sixth pass, branch eng26.

// headScratch holds a search's per-guide figures of the headings' parts.
type headScratch struct {
	best  []float64 // per doc, for the current concept: the best part's rank weight
	rank  []float64 // per doc: the rank the parts add
	touch []int32   // docs with best > 0 for the current concept
	seen  []int32   // docs with rank > 0
}

// headPartsOf returns the term ids of the parts of a heading word w (its
// folded surface form) that the library knows, made by term; nil when w
// is no compound of known words.
func headPartsOf(d *decompounder, w string, st *stemmer, term func(string) int32) []int32 {
	keys := d.splitAnyKeys(w, st)
	if keys == nil {
		return nil
	}
	ids := make([]int32, len(keys))
	for i, k := range keys {
		ids[i] = term(k)
	}
	return ids
}

// buildHeadPosts fills ix.headPost from the guides' heading tokens: per
// part and guide the heading field's BM25F weight of the compounds that
// hold it, times CompoundPartWeight, saturated as the other postings.
func (ix *Index) buildHeadPosts(all []docToks, words []wordEntry, headW func(doc int) float64) {
	ix.headPost = make([][]posting, len(ix.postings))
	acc := map[int32]float64{}
	for i := range all {
		w := headW(i) * ix.opts.CompoundPartWeight
		for _, t := range all[i].fields[fHeadings] {
			for _, p := range words[t.id()].headParts {
				acc[p] += w
			}
		}
		for id, v := range acc {
			ix.headPost[id] = append(ix.headPost[id], posting{doc: int32(i), sat: newSatWeight(v / (ix.opts.K1 + v))})
			delete(acc, id)
		}
	}
}

// headConcept records, for concept c, the rank its alternatives' heading
// parts add to the guides that meet c in no other way (sc.mark unset):
// only solid alternatives count, as for a strong field.
func (ix *Index) headConcept(c *concept, sc *scratch) {
	hs := &sc.head
	if len(hs.best) < len(ix.docs) {
		hs.best, hs.rank = make([]float64, len(ix.docs)), make([]float64, len(ix.docs))
	}
	for _, a := range c.alts {
		if int(a.term) >= len(ix.headPost) || !c.solid(a) {
			continue
		}
		idf := float64(ix.idf[a.term])
		for _, p := range ix.headPost[a.term] {
			if sc.mark[p.doc] {
				continue
			}
			vr := a.w * idf * ix.resat(p.sat.value())
			if hs.best[p.doc] == 0 {
				hs.touch = append(hs.touch, p.doc)
			}
			hs.best[p.doc] = max(hs.best[p.doc], vr)
		}
	}
	for _, d := range hs.touch {
		if hs.rank[d] == 0 {
			hs.seen = append(hs.seen, d)
		}
		hs.rank[d] += c.weight * hs.best[d]
		hs.best[d] = 0
	}
	hs.touch = hs.touch[:0]
}

// headRank returns the rank the headings' parts add to guide d.
func (sc *scratch) headRank(d int32) float64 {
	if len(sc.head.rank) == 0 {
		return 0
	}
	return sc.head.rank[d]
}

// resetHead clears the headings' figures for the next search.
func (sc *scratch) resetHead() {
	for _, d := range sc.head.seen {
		sc.head.rank[d] = 0
	}
	sc.head.seen = sc.head.seen[:0]
}
