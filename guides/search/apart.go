package search

// Twenty-eighth pass (branch eng28a): a word's sense, read from the
// library. A guide word used in another sense — „die Kamera vom Handy“
// (the phone's own camera), „der Schlüssel fürs Parteibüro“ (a door key),
// „das Protokoll der letzten Sitzung“ (a party meeting's minutes) —
// stands beside neighbours it never has in the guides: the guides write
// „Kamera“ with Konferenz, Browser, Freigabe, never with „Handy“ in one
// line or sentence. The words a noun governs or is governed by are its
// context of use (Duden grammar, Attribute; the distributional reading of
// a word's sense: Harris, "Distributional structure", 1954), and the
// library is the only source of the sense Lotse can answer for.
//
// Apart exposes, for neighbouring content words of the query, whether no
// place of the library names them together; the decision reads it only
// for a noun and its attribute (commands/answer: apartBound). Exposure
// only: the ranking and the confidence do not read it.

// WordPair is two folded words of a query, in query order.
type WordPair struct{ First, Second string }

// maxApartPairs bounds the pairs one query is checked for (a pasted
// text has at most maxQueryTokens words; its first pairs are enough).
const maxApartPairs = 16

// apartMinWeight: the alternatives of a concept that are the word itself
// — its stem, a verb ending, a particle verb, a joined compound — not a
// synonym or a typo correction (whose sense is another word's).
const apartMinWeight = 0.9

// apartPairs returns the pairs of neighbouring content words of cs (in
// query order, a compound's parts read with it, typos and words the
// library lacks skipped: they are the eng27a branch's matter) whose terms
// no place of the library names together (together), at most
// maxApartPairs checked; nil when none is apart.
func (ix *Index) apartPairs(cs []concept) []WordPair {
	var out []WordPair
	prev := -1
	checked := 0
	for i := 0; i < len(cs) && checked < maxApartPairs; i++ {
		c := &cs[i]
		if c.part || c.typo || !ix.ownTerms(c, nil) {
			prev = -1
			continue
		}
		if prev >= 0 {
			checked++
			if !ix.together(cs, prev, i) {
				out = append(out, WordPair{cs[prev].word, c.word})
			}
		}
		prev = i
	}
	return out
}

// maxLoneWords bounds the content words loneWords compares with each
// other (a pasted text: its first words are enough).
const maxLoneWords = 12

// loneWords returns the content words of cs (in query order; a
// compound's parts read with it, typos and words the library lacks
// skipped) that no place of the library names together with any other
// of them (together), of the first maxLoneWords; nil when fewer than two
// are known or none is alone. Such a word stands in the message in a
// context the guides never give it: neither the words it governs nor
// those that govern it.
func (ix *Index) loneWords(cs []concept) []string {
	var idx [maxLoneWords]int
	n := 0
	for i := range cs {
		c := &cs[i]
		if c.part || c.typo || !ix.ownTerms(c, nil) {
			continue
		}
		if n == maxLoneWords {
			break
		}
		idx[n] = i
		n++
	}
	if n < 2 {
		return nil
	}
	var with [maxLoneWords]bool
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			if with[a] && with[b] {
				continue
			}
			if ix.together(cs, idx[a], idx[b]) {
				with[a], with[b] = true, true
			}
		}
	}
	var out []string
	for a := 0; a < n; a++ {
		if !with[a] {
			out = append(out, cs[idx[a]].word)
		}
	}
	return out
}

// Lone reports whether the query's word w (folded) is one of
// Result.LoneWords.
func (r Result) Lone(w string) bool {
	if len(r.LoneWords) == 0 {
		return false
	}
	w = umlautFold(foldWord(w))
	for _, l := range r.LoneWords {
		if umlautFold(l) == w {
			return true
		}
	}
	return false
}

// ownTerms calls add (when not nil) for each term of c's own word
// (alternatives of at least apartMinWeight) and reports whether it has
// one.
func (ix *Index) ownTerms(c *concept, add func(int32)) bool {
	has := false
	for _, a := range c.alts {
		if a.w >= apartMinWeight {
			has = true
			if add != nil {
				add(a.term)
			}
		}
	}
	return has
}

// conceptTerms returns the own terms of concept i of cs and of the
// compound parts that follow it (a split compound's parts are concepts
// right after the word).
func (ix *Index) conceptTerms(cs []concept, i int) []int32 {
	var ts []int32
	add := func(t int32) { ts = append(ts, t) }
	ix.ownTerms(&cs[i], add)
	for j := i + 1; j < len(cs) && cs[j].part; j++ {
		ix.ownTerms(&cs[j], add)
	}
	return ts
}

// together reports whether some place of the library names a term of
// concept a and a term of concept b of cs: one author field of a guide
// (its title, tags, aliases and example questions, summary, taught
// questions), or one unit of a section's text (a line, list item or
// sentence: textUnits, the first 32 of a section).
func (ix *Index) together(cs []concept, a, b int) bool {
	ta, tb := ix.conceptTerms(cs, a), ix.conceptTerms(cs, b)
	for _, x := range ta {
		for _, y := range tb {
			if x == y || ix.fieldTogether(x, y) || ix.unitTogether(x, y) {
				return true
			}
		}
	}
	return false
}

// fieldTogether reports whether a guide has terms x and y in one of its
// strong fields.
func (ix *Index) fieldTogether(x, y int32) bool {
	px, py := ix.postings[x], ix.postings[y]
	for i, j := 0, 0; i < len(px) && j < len(py); {
		switch {
		case px[i].doc < py[j].doc:
			i++
		case px[i].doc > py[j].doc:
			j++
		default:
			if px[i].mask&py[j].mask&strongFields != 0 {
				return true
			}
			i++
			j++
		}
	}
	return false
}

// unitTogether reports whether one unit of a section's text has terms x
// and y.
func (ix *Index) unitTogether(x, y int32) bool {
	px, py := ix.secPost[x], ix.secPost[y]
	for i, j := 0, 0; i < len(px) && j < len(py); {
		a, b := px[i], py[j]
		switch {
		case a.doc < b.doc || a.doc == b.doc && a.sec < b.sec:
			i++
		case a.doc > b.doc || a.doc == b.doc && a.sec > b.sec:
			j++
		default:
			if a.lines&b.lines != 0 {
				return true
			}
			i++
			j++
		}
	}
	return false
}

// Apart reports whether the query's neighbouring words a and b (folded,
// in either order) are a pair of Result.Apart.
func (r Result) Apart(a, b string) bool {
	if len(r.ApartPairs) == 0 {
		return false
	}
	a, b = umlautFold(foldWord(a)), umlautFold(foldWord(b))
	for _, p := range r.ApartPairs {
		f, s := umlautFold(p.First), umlautFold(p.Second)
		if f == a && s == b || f == b && s == a {
			return true
		}
	}
	return false
}
