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
//     "supposedly", "allegedly" before the company in its clause: a
//     doubted identity (claimAt).
//   - Duden grammar, Vergleichspartikel: „wie“ after a word of sameness
//     („derselbe“, „der gleiche“, "the same … as") or right after „so“,
//     „genauso“, „ebenso“ joins the other side of an equality comparison;
//     an interrogative „wie“ („wie bei der Sparkasse das Passwort
//     ändern“) has none of them before it (comparedAt).
//   - Duden grammar, Attribute: „von“ + dative after a noun names its
//     origin or author („ein Brief von meiner Schwester“); with a noun
//     naming a message, introduced by an indefinite article (one
//     particular message that came), that is its sender (senderAt). Local
//     prepositions („bei“, „in“, „auf“; "at", "in", "on") + the provider
//     with such a message and a verb of receipt name the mailbox
//     (mailboxAt). Both only when the message doubts a message's origin
//     (doubtWords, claimWords) and the clause is not negated: a company's
//     own messages about its own service („eine Mail von GMX sagt, mein
//     Postfach ist voll“), „keine Mails von der Sparkasse“ and „bei
//     web.de kommen keine Mails an“ are about that service and keep the
//     signal.
//
// The phrases are read inside a clause (clauseStarts: a comma or a
// sentence's end closes it), as the other readings of this package do.

import (
	"slices"
)

// asideSignals returns the signals (search.Result.OffTopic) of the
// question q that the message names at least once outside a
// phrase that sets them aside: a claimed sender, a comparison or the
// mailbox where a message came. A signal not found among the words (a
// quote's speaker the search added, an unusual spelling) is kept.
func asideSignals(q string, signals []string) []string {
	if len(signals) == 0 {
		return signals
	}
	// q's own words: the caller's may count their offsets from the
	// whole message (focusQuestion), the clause breaks need q's.
	ws := tokens(q)
	brk := clauseStarts(q, ws)
	doubt := slices.ContainsFunc(ws, func(w word) bool { return claimWords[w.w] || doubtWords[w.w] })
	var keep []string
	for _, s := range signals {
		if !onlyAside(ws, brk, s, doubt) {
			keep = append(keep, s)
		}
	}
	if len(keep) == len(signals) {
		return signals
	}
	return keep
}

// onlyAside reports whether the signal s occurs among the words ws (as a
// word, or as two or three words closed up: „web.de“ is "web" "de") and
// every occurrence stands aside (asideAt; doubt: the message doubts a
// message's origin).
func onlyAside(ws []word, brk []bool, s string, doubt bool) bool {
	found := false
	for i := range ws {
		n := signalSpan(ws, i, s)
		if n == 0 {
			continue
		}
		found = true
		if !asideAt(ws, brk, i, i+n, doubt) {
			return false
		}
	}
	return found
}

// signalSpan returns how many words from i on spell the signal s (1–3),
// or 0.
func signalSpan(ws []word, i int, s string) int {
	joined := ""
	for n := 1; n <= 3 && i+n <= len(ws); n++ {
		joined += ws[i+n-1].w
		if joined == s {
			return n
		}
		if len(joined) >= len(s) {
			break
		}
	}
	return 0
}

// asideAt reports whether the company named by the words ws[from:to]
// stands aside in its clause: a claimed identity, the other side of a
// comparison, or — when the message doubts a message's origin (doubt) —
// the sender of a message or the mailbox where it came. A company's
// own messages about its own service („ich habe eine Nachricht von
// WhatsApp bekommen, dass ich mein Backup einrichten soll“) are asked
// about as that service; only a message whose origin is in doubt is the
// member's subject. A negated clause („bei WhatsApp kommt eine Nachricht
// nicht an“) reports the service's trouble.
func asideAt(ws []word, brk []bool, from, to int, doubt bool) bool {
	start, end := clauseAround(brk, from, to)
	clause := ws[start:end]
	at := from - start
	if claimAt(clause, at) || comparedAt(clause, at) {
		return true
	}
	if !doubt || slices.ContainsFunc(clause, func(w word) bool { return negations[w.w] }) {
		return false
	}
	return senderAt(clause, at) || mailboxAt(clause, at)
}

