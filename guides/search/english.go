package search

import (
	"slices"
	"strings"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
)

// English inflection (fifth quality pass). The guides are German and the
// index keys words by their Snowball German stem, which leaves English
// endings alone: "deleted", "deleting" and "joined" missed the glossary's
// "delete" and "join", "meetings" and "uploaded" missed the library's
// loanwords "Meeting" and "Upload". A query word the library does not know
// is therefore also reduced by the Snowball English stemmer
// (snowballstem.org/algorithms/english/stemmer.html, the Porter2
// algorithm) and matched against the English stems of the glossary's
// words and of the library's own words written in plain ASCII letters.

// englishMinLen is the shortest word the English stemmer is tried on:
// shorter words have no inflection worth undoing and collide easily.
const englishMinLen = 4

// englishLibWeight weighs a library word matched through its English stem
// (an inflected form of a loanword) relative to the word itself.
const englishLibWeight = 0.9

// englishStemmer reduces words by the Snowball English stemmer. It is not
// safe for concurrent use.
type englishStemmer struct{ env *snowballstem.Env }

func newEnglishStemmer() *englishStemmer {
	return &englishStemmer{env: snowballstem.NewEnv("")}
}

// stem returns the English stem of the folded word w, or "" when w is not
// a word the English stemmer should see (short, not plain ASCII letters).
func (s *englishStemmer) stem(w string) string {
	if len(w) < englishMinLen || !asciiLetters(w) {
		return ""
	}
	s.env.SetCurrent(w)
	english.Stem(s.env)
	return s.env.Current()
}

// inflected reports whether the folded word w ends in an English
// inflection (plural or third person -s, past -ed, -ing): only such query
// words are looked up by their English stem, so that a German word the
// library does not know ("alleine", "gespeicherte") is left to the typo
// and near-word look-ups.
func inflected(w string) bool {
	n := len(w)
	switch {
	case n >= 5 && w[n-3:] == "ing", n >= 5 && w[n-2:] == "ed":
		return true
	case n >= 4 && w[n-1] == 's' && w[n-2] != 's':
		return true
	}
	return false
}

// queryStem is stem for a query word: "" unless w is inflected.
func (s *englishStemmer) queryStem(w string) string {
	if !inflected(w) || !asciiLetters(w) {
		return ""
	}
	s.env.SetCurrent(w)
	english.Stem(s.env)
	return s.env.Current()
}

// asciiLetters reports whether w consists of the letters a–z only.
func asciiLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// englishIndex maps English stems to what a query word with that stem
// means: the thesaurus expansions of the glossary words with that stem
// and the library terms written with that stem.
type englishIndex struct {
	thes  map[string][]thesaurusEntry // English stem → expansions (stem keys)
	terms map[string][]int32          // English stem → library terms
}

// newEnglishIndex builds the English stems of the thesaurus's source words
// (th: folded surface word → expansions as surface words) and of the
// library's surface words (surface: folded word → stem key).
func newEnglishIndex(th map[string][]thesaurusEntry, surface map[string]string, terms map[string]int32, st *stemmer) *englishIndex {
	es := newEnglishStemmer()
	ei := &englishIndex{thes: map[string][]thesaurusEntry{}, terms: map[string][]int32{}}
	for from, tos := range th {
		e := es.stem(from)
		if e == "" {
			continue
		}
		fk := st.stem(from)
		for _, t := range tos {
			if tk := st.stem(t.word); tk != fk {
				ei.thes[e] = mergeEntry(ei.thes[e], thesaurusEntry{tk, t.weight})
			}
		}
	}
	for w, k := range surface {
		e := es.stem(w)
		if e == "" {
			continue
		}
		id, ok := terms[k]
		if !ok {
			continue
		}
		found := false
		for _, x := range ei.terms[e] {
			found = found || x == id
		}
		if !found {
			ei.terms[e] = append(ei.terms[e], id)
		}
	}
	return ei
}

