package search

import (
	"cmp"
	"slices"
	"strings"
)

// particleList are the separable verb particles (trennbare Verbzusätze) of
// German: the first parts of particle verbs that a main clause moves to its
// end ("wie trete ich einem Raum bei" → "beitreten", "leite die Mail
// weiter" → "weiterleiten") and that a participle or a zu-infinitive puts
// before "ge"/"zu" ("beigetreten", "herunterzuladen").
//
// Source: the lists of separable verb particles in Helbig/Buscha, "Deutsche
// Grammatik" (trennbare Verbzusätze: prepositional, adverbial, adjectival
// and nominal first parts) and Duden, "Die Grammatik" (Partikelverben),
// plus the colloquial short forms of the her-/hin- particles that the
// Duden marks as "umgangssprachlich" (runter, rein, raus, rauf, rüber, ran,
// rum; see colloquialParticles). Left out are the particles that are
// (nearly) always inseparable in today's German (über, unter, hinter,
// wider) and "da", an adverb in almost every sentence.
var particleList = []string{
	// prepositional and adverbial
	"ab", "an", "auf", "aus", "bei", "dar", "durch", "ein", "empor", "entgegen",
	"entlang", "fort", "her", "hin", "los", "mit", "nach", "nieder", "um", "vor",
	"weg", "weiter", "wieder", "zu", "zurecht", "zurück", "zusammen",
	"voran", "voraus", "vorbei", "vorweg",
	// her- and hin- compounds
	"herab", "heran", "herauf", "heraus", "herbei", "herein", "herüber", "herum",
	"herunter", "hervor", "hinab", "hinauf", "hinaus", "hinein", "hinüber",
	"hinunter", "hinweg", "hinzu",
	// adjectival and nominal
	"bereit", "fest", "frei", "hoch", "kaputt", "stumm", "statt", "teil",
	// colloquial short forms (Duden: umgangssprachlich)
	"runter", "rein", "raus", "rauf", "rüber", "ran", "rum",
}

