package answer

// A company or product the off-topic lists name (search.Result.OffTopic:
// a bank, a mail provider, a parcel service) is not always the subject
// whose trouble the member reports. Three phrases name it beside the
// subject:
//
//   - the claimed sender of a message whose origin the member doubts:
//     „angeblich von PayPal“, „im Namen der Sparkasse“, "claiming to be
//     PayPal", „eine komische Mail von der Sparkasse“, "an email from
//     PayPal …, is that a scam?" — the member asks what to do with the
//     message (the phishing guide's very case);
//   - the other side of a comparison: „dasselbe Passwort wie bei der
//     Sparkasse“, „so wie bei Zoom“, "the same password as for PayPal" —
//     the member asks about the association's side;
//   - the mailbox where such a message came: „bei GMX kommt eine Mail
//     angeblich von euch …“.
//
// A signal named only in such phrases does not veto the guides
// (asideSignals); named anywhere else as well („mein Passwort bei GMX ist
// dasselbe wie bei Amazon, wie ändere ich das bei GMX“) it stays. The
// decision then reads the search's evidence as for any message, so a
// message that meets no guide still gets the honest no.
//
// The readings are grammar:
//
//   - Duden, „angeblich“, „vermeintlich“ („wie behauptet wird“), „im
//     Namen von“ (as someone's representative), "claiming", "pretending",
//     "supposedly", "allegedly": a doubted identity when the claim
//     governs the company's phrase — right before it, „von“/"from" or "to
//     be" and determiners between (claimAt). As a sentence adverb
//     („angeblich hat die Sparkasse mein Konto gesperrt“) „angeblich“
//     doubts the statement, not who the company is; it then counts only
//     as the doubt of a sender's or a mailbox's phrase.
//   - Duden grammar, Vergleichspartikel: „wie“ after a word of sameness
//     („derselbe“, „der gleiche“, "the same … as") or right after „so“,
//     „genauso“, „ebenso“ joins the other side of an equality comparison;
//     an interrogative „wie“ („wie bei der Sparkasse das Passwort
//     ändern“) has none of them before it (comparedAt). In a sentence
//     that reports something not working („bei mir ist es so wie bei der
//     Sparkasse, das Online-Banking geht nicht“) the comparison is one of
//     troubles: the company's own may be the subject, and it stays.
//   - Duden grammar, Attribute: „von“ + dative after a noun names its
//     origin or author („ein Brief von meiner Schwester“); with a noun
//     naming a message, introduced by an indefinite article, its
//     colloquial form („ne Mail“), a demonstrative („diese Mail“) or
//     none at the clause's start („komische Mail von …“) — one
//     particular message — that is its sender (senderAt). Local
//     prepositions („bei“, „in“, „auf“; "at", "in", "on") + the provider
//     with such a message and a verb of receipt name the mailbox
//     (mailboxAt). Both only when the sentence doubts a message's origin
//     (doubtIn) and the clause is not negated: a company's own messages
//     about its own service („eine Mail von GMX sagt, mein Postfach ist
//     voll“), „keine Mails von der Sparkasse“ and „bei web.de kommen
//     keine Mails an“ are about that service and keep the signal.
//
// The phrases are read inside a clause (clauseStarts: a comma or a
// sentence's end closes it), as the other readings of this package do,
// on folded words (fold: „fuer“ is „für“), as human.go reads them.

import (
	"slices"
	"strings"
)

// asideSignals returns the signals (search.Result.OffTopic) of the
// decided text qv that the message names at least once outside a phrase
// that sets them aside: a claimed sender, a comparison or the mailbox
// where a message came. A signal not found among the words (a quote's
// speaker the search added, an unusual spelling) is kept.
func asideSignals(qv *qwords, signals []string) []string {
	if len(signals) == 0 {
		return signals
	}
	words, brk := qv.words(), qv.breaks()
	doubt, denied := sentenceFlags(qv)
	var keep []string
	for _, s := range signals {
		if !onlyAside(words, brk, doubt, denied, s) {
			keep = append(keep, s)
		}
	}
	if len(keep) == len(signals) {
		return signals
	}
	return keep
}

