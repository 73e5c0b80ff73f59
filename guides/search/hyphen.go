package search

import "slices"

// A hyphenated compound („Nextcloud-Passwort“) is indexed as its parts and,
// in addition, as its joined form ("nextcloudpasswort", see appendChunk).
// When the library writes a compound with a hyphen, its joined form is a
// term that mainly the guides writing that very compound contain: a rare
// term, so the highest idf of a query that names it. Taken as a concept of
// its own, it outweighs the rest of the question — "wie ändere ich mein
// Nextcloud-Passwort" went to the one guide whose summary says
// „Nextcloud-Passwort vergessen“, not to the guide about changing the
// password, which names both parts and „ändern“.
//
// The usual treatment of German hyphenated compounds in retrieval (Lucene's
// WordDelimiterGraphFilter with preserveOriginal, its compound filters;
// Braschler & Ripplinger, "How effective is stemming and decompounding for
// German text retrieval?", Information Retrieval 7, 2004) is that the parts
// carry the compound's meaning and the whole form is at most extra evidence
// of the same concept. Every guide that contains a joined-only form also
// contains its parts as words of their own (the tokenizer emits both), so
// the parts' concepts already meet it; the joined form adds no concept.
//
// A joined form that as many guides write as one word as hyphenate it
// ("Login" beside „Log-in“) is a word of the library's own vocabulary and
// keeps its concept, as before: there the whole form, not its parts, is the
// meaning („Log-in“ is no "log"). One guide's one-word spelling among
// several hyphenations, or a taught question, does not make it one
// (markJoinedOnly).
//
// Trade-off (review of hyph19): the joined form of a compound that the
// right guide writes verbatim („App-Passwort“ in the title of the guide
// about app passwords) was strong evidence; read through its parts, such a
// question is more often a choice than an answer. Keeping the joined form
// as a concept with its idf capped at its parts' was measured and not kept
// (docs/passes/19.md, branch hyph19). Written as one word, a compound the
// library hyphenates reads its parts at CompoundPartWeight like any split
// compound, while its hyphenated spelling reads them at full weight;
// reading them at full weight cost part A of the tune pool one message.

// markJoinedOnly records which terms the library has mainly as the joined
// form of a hyphenation: more guides hyphenate them than write them as one
// word. It counts guides, not occurrences, and leaves out the taught
// questions (Doc.Learned): one guide's one-word spelling or one member's
// „nextcloudpasswort weg“ taught from a case must not make a compound that
// the library hyphenates a rare word of its own again. A bit per term: a
// library of 5,000 guides has some 120,000 terms.
func (ix *Index) markJoinedOnly(words []wordEntry, all []docToks) {
	n := len(ix.postings)
	var alone, hyph guideCount
	alone.init(n)
	hyph.init(n)
	for d := range all {
		dt := &all[d]
		each := func(ts []wordTok) {
			for _, t := range ts {
				if we := &words[t.id()]; !we.stop {
					if t.joined() {
						hyph.add(we.key, d)
					} else {
						alone.add(we.key, d)
					}
				}
			}
		}
		for f := range dt.fields {
			if f != fLearned {
				each(dt.fields[f])
			}
		}
		for _, sec := range dt.secs {
			each(sec)
		}
	}
	ix.joinedOnly = make([]uint64, (n+63)/64)
	for k := range n {
		if hyph.n[k] > alone.n[k] {
			ix.joinedOnly[k/64] |= 1 << (k % 64)
		}
	}
}

// guideCount counts per term the guides that contain it, each guide once.
type guideCount struct {
	n    []int32 // per term: the number of guides
	last []int32 // per term: 1 + the last guide counted
}

// init sizes c for n terms.
func (c *guideCount) init(n int) {
	c.n, c.last = make([]int32, n), make([]int32, n)
}

// add counts guide d for term k, unless it counted d already.
func (c *guideCount) add(k int32, d int) {
	if c.last[k] != int32(d+1) {
		c.last[k] = int32(d + 1)
		c.n[k]++
	}
}

// joinedOnlyTerm reports whether the term id is one the library has
// mainly as the joined form of a hyphenated compound (markJoinedOnly).
func (ix *Index) joinedOnlyTerm(id int32) bool {
	return ix.joinedOnly[id/64]&(1<<(id%64)) != 0
}

// dropJoinedOnly removes from c the alternative of its own term when that
// term, key k, is a joined-only form (markJoinedOnly); the query word
// ("Nextcloudpasswort" written as one word) is then read through its
// parts, like its hyphenated spelling. It runs before finishConcept,
// which then weighs the alternatives left.
func (ix *Index) dropJoinedOnly(c *concept, k string) {
	id, ok := ix.terms[k]
	if !ok || !ix.joinedOnlyTerm(id) {
		return
	}
	c.alts = slices.DeleteFunc(c.alts, func(a alt) bool { return a.term == id })
}
