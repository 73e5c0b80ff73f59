package search

import "strings"

// The content of a message the member reports (twenty-fifth pass, branch
// eng25c).
//
// „ich hab ne Mail bekommen, dass mein Cloud-Konto gesperrt wird, ist das
// echt?“, „hab ne Mail bekommen, mein Speicher sei voll und ich soll über
// einen Link bestätigen“: the member reports what someone else wrote.
// The reported clause is indirect speech (Duden, Die Grammatik,
// "indirekte Rede": a „dass“-clause after a verb of receiving a message,
// or a clause in Konjunktiv I — „sei“, „müsse“, „solle“); its words are
// the sender's claim, not the member's trouble. They are often the
// strongest words of the message all the same: „gesperrt“, „Konto“,
// „voll“ are what the password and storage guides name in their titles
// and tags, so under the field weights of BM25F the guide about the
// claim wins over the guide about the report (a doubted message, the
// member's own question), which meets the frame's words („komische
// Mail“, „bekommen“, „Link“) in its body.
//
// So the ranking reads the reported clause's words as met in passing:
// their rank contribution is multiplied by Options.TopicRank, as the
// setting of a task is (setting.go). Each guide's Hit.Score, Hit.Strong
// and the other figures the decision reads are as before; only the order
// of the hits changes. Where the claim is the member's trouble too („ich
// bekomme eine Mail, dass mein Speicher voll ist, was kann ich löschen“)
// the guide about it still meets the claim's words, only at three
// quarters of their weight, and the member's own clause decides.
//
// The frame is read from the message's grammar: a message noun
// (messageNouns, or a compound ending in one: „Phishingmail“) and a verb
// of receiving (receiveVerbs) in one clause, at most reportWindow words
// apart. The reported clause is the one that begins right after the
// frame: with „dass“/"that" (after a comma or not), or, with no
// conjunction, when it holds a Konjunktiv I form (reportSubjunctive).
// It ends at its clause's end. A message noun with no verb of receiving
// („die Mail, dass …“), a notice of an app („Meldung“) and a direct quote
// (quote.go) are not read here.

// messageNouns are the nouns of a message someone sends the member,
// singular and plural; messageHeads those that also end a compound
// („Phishingmail“, „Chatnachricht“; messageNoun).
var messageNouns = map[string]bool{
	"mail": true, "mails": true, "email": true, "emails": true, "nachricht": true, "nachrichten": true,
	"sms": true, "brief": true, "message": true, "messages": true, "text": true,
}

var messageHeads = []string{"mail", "mails", "nachricht", "nachrichten"}

// receiveVerbs are the forms of the verbs of receiving a message
// (bekommen, kriegen, erhalten; get, receive).
var receiveVerbs = map[string]bool{
	"bekommen": true, "bekomme": true, "bekommst": true, "bekommt": true, "bekam": true, "bekamen": true,
	"gekriegt": true, "kriege": true, "krieg": true, "kriegst": true, "kriegt": true,
	"erhalten": true, "erhalte": true, "erhältst": true, "erhält": true, "erhaeltst": true, "erhaelt": true, "erhielt": true,
	"got": true, "get": true, "gets": true, "getting": true, "received": true, "receive": true,
}

// reportConjunctions open a reported clause (the tokenizer writes „daß“
// as "dass").
var reportConjunctions = map[string]bool{"dass": true, "that": true}

// reportSubjunctive are forms of Konjunktiv I that mark a clause without a
// conjunction as reported („mein Speicher sei voll“), also as typed
// without umlauts. Forms equal to an indicative („habe“, „werde“ in the
// first person) are left out.
var reportSubjunctive = map[string]bool{
	"sei": true, "seien": true, "müsse": true, "muesse": true, "solle": true,
	"könne": true, "koenne": true, "dürfe": true, "duerfe": true,
}

// reportWindow is how many words apart the message noun and the verb of
// receiving may stand in their clause.
const reportWindow = 6

// messageNoun reports whether w is a message noun or a compound ending
// in one of messageHeads.
func messageNoun(w string) bool {
	if messageNouns[w] {
		return true
	}
	for _, h := range messageHeads {
		if len(w) > len(h)+2 && strings.HasSuffix(w, h) {
			return true
		}
	}
	return false
}

// reportedSpan returns, for toks, a mark per token that stands in a
// reported clause (see the file comment).
func reportedSpan(toks []rawToken) []bool {
	var marks []bool
	noun, verb := -1, -1
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.joined {
			continue
		}
		switch {
		case messageNoun(t.word):
			noun = i
		case receiveVerbs[t.word]:
			verb = i
		}
		if noun >= 0 && verb >= 0 && max(noun, verb)-min(noun, verb) <= reportWindow {
			if end, ok := reportedClause(toks, i+1); ok {
				if marks == nil {
					marks = make([]bool, len(toks))
				}
				for k := i + 1; k <= end; k++ {
					marks[k] = true
				}
				i = end
			}
			noun, verb = -1, -1
			continue
		}
		if t.end {
			noun, verb = -1, -1
		}
	}
	return marks
}

// reportedClause reports whether the clause that begins at toks[i] is
// reported, and the index of its last token.
func reportedClause(toks []rawToken, i int) (int, bool) {
	if i >= len(toks) {
		return 0, false
	}
	end := i
	for end < len(toks)-1 && !toks[end].end {
		end++
	}
	if reportConjunctions[toks[i].word] {
		return end, true
	}
	for k := i; k <= end; k++ {
		if reportSubjunctive[toks[k].word] {
			return end, true
		}
	}
	return 0, false
}

// markReported sets concept.reported on the concepts made from a token
// of a reported clause; before and n as in markSettings.
func markReported(cs []concept, toks []rawToken, before []int, n int) {
	marks := reportedSpan(toks)
	if marks == nil {
		return
	}
	markTokens(cs, toks, before, n, func(i int) bool { return marks[i] }, func(c *concept) { c.reported = true })
}
