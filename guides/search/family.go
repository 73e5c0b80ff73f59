package search

import "strings"

// A tool's name word, met by its whole family (twenty-seventh pass,
// branch eng27b).
//
// „welcher Browser ist am besten für die Videokonferenzen“, „kann man die
// Videokonferenz mitschneiden“, „wie werfe ich einen Störer aus der
// Videokonferenz“: „Videokonferenz“ names the tool every guide of the
// BigBlueButton family is about, but only the family's entry guide names
// it where its author says what the guide is about (its tags and
// summary); the other guides of the family say „BBB“ or nothing. So the
// word is rare in the library, and under BM25F's field weights that one
// word carries the entry guide past the guide that names the task (the
// thirteenth pass's class "the family's setting word carries the
// family's entry guide"; the twenty-fifth pass damped it only in a phrase
// of place, setting.go).
//
// The library's folders are its families (bbb/, matrix/, nextcloud/ …;
// library/README.md). A query word that exactly one guide of the whole
// library names in a strong field, a guide of a family of at least
// familyMin guides, is read as that family's word: every other guide of
// the family that the query found ranks as if it met the word in
// passing (Options.TopicRank times the entry guide's rank value for it,
// less what it met of the word itself). This is evidence inherited from
// the container, as structured-document retrieval gives a component its
// parent's evidence (Ogilvie and Callan 2004, "Hierarchical language
// models for XML component retrieval"; Wilkinson 1994, "Effective
// retrieval of structured documents"). Only the order changes: no
// Hit.Score, Hit.Strong or figure of the confidence reads it, and a guide
// the query found nothing of gets nothing.

// familyMin is the fewest guides a folder must hold to be a family.
const familyMin = 3

// familyOf returns the folder of a guide's ID ("bbb/browser-technik.md" →
// "bbb"), "" for an ID with no folder.
func familyOf(id string) string {
	if i := strings.LastIndexByte(id, '/'); i > 0 {
		return id[:i]
	}
	return ""
}

// buildFamilies sets, per guide, the index of its family and the family's
// size (docFamily, familySize); a guide with no folder has family -1.
func (ix *Index) buildFamilies() {
	ids := map[string]int32{}
	ix.docFamily = make([]int32, len(ix.docs))
	for d, di := range ix.docs {
		f := familyOf(di.id)
		if f == "" {
			ix.docFamily[d] = -1
			continue
		}
		k, ok := ids[f]
		if !ok {
			k = int32(len(ix.familySize))
			ids[f] = k
			ix.familySize = append(ix.familySize, 0)
		}
		ix.docFamily[d] = k
		ix.familySize[k]++
	}
}

// familyWord is a query word one guide of a family names as its topic:
// the family, that guide, and the rank value it met the word with.
type familyWord struct {
	fam   int32
	entry int32
	rank  float64
	ci    int // the concept's index, to read what the others met of it
}

// familyEvent returns the family word of the concept whose touched docs
// are sc.touch (sc.bestRank and sc.bestStrong as the scoring loop left
// them, weight the concept's weight), and false when the concept is none.
func (ix *Index) familyEvent(sc *scratch, weight float64, ci int) (familyWord, bool) {
	entry := int32(-1)
	for _, d := range sc.touch {
		if !sc.bestStrong[d] {
			continue
		}
		if entry >= 0 {
			return familyWord{}, false
		}
		entry = d
	}
	if entry < 0 {
		return familyWord{}, false
	}
	f := ix.docFamily[entry]
	if f < 0 || ix.familySize[f] < familyMin {
		return familyWord{}, false
	}
	return familyWord{fam: f, entry: entry, rank: weight * sc.bestRank[entry], ci: ci}, true
}

// inheritFamilyWords adds, to each found guide of a family word's family
// but its entry guide, the word's rank met in passing less what the guide
// met of the word itself (met[i][d] for the i-th family word, from the
// scoring loop).
func (ix *Index) inheritFamilyWords(sc *scratch, words []familyWord, met []map[int32]float64) {
	for i, w := range words {
		v := w.rank * ix.opts.TopicRank
		for _, d := range sc.seen {
			if d == w.entry || ix.docFamily[d] != w.fam {
				continue
			}
			if add := v - met[i][d]; add > 0 {
				sc.rank[d] += add
			}
		}
	}
}
