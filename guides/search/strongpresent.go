package search

import "strings"

// Strong verbs change their stem vowel in the 2nd and 3rd person singular
// of the present tense (Duden, "Die Grammatik": Konjugation der starken
// Verben, Präsens — Umlaut a → ä, au → äu, o → ö: „laden – lädt“,
// „laufen – läuft“, „stoßen – stößt“; e/i-Wechsel e → i, e → ie:
// „helfen – hilft“, „lesen – liest“, „sehen – sieht“, „treffen –
// trifft“). The index folds umlauts (umlautFold), so „lädt“ has the key
// „ladt“, but verbEndingAlts only strips -t down to four letters, and
// nothing reverses e → i. strongPresentAlts reverses the rule on a query
// word: it takes off the personal ending -st or -t, undoes the vowel
// change of the last syllable and looks the infinitive's key up among the
// library's terms. Only the query side is rewritten (a guide body's
// „teilnimmt“ stays as it is: the lemmatizer rewrite of both sides was
// measured and dropped, docs/performance.md), and only into keys the
// library knows. Verbs with a suppletive or doubled stem („nimmt“,
// „tritt“) and the -ieren verbs are left out; the vowel must be the last
// one before the ending.
func (ix *Index) strongPresentAlts(c *concept, w, k string, st *stemmer) {
	if hasDigit(w) || len(w) < 4 || !strings.HasSuffix(w, "t") {
		return
	}
	for _, end := range [...]string{"st", "t"} {
		base, ok := strings.CutSuffix(w, end)
		if !ok || len(base) < 3 || strings.HasSuffix(base, "ier") {
			continue
		}
		inf := strongInfinitive(base)
		if inf == "" {
			continue
		}
		if id, ok := ix.terms[st.stem(inf)]; ok && st.stem(inf) != k {
			c.alts = appendAlt(c.alts, alt{id, verbEndingWeight})
		}
	}
}

// strongInfinitive returns the infinitive whose 2nd or 3rd person stem is
// base, when base's last vowel is a changed one (ä, äu, ö, i, ie; not
// the diphthongs ei, ai), or "" otherwise.
func strongInfinitive(base string) string {
	i := strings.LastIndexAny(base, "aeiouyäöü")
	if i < 0 {
		return ""
	}
	var stem string
	switch {
	case strings.HasPrefix(base[i:], "ä") || strings.HasPrefix(base[i:], "ö"):
		stem = base[:i] + umlautFold(base[i:i+2]) + base[i+2:]
	case strings.HasPrefix(base[i:], "u") && i >= 2 && base[i-2:i] == "ä":
		stem = base[:i-2] + "a" + base[i:] // äu → au
	case base[i] == 'e' && i >= 1 && base[i-1] == 'i':
		stem = base[:i-1] + base[i:] // ie → e
	case base[i] == 'i' && (i == 0 || !strings.ContainsRune("ae", rune(base[i-1]))):
		stem = base[:i] + "e" + base[i+1:]
	default:
		return ""
	}
	if len(stem) < 3 {
		return ""
	}
	return stem + "en"
}

// particleVerbTerm looks up the particle verb of the separable particle p
// and the query word w (pk: the key of p+w) and calls add with the first
// term it finds: p+w itself, or — when the verb stands in the present with
// its particle split off („davx5 gleicht nur ab“, „der client lädt alles
// runter“: Duden, "Die Grammatik", trennbare Verben in Verbzweitstellung)
// — the infinitive the same present-tense rules reach for a word without
// a particle: the ending -t or -et taken off (verbEndingAlts) or a strong
// verb's vowel change undone (strongInfinitive).
func (ix *Index) particleVerbTerm(p, w, pk string, st *stemmer, add func(id int32)) {
	if id, ok := ix.terms[pk]; ok {
		add(id)
		return
	}
	found := false
	ix.verbEndingAlts(pk, func(id int32) {
		if !found {
			found = true
			add(id)
		}
	})
	if found || hasDigit(w) || !strings.HasSuffix(w, "t") {
		return
	}
	for _, end := range [...]string{"st", "t"} {
		base, ok := strings.CutSuffix(w, end)
		if !ok || len(base) < 3 || strings.HasSuffix(base, "ier") {
			continue
		}
		if inf := strongInfinitive(base); inf != "" {
			if id, ok := ix.terms[st.stem(p+inf)]; ok {
				add(id)
				return
			}
		}
	}
}
