package search

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

// fugen are the linking elements allowed after a non-final part, longest
// first.
var fugen = []string{"es", "en", "er", "s", "n", "e"}

// decompounder splits words against a set of known standalone words.
type decompounder struct {
	known map[string]struct{}
}

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
	if len(w) < 2*minPart {
		return nil
	}
	const maxParts = 4
	n := len(w)
	// best[i] = fewest parts covering w[i:], -1 if impossible.
	best := make([]int8, n+1)
	next := make([]int, n+1)    // end of the part starting at i
	partEnd := make([]int, n+1) // end of the part without the Fuge
	for i := range best {
		best[i] = -1
	}
	best[n] = 0
	for i := n - minPart; i >= 0; i-- {
		if !isRuneStart(w, i) {
			continue
		}
		for j := n; j >= i+minPart; j-- {
			if best[j] < 0 || (j < n && !isRuneStart(w, j)) {
				continue
			}
			p := w[i:j]
			end := 0
			if d.isKnown(p) {
				end = j
			} else if j < n {
				// p = part + Fuge
				for _, f := range fugen {
					if len(p) > len(f)+minPart-1 && p[len(p)-len(f):] == f && d.isKnown(p[:len(p)-len(f)]) {
						end = j - len(f)
						break
					}
				}
			}
			if end == 0 {
				continue
			}
			c := best[j] + 1
			if c > maxParts {
				continue
			}
			// Prefer fewer parts; among equals prefer the longer first part
			// (j descending, so the first found wins).
			if best[i] < 0 || c < best[i] {
				best[i] = c
				next[i] = j
				partEnd[i] = end
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

func isRuneStart(s string, i int) bool {
	return i >= len(s) || s[i]&0xC0 != 0x80
}

// splitKeys splits the folded surface word w and returns the stem keys of
// its parts (without the key of w itself), or nil.
func (d *decompounder) splitKeys(w string, st *stemmer) []string {
	parts := d.split(umlautFold(w))
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
