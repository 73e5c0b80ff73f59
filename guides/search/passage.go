package search

import (
	"fmt"
	"sort"
	"strings"
)

// postingFor returns the doc-level posting of term in doc, if any.
func (ix *Index) postingFor(term, doc int32) (posting, bool) {
	ps := ix.postings[term]
	i := sort.Search(len(ps), func(i int) bool { return ps[i].doc >= doc })
	if i < len(ps) && ps[i].doc == doc {
		return ps[i], true
	}
	return posting{}, false
}

// passage scores the sections of doc against the query's concepts and
// returns the best one with coverage figures for the confidence decision.
func (ix *Index) passage(cs []concept, doc int32) detail {
	var scores, covs [maxSections]float64
	var per [maxSections]float64
	var hit [maxSections]uint64 // per section: bit ci set if concept ci matched (first 64 concepts)
	n := 0
	var strong uint64
	for ci := range cs {
		c := &cs[ci]
		for i := 0; i < n; i++ {
			per[i] = 0
		}
		for _, a := range c.alts {
			if ci < 64 {
				if p, ok := ix.postingFor(a.term, doc); ok && p.mask&c.strong != 0 {
					strong |= 1 << ci
				}
			}
			ps := ix.secPost[a.term]
			i := sort.Search(len(ps), func(i int) bool { return ps[i].doc >= doc })
			for ; i < len(ps) && ps[i].doc == doc; i++ {
				s := int(ps[i].sec)
				if s >= maxSections {
					continue
				}
				for ; n <= s; n++ {
					per[n], scores[n], covs[n], hit[n] = 0, 0, 0, 0
				}
				if v := a.w * float64(ix.idf[a.term]) * ps[i].sat.value(); v > per[s] {
					per[s] = v
				}
			}
		}
		for i := 0; i < n; i++ {
			if per[i] > 0 {
				scores[i] += c.weight * per[i]
				covs[i] += c.weight * c.idf
				if ci < 64 {
					hit[i] |= 1 << ci
				}
			}
		}
	}
	d := detail{section: -1}
	for i := 0; i < n; i++ {
		if scores[i] > d.secScore {
			d.section, d.secScore, d.secCov = i, scores[i], covs[i]
		}
	}
	var mask = strong
	if d.section >= 0 {
		mask |= hit[d.section]
	}
	for ci := range cs {
		if ci < 64 && mask&(1<<ci) != 0 {
			d.focus += cs[ci].weight * cs[ci].idf
		}
	}
	return d
}

// explain is a debugging aid for tests: the concepts of a query.
func (ix *Index) explain(query string) string {
	var b strings.Builder
	for _, c := range ix.analyze(query) {
		fmt.Fprintf(&b, "%s(w=%.2f idf=%.2f)[", c.word, c.weight, c.idf)
		for i, a := range c.alts {
			if i > 0 {
				b.WriteString(" ")
			}
			for k, id := range ix.terms {
				if id == a.term {
					fmt.Fprintf(&b, "%s:%.2f/%.2f", k, a.w, ix.idf[a.term])
				}
			}
		}
		b.WriteString("] ")
	}
	return b.String()
}
