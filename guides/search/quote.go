package search

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Quoted speech (sixth quality pass). Members paste what an app, a device
// or a mail said to them: „Du hast keine Berechtigung“, "Enter the code
// from your app", or, after a colon, Element: Dein Sitzungsschlüssel fehlt.
// That is direct speech (Duden, Die Grammatik, "direkte Rede"; Duden,
// Rechtschreibregeln D 151 ff. on Anführungszeichen and D 24 on the colon
// before direct speech): its "du" is the app speaking to the member, not
// the member speaking to the bot, so it must not add the bot's name to the
// query (addressee.go). The quoted words still count as evidence like any
// other: they are often the best words of the message.
//
// The quotation marks read are those of German (Duden: „…“, ‚…‘, »…«),
// Swiss and French («…»), English (“…”, ‘…’) and the straight marks of a
// keyboard ("…", '…'). A single straight or typographic apostrophe inside
// a word ("geht's", "you're") is no quotation mark: a single mark opens a
// quote only after a space or a punctuation mark, before a letter, and
// only when a closing mark follows on the same line. A quote ends at its
// closing mark or, left open, at the end of its line.
//
// The clause after a colon is direct speech when what comes before the
// colon (its label) introduces speech rather than the member's own words:
// see speechLabel.
//
// The words before a quote in its clause (its label, "mein Drucker sagt",
// "Outlook auf dem Arbeitsrechner:") name the quote's speaker: the first
// content word of the label that is not a verb of saying (quoteSpeakers).
// A speaker the library never mentions is evidence that the message is
// about a product outside the library (search.go, Result.OffTopic).

// Kinds of quoted tokens (rawToken.quoted).
const (
	quotedMarks = 1 // between quotation marks
	quotedColon = 2 // in the clause after a colon (direct speech only if its label says so)
)

// quoteClosers maps an opening quotation mark to the marks that close it.
// „ is closed by “ in German, by ” in some fonts and keyboards, and by a
// straight mark when typed; “ opens an English quote and is also a stray
// German closing mark (then it opens nothing, see quoteScan.see).
var quoteClosers = map[rune]string{
	'„': "“”\"", '‚': "‘’'", '»': "«", '«': "»",
	'“': "”“\"", '‘': "’‘'", '"': "\"”“", '\'': "'’",
}

// singleMark reports whether r is a single quotation mark that is also an
// apostrophe.
func singleMark(r rune) bool { return r == '\'' || r == '‘' || r == '‚' }

// quoteScan follows quotation marks and colons through a text as the
// tokenizer walks it (see tokenizeMax). Its work per rune is constant but
// for the search of a single mark's closing mark, which is made at most
// once per byte of a line: a search that fails says so for the rest of
// its line (noClose), one that succeeds for every later single mark
// before the mark it found (closeAt) — a quote may end before that mark
// (at a mark before no word, "'a ' 'b ' … z'"), and the next single mark
// must not search the same bytes again.
type quoteScan struct {
	closers string // the marks that close the open quote; "" when none is open
	colon   bool   // in the clause after a colon
	start   bool   // the next token begins a quoted span
	noClose int    // no closing single mark before this byte offset
	closeAt int    // a closing single mark at this byte offset, none on its line before it since the last search
	scanned int    // bytes looked at in searches for a closing mark (the tests' work count)
}

// kind returns the quoted kind of a token that begins now.
func (q *quoteScan) kind() uint8 {
	switch {
	case q.closers != "":
		return quotedMarks
	case q.colon:
		return quotedColon
	}
	return 0
}

