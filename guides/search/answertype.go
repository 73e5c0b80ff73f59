package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The question's answer type against the guide's title head. A question
// asks for a kind of answer before it names a matter (Duden, Die
// Grammatik: Ergänzungsfrage and Entscheidungsfrage; in question
// answering the „answer type“ of the question word, Moldovan et al. 2000,
// "The structure and performance of an open-domain question answering
// system"), and a guide's title says which kind it gives: a task title
// names a task by its infinitive („Passwort ändern in den persönlichen
// Einstellungen“, „Matrix-Konto erstellen und Element einrichten“), any
// other title names a matter, a state or a question („Sichere Passwörter
// und Passwortmanager“, „Welche Daten speichert der Landesverband über
// mich?“).
//
// A question for a fact, a choice, a person or a reason („was ist …“,
// „welcher … ist am besten“, „wen ruf ich an“, „warum …“) and a yes/no
// question whose subject is not the member (the copula, a modal verb or
// a verb of sufficiency first, then „das“, „es“ or an article: „ist das
// schlimm“, „reicht der …“, „können die Admins …“) ask for a matter: a
// title that names no task answers it. A choice or a reason of the
// member's own doing („welche App brauch ich …“, „was ist … wenn ich …“)
// is part of a task and asks for no kind.
//
// Where the first two or three candidates are close, a first guide with
// a task title gives way to the best close runner-up whose title names
// no task — a move like the learned re-ranking's (rerank.go), never
// confident (rerankGuard). Everything is read from the grammar of the
// question's first asking clause and from the title's form; no word of a
// guide's matter is listed. The other direction (a question of manner
// with the member as subject, „wie schalte ich … ein“, moving a task
// title before a title naming none) was measured and not kept: on part A
// of the tune pool it moved guides about a trouble („Handy verloren …“)
// away from how-to questions about it (bench top-1 585 → 578; docs/passes,
// thirty-fifth pass, eng35).

// askKind is the kind of answer a question asks for (askedKind).
type askKind uint8

const (
	askNothing askKind = iota // no question of the kind
	askMatter                 // a fact, a choice, a person, a reason, a judgement: a title naming no task
)

// memberSubjects are the pronouns with which the member asks about their
// own doing: „ich“, „man“ (the generic doer), „wir“ and English "i",
// "we", "you" (the generic "you" of "which app do you need").
var memberSubjects = map[string]bool{
	"ich": true, "man": true, "wir": true, "i": true, "we": true, "you": true,
}

// pointingSubjects are the subjects of a yes/no question about a thing
// or someone else: the demonstratives, „es“ and the definite articles
// before a noun (Duden, Die Grammatik: Demonstrativpronomen), and
// English "it", "that", "this", "they", "the".
var pointingSubjects = map[string]bool{
	"das": true, "es": true, "dies": true, "dieses": true, "der": true, "die": true, "den": true,
	"it": true, "that": true, "this": true, "they": true, "the": true,
}

// yesNoVerbs are the finite verbs a yes/no question about a matter
// starts with: the copula and the verbs of sufficiency (closed classes
// of the grammar), German and English.
var yesNoVerbs = map[string]bool{
	"ist": true, "sind": true, "wäre": true, "waere": true, "wären": true, "waeren": true,
	"reicht": true, "reichen": true, "genügt": true, "genuegt": true, "genügen": true, "genuegen": true,
	"is": true, "are": true,
}

// modalVerbs are the modal verbs' finite forms. A yes/no question starts
// with one only as the text's first clause: after another clause a
// modal verb first is as often a main clause whose subject the member
// left out, the article after it the object („sehe nur verschlüsselte
// Nachrichten, kann die alten nicht lesen“; Duden, Die Grammatik:
// Koordinationsellipse), while a copula with „das“ or „es“ is not.
var modalVerbs = map[string]bool{
	"kann": true, "können": true, "koennen": true, "darf": true, "dürfen": true, "duerfen": true,
	"muss": true, "müssen": true, "muessen": true, "soll": true, "sollen": true,
	"can": true, "could": true, "may": true, "must": true, "should": true,
}

// matterWords are the question words that ask for a fact, a choice, a
// person or a reason whatever follows: „wer“, „wen“, „wem“, „warum“,
// „wieso“, „weshalb“, the forms of „welch-“, "who", "whom", "which",
// "why".
var matterWords = map[string]bool{
	"wer": true, "wen": true, "wem": true, "warum": true, "wieso": true, "weshalb": true,
	"welche": true, "welcher": true, "welches": true, "welchem": true, "welchen": true,
	"who": true, "whom": true, "which": true, "why": true,
}

// personWords ask for a person: „wer“, „wen“, „wem“, "who", "whom".
var personWords = map[string]bool{"wer": true, "wen": true, "wem": true, "who": true, "whom": true}

// hasMember reports whether the member is among w (memberSubjects).
func hasMember(w []string) bool {
	for _, x := range w {
		if memberSubjects[x] {
			return true
		}
	}
	return false
}

// whatWords ask for a fact when a copula follows („was ist“, „was sind“,
// "what is"); with another verb („was soll ich …“) they ask for a deed.
var whatWords = map[string]bool{"was": true, "what": true}

