package search

import (
	"math"
	"slices"
)

// Evidence from word order (the sequential dependence model of Metzler and
// Croft, "A Markov random field model for term dependencies", SIGIR 2005):
// the bag of words ranks "Welche Daten speichert der Landesverband über
// mich?" and "Kalender des Landesverbands abonnieren" alike for "was weiß
// der Landesverband alles über mich", since the words that tell them apart
// ("über mich") are function words the bag drops. The phrase index keeps,
// per guide, the pairs of neighbouring words of the fields that say what a
// guide is about (title, tags, example questions, summary, headings and the
// questions the team taught it), function words included; a query pair
// that a guide also says is evidence for that guide, weighted by how rare
// the pair is in the library. A second kind of pair are neighbouring
// content words in either order ("Passwort vergessen" / "vergessenes
// Passwort": SDM's unordered window, here of the content words alone).
//
// The pairs only order the candidates the words found (like RankK1 and
// the expansion): Hit.Score and the confidence figures do not change. And
// evidence that only orders the hits must not turn a guess into an answer
// (the first version let a guide the pairs moved first be a confident
// answer, and a held-out check found more confident-wrong answers), so
// the search keeps two rules (orderHits, phraseGuard):
//
//   - when the pairs change which guide comes first, the result is not
//     confident (a "Meintest du …?" at most) and the guide that lost first
//     place comes second, so that the choice still offers it;
//   - when the first guide is confident on its own, the pairs may not put a
//     runner-up second that explains less of the query (Hit.Score) or less
//     of it in what it is about (Hit.Strong) than the second without them:
//     the decision's lead over the runner-up would grow, and an answer
//     become easier, from evidence the confidence does not weigh.
//
// So every confident result is one the search without the pairs gives
// too, with the same first guide and a runner-up at least as close.

// pairOrdered and pairContent are the two kinds of pairs (see above).
const (
	pairOrdered = 1
	pairContent = 2
)

// phraseIndex maps pairs of neighbouring word keys to the guides that say
// them. Keys are the stem key of a content word and the folded word of a
// function word.
type phraseIndex struct {
	ids  map[uint64]int32
	post [][]int32 // per pair id, the guides that say it, in order
	idf  []float32 // per pair id
}

// pairKey hashes a pair of word keys of one kind (FNV-1a, 64 bits; a
// collision would only add a small bonus to an unrelated guide). A key is
// the stem key of a content word or the folded function word itself
// (sa, sb), marked so that the two never meet.
func pairKey(kind byte, a string, sa bool, b string, sb bool) uint64 {
	if kind == pairContent && b < a {
		a, b = b, a
		sa, sb = sb, sa
	}
	h := uint64(14695981039346656037)
	mix := func(c byte) {
		h ^= uint64(c)
		h *= 1099511628211
	}
	word := func(w string, stop bool) {
		if stop {
			mix(1)
		} else {
			mix(2)
		}
		for i := 0; i < len(w); i++ {
			mix(w[i])
		}
	}
	mix(kind)
	word(a, sa)
	word(b, sb)
	return h
}

// pairKeys calls emit for each pair of one sequence of word keys: each two
// neighbours in order, and each two neighbouring content words (function
// words skipped) in either order. stop[i] marks function words.
func pairKeys(keys []string, stop []bool, emit func(kind byte, i, j int)) {
	prev := -1 // last content word
	for i := range keys {
		if i > 0 {
			emit(pairOrdered, i-1, i)
		}
		if stop[i] {
			continue
		}
		if prev >= 0 {
			emit(pairContent, prev, i)
		}
		prev = i
	}
}

// articles are the German and English articles (the definite and
// indefinite article paradigms of any German grammar, Duden "Die
// Grammatik" §§ 370–380; English the/a/an). They are left out of the pairs:
// "der Nextcloud" says no more than "Nextcloud", and "Daten speichert der
// Landesverband" pairs "speichert Landesverband".
var articles = map[string]bool{
	"der": true, "die": true, "das": true, "den": true, "dem": true, "des": true,
	"ein": true, "eine": true, "einen": true, "einem": true, "einer": true, "eines": true,
	"the": true, "a": true, "an": true,
}

// phraseBuilder collects the pairs of the guides during Build.
type phraseBuilder struct {
	px   *phraseIndex
	st   *stemmer
	keys map[string]string // folded content word → stem key
	buf  []rawToken
	ks   []string
	stop []bool
}

// newPhraseBuilder returns a builder of an empty phrase index.
func newPhraseBuilder(st *stemmer) *phraseBuilder {
	return &phraseBuilder{px: &phraseIndex{ids: make(map[uint64]int32)}, st: st, keys: make(map[string]string)}
}

