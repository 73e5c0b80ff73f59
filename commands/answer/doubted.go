package answer

import (
	"slices"
	"strings"

	"github.com/lotse-bot/lotse/guides/search"
)

// A question whether a message is genuine. A member who reports a
// message and asks whether it is real („ich hab eine Mail bekommen, mein
// Konto wird gesperrt, ist das echt?“, „jemand schreibt mir im Chat und
// will mein Passwort, ist das seriös?“, „woran merk ich, ob ne Mail echt
// von euch ist“) asks about the message's origin, not about what the
// message asks for: the words of its bait — Passwort, Konto, Speicher,
// Link — are most of the message and find the guides about those
// matters, while the question itself is one word (Duden grammar: the
// Entscheidungsfrage „ist das echt?“ with the demonstrative „das“
// pointing back to the reported message; the indirect question with
// „ob“). Such a message gets the library's guide about doubted messages
// first: the guide the doubt words themselves find (doubtQuery).

// doubtQuery is the search for the library's guide about doubted
// messages: the nouns of fraud and the adjectives of suspicion of
// doubtWords (aside.go; Duden, synonyms of „verdächtig“ and „echt“), as
// written. A guide that explains doubted messages names them in what it
// says it is about; the query is the same for every message, so it names
// no message's words.
const doubtQuery = "verdächtig gefälscht Betrug Fälschung Phishing Spam"

// doubtedMessage returns d with the library's guide about doubted
// messages first when the question part (words qv) reports a message and
// asks whether it is genuine (asksGenuine), and whether it searched: the
// doubt guide is the first hit of doubtQuery, taken only when that search
// is confident and the guide meets it firmly in what it says it is about
// (search.Hit.Strong ≥ aboutStrong). d is the decision of the search
// (decideSearch, after botAnswer); an answer with that guide stays as it
// is; another answer becomes a choice with the doubt guide first and the
// answered guide second (the member may still mean the bait's matter); a
// choice gets the doubt guide first, the others after it, at most
// maxChoices; a "no guide" (not vague: a cry for help names no message)
// gets a choice of the doubt guide. Small talk, a request for a person
// and a command never reach it. It never makes an answer, so it cannot
// make a confident wrong one. The caller does not search again when it
// searched: at most two searches per message (d.aboutSearched: the first
// search's own look-up of one word, boundThing's firstAbout, is the
// second).
func doubtedMessage(d Decision, qv *qwords, lib Library, opts Options, tx *Texts) (Decision, bool) {
	if d.aboutSearched || d.Vague || d.Outcome != Answer && d.Outcome != Choose && d.Outcome != None || !asksGenuine(qv) {
		return d, false
	}
	res := lib.SearchFor(doubtQuery, 1, opts.Team)
	if !res.Confident || len(res.Hits) == 0 || res.Hits[0].Strong < aboutStrong {
		return d, true
	}
	g := res.Hits[0]
	if d.Outcome == Answer && d.Hits[0].ID == g.ID {
		return d, true
	}
	hits := []search.Hit{g}
	if d.Outcome != None {
		for _, h := range append(slices.Clip(d.Hits), d.Also...) {
			if h.ID != g.ID && len(hits) < maxChoices {
				hits = append(hits, h)
			}
		}
	}
	c := Decision{Outcome: Choose, Query: d.Query, Hits: hits, Nearest: d.Nearest, PersonHint: d.PersonHint, CaseLead: d.CaseLead}
	c.Reply = choiceMarkdown(hitTitles(c.Hits), tx, "")
	return c, true
}

