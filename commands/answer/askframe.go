package answer

import (
	"strings"

	"github.com/lotse-bot/lotse/guides/search"
)

// The frame of a question. The search matches a message with a guide's
// own question by their content words (guides/search asked.go); the words
// that change what is asked about them are function words, stop words to
// the search: „muss ich mein Passwort ändern“ asks whether, not how, „hat
// jemand mein Passwort geändert“ reports what someone did, „warum richte
// ich 2FA ein“ asks for a reason. So the message and the question must
// also agree in a small frame read from those words — the closed classes
// of the grammar, not vocabulary (Duden, Die Grammatik: Fragesatz,
// Modalverben, Perfekt und Passiv; Sneiders 2002 matches a question
// template's interrogative and auxiliary as well as its content words).
// A guide's title head („Passwort ändern“) has no frame words: it matches
// only a message in the plain how-to frame (wie, wo, was, kann ich, an
// imperative or a fragment).

// askFrame is the frame of a question (frameOf).
type askFrame struct {
	// class is the question word's class beside how/where/what, which
	// is "" like a question without one: "why", "when", "who",
	// "whether", "degree" (degreeWords).
	class string
	scope string // whom or how much of it the question is about (scopeAt)
	neg   bool   // a negation (negated)
	modal bool   // a modal of obligation or permission (frameModals)
	other bool   // someone else is the subject (otherSubjects)
	past  bool   // a report of what happened (reportsPast)
}

// frameClasses are the question words whose question is not a how-to
// one, by class: a reason, a time, a person, a yes-or-no choice
// (Duden, Die Grammatik: Ergänzungsfragen nach Grund, Zeit, Person;
// indirekte Entscheidungsfrage mit „ob“). English "when" and "if" are
// left out: they open conditions as often as questions.
var frameClasses = byClass(map[string]map[string]bool{
	"why":     set("warum", "wieso", "weshalb", "weswegen", "wozu", "why"),
	"when":    set("wann"),
	"who":     whoWords,
	"whether": set("ob", "whether"),
})

// byClass returns the class of each word of the sets of classes.
func byClass(classes map[string]map[string]bool) map[string]string {
	out := map[string]string{}
	for c, ws := range classes {
		for w := range ws {
			out[w] = c
		}
	}
	return out
}

// degreeWords are the words that make „wie“ and "how" ask for a
// degree — a frequency, an amount, a duration — not for a way: „wie oft
// ändere ich mein Passwort“ asks how often, not how, „wie lang(e)“ how
// long (Duden, Die Grammatik: „wie“ vor Adjektiv oder Adverb fragt nach
// dem Grad; Cambridge Grammar of English: "how" + adjective or adverb).
var degreeWords = set("oft", "haeufig", "viel", "viele", "vielen", "lang", "lange", "often", "much", "many", "long")

// howWords are the question words that a word of degreeWords after them
// turns into the degree class; degreeAsOneWord are the one-word forms
// that are that class already („wieviel“).
var (
	howWords        = set("wie", "how")
	degreeAsOneWord = set("wieviel", "wieviele", "wievielen")
)

// scopeWords are the pronouns and focus particles that bound whom or
// what a question is about, by class: everyone, or only the asker or one
// thing („nur“, „allein“) — „wie beende ich die Konferenz für mich“ is
// not „… für alle“ (Duden, Die Grammatik: Indefinitpronomen, Gradpartikeln;
// Cambridge Grammar of English: focusing adverbs). Stop words to the
// search, as every guide says them.
var scopeWords = map[string]string{"everyone": "all", "everybody": "all", "nur": "only", "allein": "only", "only": "only"}

// scopeQuantifiers are the quantifiers that bound the question's scope
// where they stand as a pronoun after a preposition (scopePrepositions):
// „für alle“, „an jeden“, „mit mehreren“, "for all" name the people it
// is done for. Before a noun they are its article, „alle Daten löschen“
// asks how to delete the data (Duden, Die Grammatik: Artikelwörter und
// Pronomen der Quantität).
var scopeQuantifiers = map[string]string{
	"alle": "all", "allen": "all", "jede": "all", "jeden": "all", "jeder": "all", "jedem": "all", "jedes": "all",
	"all": "all", "mehrere": "several", "mehreren": "several", "einige": "several", "einigen": "several",
	"several": "several",
}

// scopePrepositions are the prepositions before a scopeQuantifiers
// pronoun: those of a comparison's other side (prepositions), „von“,
// and the ones of a recipient („an alle“, „zu allen“, "to all").
var scopePrepositions = union(prepositions, fromWords, set("an", "zu", "to"))

// selfScopes are the pairs of a preposition or focus word and the
// asker's pronoun that bound the question to the asker, the „only“
// class of scopeWords: „für mich“, "just me", "for me".
var selfScopes = map[[2]string]bool{{"fuer", "mich"}: true, {"just", "me"}: true, {"for", "me"}: true}