// englishAlts adds to c, the concept of a query word the library does not
// know, the library terms its English stem leads to: the glossary's
// expansions at their weight, the library's loanwords at englishLibWeight.
// It reports whether it added any.
func (ix *Index) englishAlts(c *concept) bool {
	if ix.english == nil {
		return false
	}
	e := newEnglishStemmer().queryStem(c.word)
	if e == "" {
		return false
	}
	n := len(c.alts)
	for _, x := range ix.english.thes[e] {
		if id, ok := ix.terms[x.word]; ok {
			c.alts = appendAlt(c.alts, alt{id, x.weight})
		}
	}
	for _, id := range ix.english.terms[e] {
		c.alts = appendAlt(c.alts, alt{id, englishLibWeight})
	}
	return len(c.alts) > n
}

// Anglicised verbs (fifth quality pass). German conjugates English verbs
// the German way (Duden, "Anglizismen": downloaden – downgeloadet, updaten
// – upgedatet, canceln – gecancelt, sharen – geshart/geshared, resetten –
// resettet): the infinitive ends in -en/-n, the participle is ge- … -t/-et
// (with the English particle before the ge-: up-ge-datet), and a final
// consonant may be doubled (resetten, loggen). anglicismBases undoes that
// and yields the English base forms to look up, most likely first.

// englishPrefixes are the English particles German puts before the ge- of
// an anglicised participle ("upgedatet", "downgeloadet").
var englishPrefixes = []string{"up", "down", "out"}

// anglicismBases returns the English base forms the folded word w may be
// a German inflection of (without w itself), or nil when w is no such
// form. The candidates are checked against the glossary and the library
// by the caller, so a wrong guess costs nothing.
func anglicismBases(w string) []string {
	if len(w) < 5 || !asciiLetters(w) {
		return nil
	}
	prefix, rest := "", w
	for _, p := range englishPrefixes {
		if strings.HasPrefix(w, p+"ge") && len(w) > len(p)+5 {
			prefix, rest = p, w[len(p)+2:]
			break
		}
	}
	participle := prefix != ""
	if !participle && strings.HasPrefix(rest, "ge") && len(rest) >= 6 {
		rest, participle = rest[2:], true
	}
	var stems []string
	switch {
	case participle && strings.HasSuffix(rest, "ed"):
		stems = append(stems, rest, rest[:len(rest)-2], rest[:len(rest)-1])
	case participle && strings.HasSuffix(rest, "et"):
		stems = append(stems, rest[:len(rest)-2], rest[:len(rest)-1])
	case participle && strings.HasSuffix(rest, "t"):
		stems = append(stems, rest[:len(rest)-1])
	case !participle && strings.HasSuffix(rest, "en"):
		stems = append(stems, rest[:len(rest)-2])
	case !participle && strings.HasSuffix(rest, "ln"):
		stems = append(stems, rest[:len(rest)-1])
	case !participle && strings.HasSuffix(rest, "et"):
		// third person or a participle without ge- ("resettet")
		stems = append(stems, rest[:len(rest)-2], rest[:len(rest)-1])
	default:
		return nil
	}
	var out []string
	add := func(s string) {
		s = prefix + s
		if len(s) >= 3 && s != w && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, s := range stems {
		if len(s) < 3 {
			continue
		}
		add(s)
		if n := len(s); n >= 4 && s[n-1] == s[n-2] && !strings.ContainsRune("aeiou", rune(s[n-1])) {
			add(s[:n-1]) // resett → reset, logg → log
		}
		if !strings.HasSuffix(s, "e") && !strings.HasSuffix(s, "ed") {
			add(s + "e") // shar → share, updat → update
		}
	}
	return out
}

// anglicismAlts adds to c, the concept of a query word the library does
// not know, the alternatives of the first English base form of it (see
// anglicismBases) that the glossary or the library knows. It reports
// whether it added any.
func (ix *Index) anglicismAlts(c *concept) bool {
	bases := anglicismBases(c.word)
	if bases == nil {
		return false
	}
	st := newStemmer()
	for _, b := range bases {
		k := st.stem(b)
		_, known := ix.terms[k]
		if !known && ix.thes[k] == nil {
			continue
		}
		bc := ix.wordConcept(b, k, 1)
		if len(bc.alts) == 0 {
			continue
		}
		for _, a := range bc.alts {
			c.alts = appendAlt(c.alts, a)
		}
		return true
	}
	return false
}
