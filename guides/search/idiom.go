package search

import "slices"

// Idioms: a few everyday German phrases say with function words what a
// guide says with one content word — "ich weiß mein Passwort nicht mehr"
// is "Passwort vergessen". The words of these phrases are stop words, so
// without this the query would lose its most telling part. An idiom
// matches when all of its words occur in the query within idiomWindow
// tokens, in any order ("weiß das pw nicht mehr", "nicht mehr weiß"); it
// adds its content word as a concept of the query.
//
// Hand-written from general German usage; each entry must hold for any
// help desk, never for one question.
type idiom struct {
	any  []string // one of these (folded surface words) …
	all  []string // … and all of these must occur
	word string   // the content word the phrase means
}

// idioms are the phrases idiomWords looks for.
var idioms = []idiom{
	// "weiß … nicht mehr", "wusste … nicht mehr": vergessen.
	{any: []string{"weiss", "weis", "wusste", "wuste"}, all: []string{"nicht", "mehr"}, word: "vergessen"},
	// "fällt mir nicht mehr ein": vergessen.
	{any: []string{"faellt", "fallt", "fällt"}, all: []string{"nicht", "mehr", "ein"}, word: "vergessen"},
}

// idiomWindow bounds the distance in tokens between the first and the
// last word of an idiom.
const idiomWindow = 8

// idiomWords returns the content words of the idioms found in toks; an
// idiom matches at any occurrence of one of its trigger words (any).
func idiomWords(toks []rawToken) []string {
	var out []string
	for _, id := range idioms {
		if idiomIn(id, toks) && !slices.Contains(out, id.word) {
			out = append(out, id.word)
		}
	}
	return out
}

// idiomIn reports whether the idiom id occurs in toks: all of its words
// within idiomWindow tokens of one of its trigger words.
func idiomIn(id idiom, toks []rawToken) bool {
	for i, t := range toks {
		if !slices.Contains(id.any, t.word) {
			continue
		}
		lo, hi := max(0, i-idiomWindow), min(len(toks), i+idiomWindow+1)
		ok := true
		for _, w := range id.all {
			if !slices.ContainsFunc(toks[lo:hi], func(t rawToken) bool { return t.word == w }) {
				ok = false
				break
			}
		}
		// Only a match ends the look-up: a later occurrence of the
		// trigger word may have the rest of the idiom near it when an
		// earlier one has not.
		if ok {
			return true
		}
	}
	return false
}

// IdiomWords returns the function words of text that the search reads
// as an idiom meaning a content word ("nicht" and "mehr" of "ich weiß
// mein Passwort nicht mehr", read as "vergessen"), folded as the search
// folds a word. A reader of the message's function words (a negation)
// leaves them out: the idiom's negation is part of the word it means.
func IdiomWords(text string) []string {
	toks := tokenize(text, nil)
	var out []string
	for _, id := range idioms {
		if idiomIn(id, toks) {
			out = append(out, id.all...)
		}
	}
	return out
}