// frameModals are the modal verbs of obligation and permission, German
// „müssen“, „sollen“, „dürfen“ in their present and past forms, folded,
// and English "must", "should", "shall", "may", "ought" (Duden, Die
// Grammatik: Modalverben; Cambridge Grammar of English: modal verbs).
// „können“ and "can" are left out: „kann ich …“ asks how.
var frameModals = set("muss", "musst", "muessen", "muesst", "musste", "musstest", "mussten", "muesste", "muessten",
	"soll", "sollst", "sollen", "sollt", "sollte", "solltest", "sollten",
	"darf", "darfst", "duerfen", "duerft", "durfte", "durften", "duerfte",
	"must", "should", "shall", "may", "ought")

// otherSubjects are the nominative forms of the indefinite pronouns of a
// person (someoneWords without the object forms and the interrogatives,
// which frameClasses read) and the plural „ihr“ (the people behind the
// bot, youWords): with them someone other than the asker does what the
// question names.
var otherSubjects = union(where(someoneWords, nominative), common(youWords, set("ihr")))

// nominative reports whether w of someoneWords is a nominative: neither
// an interrogative (whoWords) nor an object or genitive form in „-en“,
// „-em“, „-es“ („jemanden“, „jemandem“, „jemandes“).
func nominative(w string) bool {
	return !whoWords[w] && !strings.HasSuffix(w, "en") && !strings.HasSuffix(w, "em") && !strings.HasSuffix(w, "es")
}

// pastWords mark a report of the past: the passive auxiliary „werden“
// in its past forms and its participle (Duden, Die Grammatik: Passiv).
// Adverbs of past time („gestern“) are left out: they date a greeting
// or a clause beside the question as often („danke für gestern“).
var pastWords = set("wurde", "wurden", "wurdest", "wurdet", "worden")

// perfectAux are the forms of „haben“ and "have" that build the perfect
// with a participle (reportsPast).
var perfectAux = set("hat", "habe", "hab", "hast", "haben", "habt", "hatte", "hatten", "hattest", "has", "have", "had")

// frameOf reads the frame of the folded words ws of text.
func frameOf(ws []string, text string) askFrame {
	f := askFrame{neg: negated(ws, text), past: reportsPast(ws)}
	for i, w := range ws {
		if f.class == "" {
			f.class = classAt(ws, i)
		}
		if f.scope == "" {
			f.scope = scopeAt(ws, i)
		}
		f.modal = f.modal || frameModals[w]
		f.other = f.other || otherSubjects[w]
	}
	return f
}

// classAt returns the question word's class of ws[i] (frameClasses),
// "degree" for „wie“ or "how" before a word of degree (degreeWords) and
// for „wieviel“, "" for any other word.
func classAt(ws []string, i int) string {
	w := ws[i]
	if howWords[w] && i+1 < len(ws) && degreeWords[ws[i+1]] || degreeAsOneWord[w] {
		return "degree"
	}
	return frameClasses[w]
}

// scopeAt returns the scope class of ws[i]: that of a scopeWords word,
// of a scopeQuantifiers pronoun after a preposition, "only" for the
// first word of a pair of selfScopes, "" for any other word.
func scopeAt(ws []string, i int) string {
	if i+1 < len(ws) && selfScopes[[2]string{ws[i], ws[i+1]}] {
		return "only"
	}
	if c, ok := scopeQuantifiers[ws[i]]; ok && i > 0 && scopePrepositions[ws[i-1]] {
		return c
	}
	return scopeWords[ws[i]]
}

// reportsPast reports whether ws tell what happened: a past word
// (pastWords), or a perfect — a form of „haben“ or "have" and a
// participle (participle).
func reportsPast(ws []string) bool {
	aux, part := false, false
	for _, w := range ws {
		if pastWords[w] {
			return true
		}
		aux = aux || perfectAux[w]
		part = part || participle(w)
	}
	return aux && part
}

// participle reports whether the folded word w is a participle: of
// German by its shape (search.IsParticiple: „geändert“, „eingerichtet“,
// „weitergeleitet“) and no noun by its suffix (nounSuffixed: „Gemeinschaft“,
// „Gelegenheit“), or English "-ed" (englishParticiple). Only with an
// auxiliary it marks a perfect (reportsPast), so a noun of that shape
// („Gerät“ is too short) rarely counts.
func participle(w string) bool {
	return englishParticiple(w) || search.IsParticiple(w) && !nounSuffixed(w)
}

// englishParticiple reports whether w has the shape of an English
// regular participle: at least five letters ending in "-ed", but not in
// "-eed" ("speed", "need", "feed": nouns and verbs after "have" — "I have
// a slow speed" — no perfect). "embed" keeps the shape; after "have" it
// is no grammatical perfect, so it rarely meets the auxiliary.
func englishParticiple(w string) bool {
	return len(w) >= 5 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed")
}
