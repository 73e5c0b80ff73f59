package search

import (
	_ "embed" // the English → German lexicon
	"strings"
	"sync"
)

// English words the library does not know (fourteenth quality pass,
// branch en14). The guides are German; an English message reaches them
// through the reviewed glossary, the products' UI translations (uiloc.go)
// and English inflection (english.go). A word none of them covers found
// nothing. enlex.tsv is a general English → German word lexicon learned
// statistically from the aligned English and German strings of the
// gettext catalogs of Debian's GUI packages (TestEnLexRebuild,
// enlex_gen_test.go; sources and licences in its header and
// enlex-NOTICE.txt). In a message the language vote reads as English, a
// word the library, the glossary and the English inflection do not
// resolve is looked up by its English stem, and the German words of its
// row that the library knows become weak alternatives, like a typo
// correction's: a statistical translation is a guess, so it may suggest a
// guide but not make an answer confident on its own.

//go:embed enlex.tsv
var enlexTSV string

// enlexWeight weighs a lexicon translation relative to the word itself
// (measured on the tune pool, docs/performance.md, fourteenth pass).
// 0.5 and 0.8 gave the same helped messages, 0.3 fewer. A variable so
// that a test can switch it off; not positive is off.
var enlexWeight = 0.5

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

// enlexAlts adds to c, the concept of an English word the library does
// not know, the German words of its lexicon row that the library knows,
// at enlexWeight and as weak evidence (c.typo). It reports whether it
// added any. The work is one stem and at most enlexMaxRow look-ups.
func (ix *Index) enlexAlts(c *concept, kr *keyer) bool {
	if enlexWeight <= 0 || !asciiLetters(c.word) {
		return false
	}
	row := enlexTable()[enlexKey(c.word, kr.english())]
	n := len(c.alts)
	for i, g := range row {
		if i == enlexMaxRow {
			break
		}
		if id, ok := ix.terms[kr.key(g)]; ok {
			c.alts = appendAlt(c.alts, alt{id, enlexWeight})
		}
	}
	if len(c.alts) == n {
		return false
	}
	c.typo = true
	return true
}

// enlexMaxRow bounds the German words read per English word.
const enlexMaxRow = 3