// add indexes the pairs of text, a field (or one tag, heading …) of guide
// doc.
func (b *phraseBuilder) add(doc int32, text string) {
	b.buf = tokenize(text, b.buf[:0])
	b.ks, b.stop = b.ks[:0], b.stop[:0]
	for _, t := range b.buf {
		if t.joined || articles[t.word] {
			continue
		}
		k, stop := t.word, isStop(t.word)
		if !stop {
			var ok bool
			if k, ok = b.keys[t.word]; !ok {
				k = b.st.stem(t.word)
				b.keys[t.word] = k
			}
		}
		b.ks = append(b.ks, k)
		b.stop = append(b.stop, stop)
	}
	px := b.px
	pairKeys(b.ks, b.stop, func(kind byte, i, j int) {
		h := pairKey(kind, b.ks[i], b.stop[i], b.ks[j], b.stop[j])
		id, ok := px.ids[h]
		if !ok {
			id = int32(len(px.post))
			px.ids[h] = id
			px.post = append(px.post, nil)
		}
		if ps := px.post[id]; len(ps) == 0 || ps[len(ps)-1] != doc {
			px.post[id] = append(ps, doc)
		}
	})
}

// finish computes the pairs' idf over n guides and returns the index.
func (b *phraseBuilder) finish(n int) *phraseIndex {
	px := b.px
	px.idf = make([]float32, len(px.post))
	for id, ps := range px.post {
		df := float64(len(ps))
		px.idf[id] = float32(math.Log(1 + (float64(n)-df+0.5)/(df+0.5)))
	}
	return px
}

// phraseWeight weighs a query pair a guide also says, relative to a
// word's weight in the ranking (idf times saturated field weight).
var phraseWeight = 0.15

// pairKinds are the kinds of query pairs looked up.
var pairKinds byte = pairOrdered | pairContent

// maxQueryPairs bounds the distinct indexed pairs of a query that count
// (a query has at most maxQueryTokens words and so twice as many pairs).
const maxQueryPairs = 2 * maxQueryTokens

// queryPairs appends to ids the ids of the indexed pairs of the query's
// tokens, each once.
func (ix *Index) queryPairs(toks []rawToken, ids []int32, kr *keyer) []int32 {
	if ix.phr == nil || len(ix.phr.ids) == 0 {
		return ids
	}
	var kbuf [maxQueryTokens]string
	var sbuf [maxQueryTokens]bool
	ks, stop := kbuf[:0], sbuf[:0]
	ix.pairWords(toks, kr, func(_ int, k string, s bool) {
		ks = append(ks, k)
		stop = append(stop, s)
	})
	pairKeys(ks, stop, func(kind byte, i, j int) {
		if kind&pairKinds == 0 || len(ids) == cap(ids) {
			return
		}
		h := pairKey(kind, ks[i], stop[i], ks[j], stop[j])
		if id, ok := ix.phr.ids[h]; ok && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	})
	return ids
}

// pairWords calls f with each query token that takes part in the
// query's pairs, at most maxQueryTokens of them: its index in toks, its
// key (the stem key of a content word, by kr; the folded function word
// itself) and whether it is a function word. Articles and over-long words
// take no part.
func (ix *Index) pairWords(toks []rawToken, kr *keyer, f func(i int, k string, stop bool)) {
	n := 0
	for i, t := range toks {
		if t.joined || len(t.word) > maxQueryWord || articles[t.word] {
			continue
		}
		if n == maxQueryTokens {
			return
		}
		n++
		k, s := t.word, isStop(t.word)
		if !s {
			k = kr.key(t.word)
		}
		f(i, k, s)
	}
}

// phraseRank sets the phr evidence of each candidate from the query pairs
// it says (see phraseIndex). Pairs in more than a tenth of the guides are
// skipped, like the expansion's common terms. kr keys the query's words.
func (ix *Index) phraseRank(toks []rawToken, cands []cand, sc *scratch, kr *keyer) {
	if phraseWeight == 0 || len(cands) < 2 {
		return
	}
	var buf [maxQueryPairs]int32
	ids := ix.queryPairs(toks, buf[:0], kr)
	if len(ids) == 0 {
		return
	}
	maxDF := max(16, len(ix.docs)/10)
	for i, c := range cands {
		sc.cand[c.doc] = int32(i)
	}
	for _, id := range ids {
		ps := ix.phr.post[id]
		if len(ps) > maxDF {
			continue
		}
		v := phraseWeight * float64(ix.phr.idf[id])
		for _, d := range ps {
			if i := sc.cand[d]; i >= 0 {
				cands[i].phr += v
			}
		}
	}
	for _, c := range cands {
		sc.cand[c.doc] = -1
	}
}

// phraseFirst lets the pairs change which guide comes first (the result
// is then not confident, see phraseGuard); when false they order only the
// runners-up, like the expansion. On the tune pool both help the same
// messages (docs/passes/04.md, "Fourth quality pass: evidence from word
// order"); with it the right guide comes first in more choices, and
// fewer first hits of the raw search are confident and wrong, but more
// right first hits are not confident ("top-1 lost to confidence").
var phraseFirst = true

