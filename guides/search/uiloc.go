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

// The default weights of the UI translations, relative to the word
// itself (measured on the tune pool, docs/performance.md, "Fifth quality
// pass: the products' UI translations"). A negative weight is off.
var (
	uilocWeight        = 0.5
	uilocReverseWeight = -1.0
)

// addUILoc adds the UI translations to th: English → German at w, and
// German → English at rev (a German UI word reaches the English word
// guides use as an anglicism). A non-positive weight leaves that
// direction out.
func addUILoc(th map[string][]thesaurusEntry, es []glossaryEntry, w, rev float64) {
	for _, e := range es {
		for _, from := range e.From {
			for _, to := range e.To {
				if w > 0 {
					thesAdd(th, from, to, w)
				}
				if rev > 0 {
					thesAdd(th, to, from, rev)
				}
			}
		}
	}
}
