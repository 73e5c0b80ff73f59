package search

import (
	"iter"
	"slices"
	"strings"
)

// A guide's own questions. A guide knows some of the questions it
// answers: its author's aliases and example questions (Doc.Aliases), the
// questions the team taught it from support cases (Doc.Learned) and the
// head of its title ("Passwort ändern" of "Passwort ändern, wenn du das
// alte noch kennst: …"). A message that asks one of them in the same
// words — the same content words after the search's own analysis:
// folding, stems and verb endings, particle verbs, compound joins, stop
// words and particles dropped — asks what the guide says it answers.
// That is FAQ retrieval's oldest idea: match a question against the
// questions a document is known to answer, not only against its text
// (Whitehead 1995, "Auto-FAQ"; Burke et al. 1997, "Question Answering
// from Frequently Asked Question Files: FAQ Finder"; Sneiders 2002,
// "Automated Question Answering Using Question Templates"). The search
// only reports the match (Hit.Asked); it ranks and decides nothing by it
// (commands/answer decides, asked.go there).

// askPhrase is one of a guide's own questions, analysed as a query is.
type askPhrase struct {
	text string
	cs   []askConcept
}

// askConcept is a content word of an askPhrase: the index terms it is
// the same word as (askForms).
type askConcept struct {
	forms     []int32
	particles []string // the separated particles of its clause (concept.particles)
	loose     []string // those that joined no word (concept.loose)
}

// askFormWeight is the least weight of a concept's alternative that is
// the same word in another form: the word itself and its compound join
// (1), a verb ending, the second person and a particle verb's joined form
// (0.9, inflect.go, search.go), the English glossary's word (0.9: the
// same question in the other language). A synonym (SynonymWeight 0.8),
// a one-way narrower term, a typo correction or a near word are other
// words, not the guide's: "Kennwort wechseln" is no longer the guide's
// "Passwort ändern".
const askFormWeight = 0.9

// minAskConcepts and maxHeadConcepts bound the phrases: a phrase of one
// content word names a subject, not a question ("Bildschirm" of
// "Bildschirm, Fenster oder Präsentation in BBB zeigen", "BBB" of "BBB:
// Kamera wird nicht erkannt"), and a title's head is a short phrase only
// up to the length of a noun phrase with its verb ("Speicherplatz in der
// Cloud voll", "Zugang zur Nextcloud oder zu einer Gruppe beantragen"
// has five and is a title of its own, not a question).
const (
	minAskConcepts  = 2
	maxHeadConcepts = 4
)

// maxAskQuery bounds the query concepts compared with the phrases, and
// the phrases' own concepts (analyzeAsks keeps none longer): no guide's
// question has that many content words, and a long paste costs no more
// than a short question.
const maxAskQuery = 16

// titleHead returns the head of a title: the part before its first
// colon, dash between spaces, opening parenthesis, question mark or
// clause comma ("Passwort ändern" of "Passwort ändern, wenn du das alte
// noch kennst: Cloud und Chat"; "Webcam in BigBlueButton einschalten" of
// "Webcam in BigBlueButton einschalten – und was tun, wenn …"), or the
// whole title when it has none. A hyphen inside a word ("Zwei-Faktor")
// is no dash, and a comma of an enumeration is no break: "Bildschirm,
// Fenster oder Präsentation in BBB zeigen", "Welche Daten Cloud,
// Videokonferenzen und Chat über dich speichern" list the members of one
// phrase, which the „und“ or „oder“ after the comma closes (Duden, Die
// Grammatik: the comma between the members of an enumeration stands
// where no conjunction does).
func titleHead(title string) string {
	cut := len(title)
	for _, sep := range []string{":", " – ", " — ", " - ", "(", "?", ";"} {
		if i := strings.Index(title, sep); i >= 0 && i < cut {
			cut = i
		}
	}
	for i := 0; i < cut; {
		j := strings.IndexByte(title[i:cut], ',')
		if j < 0 {
			break
		}
		if !enumerates(title[i+j+1 : cut]) {
			cut = i + j
			break
		}
		i += j + 1
	}
	return strings.TrimSpace(title[:cut])
}

