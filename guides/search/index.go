// Package search is Lotse's guide search engine: a pure-Go, in-memory,
// German-aware ranking of guides for a member's free-text question, with a
// calibrated decision whether the best guide answers the question
// (Result.Confident) or no guide fits.
//
// Pipeline: tokenize (URLs dropped, hyphenated words kept whole and split)
// → fold (lower case, ß, accents) → drop stop words → Snowball German stem
// with umlauts and ae/oe/ue folded → index fields with BM25F weights.
// Documents' compounds are split against the library's own vocabulary at
// Build time; queries are expanded with a small domain thesaurus and an
// English→German word list, split when compound and unknown, and corrected
// when misspelt. The package knows nothing about Matrix or files.
package search

import (
	"math"
	"sort"
	"sync"
)

// Doc is one guide as the engine sees it.
type Doc struct {
	ID       string    // e.g. "nextcloud/anmelden.md"
	Title    string    // guide title
	Tags     []string  // keywords from the front matter
	Summary  string    // one-sentence summary
	Aliases  []string  // typical questions, optional
	Sections []Section // body split at headings; Section 0 may be the intro (Heading "")
}

// Section is one part of a guide's body between two headings.
type Section struct {
	Heading string // heading text, "" for the intro
	Text    string // plain text (Markdown already stripped)
}

// Options tunes the engine. The zero value selects tuned defaults; any field
// left zero keeps its default.
type Options struct {
	// Field weights for BM25F.
	TitleWeight, TagsWeight, AliasesWeight, SummaryWeight, HeadingsWeight, BodyWeight float64
	// K1 is the BM25 term-frequency saturation, B the length normalisation.
	K1, B float64
	// CompoundPartWeight is the weight of a compound's parts relative to
	// the whole word, both for document compounds and split query words.
	CompoundPartWeight float64
	// SynonymWeight, OneWayWeight and EnglishWeight weigh thesaurus
	// expansions of a query word relative to the word itself.
	SynonymWeight, OneWayWeight, EnglishWeight float64
	// TypoWeight weighs a corrected word (one edit; squared for two).
	TypoWeight float64
	// UnknownWeight weighs a query word the library does not know at all,
	// relative to the rarest known word, in the coverage denominator.
	UnknownWeight float64
	// CommonWeight weighs everyday words ("Wochenende", "Leute") that say
	// little about a question's topic.
	CommonWeight float64
	// SectionWeight mixes the best section's score into the ranking.
	SectionWeight float64
	// The confidence of the best hit is its Score plus StrongWeight times
	// the share of the query weight it matches in its title, tags, aliases
	// or summary (the fields that say what a guide is about; an
	// out-of-scope question typically meets a guide only in passing in its
	// body). Confident needs confidence >= ConfidentScore and, when
	// ConfidentMargin is positive, a lead (s1-s2)/s1 >= ConfidentMargin
	// over the second hit. Close needs Score >= CloseScore.
	StrongWeight, ConfidentScore, ConfidentMargin, CloseScore float64
	// Synonyms adds library-specific synonym groups to the built-in
	// thesaurus (surface words; every member expands to every other).
	Synonyms [][]string
}

// DefaultOptions returns the tuned defaults.
func DefaultOptions() Options {
	return Options{
		TitleWeight:        3,
		TagsWeight:         3,
		AliasesWeight:      2.5,
		SummaryWeight:      2,
		HeadingsWeight:     1.5,
		BodyWeight:         1,
		K1:                 1.2,
		B:                  0.5,
		CompoundPartWeight: 0.6,
		SynonymWeight:      0.8,
		OneWayWeight:       0.6,
		EnglishWeight:      0.9,
		TypoWeight:         0.8,
		UnknownWeight:      0.7,
		CommonWeight:       0.35,
		SectionWeight:      0,
		StrongWeight:       0.5,
		ConfidentScore:     0.44,
		ConfidentMargin:    -1, // disabled: the lead did not separate on the dev set
		CloseScore:         0.2,
	}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	set := func(v *float64, def float64) {
		if *v == 0 {
			*v = def
		}
	}
	set(&o.TitleWeight, d.TitleWeight)
	set(&o.TagsWeight, d.TagsWeight)
	set(&o.AliasesWeight, d.AliasesWeight)
	set(&o.SummaryWeight, d.SummaryWeight)
	set(&o.HeadingsWeight, d.HeadingsWeight)
	set(&o.BodyWeight, d.BodyWeight)
	set(&o.K1, d.K1)
	set(&o.B, d.B)
	set(&o.CompoundPartWeight, d.CompoundPartWeight)
	set(&o.SynonymWeight, d.SynonymWeight)
	set(&o.OneWayWeight, d.OneWayWeight)
	set(&o.EnglishWeight, d.EnglishWeight)
	set(&o.TypoWeight, d.TypoWeight)
	set(&o.UnknownWeight, d.UnknownWeight)
	set(&o.SectionWeight, d.SectionWeight)
	set(&o.CommonWeight, d.CommonWeight)
	set(&o.StrongWeight, d.StrongWeight)
	set(&o.ConfidentScore, d.ConfidentScore)
	set(&o.ConfidentMargin, d.ConfidentMargin)
	set(&o.CloseScore, d.CloseScore)
	return o
}

