package search

import _ "embed" // the products' UI translations

// srcUILoc names the source of uiloc.tsv.
const srcUILoc = "the products' own UI translations (BigBlueButton, Element, Nextcloud; en → de), extracted mechanically (uiloc_gen_test.go)"

// uilocTSV is the vocabulary of the products' own UI translations: each
// row an English UI word and the German word(s) the same UI string has in
// the product's German translation, extracted by a stated rule from the
// translation files (TestUILocRebuild; header of the file). A member who
// uses the English interface writes its words; the guides are German.
//
//go:embed uiloc.tsv
var uilocTSV string

// glossaryUILoc is uilocTSV as glossary entries (English → German);
// uilocErr holds the rows that did not parse (TestUILocParses fails on it).
var glossaryUILoc, uilocErr = parseVocab(uilocTSV, srcUILoc)

// uilocWeight is the weight of a German UI word as an expansion of its
// English UI word, relative to the word itself (measured on the tune
// pool, docs/passes/05.md, "Fifth quality pass: the products' UI
// translations": 0.1–0.3 equal, above 0.3 a confident wrong search hit
// more). A variable so that the tuning test can vary it; negative is off.
var uilocWeight = 0.2

// addUILoc adds the UI translations to th: each English UI word expands
// to its German UI word(s) at w (nothing when w is not positive). Only
// this direction: German → English did not pay (docs/performance.md).
func addUILoc(th map[string][]thesaurusEntry, es []glossaryEntry, w float64) {
	if w <= 0 {
		return
	}
	for _, e := range es {
		for _, from := range e.From {
			for _, to := range e.To {
				thesAdd(th, from, to, w)
			}
		}
	}
}