// enumerates reports whether rest, the text after a comma up to the next
// comma or the head's end, closes an enumeration: it holds „und“ or
// „oder“ (or English "and", "or") as a word.
func enumerates(rest string) bool {
	if j := strings.IndexByte(rest, ','); j >= 0 {
		rest = rest[:j]
	}
	for _, w := range strings.Fields(rest) {
		switch strings.ToLower(w) {
		case "und", "oder", "and", "or":
			return true
		}
	}
	return false
}

// askSource are the texts of a guide's own questions (askTexts): its
// aliases and example questions, then its taught questions (the last
// taught of texts), and its title's head.
type askSource struct {
	texts  []string
	taught int
	head   string
}

// askTexts returns the texts of d's own questions.
func askTexts(d *Doc) askSource {
	texts := make([]string, 0, len(d.Aliases)+len(d.Learned))
	texts = append(texts, d.Aliases...)
	texts = append(texts, d.Learned...)
	return askSource{texts: texts, taught: len(d.Learned), head: titleHead(d.Title)}
}

// taughtShare is the largest share of the guides a taught question's
// words may all be met in: at least one of its content words must be
// met by at most this share (specific). A question the team taught from
// one case ("Problem mit der Cloud" to the guide for a full storage) is
// written loosely; with only words that most guides use it would answer
// every message built on them („ich hab ein problem mit der cloud“). A
// share, so that it scales with the library: a tenth is 4 of the
// shipped 38 guides. The guide's author's questions and its title's head
// are written for it and need no such bar. A word of at most
// minTaughtGuides guides is specific in any library, also a small one.
const (
	taughtShare     = 0.1
	minTaughtGuides = 2
)

// analyzeAsks analyses every guide's own questions (asks[i] of guide i)
// as a query is analysed, against the finished index: the same keys,
// forms and compound joins a message gets.
func (ix *Index) analyzeAsks(asks []askSource) [][]askPhrase {
	out := make([][]askPhrase, len(asks))
	kr := &keyer{ix: ix}
	var buf []rawToken
	phrase := func(text string, maxConcepts int, taught bool) (askPhrase, bool) {
		kr.lex = kr.lex[:0]
		var cs []concept
		cs, buf = ix.analyzeToks(text, nil, buf[:0], kr)
		// One line each in Hit.Asked.
		p := askPhrase{text: strings.Join(strings.Fields(text), " ")}
		whole := 0
		for _, c := range cs {
			if c.typo {
				return p, false
			}
			fs := askForms(c)
			if len(fs) == 0 {
				return p, false
			}
			p.cs = append(p.cs, askConcept{forms: fs, particles: c.particles, loose: phraseLoose(c.loose)})
			if !c.part {
				whole++
			}
		}
		if taught && !ix.specific(p) {
			return p, false
		}
		// At most maxAskQuery concepts in all (parts too): a longer
		// phrase could never be asked (markAsked), and asks' fixed
		// arrays rely on the bound.
		return p, whole >= minAskConcepts && whole <= maxConcepts && len(p.cs) <= maxAskQuery
	}
	for i, a := range asks {
		for k, t := range a.texts {
			if p, ok := phrase(t, maxAskQuery, k >= len(a.texts)-a.taught); ok {
				out[i] = append(out[i], p)
			}
		}
		if a.head != "" {
			if p, ok := phrase(a.head, maxHeadConcepts, false); ok {
				out[i] = append(out[i], p)
			}
		}
	}
	return out
}

// specific reports whether one of p's content words is met by at most
// taughtShare of the guides (or minTaughtGuides): each of its forms is.
func (ix *Index) specific(p askPhrase) bool {
	most := max(minTaughtGuides, taughtShare*float64(len(ix.docs)))
	for _, c := range p.cs {
		if !slices.ContainsFunc(c.forms, func(t int32) bool { return float64(len(ix.postings[t])) > most }) {
			return true
		}
	}
	return false
}

// askForms returns the terms c is the same word as (askFormSeq).
func askForms(c concept) []int32 {
	return slices.Collect(askFormSeq(c))
}