// onlyAside reports whether the signal s occurs among the folded words
// and every occurrence stands aside (asideAt; doubt and denied:
// sentenceFlags).
func onlyAside(words []string, brk, doubt, denied []bool, s string) bool {
	return everyOccurrence(words, s, func(from, to int) bool {
		// A name's own dot („web.de“) may have split its sentence.
		d := slices.Contains(doubt[from:to], true)
		return asideAt(words, brk, from, to, d, slices.Contains(denied[from:to], true))
	})
}

// everyOccurrence reports whether the signal s occurs among the folded
// words (as a word, or as two or three words closed up: „web.de“ is "web"
// "de"; signalSpan) and ok holds for every occurrence words[from:to]. The
// readers of aside.go and named.go share it.
func everyOccurrence(words []string, s string, ok func(from, to int) bool) bool {
	found := false
	for i := range words {
		n := signalSpan(words, i, s)
		if n == 0 {
			continue
		}
		found = true
		if !ok(i, i+n) {
			return false
		}
	}
	return found
}

// signalSpan returns how many words from i on spell the signal s (1–3),
// or 0; it compares in place, as a 60 KB message may name a signal
// thousands of times.
func signalSpan(words []string, i int, s string) int {
	rest := s
	for n := 1; n <= 3 && i+n <= len(words); n++ {
		w := words[i+n-1]
		if !strings.HasPrefix(rest, w) || w == "" {
			return 0
		}
		rest = rest[len(w):]
		if rest == "" {
			return n
		}
	}
	return 0
}

// asideAt reports whether the company named by the words[from:to]
// stands aside in its clause: a claimed identity, the other side of a
// comparison of sameness, or of a bare „so wie“ in a sentence that denies
// nothing (denied; comparedAt), or — when its
// sentence doubts a message's origin (doubt) — the sender of a message or
// the mailbox where it came, or what such a message carries
// (attachedAt). A company's own messages about its own service („ich
// habe eine Nachricht von WhatsApp bekommen, dass ich mein Backup
// einrichten soll“) are asked about as that service; only a message
// whose origin is in doubt is the member's subject. A negated clause
// („bei WhatsApp kommt eine Nachricht nicht an“) reports the service's
// trouble.
func asideAt(words []string, brk []bool, from, to int, doubt, denied bool) bool {
	start, end := clauseAround(brk, from, to)
	clause := words[start:end]
	at := from - start
	compared, same := comparedAt(clause, at)
	if claimAt(clause, at) || compared && (same || !denied) {
		return true
	}
	if slices.ContainsFunc(clause, denies) {
		return false
	}
	if attachedAt(clause, at, doubt) {
		return true
	}
	return doubt && (senderAt(clause, at) || mailboxAt(clause, at))
}

// attachedAt reports whether the company's word at clause[at] names what
// a doubted message carries: „mit“/"with" + an article + the word after
// a noun naming a message („Mail im Namen der Telekom mit einer Rechnung
// als Anhang“, „eine komische SMS mit einem PayPal-Link“; Duden grammar,
// Attribute: „mit“ + dative names what a thing has or carries). The
// message is doubted when its sentence doubts (doubt) or the clause
// claims its sender's identity (claimAt).
func attachedAt(clause []string, at int, doubt bool) bool {
	p := at - 1
	for n := 0; n < 2 && p >= 0 && (companyLeads[clause[p]] || messageLeads[clause[p]]); n++ {
		p--
	}
	if p < 1 || clause[p] != "mit" && clause[p] != "with" {
		return false
	}
	if !slices.ContainsFunc(clause[:p], func(w string) bool { return messageNouns[w] }) {
		return false
	}
	if doubt {
		return true
	}
	for j := range clause {
		if j != at && claimAt(clause, j) {
			return true
		}
	}
	return false
}

