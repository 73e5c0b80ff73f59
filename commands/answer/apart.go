package answer

import "github.com/lotse-bot/lotse/guides/search"

// Twenty-eighth pass (branch eng28a): a guide word in another sense. A
// message no guide covers often still meets a guide word — „die Kamera
// von meinem Handy macht unscharfe Fotos“, „mein Passwort fürs Online
// Banking ist gesperrt“ — and gets a „Meintest du …?“ choice. The word's
// sense shows in its attribute (Duden grammar, Attribute: the owner or
// purpose a noun is bound to, boundAt): the guides name „Kamera“ and
// „Handy“, but never together in one of their lines, sentences or author
// fields (search.Result.ApartPairs, guides/search/apart.go). A noun the
// library knows, bound to a word the library knows, in a pair the library
// never has, is used in a sense no guide answers for: the honest no in
// place of the choice. Unlike boundThing, no list says what is a thing:
// the library alone tells the senses apart.

// apartBound returns the noun of the message (words qv) that is bound as
// its owner or purpose (boundAt, German prepositions and genitive only),
// opened by the member's own possessive (ownedBy),
// to a word the library never names together with it (res.ApartPairs),
// or "": in a message that names none of the association's tools
// (namesToolName), the pair not in a doubted sentence (sentenceFlags),
// and the member not asking in another clause (askedElsewhere).
func apartBound(res search.Result, qv *qwords) string {
	if len(res.ApartPairs) == 0 || len(res.Hits) == 0 || namesToolName(qv.ws) {
		return ""
	}
	words := qv.words()
	var doubt []bool
	for j := range words {
		k, n := boundAt(qv, j, false)
		if k != boundOwner && k != boundPurpose || n < 0 || n >= j {
			continue
		}
		if englishBinding(words, n, j) || !ownedBy(words, n, j) {
			continue
		}
		if !res.Apart(qv.ws[n].w, qv.ws[j].w) || !res.Lone(qv.ws[n].w) {
			continue
		}
		if doubt == nil {
			doubt, _ = sentenceFlags(qv)
		}
		if doubt[j] || askedElsewhere(qv, j) {
			continue
		}
		return words[j]
	}
	return ""
}

// englishBinding reports whether the preposition between noun n and its
// attribute j is English („of“, „for“, „from“): a German library names an
// English word's matter in German, so the pair's sense is not read.
func englishBinding(words []string, n, j int) bool {
	for i := n + 1; i < j; i++ {
		if words[i] == "of" || words[i] == "for" || words[i] == "from" {
			return true
		}
	}
	return false
}

// ownedBy reports whether the attribute j of noun n is opened by the
// member's own possessive (ownWords: „von meinem Handy“, „für meine
// Bankkarte“): the member's private thing. An article or „unser“ names
// a thing or body the member shares with others — „der Verteiler von der
// AG Frieden“, „der Raum vom Kreisverband“ —, the association's own
// matter as often as not (Duden grammar, Artikelwörter: the possessive
// names the owner, the definite article a thing known to both).
func ownedBy(words []string, n, j int) bool {
	for i := n + 1; i < j; i++ {
		if ownWords[words[i]] {
			return true
		}
	}
	return false
}
