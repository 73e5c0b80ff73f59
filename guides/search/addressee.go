package search

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
		if t.word == "du" && (i > 0 && courtesyVerbs[toks[i-1].word] || i+1 < len(toks) && courtesyVerbs[toks[i+1].word]) {
			continue
		}
		return true
	}
	return false
}