// sentenceFlags tells for each word whether its sentence (qwords.sentences)
// or one right beside it doubts a message's origin (doubt: doubtAt) and
// whether its sentence denies something (denied: denies). A question
// about a message is asked in the sentence that reports it or right
// before or after it („Ich habe eine Mail von DHL bekommen. Ist das
// Betrug?“: „das“ points back to it); a doubt further away is about
// something else. One pass over the words, a sentence's flags shared by
// its words.
func sentenceFlags(qv *qwords) (doubt, denied []bool) {
	words, brk := qv.words(), qv.breaks()
	denied = make([]bool, len(words))
	var starts []int // the sentences' first words
	var doubts []bool
	for start, i := range qv.sentences() {
		d, n := false, false
		for j := start; j < i; j++ {
			d = d || doubtAt(words, brk, j)
			n = n || denies(words[j])
		}
		for j := start; j < i; j++ {
			denied[j] = n
		}
		starts, doubts = append(starts, start), append(doubts, d)
	}
	doubt = make([]bool, len(words))
	for k, from := range starts {
		to := len(words)
		if k+1 < len(starts) {
			to = starts[k+1]
		}
		d := doubts[k] || k > 0 && doubts[k-1] || k+1 < len(doubts) && doubts[k+1]
		for j := from; j < to; j++ {
			doubt[j] = d
		}
	}
	return doubt, denied
}

// doubtAt reports whether words[i] doubts a message's origin: a claim
// (claimWords), a word of suspicion or fraud (doubtWords), or „echt“,
// "real" asking about authenticity — at the end of its clause („ist das
// echt?“) or before „oder“/"or" („echt oder Fake“). Before an adjective
// „echt“ is the intensifier („echt nervig“, „echt voll“; Duden, echt,
// Adverb: „wirklich, sehr“).
func doubtAt(words []string, brk []bool, i int) bool {
	w := words[i]
	if claimWords[w] || doubtWords[w] {
		return true
	}
	if w != "echt" && w != "real" {
		return false
	}
	return i+1 == len(words) || brk[i+1] || words[i+1] == "oder" || words[i+1] == "or"
}

// doubtWords doubt a message's origin, folded: the adjectives of
// suspicion (Duden, synonyms of „verdächtig“ and „echt“: komisch,
// seltsam, merkwürdig, dubios, verdächtig, gefälscht, seriös), the nouns
// of fraud (Betrug, Betrüger, Fälschung, Phishing, Spam) and their
// English counterparts. „komisch“ („eine komische Mail“) is the everyday
// word for a suspicious message. „echt“ and "real" ask only in a
// question's place (doubtAt).
var doubtWords = set(
	"komisch", "komische", "komischen", "komischer", "komisches",
	"seltsam", "seltsame", "seltsamen", "seltsamer", "seltsames",
	"merkwuerdig", "merkwuerdige", "merkwuerdigen", "merkwuerdiger",
	"dubios", "dubiose", "dubiosen", "dubioser",
	"verdaechtig", "verdaechtige", "verdaechtigen", "verdaechtiger",
	"gefaelscht", "gefaelschte", "gefaelschten", "gefaelschter",
	"serioes", "betrug", "betrueger", "betrugsversuch", "faelschung",
	"phishing", "spam", "fake", "scam", "scammer", "fraud",
	"strange", "weird", "suspicious", "legit", "genuine")

// denies reports whether the folded word w denies its clause: a word of
// denyNegs. The words of contrast („statt der Sparkasse“, "than") deny
// nothing.
func denies(w string) bool {
	return denyNegs[w]
}