// see updates the state for the non-word rune r at text[i:] (size bytes).
// It reports whether r is a colon right after a word (the word's colon).
func (q *quoteScan) see(text string, i int, r rune, size int) bool {
	if r == '\n' || r == '\r' {
		q.closers, q.colon, q.start = "", false, false
		return false
	}
	if q.closers != "" {
		if strings.ContainsRune(q.closers, r) && (!singleMark(r) && r != '’' || !wordAfter(text, i+size)) {
			q.closers, q.start = "", false
		}
		return false
	}
	if cl, ok := quoteClosers[r]; ok {
		if singleMark(r) && !q.singleOpens(text, i, size) {
			return false
		}
		if (r == '“' || r == '"') && !wordAfter(text, i+size) && wordBefore(text, i) {
			return false // a closing mark without its opening one
		}
		q.closers, q.colon, q.start = cl, false, true
		return false
	}
	switch r {
	case ':':
		if wordBefore(text, i) {
			q.colon, q.start = true, true
			return true
		}
	case '.', '!', '?', '…':
		if q.colon {
			q.colon, q.start = false, false
		}
	}
	return false
}

// singleOpens reports whether the single mark at text[i:] opens a quote:
// after a space or punctuation, before a letter, with a closing mark (a
// single mark after a word and before no word) later on its line.
func (q *quoteScan) singleOpens(text string, i, size int) bool {
	if wordBefore(text, i) || !wordAfter(text, i+size) || i < q.noClose {
		return false
	}
	if i < q.closeAt {
		return true // the search of an earlier mark on this line found it
	}
	for j := i + size; j < len(text); {
		r, s := utf8.DecodeRuneInString(text[j:])
		q.scanned += s
		if r == '\n' {
			q.noClose = j
			return false
		}
		if (r == '\'' || r == '’' || r == '‘') && wordBefore(text, j) && !wordAfter(text, j+s) {
			q.closeAt = j
			return true
		}
		j += s
	}
	q.noClose = len(text)
	return false
}

// wordBefore reports whether a word rune ends text[:i].
func wordBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return i > 0 && isWordRune(r)
}

// wordAfter reports whether a word rune begins text[i:].
func wordAfter(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return i < len(text) && isWordRune(r)
}

// speechVerbs are the verbs that introduce direct speech in a help chat:
// the verba dicendi (Duden, Die Grammatik, "Redeeinleitung": sagen,
// schreiben, fragen, antworten, melden, warnen, behaupten) in the forms a
// member reports with (third person, past, participle), the verbs of
// showing that software speaks with (anzeigen, erscheinen, stehen,
// kommen: „da steht …“, „es kommt …“), and their English counterparts,
// the reporting verbs (Cambridge Grammar of English, "Reported speech":
// say, tell, ask, write, warn; and show, display, read, pop up).
var speechVerbs = map[string]bool{
	"sagt": true, "sagte": true, "gesagt": true, "schreibt": true, "schrieb": true, "geschrieben": true,
	"fragt": true, "fragte": true, "gefragt": true, "antwortet": true, "antwortete": true, "geantwortet": true,
	"meldet": true, "meldete": true, "gemeldet": true, "warnt": true, "warnte": true, "gewarnt": true,
	"behauptet": true, "meint": true, "zeigt": true, "zeigte": true, "angezeigt": true, "gezeigt": true,
	"erscheint": true, "erschien": true, "erschienen": true, "steht": true, "stand": true, "kommt": true,
	"kam": true, "gekommen": true, "heisst": true, "hiess": true, "lautet": true,
	"says": true, "said": true, "tells": true, "told": true, "asks": true, "asked": true, "writes": true,
	"wrote": true, "warns": true, "warned": true, "shows": true, "showed": true, "shown": true,
	"displays": true, "displayed": true, "reads": true, "pops": true, "popped": true,
}

// ownWordLabels are labels before a colon with which a writer announces
// their own words, not someone else's (Duden, Rechtschreibregeln D 23: the
// colon before an announced statement, summary or conclusion): "Frage:",
// "Problem:", "PS:", "Update:", "kurz:" and the like as chats and mailing
// lists use them. The clause after them is the member's own speech.
var ownWordLabels = map[string]bool{
	"frage": true, "fragen": true, "question": true, "problem": true, "problems": true, "hilfe": true,
	"help": true, "anliegen": true, "bitte": true, "ps": true, "edit": true, "update": true, "nachtrag": true,
	"achtung": true, "wichtig": true, "kurz": true, "kurze": true, "info": true, "idee": true, "note": true,
	"hallo": true, "hi": true, "hey": true, "moin": true, "servus": true, "hello": true,
	// The colon before a conclusion or an afterthought (D 23: "also:",
	// chat's "noch was:", "übrigens:", "btw:", "Ergänzung:").
	"also": true, "noch": true, "nochmal": true, "übrigens": true, "uebrigens": true, "btw": true, "nebenbei": true,
	"ergänzung": true, "ergaenzung": true, "zusatz": true,
}