// askFormSeq yields the terms c is the same word as: its alternatives of
// at least askFormWeight, none for a typo correction or a near word. A
// word joined with a particle of its clause is only the particle verb
// (concept.joined): „schalte … aus“ is „ausschalten“, not „schalten“,
// and so not „Wie schalte ich die Kamera ein?“.
func askFormSeq(c concept) iter.Seq[int32] {
	return func(yield func(int32) bool) {
		switch {
		case c.typo:
		case len(c.joined) > 0:
			for _, t := range c.joined {
				if !yield(t) {
					return
				}
			}
		default:
			for _, a := range c.alts {
				if a.w >= askFormWeight && !yield(a.term) {
					return
				}
			}
		}
	}
}

// sameAskWord reports whether the query concept c and the phrase's
// concept p are the same word: their separated particles agree and they
// share a form (askFormSeq, read without a copy).
func sameAskWord(c concept, p askConcept) bool {
	if otherParticle(c.particles, p.particles) || looseParticle(c.loose, p.particles) ||
		looseParticle(p.loose, c.particles) {
		return false
	}
	for t := range askFormSeq(c) {
		if slices.Contains(p.forms, t) {
			return true
		}
	}
	return false
}

// otherParticle reports whether two words' clauses both have separated
// particles and none in common: „schalte … ab“ and „schalte … ein“ are
// other verbs also where the library knows neither particle verb (no
// concept.joined). A clause without one („einschalten“ in one word)
// leaves the joined forms to decide, and looseParticle the particles
// that joined nothing. Where one side's particle is loose, looseParticle
// already tells; this guard alone decides two negated clauses, whose
// particles are never loose („das Mikrofon schaltet nicht ab“ and „… sich
// nicht ein“; TestAskedUnknownParticleVerbs).
func otherParticle(a, b []string) bool {
	return len(a) > 0 && len(b) > 0 && !slices.ContainsFunc(a, func(p string) bool { return slices.Contains(b, p) })
}

// looseParticle reports whether one clause has a separated particle that
// joined no word (concept.loose) and that the other clause lacks: „wie
// teile ich einen Ordner … auf“ is no „Wie teile ich einen Ordner …?“,
// „wie richte ich 2FA wieder ein“ no „Wie richte ich 2FA ein?“ — the
// particle makes another verb (aufteilen, wiedereinrichten) also where the
// library knows none, and as a stop word it leaves no concept of its own
// to tell. A particle that joined a word is compared as that word
// (concept.joined): „schalte … ein“ is the question's „einschalten“. A
// bare verb is no particle verb either: „kamera schalten“ does not ask
// „Wie schalte ich meine Kamera ein?“ (its „ein“ is loose and the message
// lacks it) — the safer side, as „schalten“ alone may be „ausschalten“
// too.
func looseParticle(loose, other []string) bool {
	return slices.ContainsFunc(loose, func(p string) bool { return !slices.Contains(other, p) })
}

// clauseNegations are the German negation words (Duden, Die Grammatik:
// Negation — „nicht“, „kein“, „nie“ and their colloquial and inflected
// forms): a clause with one reports a failure (looseParticles).
var clauseNegations = map[string]bool{"nicht": true, "nich": true, "net": true, "kein": true, "keine": true,
	"keinen": true, "keinem": true, "keiner": true, "keines": true, "nie": true, "niemals": true}

// looseParticles returns the written forms of the query's separated
// particles (parts of toks) that joined no word (joined; particleForms:
// „runter“ is „herunter“) in a clause without a negation. A negated
// clause reports a failure, and a guide's question names the failure
// with or without the particle: „die Kamera geht nicht an“ is „Meine
// Kamera geht nicht“; a particle there tells no other task.
func looseParticles(toks []rawToken, parts []queryPart, joined []string) []string {
	var out []string
	for _, pr := range parts {
		if slices.ContainsFunc(joined, func(j string) bool { return sameParticle(pr.form, j) }) ||
			slices.ContainsFunc(toks[pr.lo:pr.hi], func(t rawToken) bool { return clauseNegations[t.word] }) ||
			adverbialWieder(toks, pr) {
			continue
		}
		out = append(out, pr.form)
	}
	return out
}