// denyNegs are the negations (negation.go) denies reads, each named: a
// word added to negations is read here only when it is added here too.
// They leave out the forms the fifteenth pass measured without (it read
// the union of two other readers' lists): „keines“, "nothing" and the
// rarer n't forms („weren't“, "cannot", "couldn't", "wouldn't",
// "haven't", "hasn't"). Not on purpose; kept, as reading them would
// change which sentences deny.
var denyNegs = negationsOf("nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "nichts",
	"nich", "net", "nix", "not", "no", "never", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "cant", "wont")

// asideWindow bounds the words read on either side of a company: the
// phrases are local (the longest of the probes: „das gleiche Passwort
// nehmen wie bei PayPal“, five words), and a 60 KB message without a
// comma is one clause — reading all of it for each of thousands of names
// would cost quadratic time.
const asideWindow = 8

// clauseAround returns the bounds of the clause around the words
// from:to (brk: clauseStarts), at most asideWindow words on either side.
// A break inside the name is none: a name's own dot („web.de“).
func clauseAround(brk []bool, from, to int) (start, end int) {
	start = from
	for start > 0 && start > from-asideWindow && !brk[start] {
		start--
	}
	end = to
	for end < len(brk) && end < to+asideWindow && !brk[end] {
		end++
	}
	return start, end
}

// claimAt reports whether a claim of identity governs the company's
// phrase at clause[at]: a claim word right before it, „von“/"from" and
// "to be" and up to two determiners between („angeblich von der
// Sparkasse“, "claiming to be from PayPal", "supposedly PayPal"), or „im
// Namen“/"in the name" + „der“/„des“/„von“/"of" („im Namen der
// Sparkasse“, "in the name of PayPal"). A claim anywhere else in the
// clause doubts something else („angeblich ist meine Rechnung bei der
// Telekom falsch“) and counts only as doubt (doubtAt).
func claimAt(clause []string, at int) bool {
	p := phraseHead(clause, at)
	if p >= 0 && (fromWords[clause[p]] || clause[p] == "of") {
		p--
	}
	if p >= 1 && clause[p] == "be" && clause[p-1] == "to" {
		p -= 2
	}
	if p >= 0 && claimWords[clause[p]] {
		return true
	}
	if claimOverSending(clause, at) {
		return true
	}
	if p < 0 || clause[p] != "namen" && clause[p] != "name" {
		return false
	}
	return p >= 1 && clause[p-1] == "im" || p >= 2 && clause[p-1] == "the" && clause[p-2] == "in"
}

// claimOverSending reports whether a claim word before the company at
// clause[at] doubts a clause of sending or receipt („angeblich schreibt
// mir die Telekom“, „angeblich ruft die Sparkasse an“, „angeblich hat mir
// DHL eine SMS geschickt“): the claim doubts that the company sent it —
// its identity as the sender. The company must be the one who sends — a
// noun phrase of its own, not the object of a preposition („angeblich
// kann man bei PayPal Geld senden“) — or the clause must report one
// particular message that came (messageIn with a verb of receipt: the
// receipt verbs are everyday verbs, „angeblich kriegt man bei der
// Sparkasse kein Geld mehr“). A clause that denies („angeblich sendet
// WhatsApp meine Nachrichten nicht mehr“) reports the company's own
// trouble (review rv15d, finding 2).
func claimOverSending(clause []string, at int) bool {
	if !slices.ContainsFunc(clause[:at], func(w string) bool { return claimWords[w] }) ||
		slices.ContainsFunc(clause, denies) {
		return false
	}
	if slices.ContainsFunc(clause, func(w string) bool { return receiptVerbs[w] }) && messageIn(clause) {
		return true
	}
	p := phraseHead(clause, at)
	own := p < 0 || !prepositions[clause[p]] && !fromWords[clause[p]]
	return own && slices.ContainsFunc(clause, func(w string) bool { return sendVerbs[w] })
}

