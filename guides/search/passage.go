package search

import (
	"fmt"
	"iter"
	"math"
	"math/bits"
	"sort"
	"strings"
	"unicode/utf8"
)

// postingFor returns the doc-level posting of term in doc, if any.
func (ix *Index) postingFor(term, doc int32) (posting, bool) {
	ps := ix.postings[term]
	i := sort.Search(len(ps), func(i int) bool { return ps[i].doc >= doc })
	if i < len(ps) && ps[i].doc == doc {
		return ps[i], true
	}
	return posting{}, false
}

// passageScores scores the sections of doc against the query's concepts
// and returns the best one with coverage figures for the confidence
// decision; the sections' scores stay in sc (for shownSection, so that
// they are not scored twice).
func (ix *Index) passageScores(cs []concept, doc int32, sc *sectionScores) detail {
	ix.scoreSections(cs, doc, sc)
	d := detail{section: -1}
	for i := 0; i < sc.n; i++ {
		if sc.scores[i] > d.secScore {
			d.section, d.secScore, d.secCov = i, sc.scores[i], sc.covs[i]
		}
		d.placed |= sc.hit[i]
	}
	var mask = sc.strong
	if d.section >= 0 {
		mask |= sc.hit[d.section]
	}
	for ci := range cs {
		if ci < 64 && mask&(1<<ci) != 0 {
			d.focus += cs[ci].weight * cs[ci].idf
		}
	}
	return d
}

// sectionScores are the figures of a guide's sections for one query
// (scoreSections).
type sectionScores struct {
	scores, covs, per [maxSections]float64
	hit               [maxSections]uint64 // per section: bit ci set if concept ci matched (first 64 concepts)
	n                 int                 // sections scored
	strong            uint64              // concepts matched in a strong field of the guide
	// lines is per section the units (secPosting.lines) of the concept
	// being scored; units counts per section and unit the distinct
	// concepts it names (lineCounted); line is the largest such count,
	// Hit.Line.
	lines [maxSections]uint32
	units [maxSections][32]uint8
	line  int
}

// scoreSections scores the sections of doc against the query's concepts:
// per concept its best alternative's weight in the section. sc may hold
// another guide's scores: they are overwritten.
//
// It counts Hit.Line on the way (sc.line): per unit of a section's text
// (a line, list item or sentence: textUnits) the concepts it names, of
// those that are distinct evidence on their own (lineCounted). A guide
// that names the member's trouble in one line of its body („Rotes Kreuz:
// Fehler – klicke auf das Wolkensymbol in der Taskleiste“) names the
// message's words there together; words a long section shares with the
// message by chance stand in different lines.
func (ix *Index) scoreSections(cs []concept, doc int32, sc *sectionScores) {
	sc.n, sc.strong, sc.line = 0, 0, 0
	per := &sc.per
	for ci := range cs {
		c := &cs[ci]
		for i := 0; i < sc.n; i++ {
			per[i] = 0
		}
		counted := ci < 64 && lineCounted(c)
		for _, a := range c.alts {
			if ci < 64 {
				if p, ok := ix.postingFor(a.term, doc); ok && p.mask&c.strong != 0 {
					sc.strong |= 1 << ci
				}
			}
			ps := ix.secPost[a.term]
			i := sort.Search(len(ps), func(i int) bool { return ps[i].doc >= doc })
			for ; i < len(ps) && ps[i].doc == doc; i++ {
				s := int(ps[i].sec)
				if s >= maxSections {
					continue
				}
				for ; sc.n <= s; sc.n++ {
					per[sc.n], sc.scores[sc.n], sc.covs[sc.n], sc.hit[sc.n] = 0, 0, 0, 0
					sc.lines[sc.n], sc.units[sc.n] = 0, [32]uint8{}
				}
				if v := a.w * float64(ix.idf[a.term]) * ps[i].sat.value(); v > per[s] {
					per[s] = v
				}
				if counted {
					sc.lines[s] |= ps[i].lines
				}
			}
		}
		if counted {
			for i := 0; i < sc.n; i++ {
				for m := sc.lines[i]; m != 0; m &= m - 1 {
					u := bits.TrailingZeros32(m)
					sc.units[i][u]++
					sc.line = max(sc.line, int(sc.units[i][u]))
				}
				sc.lines[i] = 0
			}
		}
		for i := 0; i < sc.n; i++ {
			if per[i] > 0 {
				sc.scores[i] += c.weight * per[i]
				sc.covs[i] += c.weight * c.idf
				if ci < 64 {
					sc.hit[i] |= 1 << ci
				}
			}
		}
	}
}

// specificRatio: shownSection prefers a compound's section only over a
// section whose words are all at most half as specific (idf) as the
// compound — generic verbs such as "ändern" — never over one that matched
// a telling word of its own ("Folien" beside a quoted "Bildschirmfreigabe").
const specificRatio = 2

// showCompoundSections turns shownSection's compound step on; a test
// turns it off to show that nothing but Hit.Section depends on it.
var showCompoundSections = true

// maxShownSplits bounds the query words shownSection splits for one guide
// (a long message has many words the guide matches outside its sections).
const maxShownSplits = 4

