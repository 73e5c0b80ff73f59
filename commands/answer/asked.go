package answer

import (
	"slices"
	"strings"

	"github.com/lotse-bot/lotse/guides/search"
)

// A message that asks one of a guide's own questions. The search reports,
// per hit, the questions the guide says it answers — its aliases and
// example questions, the questions the team taught it, its title's head —
// whose content words are the message's (search.Hit.Asked, guides/search
// asked.go). A member who asks the way the guide's author or the team
// wrote the question gets the guide, not "Meintest du …?": „wie ändere
// ich mein passwort“ is the password guide's own alias, while the guide
// for good passwords names the password as firmly in its title, and the
// two guides' scores are closer than the answer lead (siblingAnswer,
// minLead) allows. FAQ retrieval matches a question against the questions
// a document is known to answer (Burke et al. 1997, FAQ Finder).
//
// Only where it is unambiguous: exactly one guide of the hits (the
// search's first five, decideSearch) asks that way, in the frame of the
// message (askframe.go: the question word, a scope, a modal, the
// subject, a report, a negation), and it is the first (askedFirst). Two
// guides sharing a question rank close together, both meeting every word
// of the message in a strong field, so a second one is among the hits.
// The decision's other exits stay in front of it — everything decide
// reads before the search (a command, small talk, a request for a
// person, talk to the bot), the weak gate, the off-topic and date gates,
// the device guard and the one-word topic guard of the answer (which
// still reads the lead: a topic of one word short of minLead stays a
// choice) — and the checks after it (botAnswer, lastQuestionAgrees) may
// still turn the answer into a choice. The match lifts only the bars that
// compare the first guide with its runners-up otherwise (the answer's
// lead and score, the siblings', a runner-up's missed aspect), which the
// guide's own question settles.

// askNegs are the words whose presence the message and the guide's
// question must share (negated, frameOf): the negations (negation.go) —
// stop words to the search, which drops them as every troubleshooting guide says
// them, but „ich will mein Passwort nicht ändern“ does not ask „Wie
// ändere ich mein Passwort?“ — and „ohne“, the preposition of absence
// (Duden, „ohne“: drückt aus, dass jemand, etwas nicht beteiligt, nicht
// vorhanden ist), and English "without" (Cambridge Dictionary:
// "not having or doing something"), stop words to the search too.
var askNegs = union(negations, set("ohne", "without"))

// askedFirst reports whether the first of hits is the one guide of hits
// whose own question the message asks (search.Hit.Asked, askedBy); qv
// are the decided text's words. The message's frame is read once.
func askedFirst(hits []search.Hit, qv *qwords) bool {
	first, n := false, 0
	var msg askFrame
	read := false
	for i, h := range hits {
		if h.Asked == "" {
			continue
		}
		if !read {
			msg, read = frameOf(qv.words(), qv.text), true
		}
		if askedBy(h, msg) {
			n++
			first = first || i == 0
		}
	}
	return first && n == 1
}

// askedBy reports whether a message of the frame msg asks one of h's own
// questions: one of search.Hit.Asked whose frame is msg (askFrame).
func askedBy(h search.Hit, msg askFrame) bool {
	for q := range strings.SplitSeq(h.Asked, "\n") {
		if sameFrame(msg, frameOf(foldWords(tokens(q)), q)) {
			return true
		}
	}
	return false
}

// sameFrame reports whether a message of the frame msg asks a question of
// the frame q: the same frame, but for a scope only the message names
// (askFrame.scope) — a message that bounds none asks for any, „wie
// beende ich die Konferenz“ also „… für alle“, while „… nur für mich“
// is not „… für alle“ and „wie ändere ich nur mein Passwort“ is not the
// plain „Wie ändere ich mein Passwort?“.
func sameFrame(msg, q askFrame) bool {
	if msg.scope == "" {
		q.scope = ""
	}
	return q == msg
}

// negated reports whether the folded words ws of text hold a word of
// askNegs that is not part of an idiom the search reads as a content
// word (search.IdiomWords: „ich weiß mein Passwort nicht mehr“ is
// „Passwort vergessen“, no negated question). Each of the idiom's words
// excuses one occurrence: a second „nicht“ beside the idiom („… nicht
// mehr und es geht nicht“) negates.
func negated(ws []string, text string) bool {
	var idiom []string
	read := false // the idiom's words are read once, and only for a negation
	for _, w := range ws {
		if !askNegs[w] {
			continue
		}
		if !read {
			idiom, read = search.IdiomWords(text), true
		}
		i := slices.Index(idiom, w)
		if i < 0 {
			return true
		}
		idiom = slices.Delete(idiom, i, i+1)
	}
	return false
}