// sendVerbs say that someone sent a message, folded: the forms of
// „schreiben“, „schicken“, „senden“, „anrufen“, „sich melden“ (Duden)
// and their English counterparts.
var sendVerbs = set(
	"schreibt", "schrieb", "schreiben", "geschrieben", "schickt", "schickte", "schicken", "geschickt",
	"sendet", "sendete", "senden", "gesendet", "gesandt", "ruft", "rief", "angerufen", "meldet", "meldete", "gemeldet",
	"writes", "wrote", "written", "sends", "sent", "send", "calls", "called", "texted", "texts", "emailed")

// claimWords mark a doubted identity: the German adverb and adjective of
// a claim (Duden: „angeblich“, „vermeintlich“ with their endings) and the
// English verbs and adverbs of a claimed identity ("apparently", "claims"
// are left out: they also report a fact or an insurance claim).
var claimWords = set(
	"angeblich", "angebliche", "angeblichen", "angeblicher", "angebliches",
	"vermeintlich", "vermeintliche", "vermeintlichen", "vermeintlicher", "vermeintliches",
	"claiming", "pretending", "purporting", "supposedly", "allegedly")

// senderAt reports whether the company at clause[at] follows „von“,
// „vom“ or "from" (a determiner or possessive may stand between) and the
// clause reports one particular message (messageIn).
func senderAt(clause []string, at int) bool {
	p := phraseHead(clause, at)
	if p < 0 || !fromWords[clause[p]] {
		return false
	}
	return messageIn(clause)
}

// comparedAt reports whether the company at clause[at] is the other side
// of an equality comparison: „wie“/"as" (a preposition and determiners may
// stand between) after a word of sameness earlier in the clause
// („dasselbe … wie bei“, "the same … as for") or right after „so“,
// „genauso“, „ebenso“ (one adjective may stand between: „so sicher wie
// bei“). Bare „gleich“ is left out: it is also the adverb „sofort“.
//
// same reports a word of sameness: „dasselbe Passwort wie bei X“ compares
// a thing of the member's with X's whatever else the sentence denies
// („darf ich dasselbe Passwort wie bei PayPal nehmen oder nicht?“), while
// a bare „so/genauso wie bei X“ may compare a trouble („bei mir ist es so
// wie bei der Sparkasse, das Online-Banking geht nicht“), which a denying
// sentence tells (asideAt; review rv15d, finding 1).
func comparedAt(clause []string, at int) (compared, same bool) {
	p := phraseHead(clause, at)
	if p < 0 {
		return false, false
	}
	if prepositions[clause[p]] && p > 0 {
		p--
	}
	if p <= 0 || (clause[p] != "wie" && clause[p] != "as") {
		return false, false
	}
	same = slices.ContainsFunc(clause[:p], func(w string) bool { return sameWords[w] })
	for i := max(0, p-2); i < p; i++ {
		if soWords[clause[i]] {
			return true, same
		}
	}
	return same, same
}

// mailboxAt reports whether the company at clause[at] is a place („bei
// GMX“, „in meinem web.de-Postfach“, "at gmail") in a clause that reports
// one particular message (messageIn) that came (receiptVerbs).
func mailboxAt(clause []string, at int) bool {
	p := phraseHead(clause, at)
	if p < 0 || !placeWords[clause[p]] {
		return false
	}
	return messageIn(clause) && slices.ContainsFunc(clause, func(w string) bool { return receiptVerbs[w] })
}

// receiptVerbs say that a message came, folded: the forms of
// „bekommen“, „erhalten“, „kommen“, „ankommen“, „landen“, „eingehen“ and
// the colloquial „kriegen“ (Duden, ugs. für „bekommen“), and their
// English counterparts. „ist“ is left out: „in WhatsApp ist eine
// Nachricht verschwunden“ is the product's own trouble.
var receiptVerbs = set(
	"bekommen", "bekomme", "bekommt", "bekam", "bekamen",
	"erhalten", "erhalte", "erhaelt", "erhielt",
	"kommt", "kommen", "kam", "kamen", "gekommen", "angekommen",
	"kriege", "krieg", "kriegt", "gekriegt", "kriegte",
	"landet", "landete", "gelandet", "eingegangen",
	"got", "get", "received", "receive", "came", "arrived")

