package search

import (
	"slices"
	"strings"
)

// Thirteenth pass: product names that are common words. Some names of
// the blind list of other things (otherthings.tsv) are words of the
// language as well: English "Word", "Zoom", "Outlook", "Slack", "Notion"
// (SCOWL's common English words, englishwords.txt) and the names the list
// itself marks "ambiguous", everyday words in German too ("Signal",
// "Meet", "Sky"). Read as the product, "wie kann ich in die folien
// zoomen" and "how many words can my password have" became questions
// about another product, and got no guide.
//
// Grammar tells the readings apart by an inflection ending: a name is not
// inflected but for the genitive "-s" (Duden, Die Grammatik: Eigennamen;
// „Zooms Chat“), and in English not even that (the genitive takes an
// apostrophe): "zoomen" (the German verb), "words" (an English plural)
// are the word. The branch's second rule, a determiner that the name
// closes („kein signal in …“, "my outlook for …"), was taken out after
// review: English names the products with an article or a possessive
// too ("the outlook for mac does not sync", "my outlook is not syncing"),
// and those became guide questions. The device categories are left
// alone: their everyday words name a device in either reading ("das
// auto", "der controller").

// homonymNames holds the single-word names of the blind list's product
// categories (not devices, not left out) that are common words: German
// everyday words as well (the list's flag "ambiguous") or English words
// (isEnglishWord).
var homonymNames = func() map[string]bool {
	m := map[string]bool{}
	for l := range strings.SplitSeq(otherThingsTSV, "\n") {
		f := strings.Split(strings.TrimRight(l, "\r"), "\t")
		if len(f) < 2 || strings.HasPrefix(l, "#") {
			continue
		}
		cat, ok := otherThingsCategories[strings.TrimSpace(f[1])]
		closed, parts := offTopicParts(f[0])
		if !ok || cat.Device || cat.Leave || len(parts) != 1 {
			continue
		}
		if len(f) > 2 && strings.TrimSpace(f[2]) == otherThingsWeakAmbiguous || isEnglishWord(closed) {
			m[closed] = true
		}
	}
	return m
}()

// wordReadings returns the signal words among toks that every time they
// occur read as the common word they also are (see above), nil when none
// does (the usual case, without allocating).
func wordReadings(toks []rawToken) []string {
	var out, named []string
	lang := langVote{toks: toks}
	for _, t := range toks {
		if t.joined || len(t.word) > maxQueryWord {
			continue
		}
		// The exact forms only: no homonymous name is a compound head
		// (offTopicLookup's second reading).
		s := offTopicIx.exact[t.word]
		if !homonymNames[s.word] {
			continue
		}
		if readsAsWord(t.word[len(s.word):], &lang) {
			out = append(out, t.word)
		} else {
			named = append(named, t.word)
		}
	}
	return slices.DeleteFunc(out, func(w string) bool { return slices.Contains(named, w) })
}

// readsAsWord reports whether a homonymous name with the ending end reads
// as the common word: an ending other than the genitive's, in an English
// message (lang) any ending (see above; a name without an ending stays
// the product).
func readsAsWord(end string, lang *langVote) bool {
	return end != "" && (end != "s" || lang.english())
}

// unname takes from the concepts that read as the common word (plain:
// wordReadings) their match with the name itself: "zoomen" (the verb)
// and "words" (the plural) would meet a guide by the stem they share with
// "Zoom" and "Word", but an IT help library writes another company's name
// only for the product ("Schließe Zoom, Teams, Skype", "Word-Dateien";
// both libraries: every mention of these names), so the word stays
// unknown, as another word the guides do not use does, and the guards for
// unknown words read it.
func (ix *Index) unname(cs []concept, plain []string, kr *keyer) {
	if len(plain) == 0 {
		return
	}
	for i := range cs {
		c := &cs[i]
		if !slices.Contains(plain, c.word) {
			continue
		}
		name, ok := ix.terms[kr.key(offTopicWord(c.word))]
		if !ok {
			continue
		}
		// A copy: the slice may share its array with another concept's.
		c.alts = slices.DeleteFunc(slices.Clone(c.alts), func(a alt) bool { return a.term == name })
	}
}
