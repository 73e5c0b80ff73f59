package search

import (
	_ "embed"
	"strings"
	"sync"
)

// English words in English messages (eighth quality pass, branch rest8).
// The typo correction (typo.go) reads every word the library does not know
// as a misspelt library word. In an English message many such words are
// correctly spelt English words one edit away from a German word or a
// loanword of the library ("main" → "Mail", "order" → "Ordner", "back" →
// "Bank", "fine" → "finde"), and the correction puts a topic into the
// message that it does not have. A spell checker does not correct a word
// its dictionary knows; the engine's dictionary for English is SCOWL's
// common words (englishwords.txt, the source and its notices there). So in
// a message that the language vote (langvote.go) reads as English, a word
// of that list that the typo correction would change is not corrected,
// unless the correction is its cognate (cognates: "profile" → "Profil"),
// and it leaves the query. It leaves it rather than staying as an unknown
// word because before it counted as a (weak) match, not as an unanswered
// topic: kept as an unknown word at full or at CommonWeight, it turned
// guide questions into "no guide" (measured, docs/passes/08.md, eighth
// pass, rest8). English words no library word is near are not touched.
// Likewise the German stemmer gives an English word the key of a German
// glossary word ("box" – "Boxen", loudspeakers): in an English message, a
// word of the list takes no glossary entry of another word (foreignGloss).
// German messages are left as they are: many English words are German
// words or their misspellings ("kind", "hand", "link").

//go:embed englishwords.txt
var englishWordsText string

// englishWords returns the set of the words of englishwords.txt, built on
// first need (about 40,000 words; a German message never needs it).
var englishWords = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{}, 40000)
	for l := range strings.SplitSeq(englishWordsText, "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		m[l] = struct{}{}
	}
	return m
})

// isEnglishWord reports whether the folded word w is a common English word
// (englishWords).
func isEnglishWord(w string) bool {
	_, ok := englishWords()[w]
	return ok
}

// cognates returns the corrections of fixes that are cognates of the
// English word w: the same word but for an ending that the Snowball
// English stemmer (english.go) removes ("profile" – "Profil", "mobile" –
// "mobil", "archive" – "Archiv") and for the German spelling of the
// Latin and Greek c and ph as k and f ("document" – "Dokument"; Duden,
// "Fremdwörter": Kamera, Kontakt, Foto), nil if none is. A correction
// that is another word ("main" – "Mail", "fine" – "finde", "order" –
// "Ordner") is not kept.
func cognates(fixes []string, w string, kr *keyer) []string {
	es := kr.english()
	e := cognateKey(es.stem(w))
	if e == "" {
		return nil
	}
	var out []string
	for _, f := range fixes {
		if cognateKey(es.stem(f)) == e {
			out = append(out, f)
		}
	}
	return out
}

// cognateSpelling writes the Latin and Greek c and ph the German way.
var cognateSpelling = strings.NewReplacer("ph", "f", "ck", "k", "c", "k")

// cognateKey is the English stem s with c and ph spelt the German way.
func cognateKey(s string) string {
	return cognateSpelling.Replace(s)
}

// foreignGloss reports whether the glossary entries of the stem key k,
// reached from the query word w, are all of other words: no glossary word
// with that key is w or has w's English stem. The German stemmer gives an
// English word the key of a German word ("box" – "Boxen", loudspeakers);
// in an English message the English word is meant. False when the
// glossary has no entry for k.
func (ix *Index) foreignGloss(w, k string, kr *keyer) bool {
	from := ix.thesFrom[k]
	if len(from) == 0 {
		return false
	}
	e := kr.english().stem(w)
	for _, f := range from {
		if f.word == w || (e != "" && f.en == e) {
			return false
		}
	}
	return true
}

// glossWord is a surface word of the glossary (Index.thesFrom) with its
// English stem ("" when the English stemmer does not take it).
type glossWord struct{ word, en string }