// phraseHead returns the index of the word before the company at
// clause[at], skipping up to two determiners or possessives („von der“,
// „in meinem“, "for my"), or -1.
func phraseHead(clause []string, at int) int {
	p := at - 1
	for n := 0; n < 2 && p >= 0 && companyLeads[clause[p]]; n++ {
		p--
	}
	return p
}

// messageIn reports whether the clause reports one particular message:
// an article that introduces one thing (messageLeads), at most two words
// (adjectives: „eine komische Mail“), then a noun naming a message; or,
// in the telegraphic style of chat, such a noun at the clause's start, one
// word of doubt before it at most („Mail von GMX bekommen“, „komische Mail
// von PayPal“).
func messageIn(clause []string) bool {
	if len(clause) > 0 && messageNouns[clause[0]] || len(clause) > 1 && doubtWords[clause[0]] && messageNouns[clause[1]] {
		return true
	}
	for i, w := range clause {
		if !messageLeads[w] {
			continue
		}
		for j := i + 1; j < len(clause) && j <= i+3; j++ {
			if messageNouns[clause[j]] {
				return true
			}
		}
	}
	return false
}

// fromWords open a phrase of origin (Duden: „von“ + dative, „vom“).
var fromWords = set("von", "vom", "from")

// placeWords are the local prepositions (Duden grammar) a mailbox or
// account takes („bei GMX“, „im Postfach“, "at gmail", "in my inbox").
var placeWords = set("bei", "beim", "in", "im", "auf", "at", "on")

// prepositions may stand between a comparison's „wie“ and its other side
// („wie bei“, „wie für“, „wie im“, "as for", "as with"), folded.
var prepositions = union(placeWords, set("fuer", "fuers", "mit", "for", "with"))

// sameWords express sameness before a comparison's „wie“/"as" (Duden
// grammar, Vergleichspartikel: „derselbe … wie“, „das gleiche … wie“).
var sameWords = set(
	"dasselbe", "derselbe", "dieselbe", "dieselben", "denselben", "demselben",
	"selbe", "selben", "selbes",
	"gleiche", "gleichen", "gleicher", "gleiches", "same")

// soWords open an equality comparison right before its „wie“ (Duden
// grammar, Vergleichssätze: „so … wie“, „genauso … wie“).
var soWords = set("so", "genauso", "ebenso")

// companyLeads are the articles and possessives that may open the noun
// phrase of a company („von der Sparkasse“, „bei meiner Bank“, "for my").
var companyLeads = set(
	"der", "die", "das", "dem", "den", "des",
	"mein", "meine", "meinem", "meinen", "meiner", "meines",
	"unser", "unsere", "unserem", "unseren", "unserer",
	"the", "my", "our")

// messageLeads introduce one particular message: the indefinite articles
// (German in every case, with the colloquial „n“, „ne“, „nen“, „nem“,
// „ner“ — Duden, ugs. für „ein“, „eine“, „einen“, „einem“, „einer“; talk.go
// and human.go know them — and English) and the demonstratives
// („diese Mail“, "this email": the message at hand).
var messageLeads = set(
	"ein", "eine", "einen", "einem", "einer", "eins", "n", "ne", "nen", "nem", "ner",
	"diese", "dieser", "diesen", "diesem", "dieses",
	"a", "an", "this")

// messageNouns name a message one receives: mail, text message, chat
// message, call, letter, invitation (German and English, singular: they
// follow an article of one thing, messageIn).
var messageNouns = set(
	"mail", "email", "sms", "nachricht", "anruf", "brief", "einladung",
	"message", "text", "call", "letter", "invitation")
