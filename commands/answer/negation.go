package answer

// Negation. The package's grammars read negated clauses in several places
// — a complaint („klappt nicht“), a sentence that denies (aside.go), a
// criticism of the bot, a request for a person that is declined („ich will
// keinen Menschen“) — and each reads a part of one list of words that deny
// their clause: negations. A reader picks its part from it (negationsOf),
// so a word is a negation in one place only, and what a reader adds beside
// it (contrast, particles, a complaint's „immer“) is named as such.
//
// The readers' parts differ because each was measured with the words its
// pass's examples needed; a refactoring keeps them as they are (every
// reply stays the same). Where a part leaves a negation out, the reader
// says so beside its list.

// negations are the words that deny their clause. German (Duden grammar,
// Negation): „nicht“, „kein“ with its forms, „nie“, „niemals“, „nichts“,
// and the colloquial forms that count as the standard ones (Duden: „nich“,
// ugs. für „nicht“; „net“, landsch., bes. südd. für „nicht“; „nix“, ugs.
// für „nichts“). English (Cambridge Grammar of English, Negation): "not",
// "no", "never", "nothing" and the n't forms, folded (fold drops the
// apostrophe: "don't" is "dont").
var negations = set(
	"nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "nichts",
	"nich", "net", "nix",
	"not", "no", "never", "nothing", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "cannot",
	"couldnt", "wont", "wouldnt", "havent", "hasnt")

// negationsOf returns the set of ws, each a word of negations: a reader
// that reads only some of the negations picks them from the one list, and
// a word that is none (a typo, a negation added to one reader only) stops
// the program at start-up instead of reading differently in one place.
func negationsOf(ws ...string) map[string]bool {
	for _, w := range ws {
		if !negations[w] {
			panic("answer: not in negations: " + w)
		}
	}
	return set(ws...)
}
