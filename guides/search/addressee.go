package search

import "strings"

// The addressee of a chat: in a message to the bot, the German
// second-person singular ("du", "dich", "dir", "dein …") refers to the
// bot itself (deixis: the personal pronoun of the second person names the
// one spoken to; Duden, Grammatik, "Personalpronomen"; the possessive
// "dein" names what belongs to it). "was speicherst du über mich" asks
// about the bot as surely as "was speichert Lotse über mich", yet "du" is
// a stop word and the question has no other word that names its subject.
//
// The query then gains one concept, the addressee's name
// (Options.Addressee), at Options.AddresseeWeight: evidence for the guides
// about the bot, never more than a word of the question. Only when the
// library knows the name; English "you" is left out, as English uses it
// for anyone ("how do you share a screen").

// secondPerson lists the German second-person singular pronouns and the
// possessive determiner's forms (Duden, Grammatik: Personalpronomen,
// Possessivartikel).
var secondPerson = map[string]bool{
	"du": true, "dich": true, "dir": true,
	"dein": true, "deine": true, "deinem": true, "deinen": true, "deiner": true, "deines": true,
}

// courtesyVerbs are the second-person forms of the verbs German asks a
// polite request with ("kannst du mir sagen …", "weißt du, wie …", "hast
// du eine Anleitung für …"): the modal verbs können, mögen, wollen, werden
// (würdest), and wissen and haben (Duden, "Die Grammatik": indirekte
// Aufforderungen, Modalverben). Their "du" is the request's form, not its
// subject.
var courtesyVerbs = map[string]bool{
	"kannst": true, "koenntest": true, "könntest": true,
	"weißt": true, "weisst": true, "hast": true, "haettest": true, "hättest": true,
	"magst": true, "möchtest": true, "moechtest": true,
	"würdest": true, "wuerdest": true, "wirst": true, "willst": true,
}

// addressesBot reports whether the query speaks of the bot with a German
// second-person singular pronoun: not a "du" next to a courtesy verb, and
// not one in direct speech (quote.go: „Du hast keine Berechtigung“ is an
// app speaking to the member). addressee is the bot's folded name.
func addressesBot(toks []rawToken, addressee string) bool {
	for i, t := range toks {
		if t.joined || !secondPerson[t.word] || speaks(toks, i, addressee) {
			continue
		}
		if t.word == "du" && (i > 0 && courtesy(toks, i-1, i) || i+1 < len(toks) && courtesy(toks, i+1, i)) {
			continue
		}
		return true
	}
	return false
}

// courtesyModals are the modal verbs of courtesyVerbs. Without an
// infinitive a modal verb is a full verb (Duden, "Die Grammatik":
// Modalverben als Vollverben, "sie kann Englisch"): "was kannst du?",
// "was kannst du alles?" ask what the bot can do, and their "du" is the
// subject, not a request's form.
var courtesyModals = map[string]bool{
	"kannst": true, "koenntest": true, "könntest": true, "magst": true, "möchtest": true, "moechtest": true,
	"würdest": true, "wuerdest": true, "wirst": true, "willst": true,
}

// modalParticles may follow a modal verb used as a full verb in a
// question: the modal particles (Abtönungspartikeln, Duden: denn,
// eigentlich, so, ja, noch, überhaupt, sonst) and "alles" of "was … alles"
// (Duden, "alles": in questions, asks for a list).
var modalParticles = map[string]bool{
	"alles": true, "denn": true, "eigentlich": true, "so": true, "ja": true, "noch": true, "überhaupt": true,
	"ueberhaupt": true, "sonst": true,
}

// courtesy reports whether the verb toks[v] next to the "du" at toks[d]
// makes it the form of a polite request: a courtesy verb, and for a modal
// verb one with more than modal particles after the pair in its clause
// (its infinitive or the infinitive's words: "kannst du mir sagen").
func courtesy(toks []rawToken, v, d int) bool {
	if !courtesyVerbs[toks[v].word] {
		return false
	}
	if v < d && v > 0 && toks[v-1].word == "was" && !toks[v-1].end {
		// "was" asks for the verb's object: "was weißt du über mich",
		// "was hast du über mich gespeichert" ask the bot itself
		// (Duden, Interrogativpronomen "was" as accusative object).
		return false
	}
	if !courtesyModals[toks[v].word] {
		return true
	}
	k := max(v, d)
	if toks[k].end {
		return false
	}
	for j := k + 1; j < len(toks); j++ {
		if !modalParticles[toks[j].word] {
			return true
		}
		if toks[j].end {
			break
		}
	}
	return false
}

// Addressee returns the bot's name as the index reads a query word
// (Options.Addressee, folded), "" when the option is off.
func (ix *Index) Addressee() string { return ix.opts.Addressee }

// NamesAddressee reports whether the keyword tag (a guide's tag) is the
// bot's name (Addressee): a guide tagged with the name the guides call the
// bot by is about the bot.
func (ix *Index) NamesAddressee(tag string) bool {
	return ix.opts.Addressee != "" && foldWord(strings.TrimSpace(tag)) == ix.opts.Addressee
}