// copulas are the copula's finite forms after „was“/"what".
var copulas = map[string]bool{
	"ist": true, "sind": true, "bedeutet": true, "heißt": true, "heisst": true,
	"is": true, "are": true, "means": true,
}

// askedKind reads the kind of answer toks ask for from the first clause
// that asks one (a clause starts the text or follows a clause's end). The
// work is one pass over toks (at most maxQueryTokens of a message of any
// length) and at most six words read ahead per clause, with nothing
// allocated.
func askedKind(toks []rawToken) askKind {
	var buf [6]string
	start, clauses := true, 0
	for i := 0; i < len(toks); i++ {
		if toks[i].joined {
			continue
		}
		if !start {
			start = toks[i].end
			continue
		}
		start = toks[i].end
		// The clause's first words (joined tokens skipped).
		w := buf[:0]
		for j := i; j < len(toks) && len(w) < cap(buf); j++ {
			if toks[j].joined {
				continue
			}
			w = append(w, toks[j].word)
			if toks[j].end {
				break
			}
		}
		if k := clauseKind(w, clauses == 0); k != askNothing {
			return k
		}
		clauses++
	}
	return askNothing
}

// clauseKind is askedKind for the first words w of one clause; first:
// the clause opens the text.
func clauseKind(w []string, first bool) askKind {
	if len(w) < 2 {
		return askNothing
	}
	// „mit welchem Browser …“: a preposition before the question word.
	if personWords[w[0]] || isStop(w[0]) && personWords[w[1]] {
		return askMatter
	}
	if matterWords[w[0]] || isStop(w[0]) && isWhWord(w[1]) {
		// „welche App brauch ich …“: a choice or a reason of the
		// member's own doing is part of the task.
		if !hasMember(w[1:]) {
			return askMatter
		}
		return askNothing
	}
	switch {
	case whatWords[w[0]]:
		if copulas[w[1]] && !hasMember(w[2:]) {
			return askMatter
		}
	case yesNoVerbs[w[0]] || first && modalVerbs[w[0]]:
		if pointingSubjects[w[1]] {
			return askMatter
		}
	}
	return askNothing
}

// isWhWord reports whether w is a question word a preposition stands
// before: the forms of „welch-“, "which" and the person words' object
// forms („mit welchem Browser“, „für wen“, "to whom").
func isWhWord(w string) bool {
	return strings.HasPrefix(w, "welch") || w == "which" || w == "wem" || w == "wen" || w == "whom"
}

// taskTitle reports whether title names a task by its infinitive: a word
// written small that ends as an infinitive does (-en, -ern, -eln), is no
// stop word and no strong participle („verloren“), and is not followed by
// a word written with a capital (an adjective before its noun: „in den
// persönlichen Einstellungen“); a title headed by a question word is
// read by its head. The work is one pass over the title, once per guide
// at Build (docInfo.task).
func taskTitle(title string) bool {
	words := strings.Fields(title)
	// The title's head: a title that starts with a question word names
	// the question it answers („Welche Daten … über dich speichern“,
	// „Was Lotse über dich speichert“): a matter, whatever its verb; one
	// that starts with „Wie“ names a way.
	if len(words) > 0 {
		head := strings.ToLower(strings.TrimFunc(words[0], func(r rune) bool { return !unicode.IsLetter(r) }))
		if head == "wie" || head == "how" {
			return true
		}
		if matterWords[head] || whatWords[head] {
			return false
		}
	}
	for i, raw := range words {
		w := strings.TrimFunc(raw, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLower(r) {
			continue
		}
		low := strings.ToLower(w)
		if !strings.HasSuffix(low, "en") && !strings.HasSuffix(low, "ern") && !strings.HasSuffix(low, "eln") {
			continue
		}
		if isStop(low) {
			continue
		}
		if _, ok := strongLemma(low); ok {
			continue
		}
		// Punctuation right after the word ends its phrase.
		last, _ := utf8.DecodeLastRuneInString(raw)
		if i+1 == len(words) || !unicode.IsLetter(last) {
			return true
		}
		next := strings.TrimLeftFunc(words[i+1], func(r rune) bool { return !unicode.IsLetter(r) })
		if n, _ := utf8.DecodeRuneInString(next); next == "" || !unicode.IsUpper(n) || strings.HasPrefix(words[i+1], "(") {
			return true
		}
	}
	return false
}

// answerTypeOff switches the reading off (tuning aid).
var answerTypeOff bool

// typeMove returns the index of the candidate that should come first for
// a question asking kind, or 0: when the question asks for a matter and
// the first candidate has a task title, the best of the next ones within
// maxTyped whose rank is at least contrastClose times the first's and
// whose title names no task.
func (ix *Index) typeMove(kind askKind, cands []cand) int {
	if answerTypeOff || kind != askMatter || len(cands) < 2 {
		return 0
	}
	if !ix.docs[cands[0].doc].task {
		return 0
	}
	r0 := cands[0].rank + cands[0].phr
	if r0 <= 0 {
		return 0
	}
	for i := 1; i < len(cands) && i < maxTyped; i++ {
		if cands[i].rank+cands[i].phr >= contrastClose*r0 && !ix.docs[cands[i].doc].task {
			return i
		}
	}
	return 0
}

// maxTyped is how many candidates the answer type compares: the first
// and the two a choice shows beside it.
const maxTyped = 3