// doubtWords doubt a message's origin: the adjectives of suspicion and
// their opposites in a question (Duden, synonyms of „verdächtig“ and
// „echt“: komisch, seltsam, merkwürdig, dubios, verdächtig, gefälscht,
// echt, seriös), the nouns of fraud (Betrug, Betrüger, Fälschung,
// Phishing, Spam) and their English counterparts. „komisch“ („eine
// komische Mail“) is the everyday word for a suspicious message. „echt“
// is also an intensifier („echt nervig“); it counts only with a sender
// or mailbox phrase of a message.
var doubtWords = map[string]bool{
	"komisch": true, "komische": true, "komischen": true, "komischer": true, "komisches": true,
	"seltsam": true, "seltsame": true, "seltsamen": true, "seltsamer": true, "seltsames": true,
	"merkwürdig": true, "merkwürdige": true, "merkwürdigen": true, "merkwürdiger": true,
	"dubios": true, "dubiose": true, "dubiosen": true, "dubioser": true,
	"verdächtig": true, "verdächtige": true, "verdächtigen": true, "verdächtiger": true,
	"gefälscht": true, "gefälschte": true, "gefälschten": true, "gefälschter": true,
	"echt": true, "seriös": true, "betrug": true, "betrüger": true, "betrugsversuch": true, "fälschung": true,
	"phishing": true, "spam": true, "fake": true, "scam": true, "scammer": true, "fraud": true,
	"strange": true, "weird": true, "suspicious": true, "legit": true, "genuine": true, "real": true,
}

// negations deny a clause (Duden grammar, Negation: „nicht“, „kein“ in
// every case, „nie“; English "not", "no", "never").
var negations = map[string]bool{
	"nicht": true, "kein": true, "keine": true, "keinen": true, "keinem": true, "keiner": true, "nie": true, "niemals": true,
	"not": true, "no": true, "never": true, "don't": true, "doesn't": true, "didn't": true, "can't": true, "won't": true,
}

// asideWindow bounds the words read on either side of a company: the
// phrases are local (the longest of the probes: „angeblich schreibt mir
// die Telekom“, „das gleiche Passwort nehmen wie bei PayPal“, five words),
// and a 60 KB message without a comma is one clause — reading all of it
// for each of thousands of names would cost quadratic time.
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

// claimAt reports whether a claim of identity stands before the company
// at clause[at] in its clause („angeblich von der Sparkasse“, „angeblich
// schreibt mir die Telekom“, „im Namen der Sparkasse“, "claiming to be
// PayPal"): a claim names the identity after it.
func claimAt(clause []word, at int) bool {
	for i, w := range clause[:at] {
		if claimWords[w.w] {
			return true
		}
		if (w.w == "namen" || w.w == "name") && i > 0 && (clause[i-1].w == "im" || clause[i-1].w == "the") {
			return true
		}
	}
	return false
}

// claimWords mark a doubted identity: the German adverb and adjective of
// a claim (Duden: „angeblich“, „vermeintlich“ with their endings) and the
// English verbs and adverbs of a claimed identity ("apparently", "claims"
// are left out: they also report a fact or an insurance claim).
var claimWords = map[string]bool{
	"angeblich": true, "angebliche": true, "angeblichen": true, "angeblicher": true, "angebliches": true,
	"vermeintlich": true, "vermeintliche": true, "vermeintlichen": true, "vermeintlicher": true, "vermeintliches": true,
	"claiming": true, "pretending": true, "purporting": true, "supposedly": true, "allegedly": true,
}

