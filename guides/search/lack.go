package search

// A lack named as the member's situation (twenty-ninth pass, branch
// eng29b). Members describe what they lack with the negative article —
// „ich hab keinen Computer“, „die Presse hat kein Konto“, "someone who has
// no account" — while a guide for that case names the same lack with the
// preposition: „Ohne Computer dabei sein“, „für Leute ohne Konto“. Both say
// the same thing (Duden, „Die Grammatik“: „kein“ is the negative of the
// indefinite article, and „ohne X“ paraphrases „kein X haben“), but the
// phrase index (phrase.go) keeps function words literally, so „keinen
// Computer“ never met „Ohne Computer“ as a pair, and the bag of words drops
// both words (negations are stop words: every troubleshooting guide says
// them).
//
// lackReader gives every word of the lack one key in the word-order pairs, in
// the guides' strong fields and headings as in the query. It only adds the
// pairs' rank evidence (phraseRank, weighed by the pair's rarity in the
// library); Hit.Score and the confidence figures do not change, and the
// pairs' guards (orderHits, phraseGuard) hold as for any pair. „nicht“ is
// not a word of the lack: it negates a verb or a whole clause („geht nicht“),
// which is no situation a guide's title names.

// lackWords are the forms of the negative article (Duden, „Die Grammatik“,
// the paradigm of „kein“), the preposition „ohne“, and English "no" and
// "without" as the same lack.
var lackWords = map[string]bool{
	"kein": true, "keine": true, "keinen": true, "keinem": true, "keiner": true, "keines": true,
	"ohne": true, "no": true, "without": true,
}

// lackReader keys the function words of one text for the pairs: every
// word of the lack gets one key, except after „noch“ — „ich hab noch kein
// Konto“ is "not yet", a member who wants the account, not one who wants to
// do without it (Duden, „noch“: temporal, „noch kein“ = „bis jetzt kein“);
// „noch (gar) kein X“ keeps its literal pairs. A content word ends the
// „noch“.
type lackReader struct{ notYet bool }

// key returns the pair key of word w (stop: a function word; k its key).
func (r *lackReader) key(w string, stop bool, k string) string {
	if !stop {
		r.notYet = false
		return k
	}
	if w == "noch" {
		r.notYet = true
		return k
	}
	if lackWords[w] && !r.notYet {
		return "ohne"
	}
	return k
}
