package search

import "unicode/utf8"

// Typo tolerance: a query word that is neither a stop word nor known to the
// index is compared with the index's surface vocabulary of similar length.
// Up to one edit is allowed for words of 4–9 letters and two for longer
// ones (Damerau–Levenshtein with adjacent transpositions). Only unknown
// words are corrected, so correct words never drift to a neighbour.
//
// Unknown is not the same as misspelt: most unknown words of an
// out-of-scope question are correctly spelt everyday words one edit away
// from a library word ("spenden" → "senden", "abgeben" → "angeben",
// "enable" → "unable"), while real typos rarely hit the start of a word.
// So the first two letters of words under 8 letters (the first letter of
// longer ones) must agree, and the search counts a correction as weak
// evidence: it ranks guides but does not make an answer confident.
//
// Written by hand: the fuzzy-matching libraries around build automata or
// symmetric-delete dictionaries that cost more memory than scanning a few
// thousand words of similar length, which takes well under a millisecond.

// maxEdits returns the number of edits tolerated for a word of n runes.
func maxEdits(n int) int {
	switch {
	case n < 4:
		return 0
	case n < 10:
		return 1
	default:
		return 2
	}
}

// editDistance returns the optimal-string-alignment distance between a and
// b (as rune slices), or max+1 if it exceeds max. buf is scratch space.
func editDistance(a, b []rune, max int, buf []int) int {
	la, lb := len(a), len(b)
	if d := la - lb; d > max || -d > max {
		return max + 1
	}
	w := lb + 1
	need := 3 * w
	if cap(buf) < need {
		buf = make([]int, need)
	}
	buf = buf[:need]
	prev2, prev, cur := buf[0:w], buf[w:2*w], buf[2*w:3*w]
	for j := 0; j <= lb; j++ {
		prev[j] = j
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= lb; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := prev[j-1] + cost
			if x := prev[j] + 1; x < v {
				v = x
			}
			if x := cur[j-1] + 1; x < v {
				v = x
			}
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				if x := prev2[j-2] + 1; x < v {
					v = x
				}
			}
			cur[j] = v
			if v < rowMin {
				rowMin = v
			}
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[lb]
}

// typoIndex holds the surface vocabulary bucketed by rune length.
type typoIndex struct {
	byLen [][]typoWord
}

// typoWord is a vocabulary word and its runes.
type typoWord struct {
	runes []rune
	word  string
}

// newTypoIndex buckets the words of four runes or more by rune length.
func newTypoIndex(words []string) *typoIndex {
	ti := &typoIndex{}
	for _, w := range words {
		n := utf8.RuneCountInString(w)
		if n < 4 {
			continue
		}
		for len(ti.byLen) <= n {
			ti.byLen = append(ti.byLen, nil)
		}
		ti.byLen[n] = append(ti.byLen[n], typoWord{[]rune(w), w})
	}
	return ti
}

// correct returns the vocabulary words closest to w within the tolerated
// number of edits (all words at the smallest distance found) and that
// distance; nil if none.
func (ti *typoIndex) correct(w string) ([]string, int) {
	r := []rune(w)
	max := maxEdits(len(r))
	if max == 0 {
		return nil, 0
	}
	var out []string
	bestD := max + 1
	var buf []int
	for n := len(r) - max; n <= len(r)+max; n++ {
		if n < 0 || n >= len(ti.byLen) {
			continue
		}
		for _, tw := range ti.byLen[n] {
			// Typos at the start of a word are rare; a correction
			// there is more often a different word.
			if tw.runes[0] != r[0] || (len(r) < 8 && tw.runes[1] != r[1]) {
				continue
			}
			d := editDistance(r, tw.runes, bestD, buf)
			if d < bestD {
				bestD = d
				out = out[:0]
			}
			if d == bestD && d <= max {
				out = append(out, tw.word)
			}
		}
	}
	if bestD > max {
		return nil, 0
	}
	return out, bestD
}
