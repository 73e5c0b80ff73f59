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
// zoomen", "how many words can my password have", "ich habe kein signal
// in der videokonferenz" and "my outlook for the meeting is bad" became
// questions about another product, and got no guide.
//
// Grammar tells the two readings apart in two places, and only there is
// a name read as the word:
//   - An inflection ending. A name is not inflected but for the genitive
//     "-s" (Duden, Die Grammatik: Eigennamen; „Zooms Chat“), and in
//     English not even that (the genitive takes an apostrophe): "zoomen"
//     (the German verb), "words" (an English plural) are the word.
//   - A determiner that the name closes. A proper name stands without an
//     article or another determiner (Duden: „in Signal“, „bei Zoom“; the
//     rule toolName follows in commands/answer, review rvR12), while a
//     common noun takes one: "kein signal in …", "das wlan signal ist
//     schwach", "no signal from …", "my outlook for …". The determiner must
//     be the word before or the one before that (an adjective or a
//     modifier between: "ein schwaches signal"), in the same clause, and
//     the name must close the noun phrase: a function word or the
//     clause's end follows. A name before another noun is that noun's
//     modifier and the determiner is the noun's ("die signal app", "the
//     excel file", "a zoom link", "my outlook keeps crashing"): the
//     product, as before.
//
// A name that is a word of English only ("outlook", "slack") is read by
// a determiner only in a message the language vote reads as English
// (englishContext): in German "das neue outlook" is the product. The
// device categories are left alone: their everyday words name a device
// in either reading ("das auto", "der controller").

// homonymNames maps the single-word names of the blind list's product
// categories (not devices, not left out) that are common words to
// whether they are German everyday words as well (the list's flag
// "ambiguous"); the others are English words (isEnglishWord).
var homonymNames = func() map[string]bool {
	m := map[string]bool{}
	for l := range strings.SplitSeq(otherThingsTSV, "\n") {
		f := strings.Split(l, "\t")
		if len(f) < 2 || strings.HasPrefix(l, "#") {
			continue
		}
		cat, ok := otherThingsCategories[f[1]]
		closed, parts := offTopicParts(f[0])
		if !ok || cat.Device || cat.Leave || len(parts) != 1 {
			continue
		}
		everyday := len(f) > 2 && f[2] == "ambiguous"
		if everyday || isEnglishWord(closed) {
			m[closed] = everyday
		}
	}
	return m
}()

// nameDeterminers are the determiners (Duden: Artikelwörter; Cambridge
// Grammar: determinatives) that open a common noun's phrase: articles,
// negative, demonstrative and possessive determiners, German and English.
var nameDeterminers = wordSet(`der die das den dem des ein eine einen einem einer eines kein keine keinen keinem
keiner dieser diese dieses diesen diesem mein meine meinen meinem meiner dein deine deinen deinem deiner unser
unsere unseren unserem euer eure the a an no this that my your our their his her its`)

// wordReadings returns the signal words among toks that every time they
// occur read as the common word they also are (see above), nil when none
// does (the usual case, without allocating).
func wordReadings(toks []rawToken) []string {
	var out, named []string
	english, voted := false, false
	for i, t := range toks {
		if t.joined || len(t.word) > maxQueryWord {
			continue
		}
		s := offTopicLookup(t.word)
		everyday, ok := homonymNames[s.word]
		if !ok || !strings.HasPrefix(t.word, s.word) {
			continue
		}
		if !voted {
			english, voted = englishContext(toks), true
		}
		if readsAsWord(toks, i, t.word[len(s.word):], everyday || english, english) {
			out = append(out, t.word)
		} else {
			named = append(named, t.word)
		}
	}
	return slices.DeleteFunc(out, func(w string) bool { return slices.Contains(named, w) })
}

// readsAsWord reports whether toks[i], a homonymous name with the ending
// end, reads as the common word: an ending other than the genitive's (in
// an English message any ending), or, when the name is a word of the
// message's language (inLanguage) and not the last word of a name of
// several ("Google Meet"), a determiner that the name closes.
func readsAsWord(toks []rawToken, i int, end string, inLanguage, english bool) bool {
	if end != "" {
		return end != "s" || english
	}
	prev := prevWords(toks, i)
	switch {
	case !inLanguage || prev[0] != "" && offTopicIx.firsts[prev[0]]:
		return false // not the message's word, or the last of a name ("Google Meet")
	case !toks[i].end && !closesPhrase(toks[i+1:]):
		return false
	}
	return nameDeterminers[prev[0]] || nameDeterminers[prev[1]]
}

// prevWords returns the word before toks[i] and the one before that (not
// joined forms), "" where the clause begins.
func prevWords(toks []rawToken, i int) (prev [2]string) {
	n := 0
	for j := i - 1; j >= 0 && n < 2; j-- {
		if toks[j].joined {
			continue
		}
		if toks[j].end {
			break
		}
		prev[n] = toks[j].word
		n++
	}
	return prev
}

// closesPhrase reports whether the words after a name, rest, leave it
// the last of its noun phrase: the next word (not a joined form) is a
// function word, or there is none.
func closesPhrase(rest []rawToken) bool {
	for _, t := range rest {
		if !t.joined {
			return isStop(t.word)
		}
	}
	return true
}

// unname takes from the concepts that read as the common word (plain:
// wordReadings) their match with the name itself: "zoomen" (the verb)
// and "words" (the plural) would meet a guide by the stem they share with
// "Zoom" and "Word", but an IT help library writes another company's name
// only for the product ("Schließe Zoom, Teams, Skype", "Word-Dateien";
// both libraries: every mention of these names), so the word stays
// unknown, as another word the guides do not use does, and the guards for
// unknown words read it.
func (ix *Index) unname(cs []concept, plain []string) {
	if len(plain) == 0 {
		return
	}
	kr := keyer{ix: ix}
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