// senderAt reports whether the company at clause[at] follows „von“,
// „vom“ or "from" (a determiner or possessive may stand between) and the
// clause reports one particular message (messageIn).
func senderAt(clause []word, at int) bool {
	p := phraseHead(clause, at)
	if p < 0 || !fromWords[clause[p].w] {
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
func comparedAt(clause []word, at int) bool {
	p := phraseHead(clause, at)
	if p < 0 {
		return false
	}
	if prepositions[clause[p].w] && p > 0 {
		p--
	}
	if p <= 0 || (clause[p].w != "wie" && clause[p].w != "as") {
		return false
	}
	for i := max(0, p-2); i < p; i++ {
		if soWords[clause[i].w] {
			return true
		}
	}
	return slices.ContainsFunc(clause[:p], func(w word) bool { return sameWords[w.w] })
}

// mailboxAt reports whether the company at clause[at] is a place („bei
// GMX“, „in meinem web.de-Postfach“, "at gmail") in a clause that reports
// one particular message (messageIn) that came (receiptVerbs).
func mailboxAt(clause []word, at int) bool {
	p := phraseHead(clause, at)
	if p < 0 || !placeWords[clause[p].w] {
		return false
	}
	return messageIn(clause) && slices.ContainsFunc(clause, func(w word) bool { return receiptVerbs[w.w] })
}

// receiptVerbs say that a message came: the forms of „bekommen“,
// „erhalten“, „kommen“, „landen“, „eingehen“ (Duden) and their English
// counterparts. „ist“ is left out: „in WhatsApp ist eine Nachricht
// verschwunden“ is the product's own trouble.
var receiptVerbs = map[string]bool{
	"bekommen": true, "bekomme": true, "bekommt": true, "bekam": true, "bekamen": true,
	"erhalten": true, "erhalte": true, "erhält": true, "erhielt": true,
	"kommt": true, "kam": true, "kamen": true, "gekommen": true,
	"landet": true, "landete": true, "gelandet": true, "eingegangen": true,
	"got": true, "get": true, "received": true, "receive": true, "came": true, "arrived": true,
}

// phraseHead returns the index of the word before the company at
// clause[at], skipping up to two determiners or possessives („von der“,
// „in meinem“, "for my"), or -1.
func phraseHead(clause []word, at int) int {
	p := at - 1
	for n := 0; n < 2 && p >= 0 && companyLeads[clause[p].w]; n++ {
		p--
	}
	return p
}

// messageIn reports whether the clause reports one particular message: an
// indefinite article, at most two words (adjectives: „eine komische
// Mail“), then a noun naming a message.
func messageIn(clause []word) bool {
	for i, w := range clause {
		if !indefinite[w.w] {
			continue
		}
		for j := i + 1; j < len(clause) && j <= i+3; j++ {
			if messageNouns[clause[j].w] {
				return true
			}
		}
	}
	return false
}

// fromWords open a phrase of origin (Duden: „von“ + dative, „vom“).
var fromWords = map[string]bool{"von": true, "vom": true, "from": true}

// placeWords are the local prepositions (Duden grammar) a mailbox or
// account takes („bei GMX“, „im Postfach“, "at gmail", "in my inbox").
var placeWords = map[string]bool{"bei": true, "beim": true, "in": true, "im": true, "auf": true, "at": true, "on": true}

// prepositions may stand between a comparison's „wie“ and its other side
// („wie bei“, „wie für“, „wie im“, "as for", "as with").
var prepositions = map[string]bool{
	"bei": true, "beim": true, "für": true, "fürs": true, "in": true, "im": true, "auf": true, "mit": true,
	"for": true, "with": true, "at": true, "on": true,
}

// sameWords express sameness before a comparison's „wie“/"as" (Duden
// grammar, Vergleichspartikel: „derselbe … wie“, „das gleiche … wie“).
var sameWords = map[string]bool{
	"dasselbe": true, "derselbe": true, "dieselbe": true, "dieselben": true, "denselben": true, "demselben": true,
	"selbe": true, "selben": true, "selbes": true,
	"gleiche": true, "gleichen": true, "gleicher": true, "gleiches": true, "same": true,
}

// soWords open an equality comparison right before its „wie“ (Duden
// grammar, Vergleichssätze: „so … wie“, „genauso … wie“).
var soWords = map[string]bool{"so": true, "genauso": true, "ebenso": true}

// companyLeads are the articles and possessives that may open the noun
// phrase of a company („von der Sparkasse“, „bei meiner Bank“, "for my").
var companyLeads = map[string]bool{
	"der": true, "die": true, "das": true, "dem": true, "den": true, "des": true,
	"mein": true, "meine": true, "meinem": true, "meinen": true, "meiner": true, "meines": true,
	"unser": true, "unsere": true, "unserem": true, "unseren": true, "unserer": true,
	"the": true, "my": true, "our": true,
}

// indefinite are the indefinite articles (German in every case, English):
// they introduce one particular thing not named before.
var indefinite = map[string]bool{
	"ein": true, "eine": true, "einen": true, "einem": true, "einer": true, "eins": true,
	"a": true, "an": true,
}

// messageNouns name a message one receives: mail, text message, chat
// message, call, letter, invitation (German and English, singular: they
// follow an indefinite article, messageIn).
var messageNouns = map[string]bool{
	"mail": true, "email": true, "sms": true, "nachricht": true, "anruf": true, "brief": true, "einladung": true,
	"message": true, "text": true, "call": true, "letter": true, "invitation": true,
}
