package search

import "strings"

// A word ending in "-ung" that the library never writes is met through
// its stem: the stemmer takes the suffix off, so „Satzung“ meets „Satz“,
// „Zeitung“ „Zeit“ and „Leitung“ „leiten“, words of another sense, and
// „wo finde ich die satzung vom kreisverband“ was a confident answer with
// the conference-room guide (a sentence of its body, „Kreisverband“ in
// its title). Such a word counts as unknown to the library, as a word
// the library never writes does. A library that writes the word itself
// („Anmeldung“, „Einstellungen“, „Sitzung“) keeps its match.

// unknownDerived makes the concepts of cs whose word ends in "-ung" or
// "-ungen", is written in neither form by the library and is matched
// through its stem concepts of an unknown word.
func (ix *Index) unknownDerived(cs []concept, kr *keyer) {
	for i := range cs {
		c := &cs[i]
		if c.typo || len(c.alts) == 0 {
			continue
		}
		base, ok := ungBase(c.word)
		if !ok {
			continue
		}
		if _, known := ix.surface[base]; known {
			continue
		}
		if _, known := ix.surface[base+"en"]; known {
			continue
		}
		id, ok := ix.terms[kr.stemmer().stem(c.word)]
		if !ok {
			continue
		}
		for _, a := range c.alts {
			if a.term == id {
				c.alts = nil
				ix.finishConcept(c)
				break
			}
		}
	}
}

// ungBase returns the singular of a folded word ending in "-ung" or
// "-ungen" of at least six letters, and whether it is one.
func ungBase(w string) (string, bool) {
	if strings.HasSuffix(w, "ungen") {
		w = w[:len(w)-2]
	}
	if len(w) < 6 || !strings.HasSuffix(w, "ung") {
		return "", false
	}
	return w, true
}
