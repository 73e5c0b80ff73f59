package search

import "slices"

// The polarity of a noun phrase: named as there or as absent (twenty-ninth
// pass, branch eng29d).
//
// „wie schick ich jemandem ohne Konto ein PDF aus der Cloud“, "share a file
// with someone who has no cloud account": the member names the account as
// absent. The link guide names it as absent too („… mit Menschen, die kein
// Cloud-Konto haben“); its sibling for sharing with members, and the guide
// for requesting an account, name it as there („Cloud-Konto beantragen“).
// A bag of words cannot see the difference, so the guide that names the
// denied thing in its title wins. The reverse holds for „sie hat auch ein
// Konto“: the link guide names the account only as absent.
//
// So a word's match in a guide's strong fields counts in full only when
// both name it with the same polarity. A word the message negates, met in
// a guide that names it in its strong fields not only under a negation,
// ranks as met in passing (× Options.TopicRank, as a setting does:
// setting.go); a word the message does not negate, met in a guide whose
// strong fields name it only under a negation, ranks so too. Hit.Score,
// Hit.Strong and every figure the decision reads are as before; only the
// order of the hits changes.
//
// The negation of a noun phrase is read from the grammar (Duden, Die
// Grammatik, "Negation": the negative article „kein“ in all its forms
// negates its noun phrase, the preposition „ohne“ names what is lacking;
// in English "no" as a determiner and "without", Quirk et al., A
// Comprehensive Grammar of the English Language, §10.58–10.60). The phrase
// is the content words that follow the particle in its clause, after any
// article, possessive or other stop word, at most negPhraseWords of them,
// up to the next stop word: „ohne mein Passwort zu ändern“ negates
// „Passwort“, „kein Konto in unserer Cloud“ negates „Konto“, "no cloud
// account" both words. The sentence negation „nicht“/"not" is not read: it
// negates a verb or a whole clause („der Ordner geht nicht auf“), whose
// words are the member's trouble, not a thing named as absent.

// nounNegations are the particles that negate the noun phrase after them
// (see the file comment).
var nounNegations = map[string]bool{
	"kein": true, "keine": true, "keinen": true, "keinem": true, "keiner": true, "keines": true,
	"ohne": true, "no": true, "without": true,
}

// negPhraseWords is how many content words a negated noun phrase takes.
const negPhraseWords = 2

// negatedSpan returns, for toks, a mark per token that stands in a noun
// phrase a negation particle negates (see the file comment), or nil.
func negatedSpan(toks []rawToken) []bool {
	var marks []bool
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.joined || t.end || !nounNegations[t.word] {
			continue
		}
		j, n := i+1, 0
		for ; j < len(toks); j++ {
			tj := toks[j]
			if tj.joined {
				// A hyphenated word's joined form follows its parts
				// and is read through its first part (markTokens).
				continue
			}
			if isStop(tj.word) {
				if n > 0 || tj.end {
					break
				}
				continue
			}
			if marks == nil {
				marks = make([]bool, len(toks))
			}
			marks[j] = true
			n++
			if tj.end || n == negPhraseWords {
				break
			}
		}
		i = j - 1 // a negation that ended the phrase starts the next
	}
	return marks
}

// markNegated sets concept.negated on the concepts made from a token of a
// negated noun phrase; before and n as in markSettings.
func markNegated(cs []concept, toks []rawToken, before []int, n int) {
	marks := negatedSpan(toks)
	if marks == nil {
		return
	}
	markTokens(cs, toks, before, n, func(i int) bool { return marks[i] }, func(c *concept) { c.negated = true })
}

// strongWords returns the word ids of the texts of a guide's strong
// fields, those inside a negated noun phrase apart from the rest; id gives
// a surface word's id (false for a word Build did not intern).
func strongWords(texts []string, id func(w string) (int32, bool)) (neg, pos []int32) {
	var buf []rawToken
	for _, s := range texts {
		buf = tokenize(s, buf[:0])
		marks := negatedSpan(buf)
		for i, t := range buf {
			w, ok := id(t.word)
			if !ok || isStop(t.word) {
				continue
			}
			if marks != nil && marks[firstPart(buf, i)] {
				neg = append(neg, w)
			} else {
				pos = append(pos, w)
			}
		}
	}
	return neg, pos
}

// negatedOnly returns, sorted, the term ids of the words neg that no word
// of pos shares; terms gives a word id's term ids (its stem key and
// compound parts).
func negatedOnly(neg, pos []int32, terms func(w int32) []int32) []int32 {
	if len(neg) == 0 {
		return nil
	}
	var n, p []int32
	for _, w := range neg {
		n = append(n, terms(w)...)
	}
	for _, w := range pos {
		p = append(p, terms(w)...)
	}
	slices.Sort(n)
	n = slices.Compact(n)
	slices.Sort(p)
	n = slices.DeleteFunc(n, func(id int32) bool {
		_, found := slices.BinarySearch(p, id)
		return found
	})
	if len(n) == 0 {
		return nil
	}
	return n
}

// polarityDiffers reports whether concept c's match of term in guide doc,
// in a strong field, names the word with the other polarity (see the file
// comment).
func (ix *Index) polarityDiffers(c *concept, doc int32, term int32) bool {
	if int(doc) >= len(ix.negOnly) {
		return false
	}
	_, negOnly := slices.BinarySearch(ix.negOnly[doc], term)
	return c.negated != negOnly
}