// particles are particleList folded (ß → ss; umlauts kept, as the
// tokenizer keeps them), longest first, so that the participle rules of
// lemmatize and strongLemma take "herunter" before "her" (there is no
// zu-infinitive rule: measured and dropped, docs/performance.md).
var particles = func() []string {
	out := make([]string, 0, len(particleList))
	for _, p := range particleList {
		out = append(out, foldWord(p))
	}
	slices.SortStableFunc(out, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	return out
}()

// particleSet holds particles for isParticle.
var particleSet = func() map[string]struct{} {
	m := make(map[string]struct{}, 2*len(particles))
	for _, p := range particles {
		m[p] = struct{}{}
		m[umlautFold(p)] = struct{}{}
	}
	return m
}()

// colloquialParticles maps a colloquial short particle to the written
// forms it stands for (Duden: "runter" is umgangssprachlich for "herunter"
// and "hinunter", and so on), so that "runterladen" and "lädt … runter"
// meet a guide's "herunterladen".
var colloquialParticles = map[string][]string{
	"runter": {"herunter", "hinunter"},
	"rein":   {"herein", "hinein"},
	"raus":   {"heraus", "hinaus"},
	"rauf":   {"herauf", "hinauf"},
	"rüber":  {"herüber", "hinüber"},
	"ruber":  {"herüber", "hinüber"},
	"rueber": {"herüber", "hinüber"},
	"ran":    {"heran"},
	"rum":    {"herum"},
}

// maxQueryParticles bounds the distinct particles of a query that are
// tried with its words: a question has one or two, and a long message must
// not multiply the work.
const maxQueryParticles = 6

// particleForms returns p and the written forms of a colloquial particle.
func particleForms(p string) []string {
	if long, ok := colloquialParticles[p]; ok {
		return append([]string{p}, long...)
	}
	return []string{p}
}

// splitParticle splits a word that begins with a separable particle into
// the particle and the rest ("mitbearbeiten" → "mit", "bearbeiten"); the
// rest must keep at least minVerbRest bytes. It returns "" when w begins
// with no particle.
func splitParticle(w string) (p, rest string) {
	for _, p := range particles {
		if len(w) >= len(p)+minVerbRest && strings.HasPrefix(w, p) {
			return p, w[len(p):]
		}
	}
	return "", ""
}

// minVerbRest is the shortest verb splitParticle leaves after a particle
// ("runterladen" → "laden"; not "ansage" → "sage").
const minVerbRest = 5

// particleVariantWeight weighs a colloquial particle's written form
// ("runterladen" → "herunterladen"): the same verb, weighted like a
// separable verb joined from two words.
const particleVariantWeight = 0.9

// particleStripWeight weighs the verb without its particle
// ("mitbearbeiten" → "bearbeiten"): a related word, not the same one, so
// its match is weak evidence like a near word (see nearWeight).
const particleStripWeight = nearWeight

// particleAlts adds to c, the concept of a query word the library does not
// know, the library terms of the word read as a particle verb: first with
// a colloquial particle in its written forms ("runterladen" →
// "herunterladen", a firm match); failing that, the verb without its
// particle ("mitbearbeiten" → "bearbeiten", "runterladen" → "laden"),
// which marks c as weak like a typo correction. key gives the index key of
// a folded word. It reports whether it added any alternative.
func (ix *Index) particleAlts(c *concept, key func(string) string) bool {
	p, rest := splitParticle(c.word)
	if p == "" {
		// Not a particle verb; a bare particle ("lädt alles runter")
		// has no content of its own either.
		return false
	}
	for _, long := range colloquialParticles[p] {
		if id, ok := ix.terms[key(long+rest)]; ok {
			c.alts = appendAlt(c.alts, alt{id, particleVariantWeight})
		}
	}
	if len(c.alts) > 0 {
		return true
	}
	if isStop(rest) || isCommon(rest) {
		return false
	}
	if id, ok := ix.terms[key(rest)]; ok {
		c.alts = appendAlt(c.alts, alt{id, particleStripWeight})
		c.typo = true
	}
	return len(c.alts) > 0
}

// clauseStarters are the words that begin the next part of a sentence
// after a separated particle when a member writes without punctuation or
// puts a phrase after the verb bracket (Ausklammerung: "zeigt keine
// Nachrichten an auf dem Handy", "wie melde ich mich an ich finde …"):
// prepositions, conjunctions, question words and subject pronouns
// (Duden, Die Grammatik: Satzklammer, Nachfeld).
var clauseStarters = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, w := range strings.Fields(`an auf aus bei in im ins mit nach von vom zu zum zur für fuer fur über ueber uber unter vor durch ohne um am beim seit bis gegen wegen trotz
		und oder aber weil dass wenn damit sobald obwohl bzw sondern denn ob als falls nachdem bevor während waehrend
		wie was wo wann warum wieso weshalb wer welche welcher welches
		ich du er sie es wir ihr man`) {
		m[foldWord(w)] = struct{}{}
	}
	return m
}()

// separated reports whether the particle toks[i] stands where German puts
// a separated verb particle: at the end of its clause (the right verb
// bracket, "wie trete ich einem Raum bei"), followed only by stop words up
// to the clause's end ("stell das um bitte"), or followed by a word that
// begins the next part of the sentence (see clauseStarters). A particle
// followed by its noun phrase is a preposition or an article ("aus der
// Cloud", "ein paar Ordner") and joins no verb.
func separated(toks []rawToken, i int) bool {
	if toks[i].end {
		return true
	}
	j := i + 1
	for j < len(toks) && toks[j].joined {
		j++
	}
	if j >= len(toks) {
		return true
	}
	if _, ok := clauseStarters[toks[j].word]; ok {
		return true
	}
	for ; j < len(toks); j++ {
		if toks[j].joined {
			continue
		}
		if !isStop(toks[j].word) {
			return false
		}
		if toks[j].end {
			return true
		}
	}
	return true
}

// joinsNext reports whether the particle toks[i] and the next word form a
// word the library knows: a particle verb written apart in the infinitive
// ("stumm schalten", "runter laden"), where German writes it as one word.
func (ix *Index) joinsNext(toks []rawToken, i int, key func(string) string) bool {
	if i+1 >= len(toks) || toks[i+1].joined {
		return false
	}
	for _, p := range particleForms(toks[i].word) {
		if _, ok := ix.terms[key(p+toks[i+1].word)]; ok {
			return true
		}
	}
	return false
}