// maxLabel bounds the words of a colon's label that can name a speaker:
// "Element:", "die App auf dem iPhone:"; a longer clause before a colon is
// the member's own sentence ("ich habe folgendes Problem:").
const maxLabel = 5

// labelStart returns the index of the first token of the label of the
// quoted span that begins at token s: the tokens of its clause before it
// ("element sagt „…“"), or, when a colon ends the word before it, the
// tokens of the clause that colon ends ("Meldung: „…“", "Element: …").
// After a clause that ended otherwise ("… geht nicht. „…“") the label is
// empty.
func labelStart(toks []rawToken, s int) int {
	if s == 0 || toks[s-1].end && !toks[s-1].colon {
		return s
	}
	j := s - 1
	// The last part of a hyphenated word ends its clause with it; the
	// joined form follows it ("Banking-App: …").
	for j > 0 && (!toks[j-1].end || toks[j].joined) {
		j--
	}
	return j
}

// speechLabel reports whether the label toks[lo:s] of the quoted span
// that begins at s introduces direct speech, and where its verb of saying
// is (s when it has none). A label with a verb of saying introduces
// speech ("Element sagt „…“", "da steht: …"). So does a colon after a
// short label (at most maxLabel words: "Element:", "iPhone: „…“") that
// names no writer's own words (ownWordLabels: "Frage:", "mein Problem:")
// and does not call the bot
// by its name (a vocative, "Lotse: was weißt du über mich": addressee,
// folded).
func speechLabel(toks []rawToken, lo, s int, addressee string) (verb int, ok bool) {
	if lo >= s {
		return s, false
	}
	n := 0
	for i, t := range toks[lo:s] {
		if t.joined {
			continue
		}
		if speechVerbs[t.word] {
			return lo + i, true
		}
		if t.word == addressee || ownWordLabels[t.word] {
			return s, false
		}
		n++
	}
	return s, toks[s-1].colon && n <= maxLabel
}

// quoteStartOf returns the first token of the quoted span token i is in.
func quoteStartOf(toks []rawToken, i int) int {
	for i > 0 && !toks[i].quoteStart && toks[i-1].quoted == toks[i].quoted {
		i--
	}
	return i
}

// speaks reports whether the token at i is in direct speech: between
// quotation marks, or in the clause after a colon whose label introduces
// speech (speechLabel). addressee is the bot's folded name ("" for none).
func speaks(toks []rawToken, i int, addressee string) bool {
	switch toks[i].quoted {
	case quotedMarks:
		return true
	case quotedColon:
		s := quoteStartOf(toks, i)
		_, ok := speechLabel(toks, labelStart(toks, s), s, addressee)
		return ok
	}
	return false
}

// quoteSpeakers returns the speakers of the message's quotes: for each
// quoted span whose label introduces direct speech (speechLabel), the
// first word of the label before its verb of saying that is no stop word
// ("mein Drucker sagt „…“" → "drucker", "Outlook auf dem Arbeitsrechner:
// „…“" → "outlook"; "da steht „…“" has none). At most one per quote.
func quoteSpeakers(toks []rawToken, addressee string) []string {
	var out []string
	for s, t := range toks {
		if !t.quoteStart {
			continue
		}
		lo := labelStart(toks, s)
		verb, ok := speechLabel(toks, lo, s, addressee)
		if !ok {
			continue
		}
		for _, l := range toks[lo:verb] {
			if l.joined || l.quoted != 0 || isStop(l.word) || len(l.word) > maxQueryWord {
				continue
			}
			out = append(out, l.word)
			break
		}
	}
	return out
}

