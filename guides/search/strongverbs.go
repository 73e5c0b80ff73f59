package search

import "strings"

// Strong and irregular verbs change their vowel in the participle where
// the Snowball stemmer only strips endings ("geschrieben", "gezogen",
// "verloren" — and with "ge" in front even the unchanged ones,
// "genommen", are no stem of "nehmen"). strongParticiples lists the common
// ones with their infinitive; lemmatize rewrites the participle to the
// infinitive, also behind a separable particle ("aufgeschrieben" →
// "aufschreiben", "umgezogen" → "umziehen") and with an inseparable
// prefix instead of "ge" ("verschoben" → "verschieben", "unterschrieben"
// → "unterschreiben", "übernommen" → "übernehmen").
//
// Source: the tables of strong and irregular verbs in Duden, "Die
// Grammatik" (Liste der starken und unregelmäßigen Verben), restricted to
// verbs of everyday use. Left out: "gelegen" (its prefixed forms are
// infinitives of weak verbs: "belegen", "verlegen", "überlegen"); the
// present forms with a changed vowel ("lädt", "nimmt", "hält") and the
// past tense were measured and dropped (docs/performance.md).
var strongParticiples = [][2]string{
	{"nehmen", "genommen"}, {"geben", "gegeben"}, {"sehen", "gesehen"}, {"lesen", "gelesen"},
	{"helfen", "geholfen"}, {"sprechen", "gesprochen"}, {"treffen", "getroffen"}, {"werfen", "geworfen"},
	{"brechen", "gebrochen"}, {"empfehlen", "empfohlen"}, {"stehlen", "gestohlen"},
	{"laden", "geladen"}, {"fahren", "gefahren"}, {"fallen", "gefallen"}, {"halten", "gehalten"},
	{"lassen", "gelassen"}, {"tragen", "getragen"}, {"schlagen", "geschlagen"}, {"laufen", "gelaufen"},
	{"schreiben", "geschrieben"}, {"bleiben", "geblieben"}, {"steigen", "gestiegen"},
	{"schneiden", "geschnitten"}, {"greifen", "gegriffen"}, {"streichen", "gestrichen"},
	{"weisen", "gewiesen"}, {"schieben", "geschoben"}, {"schließen", "geschlossen"},
	{"fliegen", "geflogen"}, {"ziehen", "gezogen"}, {"bieten", "geboten"}, {"finden", "gefunden"},
	{"binden", "gebunden"}, {"schwinden", "geschwunden"}, {"stehen", "gestanden"},
	{"sitzen", "gesessen"}, {"beginnen", "begonnen"}, {"verlieren", "verloren"},
	{"rufen", "gerufen"}, {"kommen", "gekommen"},
	// irregular weak verbs
	{"bringen", "gebracht"}, {"denken", "gedacht"}, {"kennen", "gekannt"}, {"nennen", "genannt"},
}

// inseparablePrefixes take a participle without "ge" ("verschoben",
// "unterschrieben"); Duden, "Die Grammatik" (untrennbare Verben).
var inseparablePrefixes = []string{"be", "emp", "ent", "er", "ver", "zer", "miss", "über", "unter", "hinter", "wider"}

// ownAdjectives are prefixed participles the inseparable prefixes of
// strongForms would generate that Duden lists as adjectives with a
// meaning of their own ("bekannt" 'known', "betroffen" 'affected'): read
// as infinitives they meet other words ("betreffen" has the key of the
// e-mail's "Betreff") and leave their own inflected forms ("bekannten",
// "betroffene"), which keep the stem of the adjective. Like "gelegen",
// they stay as they are.
var ownAdjectives = map[string]bool{"bekannt": true, "betroffen": true}

// strongForms maps a folded participle of strongParticiples (also with an
// inseparable prefix) to its folded infinitive.
var strongForms = func() map[string]string {
	m := make(map[string]string, 12*len(strongParticiples))
	add := func(form, inf string) {
		form, inf = foldWord(form), foldWord(inf)
		if form != inf && !ownAdjectives[form] {
			m[form] = inf
		}
	}
	for _, v := range strongParticiples {
		inf, part := v[0], v[1]
		add(part, inf)
		if base, ok := strings.CutPrefix(part, "ge"); ok {
			for _, q := range inseparablePrefixes {
				add(q+base, q+inf)
			}
		}
	}
	return m
}()

// strongLemma returns the infinitive of a strong participle w, also
// behind a separable particle ("aufgeschrieben" → "aufschreiben"); only
// the longest particle w begins with is tried.
func strongLemma(w string) (string, bool) {
	if inf, ok := strongForms[w]; ok {
		return inf, true
	}
	for _, p := range particles {
		if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 3 {
			if inf, ok := strongForms[rest]; ok {
				return p + inf, true
			}
			break
		}
	}
	return "", false
}