// dropJoinedParticles removes the concepts of particles that joined a word
// of the query into a particle verb the library knows ("lädt … hoch" →
// "hochladen"): the particle's meaning is part of that verb, and on its
// own it would count a second time wherever a guide says "hoch".
// Particles that joined nothing keep their concept ("Chats weg").
func dropJoinedParticles(cs []concept, joined []string) []concept {
	if len(joined) == 0 {
		return cs
	}
	out := cs[:0]
	for _, c := range cs {
		if c.part || !slices.ContainsFunc(joined, func(p string) bool {
			return slices.Contains(particleForms(c.word), p) // "runter" joined as "herunter"
		}) {
			out = append(out, c)
		}
	}
	return out
}

// queryPart is a particle of the query (one written form of it) with the
// tokens it may join: those of its own clause before it (the finite verb
// of a main clause stands there: "wie trete ich einem Raum bei"), or the
// word right after it when written apart before its verb ("stumm
// schalten").
type queryPart struct {
	form   string
	lo, hi int // token indexes [lo, hi) the particle may join
}

// clauseJoiners are the conjunctions that begin a new clause inside a
// sentence (Duden, Die Grammatik: neben- und unterordnende
// Konjunktionen); a particle after one belongs to the verbs after it.
var clauseJoiners = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, w := range strings.Fields("und oder aber weil dass wenn damit sobald obwohl sondern denn ob falls nachdem bevor während waehrend bzw") {
		m[foldWord(w)] = struct{}{}
	}
	return m
}()

// queryParticles returns the separated particles of the query's tokens
// (see separated and joinsNext), at most maxQueryParticles, with their
// written forms and the tokens each may join. A particle that recurs in
// another clause is kept for that clause too ("die Datei ist zu groß, ich
// lade sie klein hoch … lade das Bild hoch"): each clause has its own
// verb. step counts the tokens visited.
func (ix *Index) queryParticles(toks []rawToken, key func(string) string, step func(int)) []queryPart {
	var parts []queryPart
	n := 0 // particle occurrences kept
	for i, t := range toks {
		step(1)
		if t.joined || n >= maxQueryParticles || !isParticle(t.word) {
			continue
		}
		var lo, hi int
		switch {
		case separated(toks, i):
			lo, hi = clauseStart(toks, i), i
		case ix.joinsNext(toks, i, key):
			lo, hi = i+1, i+2
		default:
			continue
		}
		if again(parts, t.word, lo, hi) {
			continue
		}
		n++
		for _, f := range particleForms(t.word) {
			parts = append(parts, queryPart{form: f, lo: lo, hi: hi})
		}
	}
	return parts
}

// again reports whether parts already hold particle p for the clause that
// starts at token lo (the same particle twice in one clause), and then
// lets those entries reach up to hi.
func again(parts []queryPart, p string, lo, hi int) bool {
	found := false
	forms := particleForms(p)
	for k := range parts {
		if parts[k].lo == lo && slices.Contains(forms, parts[k].form) {
			parts[k].hi = max(parts[k].hi, hi)
			found = true
		}
	}
	return found
}

// clauseStart returns the index of the first token of the clause that
// ends with token i: after the last punctuation mark or joining
// conjunction before it.
func clauseStart(toks []rawToken, i int) int {
	for j := i - 1; j >= 0; j-- {
		if toks[j].end && !toks[j].joined {
			return j + 1
		}
		if _, ok := clauseJoiners[toks[j].word]; ok {
			return j + 1
		}
	}
	return 0
}

// sameWordNext returns, per token, the index of the next non-joined token
// with the same word (-1 if none); nil when the query has no particles, as
// then nothing reads it.
func sameWordNext(toks []rawToken, parts []queryPart) []int {
	if len(parts) == 0 {
		return nil
	}
	next := make([]int, len(toks))
	last := make(map[string]int, len(toks))
	for i := len(toks) - 1; i >= 0; i-- {
		next[i] = -1
		if toks[i].joined {
			continue
		}
		if j, ok := last[toks[i].word]; ok {
			next[i] = j
		}
		last[toks[i].word] = i
	}
	return next
}

// occursIn reports whether token i or a later occurrence of its word (see
// sameWordNext) lies in the tokens [lo, hi).
func occursIn(next []int, i, lo, hi int) bool {
	for ; i >= 0 && i < hi; i = next[i] {
		if i >= lo {
			return true
		}
	}
	return false
}
