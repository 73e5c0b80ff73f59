package search

import (
	_ "embed" // the English → German lexicon
	"strings"
	"sync"
)

// English words the library does not know: a lexicon learned from UI
// translations. The guides are German; an English message reaches them
// through the reviewed glossary, the products' UI translations (uiloc.go)
// and English inflection (english.go). A word none of them covers found
// nothing. enlex.tsv is a general English → German word lexicon learned
// statistically from the aligned English and German strings of the
// gettext catalogs of Debian's GUI packages (TestEnLexRebuild,
// enlex_gen_test.go; sources and licences in its header and
// enlex-NOTICE.txt).
//
// A statistical translation is a guess, so its evidence only adds: in a
// message the language vote reads as English, a word the library, the
// glossary and the English inflection do not resolve keeps the concept it
// had without the lexicon (dropped, typo correction, near word or unknown
// word), so every guide's Score, coverage and the confidence features are
// what they were; the German words of its lexicon row that the library
// knows only add to the rank of the guides that contain them
// (enlexRank). The result is the one made without the lexicon, with the
// lexicon's order beside it (Result.Reordered, searchWhere): a reader
// that shows guides shows them in that order, and the first is a
// confident answer only when the lexicon left it first (Result.Shown).

//go:embed enlex.tsv
var enlexTSV string

// enlexWeight weighs a lexicon translation's rank evidence relative to
// the word itself (docs/performance.md, the English lexicon section). A
// variable so that a test can switch it off; not positive is off.
var enlexWeight = 0.5

// enlexMaxTrans is the most German words a row holds (the generator's
// bound, enlexLearn), so a query word costs at most that many look-ups.
const enlexMaxTrans = 3

// enlexTable returns the lexicon: English stem → German words, best
// first; built on first need (a German message never needs it).
var enlexTable = sync.OnceValue(func() map[string][]string {
	return parseEnLex(enlexTSV)
})

// parseEnLex reads enlex.tsv: comment lines starting with "#", then one
// row per English stem, "stem<TAB>german,words". A malformed row is
// skipped (TestEnLexParses checks that there is none).
func parseEnLex(text string) map[string][]string {
	m := make(map[string][]string, 2048)
	for l := range strings.SplitSeq(text, "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		en, de, ok := strings.Cut(l, "\t")
		if !ok || en == "" || de == "" || strings.ContainsRune(de, '\t') {
			continue
		}
		m[en] = strings.Split(de, ",")
	}
	return m
}

// enlexKey is the lexicon key of the folded word w: its English stem, or
// w itself when the stemmer does not take it (short words), as the
// generator keys it.
func enlexKey(w string, es *englishStemmer) string {
	if s := es.stem(w); s != "" {
		return s
	}
	return w
}

// enlexWord is the rank evidence of one English word of a query: its
// weight in the query and the German words of its lexicon row that the
// library knows.
type enlexWord struct {
	word   string
	weight float64
	alts   []alt
}

// enlexNote records in kr the lexicon evidence of word, an English word of
// an English message that the library does not know, weighing weight in
// the query: the German words of its row that the library knows, if any.
// The work is one stem and at most enlexMaxTrans look-ups.
func (ix *Index) enlexNote(word string, weight float64, kr *keyer) {
	if enlexWeight <= 0 || !asciiLetters(word) {
		return
	}
	var e enlexWord
	for _, g := range lexRow(enlexKey(word, kr.english())) {
		if id, ok := ix.terms[kr.key(g)]; ok {
			e.alts = appendAlt(e.alts, alt{id, enlexWeight})
		}
	}
	if len(e.alts) > 0 {
		e.word, e.weight = word, weight
		kr.lex = append(kr.lex, e)
	}
}

// enlexRank adds the lexicon evidence lex to the rank of the guides that
// contain one of its German words; a guide matched by none of them is
// not touched, and nothing but the rank changes (no Score, coverage or
// confidence feature). A guide found through the lexicon alone joins the
// seen guides with Score 0.
func (ix *Index) enlexRank(lex []enlexWord, sc *scratch) {
	for _, e := range lex {
		sc.touch = sc.touch[:0]
		for _, a := range e.alts {
			idf := float64(ix.idf[a.term])
			for _, p := range ix.postings[a.term] {
				vr := a.w * idf * ix.resat(p.sat.value())
				if !sc.mark[p.doc] {
					sc.mark[p.doc] = true
					sc.touch = append(sc.touch, p.doc)
					sc.bestRank[p.doc] = vr
				} else {
					sc.bestRank[p.doc] = max(sc.bestRank[p.doc], vr)
				}
			}
		}
		for _, d := range sc.touch {
			if !sc.inSeen[d] {
				sc.inSeen[d] = true
				sc.seen = append(sc.seen, d)
			}
			sc.rank[d] += e.weight * sc.bestRank[d]
			sc.mark[d] = false
		}
	}
}
