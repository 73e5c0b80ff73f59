// Package search is Lotse's guide search engine: a pure-Go, in-memory,
// German-aware ranking of guides for a member's free-text question, with a
// calibrated decision whether the best guide answers the question
// (Result.Confident) or no guide fits.
//
// Pipeline: tokenize (URLs dropped, hyphenated words kept whole and split)
// → fold (lower case, ß, accents) → drop stop words → Snowball German stem
// with umlauts and ae/oe/ue folded → index fields with BM25F weights.
// Queries are expanded with a small domain thesaurus and an English→German
// word list; query compounds are split against the library's own
// vocabulary, and unknown words corrected when misspelt. Confidence comes
// from how much of the query's weight the best guide explains, counting
// firm matches in title, tags, aliases and summary extra; matches through
// a typo correction or a synonym of a compound part are weak evidence
// that ranks a guide but never makes it a confident answer, and a
// "Meintest du" (Close) needs a distinctive word in one of those fields.
// The package knows nothing about Matrix or files.
package search

import (
	"iter"
	"math"
	"slices"
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
	// Learned are questions members asked that the team taught the guide
	// from support cases (issue #18). They make the guide findable in the
	// members' words (a field of their own, weighted LearnedWeight and
	// normalised by the average length of the Aliases, so that teaching
	// one guide changes no other guide's weights) but are not the author's
	// description of the guide: members' wording carries the setting of
	// their question ("auf meinem Laptop"), so a learned question never
	// makes the guide name an off-topic word (Result.OffTopic), nor is a
	// match of such a word in it firm evidence of what the guide is about.
	Learned []string
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
	// LearnedWeight weighs Doc.Learned (the questions taught from cases).
	LearnedWeight float64
	// K1 is the BM25 term-frequency saturation of the score, B the length
	// normalisation. RankK1 is the saturation the guides are ranked with:
	// the score (Hit.Score) and the thresholds on it stay calibrated with
	// K1, while the order uses a weaker saturation, under which a match in
	// a heavily weighted field (title, tags) counts more against repeated
	// mentions in the body (docs/passes/03.md, third quality pass).
	K1, B, RankK1 float64
	// TopicRank weighs, in the ranking only, a guide that meets the query
	// in none of the fields saying what it is about (title, tags,
	// aliases, summary, taught questions): its rank is multiplied by it,
	// so a guide naming a query word as its topic comes before one that
	// mentions the query's words only in passing in its body (eleventh
	// quality pass, docs/passes/11.md). Hit.Score does not change, and
	// a first guide only TopicRank put first is never confident
	// (topicGuard). 1 turns it off.
	TopicRank float64
	// CompoundPartWeight weighs each part of a split query compound
	// relative to a whole word.
	CompoundPartWeight float64
	// SynonymWeight, OneWayWeight and EnglishWeight weigh thesaurus
	// expansions of a query word relative to the word itself.
	SynonymWeight, OneWayWeight, EnglishWeight float64
	// UILocWeight weighs the German UI word of the products' own
	// translations (uiloc.tsv) as an expansion of the English UI word,
	// relative to the word itself; a negative weight turns them off.
	UILocWeight float64
	// TypoWeight weighs a corrected word (one edit; squared for two).
	TypoWeight float64
	// UnknownWeight weighs a query word the library does not know at all,
	// relative to the rarest known word, in the coverage denominator.
	UnknownWeight float64
	// CommonWeight weighs everyday words ("Wochenende", "Leute") that say
	// little about a question's topic.
	CommonWeight float64
	// The confidence of the best hit is its Score plus StrongWeight times
	// the share of the query weight it matches firmly (not only through
	// a typo correction or a loose expansion) in its title, tags, aliases
	// or summary (the fields that say what a guide is about; an
	// out-of-scope question typically meets a guide only in passing in its
	// body). Confident needs confidence >= ConfidentScore, at least one
	// firm match, a firm strong-field match or a high Score, and, when
	// ConfidentMargin is positive, a lead (s1-s2)/s1 >= ConfidentMargin
	// over the second hit. Close needs Score >= CloseScore and a
	// distinctive query word matched firmly in a strong field.
	StrongWeight, ConfidentScore, ConfidentMargin, CloseScore float64
	// Addressee is the bot's name as its guides write it; a German
	// second-person pronoun in a query adds it as a concept of weight
	// AddresseeWeight (see addressee.go). "-" turns this off.
	Addressee       string
	AddresseeWeight float64
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
		LearnedWeight:      2.5,
		SummaryWeight:      2,
		HeadingsWeight:     1.5,
		BodyWeight:         1,
		K1:                 1.2,
		RankK1:             1.6,
		TopicRank:          0.75,
		B:                  0.5,
		CompoundPartWeight: 0.6,
		SynonymWeight:      0.8,
		OneWayWeight:       0.6,
		EnglishWeight:      0.9,
		UILocWeight:        uilocWeight,
		TypoWeight:         0.8,
		UnknownWeight:      0.7,
		CommonWeight:       0.35,
		StrongWeight:       0.5,
		ConfidentScore:     0.40,
		ConfidentMargin:    -1, // disabled: the lead did not separate on the dev set
		CloseScore:         0.2,
		Addressee:          "Lotse",
		AddresseeWeight:    0.75,
	}
}

