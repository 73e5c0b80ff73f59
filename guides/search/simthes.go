package search

import (
	"math"
	"slices"
)

// A similarity thesaurus of the library (Qiu & Frei 1993, "Concept based
// query expansion"): every term is a vector over the guides' sections
// (its BM25 weight in the section times its idf), and the terms most
// similar to the query as a whole — the sum of the query terms' cosine
// similarities, weighted as the query weighs them — are added to the
// ranking of the runners-up, as the pseudo-relevance feedback (expand)
// adds the first guide's topic terms: the first guide keeps its place,
// only candidates the query found already move, and the scores and the
// confidence do not change. Twenty-sixth pass, branch eng26.

// simTerms is how many expansion terms a query gets.
const simTerms = 5

// simWeight is the expansion's weight relative to the first guide's rank,
// the feedback's (feedbackWeight).
const simWeight = feedbackWeight

// secTerm is a term's weight in one section.
type secTerm struct {
	term int32
	v    float32
}

// buildSimThes fills ix.secTerms and ix.termNorm from ix.secPost.
func (ix *Index) buildSimThes() {
	ix.secTerms = map[uint64][]secTerm{}
	ix.termNorm = make([]float32, len(ix.secPost))
	for t, ps := range ix.secPost {
		var n float64
		for _, p := range ps {
			v := p.sat.value() * float64(ix.idf[t])
			n += v * v
			k := uint64(p.doc)<<16 | uint64(p.sec)
			ix.secTerms[k] = append(ix.secTerms[k], secTerm{int32(t), float32(v)})
		}
		ix.termNorm[t] = float32(math.Sqrt(n))
	}
}

// simExpand adds the similarity thesaurus's terms to the ranks of
// cands[1:].
func (ix *Index) simExpand(cs []concept, cands []cand, sc *scratch) {
	maxDF := max(16, len(ix.docs)/10)
	sim := map[int32]float64{}
	for _, c := range cs {
		if len(c.alts) == 0 || c.typo {
			continue
		}
		q := c.alts[0].term
		qn := float64(ix.termNorm[q])
		if qn == 0 || len(ix.postings[q]) > maxDF {
			continue
		}
		for _, p := range ix.secPost[q] {
			qv := p.sat.value() * float64(ix.idf[q])
			for _, st := range ix.secTerms[uint64(p.doc)<<16|uint64(p.sec)] {
				if st.term == q {
					continue
				}
				sim[st.term] += c.weight * c.idf * qv * float64(st.v) / (qn * float64(ix.termNorm[st.term]))
			}
		}
	}
	type ts struct {
		t int32
		s float64
	}
	var top []ts
	for t, s := range sim {
		if len(ix.postings[t]) <= maxDF && !queryUses(cs, t) {
			top = append(top, ts{t, s})
		}
	}
	slices.SortFunc(top, func(a, b ts) int {
		if a.s != b.s {
			if a.s > b.s {
				return -1
			}
			return 1
		}
		return int(a.t - b.t)
	})
	if len(top) > simTerms {
		top = top[:simTerms]
	}
	var norm float64
	for _, e := range top {
		norm += e.s * float64(ix.idf[e.t])
	}
	if norm == 0 {
		return
	}
	for i, c := range cands {
		sc.cand[c.doc] = int32(i)
	}
	w := simWeight * cands[0].rank / norm
	for _, e := range top {
		idf := float64(ix.idf[e.t])
		for _, p := range ix.postings[e.t] {
			if i := sc.cand[p.doc]; i > 0 {
				cands[i].rank += w * e.s * idf * ix.resat(p.sat.value())
			}
		}
	}
	for _, c := range cands {
		sc.cand[c.doc] = -1
	}
}