// shownSection is the section of doc a member is shown (Hit.Section):
// passageScores' best section, unless a query word that the guide names only
// in its example questions, aliases or tags — not in its title or summary
// (then every section is about it) and in no section — is a compound whose
// parts one section names together, and that word is far more specific
// (specificRatio) than every word the best section matched. The example
// question "Wie ändere ich mein Profilbild?" finds the account guide for
// "wo ändere ich mein profilbild", its section "Profil einrichten" says
// "Profil" and "Bild", and the word "ändern" alone would show "Server
// ändern" in the sign-in steps. Then that section gets the compound's
// weight on top of its own score. Only what is shown changes: the
// confidence figures stay passageScores' (det); sc holds its section
// scores. st is made on first need.
func (ix *Index) shownSection(cs []concept, doc int32, det detail, sc *sectionScores, st **stemmer) int {
	if !showCompoundSections {
		return det.section
	}
	var bonus [maxSections]float64
	bestIDF := -1.0 // the most specific concept the best section matched, once needed
	splits := 0
	for ci := range cs[:min(len(cs), 64)] {
		c := &cs[ci]
		if c.part || det.placed&(1<<ci) != 0 || splits == maxShownSplits || !ix.namedAside(c, doc) {
			continue
		}
		if bestIDF < 0 {
			bestIDF = 0
			if det.section >= 0 {
				for cj := range cs[:min(len(cs), 64)] {
					if sc.hit[det.section]&(1<<cj) != 0 {
						bestIDF = max(bestIDF, cs[cj].idf)
					}
				}
			}
		}
		if c.idf < specificRatio*bestIDF {
			continue
		}
		if *st == nil {
			*st = newStemmer()
		}
		parts := ix.decomp.splitAnyKeys(c.word, *st)
		if len(parts) < 2 {
			continue
		}
		splits++
		ix.addWholeCompound(parts, doc, c.weight, &bonus)
	}
	best, bestScore := det.section, det.secScore
	if splits == 0 {
		return best
	}
	for i := 0; i < maxSections; i++ {
		var base float64
		if i < sc.n {
			base = sc.scores[i]
		}
		if bonus[i] > 0 && base+bonus[i] > bestScore {
			best, bestScore = i, base+bonus[i]
		}
	}
	return best
}

// namedAside reports whether doc matches one of c's alternatives, and
// none of them in its title or summary.
func (ix *Index) namedAside(c *concept, doc int32) bool {
	found := false
	for _, a := range c.alts {
		if p, ok := ix.postingFor(a.term, doc); ok {
			if p.mask&(1<<fTitle|1<<fSummary) != 0 {
				return false
			}
			found = true
		}
	}
	return found
}

// addWholeCompound adds to bonus, for every section of doc that names
// every part (stem keys) of a compound, weight times the parts' mean
// weight in that section.
func (ix *Index) addWholeCompound(parts []string, doc int32, weight float64, bonus *[maxSections]float64) {
	var sum [maxSections]float64
	var count [maxSections]int
	for _, k := range parts {
		id, ok := ix.terms[k]
		if !ok {
			return
		}
		ps := ix.secPost[id]
		i := sort.Search(len(ps), func(i int) bool { return ps[i].doc >= doc })
		for ; i < len(ps) && ps[i].doc == doc; i++ {
			if s := int(ps[i].sec); s < maxSections {
				sum[s] += float64(ix.idf[id]) * ps[i].sat.value()
				count[s]++
			}
		}
	}
	for s := range bonus {
		if count[s] == len(parts) {
			bonus[s] += weight * sum[s] / float64(len(parts))
		}
	}
}

// explain is a debugging aid for tests: the concepts of a query.
func (ix *Index) explain(query string) string {
	var b strings.Builder
	for _, c := range ix.analyze(query) {
		fmt.Fprintf(&b, "%s(w=%.2f idf=%.2f)[", c.word, c.weight, c.idf)
		for i, a := range c.alts {
			if i > 0 {
				b.WriteString(" ")
			}
			for k, id := range ix.terms {
				if id == a.term {
					fmt.Fprintf(&b, "%s:%.2f/%.2f", k, a.w, ix.idf[a.term])
				}
			}
		}
		b.WriteString("] ")
	}
	return b.String()
}

// textUnits yields the units of a section's plain text that scoreSections
// reads as one place: its lines (a list item, a table row, a paragraph's
// line) split further after a sentence's end („.“, „!“, „?“ or „…“
// before a space). A unit boundary never falls inside a word, so the
// units' tokens are the text's tokens.
func textUnits(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := 0
		for i, r := range text {
			cut := -1
			switch r {
			case '\n':
				cut = i + 1
			case '.', '!', '?', '…':
				if j := i + utf8.RuneLen(r); j < len(text) && (text[j] == ' ' || text[j] == '\t') {
					cut = j
				}
			}
			if cut < 0 {
				continue
			}
			if strings.TrimSpace(text[start:cut]) != "" && !yield(text[start:cut]) {
				return
			}
			start = cut
		}
		if strings.TrimSpace(text[start:]) != "" {
			yield(text[start:])
		}
	}
}

// lineCounted reports whether concept c counts towards Hit.Line: a word
// that is distinct evidence on its own — not a typo correction, not a
// part of a split compound (the compound counts as itself), and not a
// word in half the guides or more (idf at most ln 2, as otherWords).
func lineCounted(c *concept) bool {
	return !c.typo && !c.part && c.idf > math.Ln2
}

// sectionTrace, when set, receives each search's concepts and candidates
// after the learned re-ranking (tuning aid only; nil in the bot).
var sectionTrace func(ix *Index, cs []concept, cands []cand, denom float64)