// withDefaults returns o with every zero weight set to its default.
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
	set(&o.LearnedWeight, d.LearnedWeight)
	set(&o.SummaryWeight, d.SummaryWeight)
	set(&o.HeadingsWeight, d.HeadingsWeight)
	set(&o.BodyWeight, d.BodyWeight)
	set(&o.K1, d.K1)
	set(&o.RankK1, d.RankK1)
	set(&o.TopicRank, d.TopicRank)
	set(&o.B, d.B)
	set(&o.CompoundPartWeight, d.CompoundPartWeight)
	set(&o.SynonymWeight, d.SynonymWeight)
	set(&o.OneWayWeight, d.OneWayWeight)
	set(&o.EnglishWeight, d.EnglishWeight)
	set(&o.UILocWeight, d.UILocWeight)
	set(&o.TypoWeight, d.TypoWeight)
	set(&o.UnknownWeight, d.UnknownWeight)
	set(&o.CommonWeight, d.CommonWeight)
	set(&o.StrongWeight, d.StrongWeight)
	set(&o.ConfidentScore, d.ConfidentScore)
	set(&o.ConfidentMargin, d.ConfidentMargin)
	set(&o.CloseScore, d.CloseScore)
	set(&o.AddresseeWeight, d.AddresseeWeight)
	switch o.Addressee {
	case "":
		o.Addressee = d.Addressee
	case "-":
		o.Addressee = ""
	}
	// Folded once here as the tokenizer folds a query word (foldWord),
	// not per query: it is matched as one.
	o.Addressee = foldWord(o.Addressee)
	return o
}

const (
	fTitle = iota
	fTags
	fAliases
	fSummary
	fHeadings
	fBody
	fLearned
	numFields
)

// authorFields are the fields the guide's author wrote to describe the
// guide as a whole.
const authorFields = 1<<fTitle | 1<<fTags | 1<<fAliases | 1<<fSummary

// strongFields are the fields that say what a guide is about: the
// author's and the questions the team taught it.
const strongFields = authorFields | 1<<fLearned

// posting is a term's weight in one guide. Postings are most of the
// index's memory (two per term and guide), so they are packed into 8 bytes.
type posting struct {
	doc  int32
	sat  satWeight // saturated BM25F term weight
	mask uint8     // fields the term occurs in
}

// secPosting is a term's weight in one section of a guide; sections from
// maxSections on are not indexed (the passage scorer ignores them).
type secPosting struct {
	doc int32
	sec uint16
	sat satWeight
	// lines has bit u set for every unit u < 32 of the section's text (a
	// line, list item or sentence: textUnits) the term occurs in; the
	// heading is no unit, and units beyond the first 32 have no bit
	// (unitBit). Read only by scoreSections (Hit.Line).
	lines uint32
}

// unitBit is unit u's bit in secPosting.lines: 1<<u for the first 32
// units of a section's text, none beyond them. Folding a later unit onto
// bit u%32 (as the twenty-fourth pass first did) made unit 1 and unit 33
// one place, so two words 32 lines apart counted as one line naming
// both; a unit without a bit only lowers Hit.Line, as a finer unit does.
func unitBit(u int) uint32 {
	if u >= 32 {
		return 0
	}
	return 1 << u
}

