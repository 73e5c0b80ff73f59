package answer

// A claim of a message the member reports (twenty-fifth pass, branch
// eng25c).
//
// „hab ne Mail gekriegt, dass mein Passwort abgelaufen sei und ich es
// über den Link erneuern soll“: the member reports what someone wrote to
// them. The reported clause is indirect speech (Duden, Die Grammatik,
// "indirekte Rede": a „dass“-clause after a verb of receiving a message,
// or a clause in Konjunktiv I); its words are the sender's claim. A guide
// about that claim may be first and firm — the password reset guide
// meets „Passwort“ and „Link“ in what it is about —, but an answer that
// rests on a stranger's claim is the answer a phishing mail wants: the
// member is told to do what the mail says. So such a message gets no
// answer, only a choice (which always shows the way to a person); the
// ranking reads the claim's words as met in passing
// (guides/search/reported.go), and a message that asks whether the mail
// is genuine gets the doubt guide first (doubted.go).
//
// The frame is read as in guides/search/reported.go: a message noun
// (messageNoun, messageHead) and a verb of receiving (receiveForms) at
// most asideWindow words apart in one clause, and the clause right after
// the later of them opens with „dass“/"that" or holds a Konjunktiv I
// form (claimSubjunctive). „ich habe die Mail bekommen, dass mein Konto
// freigeschaltet ist, wie melde ich mich an“ is a choice too: the choice
// leads with the guide the answer would have shown. A message that asks
// whether the mail is genuine (asksGenuine) is left to doubtedMessage,
// which keeps an answer with the guide about doubted messages.

// receiveForms are the forms of the verbs of receiving a message
// (bekommen, kriegen, erhalten; get, receive).
var receiveForms = set(
	"bekommen", "bekomme", "bekommst", "bekommt", "bekam", "bekamen",
	"gekriegt", "kriege", "krieg", "kriegst", "kriegt",
	"erhalten", "erhalte", "erhaeltst", "erhaelt", "erhielt",
	"got", "get", "gets", "getting", "received", "receive")

// claimConjunctions open a reported clause (folded: „daß“ is "dass").
var claimConjunctions = set("dass", "that")

// claimSubjunctive are forms of Konjunktiv I that differ from the
// indicative and mark a clause without a conjunction as reported („mein
// Speicher sei voll“), folded („müsse“ is "muesse").
var claimSubjunctive = set("sei", "seien", "muesse", "solle", "koenne", "duerfe")

// reportsClaim reports whether the message qv reports the claim of a
// message it received (see the file comment). One pass over the words,
// and at most one more (claimTails) when a frame is found.
func reportsClaim(qv *qwords) bool {
	words, brk := qv.words(), qv.breaks()
	var tails []bool
	noun, verb := -1, -1
	for j, w := range words {
		if brk[j] {
			noun, verb = -1, -1
		}
		switch {
		case messageNoun(w) || messageHead(w):
			noun = j
		case receiveForms[w]:
			verb = j
		default:
			continue
		}
		if noun < 0 || verb < 0 || max(noun, verb)-min(noun, verb) > asideWindow || j+1 == len(words) {
			continue
		}
		if claimConjunctions[words[j+1]] {
			return true
		}
		if tails == nil {
			tails = claimTails(words, brk)
		}
		if tails[j+1] {
			return true
		}
		noun, verb = -1, -1
	}
	return false
}

// claimTails returns for each word whether it or a later word of its
// clause is a claimSubjunctive form: the clause that begins or goes on at
// word i is reported when tails[i] holds.
func claimTails(words []string, brk []bool) []bool {
	tails := make([]bool, len(words))
	for k := len(words) - 1; k >= 0; k-- {
		tails[k] = claimSubjunctive[words[k]] || k+1 < len(words) && !brk[k+1] && tails[k+1]
	}
	return tails
}
