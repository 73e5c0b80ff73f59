package search

import "strings"

// Personal endings of German present-tense verbs and of the participle
// without "ge-" (Duden, "Die Grammatik": Konjugation, Personalendungen
// -e, -st, -t, -en; verbs with an inseparable prefix form the participle
// without "ge-": "benutzt", "verwendet", "erstellt"). The Snowball German
// stemmer strips -e, -en and -st but keeps a final -t, so a member's "es
// fehlt" or "ich habe es benutzt" (keys "fehlt", "benutzt") missed the
// guide's "fehlen" or "Benutze" (keys "fehl", "benutz").
//
// verbEndingAlts calls add with the index terms of k with its -t or -et
// taken off ("benutzt" → "benutz", "arbeitet" → "arbeit"), the same verb
// without the ending of the 3rd person. Only the query side is rewritten,
// and only into keys the library knows, so a noun ending in -t
// ("kontakt" → "kontak") finds nothing; keys shorter than
// minVerbEndingStem stay apart ("gast", "gas"). The other direction (the
// key with -t added, "benutz" → "benutzt") was measured and dropped: it
// made one-word questions confidently wrong (docs/performance.md).
func (ix *Index) verbEndingAlts(k string, add func(id int32)) {
	if len(k) <= minVerbEndingStem || hasDigit(k) || !strings.HasSuffix(k, "t") {
		return
	}
	try := func(cand string) {
		if len(cand) < minVerbEndingStem {
			return
		}
		if id, ok := ix.terms[cand]; ok {
			add(id)
		}
	}
	try(k[:len(k)-1])
	if strings.HasSuffix(k, "et") {
		try(k[:len(k)-2])
	}
}

// minVerbEndingStem is the shortest stem verbEndingAlts accepts: four
// letters keep "gast" and "gas" and the like apart.
const minVerbEndingStem = 4

// verbEndingWeight is the weight of a verb-ending alternative: the same
// verb in another person, nearly the word itself (like a particle verb's
// joined form, 0.9).
const verbEndingWeight = 0.9

// secondPersonAlts adds to c, the concept of a query word w the library
// does not know, the verb it is the second person singular of, when the
// stemmer leaves that form whole. The personal ending -st (Duden, "Die
// Grammatik": Personalendungen) is stripped by the Snowball German stemmer
// only after b, d, f, g, h, k, l, m, n or t; after r ("speicherst",
// "änderst", every -ieren verb: "reagierst", "installierst") the form stays
// a word of its own, and the decompounder then split it at a word the
// library happens to know ("reagi|erst" matched a guide titled "Erste
// Anmeldung"). The form without -st, stemmed, must be a key the library
// knows. It reports whether it added an alternative; the caller finishes
// the concept (finishConcept) after its other alternatives.
func (ix *Index) secondPersonAlts(c *concept, w string, st *stemmer) bool {
	n := len(w)
	if n < minVerbEndingStem+3 || !strings.HasSuffix(w, "rst") || hasDigit(w) {
		return false
	}
	id, ok := ix.terms[st.stem(w[:n-2])]
	if !ok {
		return false
	}
	c.alts = appendAlt(c.alts, alt{id, verbEndingWeight})
	return true
}
