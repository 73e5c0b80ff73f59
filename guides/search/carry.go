package search

import (
	"math/bits"
	"strings"
)

// carry.go: how many of the query's content words each shown guide
// carries (twenty-ninth pass, eng29a). Exposure only: the ranking and the
// confidence do not read these figures; the decision may
// (commands/answer/carry.go).

// contentUnits groups the query's content concepts into units, one per
// word of the message: a split compound's parts belong to the compound
// they come from (its whole word, when the library knows it, comes
// first; the parts are stems inside it). Everyday words (CommonWeight)
// and the bot's name added for a German "du" (Addressee) are no content
// words. unit[i] is concept i's unit, -1 for a concept that is none; n
// is the number of units.
func contentUnits(cs []concept, unit []int) (n int) {
	prev := -1 // the concept that opened the current unit
	for i := range cs {
		c := &cs[i]
		unit[i] = -1
		switch {
		case c.part && prev >= 0 && (cs[prev].part || containsWord(cs[prev].word, c.word)):
			unit[i] = unit[prev]
		case c.part || c.weight >= 1:
			unit[i] = n
			n++
			prev = i
		}
		if !c.part && c.weight < 1 {
			prev = -1
		}
	}
	return n
}

// containsWord reports whether the folded word w holds the part key p.
func containsWord(w, p string) bool {
	return len(p) > 0 && len(w) > len(p) && strings.Contains(w, p)
}

// maxCarryUnits bounds the units read per query (a 60 KB paste has at
// most maxQueryTokens concepts; the figures need only a few).
const maxCarryUnits = 16

// carryFigures sets Result.Content and Result.Lacking from the query's
// concepts, and each hit's Met: the number of content units the guide
// names in any field through any alternative of one of their concepts.
// Lacking counts the content words the library has no alternative for
// at all (no word, stem, thesaurus entry, typo correction or near
// derivation), in a message that does not read as English (a German
// library lacks an English word for one of its own matters as often as
// a foreign thing).
func (ix *Index) carryFigures(res *Result, cs []concept, docs []int32, english func() bool) {
	var buf [maxQueryTokens]int
	unit := buf[:min(len(cs), len(buf))]
	n := contentUnits(cs[:len(unit)], unit)
	if n > maxCarryUnits {
		return
	}
	res.Content = n
	for i, c := range cs[:len(unit)] {
		if unit[i] >= 0 && !c.part && len(c.alts) == 0 {
			res.Lacking++
		}
	}
	if res.Lacking > 0 && english() {
		res.Lacking = 0
	}
	for h, doc := range docs {
		var met uint32
		for i := range unit {
			u := unit[i]
			if u < 0 || met&(1<<u) != 0 {
				continue
			}
			for _, a := range cs[i].alts {
				if _, ok := ix.postingFor(a.term, doc); ok {
					met |= 1 << u
					break
				}
			}
		}
		res.Hits[h].Met = bits.OnesCount32(met)
	}
}

// candDocs returns the documents of the first candidates (at most
// maxHitsCarry), in order.
func candDocs(cands []cand) []int32 {
	docs := make([]int32, 0, min(len(cands), maxHitsCarry))
	for _, c := range cands[:min(len(cands), maxHitsCarry)] {
		docs = append(docs, c.doc)
	}
	return docs
}

// maxHitsCarry is how many hits get Hit.Met: a choice shows at most three.
const maxHitsCarry = 5