// offTopicSpeakers adds to off, the off-topic words of a query (offTopic),
// the speakers of its quotes (quoteSpeakers) that the library does not
// know at all — no guide has the word, its stem, a glossary translation,
// a compound part or a near spelling of it (its concept has no
// alternative) — and reports whether a speaker is among the off-topic
// words (Result.OffTopicSpeaks). A speaker the library knows ("Element
// sagt …", "iPhone: …") adds nothing, and nor does an everyday word of
// commonList (people: "mein Kollege sagt: …"; "Problem:", "Sache"), nor
// a name read as the common word it also is (plain: wordReadings).
func (ix *Index) offTopicSpeakers(cs []concept, toks []rawToken, off, plain []string) ([]string, bool) {
	speakers := quoteSpeakers(toks, foldWord(ix.opts.Addressee))
	speaks := false
	for _, w := range speakers {
		if slices.Contains(off, w) {
			speaks = true
			continue
		}
		if isCommon(w) || personSpeaker(w) || slices.Contains(plain, w) {
			continue // a person or an everyday thing ("mein Kollege sagt: …"), no product
		}
		for i := range cs {
			if cs[i].word == w && len(cs[i].alts) == 0 {
				off = append(off, w)
				speaks = true
				break
			}
		}
	}
	return off, speaks
}

// speakerPersons are persons who speak a quote: a member relays what a
// relative or someone of the association said ("Mein Sohn meint: du musst
// die Sitzung verifizieren", "Der Kassenwart schreibt: …"), which is
// advice about the library's matters, not a product outside it speaking.
// commonList names a few people (Nachbar, Kollege, Oma); these are the
// rest of the German kinship terms (Duden, "Verwandtschaftsbezeichnungen")
// and the offices of an association and a party (BGB § 26 Vorstand;
// Parteiengesetz § 11; the usual Vereinsämter Vorsitz, Kasse), and their
// English glosses. They are not in commonList because there they would
// weigh less in every query ("wer ist unser Kassenwart" asks about a
// party matter). Keys are folded (speakerFold).
var speakerPersons = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`sohn söhne tochter töchter enkel enkelin enkelkind enkelkinder bruder schwester
		geschwister eltern großeltern großvater großmutter onkel tante cousin cousine neffe nichte schwager schwägerin
		schwiegersohn schwiegertochter ehemann ehefrau partner partnerin nachbarin nachbarn bekannte bekannter kollegen
		chef chefin vorstand vorsitzende vorsitzender schatzmeister schatzmeisterin geschäftsstelle
		son daughter grandson granddaughter grandchild brother sister parents uncle aunt nephew niece husband wife boss
		chair chairman chairwoman treasurer secretary`) {
		m[speakerFold(w)] = true
	}
	return m
}()

// officeSuffixes end the German nouns of an office and its holder
// (Duden, Wortbildung: "-wart" one who looks after something, Kassenwart;
// "-führer", Schriftführer; "-beauftragte", Datenschutzbeauftragte;
// "-vorsitzende", Kreisvorsitzende; "-sprecher", Pressesprecher;
// "-referent", Bildungsreferent), also in the feminine "-in"; folded. A
// "Lautsprecher" is a device, no speaker of an office.
var officeSuffixes = []string{"wart", "fuhrer", "beauftragte", "beauftragter", "vorsitzende", "vorsitzender",
	"sprecher", "referent"}

// speakerFold folds w for speakerPersons and officeSuffixes as the index
// folds words (foldWord: ß as ss; umlautFold).
func speakerFold(w string) string { return umlautFold(foldWord(w)) }

// personSpeaker reports whether the speaker w of a quote is a person
// (speakerPersons, officeSuffixes).
func personSpeaker(w string) bool {
	w = speakerFold(w)
	if speakerPersons[w] {
		return true
	}
	w = strings.TrimSuffix(w, "in")
	if strings.HasSuffix(w, "lautsprecher") {
		return false
	}
	for _, s := range officeSuffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}
