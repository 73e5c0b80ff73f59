package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// An evaluative question. A member who asks whether a practice or a thing
// of theirs is bad, safe or enough („ich benutze überall das gleiche
// Passwort, ist das schlimm?“, „Mein Laptop ist uralt, reicht der für die
// Videokonferenzen?“, "is it safe to …") asks for a judgement, which a
// guide that explains the matter gives („Sichere Passwörter und
// Passwortmanager“, „Welcher Browser und welche Technik für BBB?“), not a
// guide that walks through a task on the object noun („Passwort ändern in
// den persönlichen Einstellungen“, „An einer BigBlueButton-Konferenz
// teilnehmen“). Grammar (Duden, Die Grammatik): the Entscheidungsfrage with
// the finite verb first in its clause — the copula with a predicative
// adjective of judgement, or the verb of sufficiency „reichen“/„genügen“ —
// and a demonstrative or „es“ as its subject, pointing back to what the
// member told. The guide's side is a structural feature of its title: a
// task title names the task by its infinitive (German writes a noun with
// a capital and a verb without; an adjective stands before its noun, an
// infinitive does not).
//
// Where the first two or three candidates are close, a first guide with a
// task title gives way to the best close runner-up whose title names no
// task — a move like the learned re-ranking's (rerank.go), never
// confident (rerankGuard).

// judgeCopulas are the finite forms of „sein“ and "be" an evaluative
// question starts with.
var judgeCopulas = map[string]bool{
	"ist": true, "wäre": true, "waere": true, "sind": true, "is": true, "are": true,
}

// judgeSufficiency are the finite forms of the verbs of sufficiency
// („reichen“, „genügen“; "do" as in "will it do" is left out: it is a
// helper verb too).
var judgeSufficiency = map[string]bool{
	"reicht": true, "reichen": true, "genügt": true, "genuegt": true, "genügen": true, "genuegen": true,
}

// judgeSubjects are the pronouns that point back to what the member told:
// the demonstratives and „es“ (Duden, Die Grammatik: Demonstrativpronomen,
// Textphorik), and "it", "that", "this".
var judgeSubjects = map[string]bool{
	"das": true, "es": true, "dies": true, "dieses": true, "der": true, "die": true, "den": true,
	"it": true, "that": true, "this": true,
}

// judgeAdjectives are adjectives of judgement used predicatively: of harm
// and danger, of safety, of acceptability and of need (Duden, Die
// Grammatik: Adjektive der Bewertung), German and English.
var judgeAdjectives = map[string]bool{
	"schlimm": true, "gefährlich": true, "gefaehrlich": true, "riskant": true, "bedenklich": true,
	"problematisch": true, "schädlich": true, "schaedlich": true, "unsicher": true, "sicher": true,
	"okay": true, "ok": true, "normal": true, "erlaubt": true, "ratsam": true, "sinnvoll": true,
	"nötig": true, "noetig": true, "notwendig": true, "genug": true, "ausreichend": true,
	"bad": true, "dangerous": true, "risky": true, "harmful": true, "unsafe": true, "safe": true,
	"fine": true, "allowed": true, "necessary": true, "enough": true, "sufficient": true,
}

// judgeWindow is how many words after the subject the adjective may stand
// („ist das denn wirklich so schlimm“).
const judgeWindow = 4

// asksJudgement reports whether toks hold an evaluative question: a clause
// that starts with a copula and a pointing subject followed, within
// judgeWindow words, by an adjective of judgement, or with a verb of
// sufficiency and a pointing subject. The work is one pass over toks.
func asksJudgement(toks []rawToken) bool {
	for i := 0; i+1 < len(toks); i++ {
		if i > 0 && !toks[i-1].end {
			continue // not the first word of its clause
		}
		w := toks[i].word
		if !judgeSubjects[toks[i+1].word] {
			continue
		}
		if judgeSufficiency[w] {
			return true
		}
		if !judgeCopulas[w] {
			continue
		}
		for j := i + 2; j < len(toks) && j < i+2+judgeWindow; j++ {
			if judgeAdjectives[toks[j].word] {
				return true
			}
			if toks[j].end {
				break
			}
		}
	}
	return false
}

// taskTitle reports whether title names a task by its infinitive: a word
// written small that ends as an infinitive does (-en, -ern, -eln), is no
// stop word and no strong participle („verloren“), and is not followed by
// a word written with a capital (an adjective before its noun: „in den
// persönlichen Einstellungen“). The work is one pass over the title.
func taskTitle(title string) bool {
	words := strings.Fields(title)
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

// judgeOff switches the evaluative reading off (tuning aid).
var judgeOff bool

// judgeMove returns the index of the candidate that should come first for
// an evaluative question (judge), or 0: when the first candidate's title
// names a task, the best of the next ones within maxJudge whose rank is at
// least contrastClose times the first's and whose title names none.
func (ix *Index) judgeMove(judge bool, cands []cand) int {
	if judgeOff || !judge || len(cands) < 2 || !taskTitle(ix.docs[cands[0].doc].title) {
		return 0
	}
	r0 := cands[0].rank + cands[0].phr
	if r0 <= 0 {
		return 0
	}
	for i := 1; i < len(cands) && i < maxJudge; i++ {
		if cands[i].rank+cands[i].phr >= contrastClose*r0 && !taskTitle(ix.docs[cands[i].doc].title) {
			return i
		}
	}
	return 0
}

// maxJudge is how many candidates the evaluative reading compares: the
// first and the two a choice shows beside it.
const maxJudge = 3