// satWeight is a saturated weight in [0,1) in 16 bits, in steps of 1/65535
// (a relative error below 1e-4 for any weight a ranking can hinge on).
type satWeight uint16

// newSatWeight stores w, clamped to [0, 1], in 16 bits.
func newSatWeight(w float64) satWeight {
	return satWeight(math.Round(min(max(w, 0), 1) * math.MaxUint16))
}

// value returns the stored weight in [0, 1].
func (s satWeight) value() float64 { return float64(s) / math.MaxUint16 }

// Index is an immutable search index over a set of guides. It is safe for
// concurrent use by multiple goroutines.
type Index struct {
	opts     Options
	docs     []docInfo
	terms    map[string]int32 // stem key → term id
	termKeys []string         // term id → stem key
	idf      []float32
	postings [][]posting
	secPost  [][]secPosting // per term, sorted by doc then section
	maxIdf   float64

	surface map[string]string   // folded surface word → stem key (cache)
	splits  map[string][]string // folded surface word → stem keys of its compound parts
	decomp  decompounder
	typos   *typoIndex
	near    *nearIndex
	// docTopic lists per guide the terms of its author fields (title,
	// tags, aliases, summary), for the query expansion (see expand).
	docTopic [][]int32
	thes     map[string][]thesaurusEntry // stem key → expansions (stem keys)
	// joinedOnly has a bit per term id, set for the terms the library
	// has mainly as the joined form of a hyphenated compound: more guides
	// hyphenate them than write them as one word (hyphen.go).
	joinedOnly []uint64
	// thesFrom maps a stem key of thes to the glossary's surface words
	// with that key (englishwords.go: an English word of an English
	// message takes a glossary entry only of its own surface word), each
	// with its English stem, stemmed once here rather than per message.
	thesFrom map[string][]glossWord
	phr      *phraseIndex  // pairs of neighbouring words (phrase.go)
	english  *englishIndex // English stems of glossary and library words (english.go)
	// asks are per guide its own questions, analysed (asked.go).
	asks [][]askPhrase

	pool sync.Pool
}

// docInfo is what the index keeps of a guide besides its tokens.
type docInfo struct {
	id, title string
	// task: the title names a task (taskTitle), read once at Build so
	// that the answer type (typeMove) reads no title per message.
	task bool
}

// docToks are a guide's tokens during Build. The body field is not stored:
// it is the sections' tokens after their headings.
type docToks struct {
	fields [numFields][]wordTok
	secs   [][]wordTok
	heads  []int // per section: number of heading tokens at its start
	// units: per section, the index (after the heading's tokens) of the
	// first token of each unit of its text (textUnits) but the first.
	units [][]int32
}

// bodyLen is the body field's length as length counts it.
func (dt *docToks) bodyLen(length func([]wordTok) int) int {
	n := 0
	for j, sec := range dt.secs {
		n += length(sec[dt.heads[j]:])
	}
	return n
}

// wordTok is a token of a guide after interning, packed into 32 bits
// because a large library holds millions of them during Build: the low 31
// bits are the id of its folded surface word; the top bit marks the joined
// form of a hyphenated word, which counts as a term but not towards the
// field length.
type wordTok uint32

// joinedTok marks a wordTok as joined (see wordTok).
const joinedTok = 1 << 31

// newWordTok returns the token of word id, marked joined if joined.
func newWordTok(id int32, joined bool) wordTok {
	if joined {
		return wordTok(id) | joinedTok
	}
	return wordTok(id)
}

// id returns the word id of t.
func (t wordTok) id() int32 { return int32(t &^ joinedTok) }

// joined reports whether t is marked joined.
func (t wordTok) joined() bool { return t&joinedTok != 0 }

// wordEntry is what Build knows about one distinct surface word.
type wordEntry struct {
	word       string
	stop       bool
	standalone bool    // occurs on its own, not only inside a hyphenation
	key        int32   // term id of its stem key
	parts      []int32 // term ids of its compound parts
}

