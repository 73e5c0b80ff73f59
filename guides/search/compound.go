package search

import (
	"slices"
	"strings"
)

// German writes compounds as one word ("Bezirksvorstandssitzung"), while a
// guide may use the parts ("Sitzung des Bezirksvorstands") or another
// compound with the same head. The decompounder splits a folded surface word
// into parts that occur as words of their own in the library, allowing the
// usual linking elements (Fugen-s, -es, -n, -en, -e, -er) between parts.
//
// Written by hand: the available Go libraries either need a large external
// dictionary (which would not know a library's own jargon such as "davx5" or
// "gruppenordner") or do not handle Fugenelemente. Splitting against the
// library's own vocabulary adapts to any guide collection.

// minPart is the shortest part a compound may be split into. Shorter parts
// produce spurious splits ("pass"+"wort" is fine, "ab"+"lauf" is not).
const minPart = 4

// splitKnown decides whether words the library itself uses standalone are
// split too. Measured on the dev set: splitting them ("Bezirksvorstand" →
// also "vorstand") cost 3 points of top-1 at every part weight tried, so
// only words unknown to the library (queries) and joined hyphenations are
// split.
const splitKnown = false

// fugen are the linking elements allowed after a non-final part, longest
// first.
var fugen = []string{"es", "en", "er", "s", "n", "e"}

// decompounder splits words against a set of known standalone words.
type decompounder struct {
	known  map[string]struct{}
	sorted []string // the known words, sorted, for prefix walks
}

// newDecompounder returns a decompounder over the known words.
func newDecompounder(known map[string]struct{}) decompounder {
	d := decompounder{known: known, sorted: make([]string, 0, len(known))}
	for w := range known {
		d.sorted = append(d.sorted, w)
	}
	slices.Sort(d.sorted)
	return d
}

// isPrefix reports whether some known word starts with p.
func (d *decompounder) isPrefix(p string) bool {
	i, _ := slices.BinarySearch(d.sorted, p)
	return i < len(d.sorted) && strings.HasPrefix(d.sorted[i], p)
}

// isKnown reports whether p is a known word long enough (minPart) to be
// a part of a compound.
func (d *decompounder) isKnown(p string) bool {
	if len(p) < minPart {
		return false
	}
	_, ok := d.known[p]
	return ok
}

// split returns the parts of w (each a known word, linking elements
// removed) using as few parts as possible, or nil if w cannot be split
// into at least two known parts. At most maxParts parts are tried.
func (d *decompounder) split(w string) []string {
	if !splitKnown && d.isKnown(w) {
		return nil
	}
	return d.splitParts(w)
}

// splitParts is split for any word, known or not: w is never taken as its
// own single part.
func (d *decompounder) splitParts(w string) []string {
	n := len(w)
	if n < 2*minPart {
		return nil
	}
	const maxParts = 4
	// best[i] = fewest parts covering w[i:], -1 if impossible; next[i] is
	// where the part starting at i ends including its Fuge, partEnd[i]
	// without it.
	var bestA [64]int8
	var nextA, endA [64]int
	var best []int8
	var next, partEnd []int
	if n+1 > len(bestA) {
		best, next, partEnd = make([]int8, n+1), make([]int, n+1), make([]int, n+1)
	} else {
		best, next, partEnd = bestA[:n+1], nextA[:n+1], endA[:n+1]
	}
	for i := range best {
		best[i] = -1
	}
	best[n] = 0
	for i := n - minPart; i >= 0; i-- {
		if !isRuneStart(w, i) {
			continue
		}
		// Walk the known words starting at i, shortest first; keep the
		// split with fewest parts, preferring the longer first part.
		for j := i + minPart; j <= n; j++ {
			if !d.isPrefix(w[i:j]) {
				break
			}
			if _, ok := d.known[w[i:j]]; !ok || (j < n && !isRuneStart(w, j)) {
				continue
			}
			try := func(nx int) {
				if nx > n || best[nx] < 0 || (nx == n && i == 0) {
					return
				}
				c := best[nx] + 1
				if c > maxParts {
					return
				}
				if best[i] < 0 || c <= best[i] {
					best[i], next[i], partEnd[i] = c, nx, j
				}
			}
			try(j)
			if j < n {
				for _, f := range fugen {
					if j+len(f) < n && w[j:j+len(f)] == f {
						try(j + len(f))
					}
				}
			}
		}
	}
	if best[0] < 2 {
		return nil
	}
	parts := make([]string, 0, best[0])
	for i := 0; i < n; i = next[i] {
		parts = append(parts, w[i:partEnd[i]])
	}
	return parts
}

// isRuneStart reports whether byte offset i of s starts a rune (or is
// the end of s).
func isRuneStart(s string, i int) bool {
	return i >= len(s) || s[i]&0xC0 != 0x80
}

// splitKeys splits the folded surface word w and returns the stem keys of
// its parts (without the key of w itself), or nil.
func (d *decompounder) splitKeys(w string, st *stemmer) []string {
	return partKeys(w, d.split(umlautFold(w)), st)
}

// splitAnyKeys is splitKeys also for a word the library uses standalone
// ("Profilbild" → "profil", "bild").
func (d *decompounder) splitAnyKeys(w string, st *stemmer) []string {
	return partKeys(w, d.splitParts(umlautFold(w)), st)
}

// partKeys returns the stem keys of parts, the parts of w, without the
// key of w itself, or nil.
func partKeys(w string, parts []string, st *stemmer) []string {
	if parts == nil {
		return nil
	}
	whole := st.stem(w)
	keys := make([]string, 0, len(parts))
	for _, p := range parts {
		if k := st.stem(p); k != whole {
			keys = append(keys, k)
		}
	}
	return keys
}
