package search

import (
	"slices"
	"strings"
	"sync"
)

// Near words: a query word the library does not know, that is no compound
// of library words and no typo of one, is often a derivation of a library
// word the stemmer does not conflate ("protokolliert" against "Protokolle",
// "Moderatorrechte" against "Moderationsrechte"). nearIndex finds the
// library words that share most of their letter trigrams with it (Dice
// coefficient over the umlaut-folded word with boundary marks) and start
// the same way; the search counts such a match as weak evidence, like a
// typo correction: it ranks guides but never makes an answer confident.
//
// Written by hand: a trigram list over the library's own words is a few
// dozen lines, and the fuzzy-search libraries around bring automata or
// whole-document n-gram indexes the engine does not need.

const (
	// nearMinLen is the shortest query word (in bytes, after folding)
	// tried: short words have too few trigrams to tell derivation from
	// coincidence.
	nearMinLen = 7
	// nearPrefix is the number of leading letters a near word must share:
	// German derivation and compounding change the end or the middle of a
	// word, while two words that only rhyme ("spenden", "senden") share
	// their endings.
	nearPrefix = 4
	// nearMaxPosting bounds the words a trigram may list to be used: a
	// trigram that most words share says nothing and only costs time.
	nearMaxPosting = 2000
	// nearDice is the smallest Dice coefficient of a near word.
	nearDice = 0.6
)

// nearIndex lists the library's words by trigram.
type nearIndex struct {
	words []string           // umlaut-folded standalone words
	surf  []string           // the surface words, same order
	n     []int32            // trigrams per word
	grams map[string][]int32 // trigram → word ids
	pool  sync.Pool          // *nearCount
}

// trigrams calls f with each trigram of "^" + w + "$".
func trigrams(w string, f func(g string)) {
	p := "^" + w + "$"
	for i := 0; i+3 <= len(p); i++ {
		f(p[i : i+3])
	}
}

// newNearIndex indexes the known words by trigram: each umlaut-folded
// word once, leaving out words with digits and words shorter than
// nearMinLen-2.
func newNearIndex(known []string) *nearIndex {
	ni := &nearIndex{grams: make(map[string][]int32)}
	seen := make(map[string]bool, len(known))
	for _, w := range known {
		f := umlautFold(w)
		if len(f) < nearMinLen-2 || seen[f] || hasDigit(f) {
			continue
		}
		seen[f] = true
		id := int32(len(ni.words))
		ni.words = append(ni.words, f)
		ni.surf = append(ni.surf, w)
		var n int32
		trigrams(f, func(g string) {
			l := ni.grams[g]
			if len(l) == 0 || l[len(l)-1] != id {
				ni.grams[g] = append(l, id)
				n++
			}
		})
		ni.n = append(ni.n, n)
	}
	nw := len(ni.words)
	ni.pool.New = func() any { return &nearCount{n: make([]int32, nw)} }
	return ni
}

// near returns the surface words of the library nearest to the folded
// query word w (all at the best Dice coefficient, at most 3), or nil.
func (ni *nearIndex) near(w string) []string {
	f := umlautFold(w)
	if len(f) < nearMinLen || len(f) > maxQueryWord || hasDigit(f) {
		return nil
	}
	var pb [maxQueryWord + 2]byte
	p := append(append(append(pb[:0], '^'), f...), '$')
	var qa [maxQueryWord]string
	qg := qa[:0]
	for i := 0; i+3 <= len(p); i++ {
		if g := p[i : i+3]; !slices.Contains(qg, string(g)) {
			qg = append(qg, string(g))
		}
	}
	cnt := ni.pool.Get().(*nearCount)
	defer ni.pool.Put(cnt)
	for _, g := range qg {
		l := ni.grams[g]
		if len(l) > nearMaxPosting {
			continue
		}
		for _, id := range l {
			if cnt.n[id] == 0 {
				cnt.touched = append(cnt.touched, id)
			}
			cnt.n[id]++
		}
	}
	best := 0.0
	var out []string
	for _, id := range cnt.touched {
		c := cnt.n[id]
		cnt.n[id] = 0
		word := ni.words[id]
		if len(word) < nearPrefix || !strings.HasPrefix(f, word[:nearPrefix]) || word == f {
			continue
		}
		d := 2 * float64(c) / float64(int32(len(qg))+ni.n[id])
		switch {
		case d < nearDice || d < best-1e-9:
			continue
		case d > best+1e-9:
			best, out = d, out[:0]
		}
		out = append(out, ni.surf[id])
	}
	cnt.touched = cnt.touched[:0]
	if len(out) == 0 {
		return nil
	}
	slices.Sort(out)
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

// nearCount is the scratch space of one near look-up: a count per library
// word and the words counted.
type nearCount struct {
	n       []int32
	touched []int32
}