// asksGenuine reports whether the words qv report a message
// (reportsMessage) and a sentence of theirs asks whether it is genuine:
// a question (questionSentence) with a word of doubt in a question's
// place (genuineAt) — „ist das echt?“, „echt oder fake?“, „ist das
// Betrug?“, „ob ne Mail echt von euch ist“ —, not followed by a clause
// with „dass“/"that" in its sentence: „ist das echt, dass ich mein
// Passwort alle drei Monate ändern muss?“ asks whether a claim is true
// (Duden grammar: the correlate „das“ points forward to the dass-clause),
// not whether a message is.
func asksGenuine(qv *qwords) bool {
	words, brk := qv.words(), qv.breaks()
	if !reportsMessage(words, brk) {
		return false
	}
	for from, to := range qv.sentences() {
		if !questionSentence(qv, from, to) {
			continue
		}
		for j := from; j < to; j++ {
			if !genuineAt(words, brk, j) {
				continue
			}
			if !factClauseAfter(words, brk, j, to) {
				return true
			}
			// Every word of the clause has that fact clause after
			// it: go on after the clause (one pass over the words).
			for j+1 < to && !brk[j+1] {
				j++
			}
		}
	}
	return false
}

// reportsMessage reports whether the folded words (breaks brk) name a
// message one receives: a message noun (messageNoun, aside.go; also as
// the head of a compound: „Chatnachricht“, „Phishingmail“) or a verb of
// writing or sending with the member as its receiver in its clause
// („jemand schreibt mir“, „hat mir … geschickt“, "texted me"), at most
// asideWindow words away (aside.go: the phrases are local, and a 2 KB
// message of such verbs without a comma stays one pass).
func reportsMessage(words []string, brk []bool) bool {
	for j, w := range words {
		if messageNoun(w) || messageHead(w) {
			return true
		}
		if !writeVerb(w) {
			continue
		}
		for i := j - 1; i >= 0 && i >= j-asideWindow && !brk[i+1]; i-- {
			if receiverWords[words[i]] {
				return true
			}
		}
		for i := j + 1; i < len(words) && i <= j+asideWindow && !brk[i]; i++ {
			if receiverWords[words[i]] {
				return true
			}
		}
	}
	return false
}

// messageHead reports whether the folded word w is a compound whose head
// (Duden grammar, Determinativkompositum: the last part names the kind)
// is a message noun of at least four letters, singular or plural:
// „Chatnachricht“, „Phishingmail“, „Spamnachrichten“.
func messageHead(w string) bool {
	for _, h := range messageHeads {
		if len(w) > len(h) && strings.HasSuffix(w, h) {
			return true
		}
	}
	return false
}

// writeVerb reports whether the folded word w is a form of a verb of
// writing or sending a message (writeForms).
func writeVerb(w string) bool {
	return writeForms[w]
}

var (
	// messageHeads: the message nouns of at least four letters
	// (messageNouns, aside.go) with their plurals in -s and -en, made
	// once (one look at a word is a few suffix tests, no string built).
	messageHeads = func() []string {
		var out []string
		for n := range messageNouns {
			if len(n) >= 4 {
				out = append(out, n, n+"s", n+"en")
			}
		}
		return out
	}()
	// writeForms: every form of writeStems with verbEndings
	// (boundthing.go) and the participle with „ge-“, made once.
	writeForms = func() map[string]bool {
		m := map[string]bool{}
		for _, s := range writeStems {
			for _, e := range verbEndings {
				m[s+e] = true
				if e == "en" || strings.HasPrefix(e, "t") {
					m["ge"+s+e] = true
				}
			}
		}
		return m
	}()
)

var (
	// writeStems: verbs of writing, sending and calling (Duden: schreiben,
	// schicken, senden, anrufen; English write, send, text, message,
	// email), folded stems; „schrieb“ is the past of „schreiben“.
	writeStems = []string{"schreib", "schrieb", "geschrieb", "schick", "send", "ruf", "write", "wrote", "text", "messag", "email", "mail"}
	// receiverWords: the member as the receiver (dative and accusative
	// personal pronoun; English "me").
	receiverWords = set("mir", "mich", "me", "uns")
	// verbFirst: the finite verbs that open a yes/no question (Duden
	// grammar, Verberststellung im Entscheidungsfragesatz), folded.
	verbFirst = set("ist", "sind", "war", "waren", "kann", "koennte", "kommt", "stimmt", "is", "are", "was", "can", "could", "does")
	// factWords open a clause that states the fact a question is about.
	factWords = set("dass", "das", "that")
)

