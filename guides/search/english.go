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
	if !inflected(w) {
		return ""
	}
	return s.stem(w)
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
	// surf and surfStem map an ASCII glossary word and its English stem
	// to the German words the glossary gives for it (surface forms, for
	// the compounds).
	surf, surfStem map[string][]string
}

// newEnglishIndex builds the English stems of the thesaurus's source words
// (th: folded surface word → expansions as surface words) and of the
// library's surface words (surface: folded word → stem key).
func newEnglishIndex(th map[string][]thesaurusEntry, surface map[string]string, terms map[string]int32, st *stemmer) *englishIndex {
	es := newEnglishStemmer()
	ei := &englishIndex{thes: map[string][]thesaurusEntry{}, terms: map[string][]int32{},
		surf: map[string][]string{}, surfStem: map[string][]string{}}
	froms := make([]string, 0, len(th))
	for from := range th {
		froms = append(froms, from)
	}
	slices.Sort(froms) // deterministic order of the translations
	for _, from := range froms {
		e := es.stem(from)
		if e == "" {
			continue
		}
		fk := st.stem(from)
		for _, t := range th[from] {
			if tk := st.stem(t.word); tk != fk {
				ei.thes[e] = mergeEntry(ei.thes[e], thesaurusEntry{tk, t.weight})
			}
			if !slices.Contains(ei.surf[from], t.word) {
				ei.surf[from] = append(ei.surf[from], t.word)
			}
			if !slices.Contains(ei.surfStem[e], t.word) {
				ei.surfStem[e] = append(ei.surfStem[e], t.word)
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
		if !slices.Contains(ei.terms[e], id) {
			ei.terms[e] = append(ei.terms[e], id)
		}
	}
	return ei
}

// englishAlts adds to c, the concept of a query word the library does not
// know, the library terms its English stem leads to: the glossary's
// expansions at their weight, the library's loanwords at englishLibWeight.
// It reports whether it added any.
func (ix *Index) englishAlts(c *concept, kr *keyer) bool {
	if ix.english == nil {
		return false
	}
	e := kr.english().queryStem(c.word)
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
func (ix *Index) anglicismAlts(c *concept, kr *keyer) bool {
	bases := anglicismBases(c.word)
	if bases == nil {
		return false
	}
	for _, b := range bases {
		k := kr.key(b)
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

// English open compounds (fifth quality pass). English writes as two words
// what German writes as one ("group room" / "Gruppenraum", "recovery key"
// / "Wiederherstellungsschlüssel", "meeting room" / "Konferenzraum"). When
// both words of a pair of neighbouring query words have German words in
// the glossary, the German compounds of these, joined with the linking
// elements of German compounds (Fugenelemente; Duden, Die Grammatik: none,
// -n-, -s-, -en-, -e-, -es-), are looked up in the library; the first one
// the library knows becomes an alternative of the pair's second word (the
// head of the compound in both languages), so that the query gains no
// concept a guide could fail to match. The first word keeps its concept.

// germanLinks are the linking elements of German compounds, the most
// frequent first.
var germanLinks = []string{"", "n", "s", "en", "e", "es"}

// Bounds of the compound look-up per query (at most 4·3·3·6 = 216 keys):
// pairs tried, German words per English word.
const (
	maxCompoundPairs = 4
	maxCompoundTrans = 3
)

// translations returns the German surface words the glossary gives for
// the English query word w (by its surface form, else, for an English
// inflection, by its English stem), and w itself when the library knows it (a loanword: "app").
func (ix *Index) translations(w string, kr *keyer) []string {
	out := ix.english.surf[w]
	if out == nil {
		if e := kr.english().queryStem(w); e != "" {
			out = ix.english.surfStem[e]
		}
	}
	if _, ok := ix.surface[w]; ok {
		out = append([]string{w}, out...)
	}
	if len(out) > maxCompoundTrans {
		out = out[:maxCompoundTrans]
	}
	return out
}

// joinEnglishCompounds sets the compound of the second word of each pair
// of neighbouring English words to the German compound of their
// translations that the library knows (see above). Pairs across a clause end, with a stop word, inside a
// hyphenated word or of two words the library knows as they are (German
// words: "zwei faktor", "cloud konto") are skipped.
func (ix *Index) joinEnglishCompounds(toks []rawToken, kr *keyer) []rawToken {
	if ix.english == nil || len(toks) < 2 {
		return toks
	}
	tried := 0
	for i := 0; i+1 < len(toks) && tried < maxCompoundPairs; i++ {
		a, b := toks[i], toks[i+1]
		if a.joined || b.joined || a.end || isStop(a.word) || isStop(b.word) || !asciiLetters(a.word) || !asciiLetters(b.word) {
			continue
		}
		if i+2 < len(toks) && toks[i+2].joined && toks[i+2].span >= 2 {
			continue // parts of one hyphenated word: its joined form follows
		}
		_, knownA := ix.surface[a.word]
		_, knownB := ix.surface[b.word]
		if knownA && knownB {
			continue // German words (or loanwords) the library writes as they are
		}
		ta := ix.translations(a.word, kr)
		if ta == nil {
			continue
		}
		tb := ix.translations(b.word, kr)
		if tb == nil {
			continue
		}
		tried++
		if w := ix.knownCompound(ta, tb, kr); w != "" {
			toks[i+1].compound = w // the loop reads no compound field
		}
	}
	return toks
}

// knownCompound returns the first German compound of a word of first and
// a word of last, joined by a linking element, whose index key the
// library knows and which is more than its last part, or "".
func (ix *Index) knownCompound(first, last []string, kr *keyer) string {
	for _, a := range first {
		a = foldWord(a)
		for _, b := range last {
			b = foldWord(b)
			if a == b {
				continue
			}
			bk := kr.key(b)
			for _, l := range germanLinks {
				if l != "" && strings.HasSuffix(a, l) {
					continue // "gruppe" + "e" is no link
				}
				w := a + l + b
				if len(w) > maxQueryWord {
					continue
				}
				k := kr.key(w)
				if _, ok := ix.terms[k]; ok && k != bk {
					return w
				}
			}
		}
	}
	return ""
}
