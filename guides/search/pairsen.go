package search

import "slices"

// An English message's word pairs in German. The word-order evidence
// (phrase.go) pairs neighbouring words of a query with those the guides
// say where they say what they are about; a guide's pairs are German, so
// an English message met almost none of them: "share a file with someone
// who has no cloud account" pairs "no cloud" and "cloud account", the
// guide for sharing by link says „… die kein Cloud-Konto haben“. English
// and German agree in the order of the phrase's words that matter here —
// determiner or negation before the noun, a modifier before its head,
// a preposition before its object — so the pairs of an English message
// are read through the German words the analysis already gave its words
// (the glossary's, the UI translations', the English inflections': the
// concept's alternatives, no typo correction), and its negations through
// their German equivalents.
//
// Only the pairs change: they order the hits and never make a confident
// answer (orderHits, phraseGuard); a German message is read as before.

// englishNegations are the English negations with their German
// equivalent, each a function word of both languages (isStop): the
// headword pairs of Ding's German–English dictionary „kein :: no“,
// „nicht :: not“, „ohne :: without“, „nie :: never“, „nichts :: nothing“
// (endict-NOTICE.txt). "nobody" is left out: „niemand“ is a content word
// of the index, and the pair keys tell the two kinds apart.
var englishNegations = map[string]string{
	"no": "kein", "not": "nicht", "without": "ohne", "never": "nie", "nothing": "nichts",
}

// pairAltsMax is the most German keys a word of an English message takes
// into the pairs besides its own, so a pair costs at most
// (1+pairAltsMax)² look-ups (and the query's pairs stay within
// maxQueryPairs).
const pairAltsMax = 2

// englishPairAlts returns, for the words of an English message's
// concepts, the German keys of their strongest alternatives (at most
// pairAltsMax, not the word's own key, no typo correction): folded word →
// keys.
func (ix *Index) englishPairAlts(cs []concept, kr *keyer) map[string][]string {
	m := make(map[string][]string, len(cs))
	for _, c := range cs {
		if c.typo || c.part || len(c.alts) == 0 {
			continue
		}
		own := kr.key(c.word)
		as := slices.Clone(c.alts)
		slices.SortStableFunc(as, func(a, b alt) int {
			switch {
			case a.w > b.w:
				return -1
			case a.w < b.w:
				return 1
			}
			return 0
		})
		var ks []string
		for _, a := range as {
			k := ix.termKeys[a.term]
			if k == own || slices.Contains(ks, k) {
				continue
			}
			if ks = append(ks, k); len(ks) == pairAltsMax {
				break
			}
		}
		if ks != nil {
			m[c.word] = ks
		}
	}
	return m
}

// pairVariants returns the keys a query word takes into the pairs: its
// own key k, and in an English message (kr.pairAlts not nil) the German
// keys of its concept, or the German equivalent of a negation.
func (kr *keyer) pairVariants(word, k string, stop bool) []string {
	if kr.pairAlts == nil {
		return nil
	}
	if stop {
		if g, ok := englishNegations[word]; ok {
			return []string{g}
		}
		return nil
	}
	return kr.pairAlts[word]
}