// phraseLoose returns the loose particles of a guide's own question
// (concept.loose) but „wieder“: a guide's author writes it as the adverb
// of undoing („Wie beende ich eine Freigabe wieder?“; Duden, „wieder“:
// zurück in den früheren Zustand), and a message without it asks the
// same. In a message it asks for a second time or for something lost
// back („wie bekomme ich meinen Zugang wieder“), no first setup.
func phraseLoose(loose []string) []string {
	if !slices.Contains(loose, "wieder") {
		return loose
	}
	return slices.DeleteFunc(slices.Clone(loose), func(p string) bool { return p == "wieder" })
}

// wiederAdverbs are the words that make „wieder“ after them an adverb
// of repetition, no particle: „schon wieder“, „immer wieder“, „nie
// wieder“ (Duden, „wieder“: in festen Verbindungen).
var wiederAdverbs = map[string]bool{"schon": true, "immer": true, "nie": true}

// adverbialWieder reports whether the particle pr of toks is a „wieder“
// after one of wiederAdverbs: „wie ändere ich mein Passwort schon
// wieder“ asks how, again.
func adverbialWieder(toks []rawToken, pr queryPart) bool {
	return pr.form == "wieder" && pr.hi < len(toks) && toks[pr.hi].word == "wieder" && pr.hi > 0 &&
		wiederAdverbs[toks[pr.hi-1].word]
}

// markLoose sets concept.loose of cs: the particles of each concept's
// clause that are loose (looseParticles).
func markLoose(cs []concept, loose []string) {
	if len(loose) == 0 {
		return
	}
	for i := range cs {
		for _, p := range cs[i].particles {
			if slices.Contains(loose, p) {
				cs[i].loose = append(cs[i].loose, p)
			}
		}
	}
}

// sameParticle reports whether a and b are written forms of one particle
// (particleForms).
func sameParticle(a, b string) bool {
	return a == b || slices.Contains(particleForms(a), b) || slices.Contains(particleForms(b), a)
}

// asks reports whether the query's concepts cs are the content words of
// p: each query concept is the same word as one of p's, each of p's as
// one of the query's, one to one — a perfect matching of the two sets
// under sameAskWord (Kuhn's augmenting paths; both sets are a few words).
// One to one, because two words of the message that both translate to
// one word of the question ("2fa einrichten authenticator" and „Wie
// richte ich 2FA ein?“: the glossary reads "Authenticator" as two-factor
// too) say more than the question does.
func asks(cs []concept, p askPhrase) bool {
	if len(cs) != len(p.cs) {
		return false
	}
	var owner [maxAskQuery]int8 // owner[j]: the query concept matched to p.cs[j], -1 none
	for j := range p.cs {
		owner[j] = -1
	}
	var seen [maxAskQuery]bool
	var augment func(i int) bool
	augment = func(i int) bool {
		for j, pc := range p.cs {
			if seen[j] || !sameAskWord(cs[i], pc) {
				continue
			}
			seen[j] = true
			if owner[j] < 0 || augment(int(owner[j])) {
				owner[j] = int8(i)
				return true
			}
		}
		return false
	}
	for i := range cs {
		seen = [maxAskQuery]bool{}
		if !augment(i) {
			return false
		}
	}
	return true
}

// markAsked sets Hit.Asked of the hits (hits[i] is the guide of
// cands[i]): the guide's own questions the query asks (asks).
func (ix *Index) markAsked(cs []concept, cands []cand, hits []Hit) {
	if len(cs) == 0 || len(cs) > maxAskQuery {
		return
	}
	for i, c := range cands {
		if i >= len(hits) {
			return
		}
		for _, p := range ix.asks[c.doc] {
			if !asks(cs, p) {
				continue
			}
			if hits[i].Asked != "" {
				hits[i].Asked += "\n"
			}
			hits[i].Asked += p.text
		}
	}
}