// orderHits moves the first limit candidates, best first, to the front of
// cands: by rank and the pairs' evidence, with the expansion of the first
// guide's topic for the runners-up. It reports whether the pairs changed
// the first guide, and returns the first guide without them (second in
// cands when moved). With room for one hit (limit 1) there is nothing to
// reorder and the pairs do not count.
func (ix *Index) orderHits(toks []rawToken, cs []concept, cands []cand, limit int, denom float64, sc *scratch, kr *keyer) (moved bool, old cand) {
	if limit > 1 {
		ix.phraseRank(toks, cands, sc, kr)
	}
	// The first without the pairs (the expansion does not change it).
	b := 0
	for i := 1; i < len(cands); i++ {
		if rankBefore(&cands[i], &cands[b]) {
			b = i
		}
	}
	first := cands[b].doc
	// Only the first limit candidates are returned: select them instead
	// of sorting thousands in a large library — but at least the first
	// rerankK, which the learned re-ranking reads whatever the limit
	// (rerank.go; a smaller limit left unsorted candidates there).
	k := max(limit, rerankK)
	if phraseFirst {
		topK(cands, k)
	} else {
		cands[0], cands[b] = cands[b], cands[0]
	}
	if len(cands) > 1 {
		ix.expand(cs, cands, sc)
		topK(cands[1:], k-1)
	}
	if cands[0].doc != first {
		// The guide that lost first place comes second.
		moveTo(cands, slices.IndexFunc(cands, func(c cand) bool { return c.doc == first }), 1)
		return true, cands[1]
	}
	if limit > 1 {
		ix.keepSecond(cands, denom)
	}
	return false, cands[0]
}

// keepSecond puts the runner-up without the pairs back in second place
// when the first guide is confident on its own and the pairs put a
// runner-up second that explains less of the query, or less of it in what
// it is about (see the rules above).
func (ix *Index) keepSecond(cands []cand, denom float64) {
	if len(cands) < 3 {
		return
	}
	s := 1
	for i := 2; i < len(cands); i++ {
		if rankBefore(&cands[i], &cands[s]) {
			s = i
		}
	}
	if s == 1 {
		return
	}
	n, o := &cands[1], &cands[s]
	if n.score >= o.score && n.solidStr >= o.solidStr {
		return
	}
	f := candFeatures(&cands[0], denom)
	f.s2 = math.Min(1, o.score/denom)
	if ix.confident(f) {
		moveTo(cands, s, 1)
	}
}

// phraseGuard makes res, whose first guide the pairs chose over old, not
// confident: a "Meintest du …?" when the first guide or old would have
// been an answer or a choice (f are the features of res's first guide).
func (ix *Index) phraseGuard(res *Result, f features, old cand, denom float64) {
	fo := candFeatures(&old, denom)
	fo.s2 = f.s1
	res.Confident = false
	res.Close = len(res.Hits) > 0 &&
		(ix.confident(f) || ix.plausible(f) || ix.confident(fo) || ix.plausible(fo))
}

// candFeatures returns the confidence features of candidate c as the
// first hit (without those of its passage and the runner-up).
func candFeatures(c *cand, denom float64) features {
	s1 := math.Min(1, c.score/denom)
	return features{
		s1:       s1,
		s1Str:    math.Min(s1, c.scoreStr/denom),
		cov:      c.cov / denom,
		strong:   c.strong / denom,
		solid:    c.solid / denom,
		solidStr: c.solidStr / denom,
		distinct: c.distinct,
	}
}

// rankBefore reports whether candidate a ranks before b without the
// pairs' evidence.
func rankBefore(a, b *cand) bool {
	if a.rank != b.rank {
		return a.rank > b.rank
	}
	return a.doc < b.doc
}

// moveTo moves cands[from] to index to (to <= from), shifting the
// candidates between one place back.
func moveTo(cands []cand, from, to int) {
	if from <= to {
		return
	}
	c := cands[from]
	copy(cands[to+1:from+1], cands[to:from])
	cands[to] = c
}

// addDoc indexes the pairs of the fields of d that say what it is about
// (title, tags, example questions, summary, learned questions) and of its
// headings; each tag, example question, heading and learned
// question is a text of its own, so no pair spans two of them.
func (b *phraseBuilder) addDoc(doc int32, d *Doc) {
	b.add(doc, d.Title)
	for _, t := range d.Tags {
		b.add(doc, t)
	}
	for _, a := range d.Aliases {
		b.add(doc, a)
	}
	b.add(doc, d.Summary)
	for _, s := range d.Sections {
		if s.Heading != "" {
			b.add(doc, s.Heading)
		}
	}
	for _, q := range d.Learned {
		b.add(doc, q)
	}
}
