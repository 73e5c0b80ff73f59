package search

import (
	_ "embed" // the English → German dictionary fallback
	"sync"
)

// English words that neither the library, the glossary nor the learned
// lexicon (enlex.go) knows: a fallback from a general bilingual
// dictionary. The learned lexicon comes from UI catalogs, so it lacks the
// words of an association's life that no program's menu has ("party" →
// Partei, "voice" → Stimme). endict.tsv holds, for such English words, the
// headword pairs of Ding's German–English dictionary (Debian's
// trans-de-en; TestEnDictRebuild, endict_gen_test.go; source and licence
// in its header and endict-NOTICE.txt): the first German word and the
// first English word of one entry, both without a subject label other
// than computing.
//
// A row is read only where enlex.tsv has none for the word's English
// stem, and through the same hook (enlexNote): its German words that the
// library knows only add to the rank of the guides that contain them;
// scores, confidence and decisions are what they are without it.

//go:embed endict.tsv
var endictTSV string

// endictTable returns the dictionary fallback: English stem → German
// words, best first; built on first need (a German message never needs
// it). A variable so that a test can switch the fallback off.
var endictTable = sync.OnceValue(func() map[string][]string {
	return parseEnLex(endictTSV)
})

// lexRow returns the German words of the English stem key: the learned
// lexicon's row, else the dictionary's (nil if neither has one). Either
// holds at most enlexMaxTrans words.
func lexRow(key string) []string {
	if r, ok := enlexTable()[key]; ok {
		return r
	}
	return endictTable()[key]
}
