package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/german"
)

// foldWord lowercases w and folds it to the engine's canonical surface
// spelling: ß → ss and accented Latin letters (é, à, ñ …) to their base
// letter. German umlauts are kept here because the Snowball German stemmer
// needs them to find the word's regions; stemKey folds them afterwards.
//
// Written by hand because golang.org/x/text/unicode/norm would need a
// transform chain and an allocation per word, and only a handful of letters
// matter for German guide texts.
func foldWord(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	var b strings.Builder
	b.Grow(len(w) + 2)
	for _, r := range w {
		r = unicode.ToLower(r)
		switch r {
		case 'ß':
			b.WriteString("ss")
			continue
		case 'á', 'à', 'â', 'å', 'ã':
			r = 'a'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'í', 'ì', 'î', 'ï':
			r = 'i'
		case 'ó', 'ò', 'ô', 'õ', 'ø':
			r = 'o'
		case 'ú', 'ù', 'û':
			r = 'u'
		case 'ç':
			r = 'c'
		case 'ñ':
			r = 'n'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// umlautFold maps ä/ö/ü and their transliterations ae/oe/ue to a/o/u, so that
// "passwörter", "passwoerter" and "passworter" meet. It is applied to stems
// (both at index and at query time), so the occasional false fold such as
// "neue" → "neu" is harmless: both sides fold the same way.
func umlautFold(s string) string {
	need := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c == 'e' && i > 0 && (s[i-1] == 'a' || s[i-1] == 'o' || s[i-1] == 'u')) {
			need = true
			break
		}
	}
	if !need {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	for _, r := range s {
		switch r {
		case 'ä':
			r = 'a'
		case 'ö':
			r = 'o'
		case 'ü':
			r = 'u'
		case 'e':
			if prev == 'a' || prev == 'o' || prev == 'u' {
				prev = 0
				continue
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// stemmer wraps a reusable Snowball environment. It is not safe for
// concurrent use; Search creates one per call only when it meets a word
// whose stem was not cached at Build time.
type stemmer struct{ env *snowballstem.Env }

// newStemmer returns a stemmer with its own Snowball environment (one
// per goroutine: it is not safe for concurrent use).
func newStemmer() *stemmer { return &stemmer{env: snowballstem.NewEnv("")} }

// stem returns the index key of a folded surface word: the Snowball German
// stem with umlauts and their transliterations folded. Very short words and
// words containing digits are kept as they are ("2fa", "ag").
func (s *stemmer) stem(w string) string {
	if len(w) <= 3 || hasDigit(w) {
		return umlautFold(w)
	}
	s.env.SetCurrent(lemmatize(w))
	german.Stem(s.env)
	st := loanPlural(umlautFold(s.env.Current()))
	if len(st) < 3 {
		return umlautFold(w)
	}
	return st
}

// hasDigit reports whether w contains an ASCII digit.
func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return true
		}
	}
	return false
}

// rawToken is a word as it appears in a text, folded but not stemmed.
// joined marks the concatenation of a hyphenated word ("app-passwort" →
// "apppasswort") emitted in addition to its parts.
type rawToken struct {
	word   string
	joined bool
	span   int  // for joined tokens: how many part tokens precede it
	end    bool // the last word of a clause (punctuation or the text's end follows)
	// compound: for the second word of an English open compound, the
	// German compound the library knows ("group folder" → "gruppenordner";
	// english.go), matched as an alternative of the word.
	compound string
	// quoted: the word is quoted (quotedMarks, quotedColon; quote.go);
	// quoteStart: it begins a quoted span; colon: a colon follows it.
	quoted     uint8
	quoteStart bool
	colon      bool
}

// isWordRune reports whether r belongs in a word (a letter or digit).
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokenize splits text into folded words. URLs and e-mail addresses are
// skipped (their path fragments name other guides and only add noise),
// pure numbers are dropped, and hyphenated words yield their parts plus the
// joined form, so "Zwei-Faktor" matches "zwei faktor" and "zweifaktor".
func tokenize(text string, out []rawToken) []rawToken {
	return tokenizeMax(text, out, -1)
}

// tokenizeMax is tokenize that stops once out holds max tokens (max < 0:
// no limit), so a long query costs no more than its first words.
func tokenizeMax(text string, out []rawToken, max int) []rawToken {
	var q quoteScan
	return tokenizeQuotes(text, out, max, &q)
}

// tokenizeQuotes is tokenizeMax with the quotation state q (quote.go).
func tokenizeQuotes(text string, out []rawToken, max int, q *quoteScan) []rawToken {
	i := 0
	n := len(text)
	for i < n && (max < 0 || len(out) < max) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			if q.see(text, i, r, size) && len(out) > 0 {
				out[len(out)-1].colon = true
			}
			i += size
			continue
		}
		// Find the extent of a "chunk": word runes joined by hyphens,
		// dots, slashes, colons or @ (to recognise URLs and addresses).
		start := i
		end := i
		urlish := false
		for end < n {
			r2, s2 := utf8.DecodeRuneInString(text[end:])
			if isWordRune(r2) {
				end += s2
				continue
			}
			if (r2 == '-' || r2 == '.' || r2 == '/' || r2 == ':' || r2 == '@' || r2 == '_') && end+s2 < n {
				r3, _ := utf8.DecodeRuneInString(text[end+s2:])
				if isWordRune(r3) || (r2 == ':' && r3 == '/') || (r2 == '/' && r3 == '/') {
					if r2 == '@' || (r2 == ':' && r3 == '/') {
						urlish = true
					}
					end += s2
					continue
				}
			}
			break
		}
		chunk := text[start:end]
		i = end
		if urlish || strings.HasPrefix(chunk, "www.") {
			continue
		}
		before := len(out)
		out = appendChunk(chunk, out, max)
		if k := q.kind(); k != 0 && len(out) > before {
			for j := before; j < len(out); j++ {
				out[j].quoted = k
			}
			out[before].quoteStart, q.start = q.start, false
		}
		if len(out) > before && clauseEndsAt(text[end:]) {
			out[len(out)-1].end = true
			if out[len(out)-1].joined && len(out)-2 >= before {
				out[len(out)-2].end = true
			}
		}
	}
	return out
}

// clauseEndsAt reports whether rest, the text after a word, begins (after
// spaces of any kind and closing quotation marks) with the end of the text
// or a punctuation mark that ends a clause. Phones and pasted text put
// no-break spaces before "?" and quotation marks after a word
// („stell es auf ‚aus'“.), and "…" ends a sentence like "...".
func clauseEndsAt(rest string) bool {
	for _, r := range rest {
		switch r {
		case '.', ',', ';', ':', '!', '?', '\n', '\r', ')', '(', '–', '—', '…':
			return true
		case '"', '\'', '“', '”', '‘', '’', '«', '»', '‹', '›':
			continue
		}
		if unicode.IsSpace(r) {
			continue
		}
		return false
	}
	return true
}

// appendChunk splits a chunk at its inner punctuation and appends the parts
// (and, for hyphenated words, the joined form), stopping at max tokens
// (max < 0: no limit).
func appendChunk(chunk string, out []rawToken, max int) []rawToken {
	first := len(out)
	parts := 0
	hyphen := false
	start := 0
	for j, r := range chunk {
		if max >= 0 && len(out) >= max {
			return out
		}
		if !isWordRune(r) {
			if r == '-' {
				hyphen = true
			}
			out = appendWord(chunk[start:j], out)
			parts++
			start = j + utf8.RuneLen(r)
		}
	}
	out = appendWord(chunk[start:], out)
	parts++
	if hyphen && parts > 1 && parts <= 4 {
		var b strings.Builder
		for _, r := range chunk {
			if isWordRune(r) {
				b.WriteRune(r)
			}
		}
		if w := foldWord(b.String()); !allDigits(w) {
			out = append(out, rawToken{word: w, joined: true, span: len(out) - first})
		}
	}
	return out
}

// appendWord appends the folded word w to out, unless it is empty, all
// digits or shorter than two runes after folding.
func appendWord(w string, out []rawToken) []rawToken {
	if w == "" || allDigits(w) {
		return out
	}
	w = foldWord(w)
	if utf8.RuneCountInString(w) < 2 {
		return out
	}
	return append(out, rawToken{word: w})
}

// allDigits reports whether w consists of ASCII digits only.
func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// lemmatize rewrites common German derivations of a folded word to the
// form the Snowball stemmer conflates with the base verb or noun, which
// the Snowball German stemmer does not do on its own:
//
//   - feminine forms: "Kassiererin", "Moderatorinnen" → "kassierer", "moderator"
//   - -ung nouns: "Änderung" → "ändern", "Anmeldung" → "anmelden"
//   - -ation/-iert/-isiert: "Synchronisation", "synchronisiert" → "synchronisieren"
//   - participles: "gesperrt" → "sperren", "eingeladen" → "einladen"
//   - strong participles: "geschrieben" → "schreiben", "aufgeschrieben" →
//     "aufschreiben" (see strongParticiples)
//
// The rules only have to be consistent, not linguistically exact: they
// run on documents and queries alike, so a wrong rewrite of a rare word
// costs nothing unless it collides with another word.
func lemmatize(w string) string {
	if inf, ok := strongLemma(w); ok {
		return inf
	}
	n := len(w)
	if n < 6 || hasDigit(w) {
		return w
	}
	switch {
	case strings.HasSuffix(w, "innen") && n >= 10:
		w = w[:n-5]
	case n >= 8 && (strings.HasSuffix(w, "erin") || strings.HasSuffix(w, "orin")):
		w = w[:n-2]
	}
	n = len(w)
	verbEnd := func(base string) string {
		if strings.HasSuffix(base, "el") || strings.HasSuffix(base, "er") {
			return base + "n"
		}
		return base + "en"
	}
	switch {
	case strings.HasSuffix(w, "ungen") && n >= 9:
		return verbEnd(w[:n-5])
	case strings.HasSuffix(w, "ung") && n >= 7:
		return verbEnd(w[:n-3])
	case strings.HasSuffix(w, "isation") && n >= 10:
		return w[:n-7] + "isieren"
	case strings.HasSuffix(w, "ation") && n >= 9:
		return w[:n-5] + "ieren"
	case strings.HasSuffix(w, "iert") && n >= 7:
		return w[:n-4] + "ieren"
	}
	// Participles, with or without a separable particle.
	for _, p := range particles {
		if len(p) < 2 || !strings.HasPrefix(w, p+"ge") {
			continue
		}
		base := w[len(p)+2:]
		if len(base) < 4 {
			break
		}
		switch {
		case strings.HasSuffix(base, "en"):
			return p + base
		case strings.HasSuffix(base, "t"):
			return p + verbEnd(strings.TrimSuffix(strings.TrimSuffix(base, "t"), "e"))
		}
		break
	}
	if strings.HasPrefix(w, "ge") && strings.HasSuffix(w, "t") && n >= 8 {
		base := w[2 : n-1]
		base = strings.TrimSuffix(base, "e")
		return verbEnd(base)
	}
	return w
}

// loanPlural drops the plural -s of loanwords that Snowball keeps
// ("Handys", "Fotos", "Apps", "Kameras").
func loanPlural(stem string) string {
	n := len(stem)
	if n >= 4 && stem[n-1] == 's' {
		switch stem[n-2] {
		case 'y', 'o', 'a', 'p', 'i':
			return stem[:n-1]
		}
	}
	return stem
}