// questionSentence reports whether the sentence of qv's words from:to is
// a question: it ends with "?", opens a clause with a finite verb
// (verbFirst: „ist das echt“ without its question mark), has a finite
// verb right before a demonstrative subject (a clause chat writes
// without its comma: „ich hab eine Mail bekommen ist das echt“), or
// holds a question word (questionWords: „woran merk ich, ob …“).
func questionSentence(qv *qwords, from, to int) bool {
	words, brk := qv.words(), qv.breaks()
	if strings.Contains(qv.text[qv.at(to-1):qv.end(to)], "?") {
		return true
	}
	for j := from; j < to; j++ {
		if questionWords[words[j]] {
			return true
		}
		if verbFirst[words[j]] && (j == from || brk[j] || j+1 < to && demonstratives[words[j+1]]) {
			return true
		}
	}
	return false
}

// demonstratives: the pronouns that point back to a reported message as
// a question's subject („ist das …“, „ist die …“), and English "this",
// "it".
var demonstratives = set("das", "dies", "die", "diese", "dieses", "sie", "es", "this", "it")

// genuineAt reports whether word j of the folded words doubts a
// message's origin in a question's place: a word of doubtAt (a claim, a
// word of suspicion or fraud, „echt“ at its clause's end or before
// „oder“), or „echt“/"real" as the predicative of a subordinate clause:
// before a preposition of origin or the clause's final copula („ob die
// Mail echt von euch ist“, „ob die Nachricht echt ist“). Before an
// adjective „echt“ is the intensifier („echt kostenlos“, „echt so
// kompliziert“) and asks nothing.
func genuineAt(words []string, brk []bool, j int) bool {
	if doubtAt(words, brk, j) {
		return !suspicionOfOther(words, brk, j)
	}
	if words[j] != "echt" && words[j] != "real" {
		return false
	}
	return j+1 < len(words) && !brk[j+1] && (fromWords[words[j+1]] || words[j+1] == "from" || copulas[words[j+1]])
}

// copulas: the forms of „sein“ that close a subordinate clause, and
// English "is", "are".
var copulas = set("ist", "sind", "war", "waren", "is", "are")

// factClauseAfter reports whether a clause after word j, in its sentence
// (before word to), opens with „dass“, "that" or the colloquial „das“
// for it: the question is about that clause's fact.
func factClauseAfter(words []string, brk []bool, j, to int) bool {
	for i := j + 1; i < to; i++ {
		if brk[i] {
			return factWords[words[i]]
		}
	}
	return false
}

// suspicionOfOther reports whether word j is an adjective of suspicion
// (suspicionWords) that says how something other than a message looks:
// followed in its clause by a word that is no message noun and none of
// suspicionFollowers („komische Zeichen“, „komisch formatiert“, "look
// weird in the chat", "strange characters", "a strange order"). Said of
// the message („eine komische Mail“, "weird message"), at its clause's end
// („ist das seriös?“), or with the particle of its verb („kommt mir
// komisch vor“, "seems weird to me"), it doubts it; the nouns of fraud
// always do.
func suspicionOfOther(words []string, brk []bool, j int) bool {
	if !suspicionWords[words[j]] || j+1 == len(words) || brk[j+1] {
		return false
	}
	next := words[j+1]
	return !messageNoun(next) && !messageHead(next) && !suspicionFollowers[next]
}

// suspicionFollowers: the words after an adjective of suspicion that keep
// it about the message: „oder“/"or" („komisch oder echt?“) and the
// particles of the verbs it goes with (Duden: „komisch vorkommen“,
// „komisch aussehen“, „sich komisch anfühlen“; "seem weird to").
var suspicionFollowers = set("oder", "or", "vor", "aus", "an", "to")

// suspicionWords: the adjectives of suspicion among doubtWords (aside.go),
// which also describe how a display, a file or a sign looks; the nouns of
// fraud (Betrug, Phishing, Spam, fake, scam) are not among them.
var suspicionWords = set(
	"komisch", "komische", "komischen", "komischer", "komisches",
	"seltsam", "seltsame", "seltsamen", "seltsamer", "seltsames",
	"merkwuerdig", "merkwuerdige", "merkwuerdigen", "merkwuerdiger",
	"strange", "weird")
