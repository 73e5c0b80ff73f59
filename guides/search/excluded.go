package search

import "strings"

// An action the member excludes (twenty-seventh pass, branch eng27b).
//
// „wie nehm ich dem alten Handy den Zugang weg, ohne mein Passwort zu
// ändern“, „kann ich per Telefon rein, statt den Browser zu benutzen“:
// the infinitive clause with „ohne … zu“ or „(an)statt … zu“ names what
// the member does not want to do (Duden, Die Grammatik, Infinitivgruppen
// mit „ohne zu“ / „statt zu“: a circumstance that does not happen, an
// action replaced by another). Its words are often the strongest of the
// message all the same: „Passwort ändern“ is the title of the guide the
// member wants to avoid, so under the field weights of BM25F that guide
// wins over the one about the task (here: an app password).
//
// So the ranking reads the excluded clause's words as met in passing:
// their rank contribution in a guide's strong fields is multiplied by
// Options.TopicRank, as the setting of a task (setting.go) and a reported
// claim (reported.go) are. Each guide's Hit.Score, Hit.Strong and the
// other figures the decision reads are as before; only the order of the
// hits changes.
//
// The clause is read from the message's grammar: „ohne“, „statt“ or
// „anstatt“, then, in the same clause and at most excludedWindow words
// later, „zu“ before a word (the infinitive: „ohne mein Passwort zu
// ändern“, „ohne zu warten“) or a particle verb's zu-infinitive
// („ohne die Kamera einzuschalten“, particles.go). The clause ends with
// that infinitive. English: "without" or "instead of" before a gerund
// ("without changing my password"), to the clause's end, at most
// excludedWindow words. Not read: „ohne“ with a noun phrase only („ohne
// Konto“, „ohne Netz“: what the member lacks is the situation the guide
// is about), „ohne dass …“ (a clause of its own subject), „um … zu“ (a
// purpose, the member's task).

// excludedWindow is how many words after its opening word an excluded
// infinitive clause may reach.
const excludedWindow = 8

// excludeOpeners open an excluded infinitive clause (German) or gerund
// phrase (English, "instead" only with "of").
var excludeOpeners = map[string]bool{"ohne": true, "statt": true, "anstatt": true, "without": true, "instead": true}

// excludedSpan returns, for toks, a mark per token that stands in an
// excluded clause (see the file comment), or nil when there is none.
func excludedSpan(toks []rawToken) []bool {
	var marks []bool
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.joined || !excludeOpeners[t.word] || t.end {
			continue
		}
		end, ok := excludedClause(toks, i)
		if !ok {
			continue
		}
		if marks == nil {
			marks = make([]bool, len(toks))
		}
		for k := i + 1; k <= end; k++ {
			marks[k] = true
		}
		i = end
	}
	return marks
}

// excludedClause reports whether toks[i], an opener, begins an excluded
// clause, and the index of its last token.
func excludedClause(toks []rawToken, i int) (int, bool) {
	switch toks[i].word {
	case "without", "instead":
		g := i + 1
		if toks[i].word == "instead" {
			if toks[g].word != "of" || toks[g].end {
				return 0, false
			}
			g++
		}
		if g >= len(toks) || !gerund(toks[g].word) {
			return 0, false
		}
		end := g
		for end < len(toks)-1 && !toks[end].end && end-i < excludedWindow {
			end++
		}
		return end, true
	}
	for k := i + 1; k < len(toks) && k-i <= excludedWindow; k++ {
		t := toks[k]
		if t.joined {
			continue
		}
		if t.word == "zu" && !t.end && k+1 < len(toks) {
			return k + 1, true
		}
		if zuInfinitive(t.word) {
			return k, true
		}
		if t.word == "dass" || t.end {
			return 0, false
		}
	}
	return 0, false
}

// gerund reports whether an English word is an -ing form of a verb
// ("changing", "using"; not "thing", "ring").
func gerund(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ing")
}

// zuInfinitive reports whether w is a particle verb's zu-infinitive:
// a separable particle, „zu“, and a verb ending in -en or -n
// („einzuschalten“, „herunterzuladen“, „anzumelden“).
func zuInfinitive(w string) bool {
	p, rest := splitParticle(w)
	if p == "" || p == "zu" || !strings.HasPrefix(rest, "zu") {
		return false
	}
	verb := rest[len("zu"):]
	return len(verb) >= 4 && strings.HasSuffix(verb, "n")
}

// markExcluded sets concept.excluded on the concepts made from a token of
// an excluded clause; before and n as in markSettings.
func markExcluded(cs []concept, toks []rawToken, before []int, n int) {
	marks := excludedSpan(toks)
	if marks == nil {
		return
	}
	markTokens(cs, toks, before, n, func(i int) bool { return marks[i] }, func(c *concept) { c.excluded = true })
}