// Build indexes docs. It never fails; empty docs are indexed but can't be
// found.
func Build(docs []Doc, opts Options) *Index {
	return BuildSeq(slices.Values(docs), opts)
}

// BuildSeq indexes the docs docs yields, in order; it is [Build] for callers
// that produce each Doc on demand. BuildSeq keeps only a Doc's tokens, not
// its texts, so a caller that derives the texts from guides one by one never
// holds the plain text of the whole library at once. Words are interned once
// and the rest works on ids, so that a library of thousands of guides
// indexes in about a second.
func BuildSeq(docs iter.Seq[Doc], opts Options) *Index {
	o := opts.withDefaults()
	ix := &Index{
		opts:    o,
		terms:   make(map[string]int32),
		surface: make(map[string]string),
		splits:  make(map[string][]string),
	}
	st := newStemmer()

	// Pass 1: tokenize every field and section, interning words.
	wordIDs := make(map[string]int32, 4096)
	var words []wordEntry
	var buf []rawToken
	tok := func(s string, out []wordTok) []wordTok {
		buf = tokenize(s, buf[:0])
		for _, t := range buf {
			id, ok := wordIDs[t.word]
			if !ok {
				id = int32(len(words))
				wordIDs[t.word] = id
				words = append(words, wordEntry{word: t.word, stop: indexStop(t.word)})
			}
			if words[id].stop {
				continue
			}
			if !t.joined {
				words[id].standalone = true
			}
			out = append(out, newWordTok(id, t.joined))
		}
		return out
	}
	var all []docToks
	var asks []askSource
	pb := newPhraseBuilder(st)
	for d := range docs {
		all = append(all, docToks{})
		asks = append(asks, askTexts(&d))
		dt := &all[len(all)-1]
		pb.addDoc(int32(len(all)-1), &d)
		dt.fields[fTitle] = tok(d.Title, nil)
		for _, t := range d.Tags {
			dt.fields[fTags] = tok(t, dt.fields[fTags])
		}
		for _, a := range d.Aliases {
			dt.fields[fAliases] = tok(a, dt.fields[fAliases])
		}
		for _, a := range d.Learned {
			dt.fields[fLearned] = tok(a, dt.fields[fLearned])
		}
		dt.fields[fSummary] = tok(d.Summary, nil)
		dt.secs = make([][]wordTok, len(d.Sections))
		for j, sec := range d.Sections {
			h := tok(sec.Heading, nil)
			dt.fields[fHeadings] = append(dt.fields[fHeadings], h...)
			// The body field is the sections without their headings; it
			// is read from secs (not copied) to halve the build's memory.
			both := h
			var units []int32
			for unit := range textUnits(sec.Text) {
				if n := len(both) - len(h); n > 0 && (len(units) == 0 || units[len(units)-1] < int32(n)) {
					units = append(units, int32(n))
				}
				both = tok(unit, both)
			}
			dt.secs[j] = both
			dt.heads = append(dt.heads, len(h))
			dt.units = append(dt.units, units)
		}
		ix.docs = append(ix.docs, docInfo{id: d.ID, title: d.Title, task: taskTitle(d.Title)})
	}

	// The decompounder knows the umlaut-folded standalone words of the
	// library, their stems and the thesaurus words, so "Passwortänderung"
	// splits at the stem of "Änderungen".
	dk := make(map[string]struct{}, 2*len(words))
	known := make([]string, 0, len(words))
	keys := make([]string, len(words))
	for id := range words {
		we := &words[id]
		if we.stop {
			continue
		}
		keys[id] = st.stem(we.word)
		if we.standalone {
			known = append(known, we.word)
			dk[umlautFold(we.word)] = struct{}{}
			dk[keys[id]] = struct{}{}
		}
	}
	for _, g := range synonymGroups {
		for _, w := range g {
			dk[umlautFold(normThesWord(w))] = struct{}{}
		}
	}
	for w := range oneWay {
		dk[umlautFold(normThesWord(w))] = struct{}{}
	}
	for _, e := range glossary {
		for _, w := range e.From {
			dk[umlautFold(normThesWord(w))] = struct{}{}
		}
	}
	sort.Strings(known)
	ix.decomp = newDecompounder(dk)

	// Stems and compound splits per distinct surface word, in id order so
	// term ids are deterministic.
	termID := func(k string) int32 {
		id, ok := ix.terms[k]
		if !ok {
			id = int32(len(ix.postings))
			ix.terms[k] = id
			ix.termKeys = append(ix.termKeys, k)
			ix.postings = append(ix.postings, nil)
			ix.secPost = append(ix.secPost, nil)
		}
		return id
	}
	for i := range words {
		we := &words[i]
		if we.stop {
			continue
		}
		k := keys[i]
		ix.surface[we.word] = k
		we.key = termID(k)
		if !splitKnown {
			// Known words are not split, and the parts of a hyphenated
			// word are tokens of their own already.
			continue
		}
		if pk := ix.decomp.splitKeys(we.word, st); pk != nil {
			ix.splits[we.word] = pk
			for _, p := range pk {
				we.parts = append(we.parts, termID(p))
			}
		}
	}

	ix.markJoinedOnly(words, all)

	// Field lengths and their averages.
	fieldW := [numFields]float64{o.TitleWeight, o.TagsWeight, o.AliasesWeight, o.SummaryWeight, o.HeadingsWeight, o.BodyWeight, o.LearnedWeight}
	length := func(ts []wordTok) int {
		n := 0
		for _, t := range ts {
			if !t.joined() {
				n++
			}
		}
		return n
	}
	var avgLen [numFields]float64
	var secAvg float64
	var secN int
	for i := range all {
		for f := 0; f < numFields; f++ {
			avgLen[f] += float64(length(all[i].fields[f]))
		}
		avgLen[fBody] += float64(all[i].bodyLen(length))
		for _, sec := range all[i].secs {
			secAvg += float64(length(sec))
			secN++
		}
	}
	for f := range avgLen {
		avgLen[f] = math.Max(1, avgLen[f]/math.Max(1, float64(len(all))))
	}
	secAvg = math.Max(1, secAvg/math.Max(1, float64(secN)))

	// Pass 2: BM25F weights per (term, doc) and BM25 weights per (term,
	// section), accumulated in dense scratch arrays indexed by term id.
	nt := len(ix.postings)
	acc := make([]float64, nt)
	mask := make([]uint8, nt)
	var touched []int32
	lineAcc := make([]uint32, nt)
	add := func(id int32, w float64, m uint8, lines uint32) {
		if acc[id] == 0 && mask[id] == 0 {
			touched = append(touched, id)
		}
		acc[id] += w
		mask[id] |= m
		lineAcc[id] |= lines
	}
	addTok := func(t wordTok, w float64, m uint8, lines uint32) {
		we := &words[t.id()]
		add(we.key, w, m, lines)
		for _, p := range we.parts {
			add(p, w*o.CompoundPartWeight, m, lines)
		}
	}
	flush := func(emit func(id int32, sat satWeight, m uint8, lines uint32)) {
		slices.Sort(touched)
		for _, id := range touched {
			w := acc[id]
			emit(id, newSatWeight(w/(o.K1+w)), mask[id], lineAcc[id])
			acc[id], mask[id], lineAcc[id] = 0, 0, 0
		}
		touched = touched[:0]
	}
	// The weights are computed twice: first only to count every term's
	// postings, then to fill one exactly sized backing array per kind.
	// Appending right away would hold up to twice the postings while the
	// lists grow, and compacting them afterwards both copies at once — the
	// build's peak memory for a large library (see docs/performance.md).
	weigh := func(last bool, emitDoc func(doc, id int32, sat satWeight, m uint8), emitSec func(doc int32, sec uint16, id int32, sat satWeight, lines uint32)) {
		for i := range all {
			doc := int32(i)
			for f := 0; f < numFields; f++ {
				if f == fBody {
					w := fieldW[f] / (1 - o.B + o.B*float64(all[i].bodyLen(length))/avgLen[f])
					for j, sec := range all[i].secs {
						for _, t := range sec[all[i].heads[j]:] {
							addTok(t, w, 1<<f, 0)
						}
					}
					continue
				}
				ts := all[i].fields[f]
				avg := avgLen[f]
				if f == fLearned {
					// Learned questions are measured against the
					// author's example questions, and only the
					// learned field knows them: teaching a guide
					// changes no other guide's weights and none of
					// its own author fields.
					avg = avgLen[fAliases]
				}
				w := fieldW[f] / (1 - o.B + o.B*float64(length(ts))/avg)
				for _, t := range ts {
					addTok(t, w, 1<<f, 0)
				}
			}
			flush(func(id int32, sat satWeight, m uint8, _ uint32) { emitDoc(doc, id, sat, m) })
			for j, sec := range all[i].secs[:min(len(all[i].secs), maxSections)] {
				w := 1 / (1 - o.B + o.B*float64(length(sec))/secAvg)
				head, units, u := all[i].heads[j], all[i].units[j], 0
				for k, t := range sec {
					if k < head {
						addTok(t, 2*w, 1, 0) // headings count twice
						continue
					}
					for u < len(units) && int(units[u]) <= k-head {
						u++
					}
					addTok(t, w, 1, unitBit(u)) // u is the token's unit
				}
				sj := uint16(j)
				flush(func(id int32, sat satWeight, _ uint8, lines uint32) { emitSec(doc, sj, id, sat, lines) })
			}
			if last {
				// This guide's tokens are not needed any more: dropping
				// them as the postings fill keeps the peak lower.
				all[i] = docToks{}
			}
		}
	}
	docCount := make([]int, nt)
	secCount := make([]int, nt)
	weigh(false,
		func(_, id int32, _ satWeight, _ uint8) { docCount[id]++ },
		func(_ int32, _ uint16, id int32, _ satWeight, _ uint32) { secCount[id]++ })
	ix.postings = carve[posting](docCount)
	ix.secPost = carve[secPosting](secCount)
	ix.docTopic = make([][]int32, len(all))
	weigh(true,
		func(doc, id int32, sat satWeight, m uint8) {
			ix.postings[id] = append(ix.postings[id], posting{doc: doc, sat: sat, mask: m})
			if m&authorFields != 0 {
				ix.docTopic[doc] = append(ix.docTopic[doc], id)
			}
		},
		func(doc int32, sec uint16, id int32, sat satWeight, lines uint32) {
			ix.secPost[id] = append(ix.secPost[id], secPosting{doc: doc, sec: sec, sat: sat, lines: lines})
		})
	// IDF.
	n := float64(len(all))
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

	ix.phr = pb.finish(len(all))

	// Typo vocabulary: standalone words of the library.
	ix.typos = newTypoIndex(known)
	ix.near = newNearIndex(known)

	// Thesaurus keyed by stem.
	th := buildThesaurus(o.SynonymWeight, o.OneWayWeight, o.EnglishWeight, o.UILocWeight, o.Synonyms)
	ix.thes = make(map[string][]thesaurusEntry, len(th))
	ix.thesFrom = make(map[string][]glossWord, len(th))
	es := newEnglishStemmer()
	for from, tos := range th {
		fk := st.stem(from)
		ix.thesFrom[fk] = append(ix.thesFrom[fk], glossWord{word: from, en: es.stem(from)})
		for _, e := range tos {
			tk := st.stem(e.word)
			if tk == fk {
				continue
			}
			ix.thes[fk] = mergeEntry(ix.thes[fk], thesaurusEntry{tk, e.weight})
		}
	}
	ix.english = newEnglishIndex(th, ix.surface, ix.terms, st)
	ix.pool.New = func() any { return newScratch(len(ix.docs)) }
	// The guides' own questions are analysed as a query is, against the
	// finished index (asked.go).
	ix.asks = ix.analyzeAsks(asks)
	return ix
}

// mergeEntry adds e to list, or raises the weight of the entry for the
// same word to e's if that is higher.
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

// carve returns one empty list per count, each with exactly that capacity,
// all sharing a single backing array; appending up to the count never
// reallocates.
func carve[T any](counts []int) [][]T {
	total := 0
	for _, c := range counts {
		total += c
	}
	backing := make([]T, total)
	out := make([][]T, len(counts))
	start := 0
	for i, c := range counts {
		out[i] = backing[start : start : start+c]
		start += c
	}
	return out
}
