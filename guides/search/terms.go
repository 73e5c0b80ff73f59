package search

import "slices"

// maxTerms bounds the words of one text that Terms looks at, like the
// search's query limit: a pasted log costs no more than a question.
const maxTerms = 64

// Terms returns the content terms of text, normalised the way the search
// normalises words: folded (lower case, ß → ss), stop words, chat filler
// and everyday words without a topic dropped, then stemmed with umlauts
// folded; sorted, without repeats. Two texts about the same thing share
// terms even in other word forms ("Passwörter vergessen", "passwort
// vergesse"). It is meant for comparing short texts with each other (the
// grouping of unanswered questions), not for ranking guides.
func Terms(text string) []string {
	toks := tokenizeMax(text, nil, maxTerms)
	st := newStemmer()
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if t.joined || isStop(t.word) || isCommon(t.word) {
			continue
		}
		if k := st.stem(t.word); k != "" && !isStop(k) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