const (
	fTitle = iota
	fTags
	fAliases
	fSummary
	fHeadings
	fBody
	numFields
)

// strongFields are the fields written to describe the guide as a whole.
const strongFields = 1<<fTitle | 1<<fTags | 1<<fAliases | 1<<fSummary

type posting struct {
	doc  int32
	sat  float32 // saturated BM25F term weight in [0,1)
	mask uint8   // fields the term occurs in
}

type secPosting struct {
	doc int32
	sec int32
	sat float32
}

// Index is an immutable search index over a set of guides. It is safe for
// concurrent use by multiple goroutines.
type Index struct {
	opts     Options
	docs     []docInfo
	terms    map[string]int32 // stem key → term id
	idf      []float32
	postings [][]posting
	secPost  [][]secPosting // per term, sorted by doc then section
	maxIdf   float64

	surface map[string]string   // folded surface word → stem key (cache)
	splits  map[string][]string // folded surface word → stem keys of its compound parts
	decomp  decompounder
	typos   *typoIndex
	thes    map[string][]thesaurusEntry // stem key → expansions (stem keys)

	pool sync.Pool
}

type docInfo struct {
	id, title string
}

// docTerms accumulates weighted term frequencies of one text unit.
type docTerms map[string]float64

// Build indexes docs. It never fails; empty docs are indexed but can't be
// found.
func Build(docs []Doc, opts Options) *Index {
	o := opts.withDefaults()
	ix := &Index{
		opts:    o,
		terms:   make(map[string]int32),
		surface: make(map[string]string),
	}
	st := newStemmer()

	// Pass 1: tokenize every field and collect the standalone vocabulary.
	type docToks struct {
		fields [numFields][]rawToken
		secs   [][]rawToken
	}
	all := make([]docToks, len(docs))
	known := make(map[string]struct{}) // folded surface words

	var buf []rawToken
	tok := func(s string) []rawToken {
		buf = tokenize(s, buf[:0])
		out := make([]rawToken, len(buf))
		copy(out, buf)
		for _, t := range out {
			if !t.joined && !isStop(t.word) {
				known[t.word] = struct{}{}
			}
		}
		return out
	}
	tokList := func(ss []string) []rawToken {
		var out []rawToken
		for _, s := range ss {
			out = append(out, tok(s)...)
		}
		return out
	}
	for i, d := range docs {
		dt := &all[i]
		dt.fields[fTitle] = tok(d.Title)
		dt.fields[fTags] = tokList(d.Tags)
		dt.fields[fAliases] = tokList(d.Aliases)
		dt.fields[fSummary] = tok(d.Summary)
		dt.secs = make([][]rawToken, len(d.Sections))
		for j, s := range d.Sections {
			h := tok(s.Heading)
			dt.fields[fHeadings] = append(dt.fields[fHeadings], h...)
			b := tok(s.Text)
			dt.fields[fBody] = append(dt.fields[fBody], b...)
			// Section text: the heading counts twice.
			sec := make([]rawToken, 0, 2*len(h)+len(b))
			sec = append(append(append(sec, h...), h...), b...)
			dt.secs[j] = sec
		}
		ix.docs = append(ix.docs, docInfo{id: d.ID, title: d.Title})
	}
	// The decompounder knows the umlaut-folded surface words and their
	// stems, so "Passwortänderung" splits at "änderungen"'s stem.
	dk := make(map[string]struct{}, 2*len(known))
	for w := range known {
		dk[umlautFold(w)] = struct{}{}
		dk[st.stem(w)] = struct{}{}
	}
	for _, g := range synonymGroups {
		for _, w := range g {
			dk[umlautFold(normThesWord(w))] = struct{}{}
		}
	}
	for w := range oneWay {
		dk[umlautFold(normThesWord(w))] = struct{}{}
	}
	ix.decomp = decompounder{known: dk}
	ix.splits = make(map[string][]string)

	// Stems and compound splits per distinct surface word.
	type wordInfo struct {
		key   string
		parts []string // stem keys of compound parts
	}
	info := make(map[string]wordInfo)
	lookup := func(w string) wordInfo {
		if wi, ok := info[w]; ok {
			return wi
		}
		wi := wordInfo{key: st.stem(w), parts: ix.decomp.splitKeys(w, st)}
		info[w] = wi
		ix.surface[w] = wi.key
		if wi.parts != nil {
			ix.splits[w] = wi.parts
		}
		return wi
	}
	count := func(toks []rawToken, w float64, into docTerms) int {
		n := 0
		for _, t := range toks {
			if isStop(t.word) {
				continue
			}
			wi := lookup(t.word)
			into[wi.key] += w
			for _, p := range wi.parts {
				into[p] += w * o.CompoundPartWeight
			}
			if !t.joined {
				n++
			}
		}
		return n
	}

	// Pass 2: field term frequencies and lengths.
	fieldW := [numFields]float64{o.TitleWeight, o.TagsWeight, o.AliasesWeight, o.SummaryWeight, o.HeadingsWeight, o.BodyWeight}
	type fieldTF struct {
		tf  [numFields]docTerms
		len [numFields]int
	}
	ftf := make([]fieldTF, len(docs))
	var avgLen [numFields]float64
	for i := range all {
		for f := 0; f < numFields; f++ {
			ftf[i].tf[f] = make(docTerms)
			ftf[i].len[f] = count(all[i].fields[f], 1, ftf[i].tf[f])
			avgLen[f] += float64(ftf[i].len[f])
		}
	}
	for f := range avgLen {
		avgLen[f] = math.Max(1, avgLen[f]/math.Max(1, float64(len(docs))))
	}
	termID := func(k string) int32 {
		id, ok := ix.terms[k]
		if !ok {
			id = int32(len(ix.postings))
			ix.terms[k] = id
			ix.postings = append(ix.postings, nil)
			ix.secPost = append(ix.secPost, nil)
		}
		return id
	}
	for i := range ftf {
		tfw := make(map[string]float64)
		masks := make(map[string]uint8)
		for f := 0; f < numFields; f++ {
			norm := 1 - o.B + o.B*float64(ftf[i].len[f])/avgLen[f]
			for k, tf := range ftf[i].tf[f] {
				tfw[k] += fieldW[f] * tf / norm
				masks[k] |= 1 << f
			}
		}
		keys := make([]string, 0, len(tfw))
		for k := range tfw {
			keys = append(keys, k)
		}
		sort.Strings(keys) // deterministic term ids
		for _, k := range keys {
			w := tfw[k]
			id := termID(k)
			ix.postings[id] = append(ix.postings[id], posting{doc: int32(i), sat: float32(w / (o.K1 + w)), mask: masks[k]})
		}
	}
	// Sections: plain BM25 over the section texts.
	var secAvg float64
	var secN int
	secTF := make([][]docTerms, len(all))
	secLen := make([][]int, len(all))
	for i := range all {
		secTF[i] = make([]docTerms, len(all[i].secs))
		secLen[i] = make([]int, len(all[i].secs))
		for j, s := range all[i].secs {
			secTF[i][j] = make(docTerms)
			secLen[i][j] = count(s, 1, secTF[i][j])
			secAvg += float64(secLen[i][j])
			secN++
		}
	}
	secAvg = math.Max(1, secAvg/math.Max(1, float64(secN)))
	for i := range secTF {
		for j, tfm := range secTF[i] {
			norm := 1 - o.B + o.B*float64(secLen[i][j])/secAvg
			for k, tf := range tfm {
				w := tf / norm
				id := termID(k)
				ix.secPost[id] = append(ix.secPost[id], secPosting{doc: int32(i), sec: int32(j), sat: float32(w / (o.K1 + w))})
			}
		}
	}
	// IDF.
	n := float64(len(docs))
	ix.idf = make([]float32, len(ix.postings))
	for id, p := range ix.postings {
		df := float64(len(p))
		v := math.Log(1 + (n-df+0.5)/(df+0.5))
		ix.idf[id] = float32(v)
		if v > ix.maxIdf {
			ix.maxIdf = v
		}
	}
	if ix.maxIdf == 0 {
		ix.maxIdf = math.Log(1 + (n+0.5)/0.5)
	}

	// Typo vocabulary: standalone words of the library.
	words := make([]string, 0, len(known))
	for w := range known {
		words = append(words, w)
	}
	sort.Strings(words)
	ix.typos = newTypoIndex(words)

	// Thesaurus keyed by stem.
	th := buildThesaurus(o.SynonymWeight, o.OneWayWeight, o.EnglishWeight, o.Synonyms)
	ix.thes = make(map[string][]thesaurusEntry, len(th))
	for from, tos := range th {
		fk := st.stem(from)
		for _, e := range tos {
			tk := st.stem(e.word)
			if tk == fk {
				continue
			}
			ix.thes[fk] = mergeEntry(ix.thes[fk], thesaurusEntry{tk, e.weight})
		}
	}
	ix.pool.New = func() any { return newScratch(len(ix.docs)) }
	return ix
}

func mergeEntry(list []thesaurusEntry, e thesaurusEntry) []thesaurusEntry {
	for i := range list {
		if list[i].word == e.word {
			if e.weight > list[i].weight {
				list[i].weight = e.weight
			}
			return list
		}
	}
	return append(list, e)
}

// Len returns the number of indexed guides.
func (ix *Index) Len() int { return len(ix.docs) }
