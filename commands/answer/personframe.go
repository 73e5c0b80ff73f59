package answer

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Requests for a person in a wider frame: the request is whole in one
// clause, and the message around it says more (a second clause of
// frustration, a topic, a complaint about the bot). The grammar of
// human.go reads the request's clause; these helpers let it read the
// clause, not the whole message, and read the colloquial forms of German
// that written grammar leaves out:
//
//   - a bare noun phrase asked for ("bitte ein Mensch, ich versteh das
//     alles nicht", "ein Mensch wäre mir lieber"): the request is its
//     own clause, whatever follows (bareNounClause);
//   - the uninflected "jemand" as the object ("ich möchte jemand vom Team
//     sprechen"; Duden, "jemand": in the dative and accusative the
//     uninflected form is common in speech) and the accusative object of
//     "sprechen" with a "vom Team" after it (Duden, "sprechen", 3.:
//     "jemanden sprechen" — have a word with someone; speechObject);
//   - the modal of "kann … mit mir sprechen" before a subject with its
//     phrase ("kann bitte jemand aus dem Digitalteam mit mir sprechen";
//     subjectReach);
//   - a relative clause typed without its comma ("gibts ne Person die
//     mir hilft"): the relative pronoun is told from the article by what
//     follows it — an article stands before a noun, never before a
//     personal pronoun (Duden grammar, der/die/das as article and as
//     pronoun; relPronoun);
//   - "wer kann sich bei mir melden": the interrogative with a modal
//     asking for an act at the member (a call-back) is a request, as the
//     rhetorical "who will …" of a help desk chat is (whoRequest);
//   - a second clause that only says the member does not understand or
//     cope ("kann mir jemand helfen? mit dir komm ich nicht klar") names
//     no topic beside the request (complaintRest).

// askingBitte are the words of a polite request before or after a bare
// noun phrase ("bitte einen Menschen", "a human please").
var askingBitte = set("bitte", "please")

// bareWords may stand in a bare noun phrase asked for: the articles (the
// determiners that also lead a noun in nounLeadWords, so no negation, no
// "neue" or "jede"; and "an", the colloquial "ne", "nen", "n"; Duden) and
// the particles of a request (requestParticles).
var bareWords = union(common(determiners, nounLeadWords), set("an", "ne", "nen", "n"), requestParticles)

// requestParticles are the particles and adverbs of a request (Duden,
// Modalpartikeln: mal, doch, jetzt, endlich, …; "just", "now").
var requestParticles = set("mal", "doch", "jetzt", "sofort", "endlich", "nun", "schnell", "kurz", "lieber", "gern",
	"gerne", "einfach", "nur", "now", "just", "some")

// maxBare is the most words a bare noun phrase asked for has on either
// side of its noun ("bitte mal einen echten Menschen oder jemanden vom
// Team"): the walks stop there, so the calls for all words of a message
// stay linear.
const maxBare = 8

// bareNounClause reports whether the clause of the person ws[i] is a bare
// noun phrase asked for with "bitte"/"please" ("bitte ein Mensch, ich
// versteh das alles nicht", "bitte einen echten Menschen. Der Bot …"):
// nothing in it but "bitte", articles and particles (bareWords), words
// that make a person real, the noun, and other persons joined by "oder"
// or named by where they come from ("einen Menschen oder jemanden vom
// Team"). The subjunctive of a wish with a word of liking stands for
// "bitte" ("ein Mensch wäre mir lieber", "ein echter Mensch wäre schön";
// niceWords, as the polite frame of a call-back reads them). A subject
// makes "bitte" the verb "bitten" ("ich bitte den Admin, …"), so none may
// stand in it; a class of people is the address of a vocative ("bitte
// Leute, …"; groupWords), not a person asked for; a compound that only
// begins with a staff head is a thing (staffHead, read by isStaff). The caller leaves
// out a message with an embedded or a question of its own ("bitte ein
// Mensch, wie teile ich …"): its question is searched.
//
// The walks from i stop at the first word that is not bare and after
// maxBare words, so the calls for all words of a message stay linear (a
// hostile message of nouns and "bitte").
func bareNounClause(ws []string, brk []bool, i int) bool {
	if groupWords[ws[i]] {
		return false
	}
	asked, wish, nice := false, false, false
	bare := func(k int) bool {
		switch x := ws[k]; {
		case askingBitte[x]:
			asked = true
		case x == "waere" || x == "waer" || x == "would":
			wish = true
		case niceWords[x] || x == "lieber":
			nice = true
		case bareWords[x] || realWords[x] || x == "mir" || x == "be" || x == "oder" || x == "or" || originWords[x]:
		case isPerson(x) && !groupWords[x] && !whoWords[x]:
			// "einen Menschen oder jemanden vom Team"
		default:
			return false
		}
		return true
	}
	// The clause's words before and after the noun; a clause longer
	// than a noun phrase asked for is none.
	open := func(k int) bool { return k >= len(brk) || !brk[k] }
	for k := i; k > 0 && open(k); k-- {
		if i-k >= maxBare || !bare(k-1) {
			return false
		}
	}
	for k := i + 1; k < len(ws) && open(k); k++ {
		if newClause(ws, k) {
			break // "bitte ein Mensch ich versteh das nicht"
		}
		if k-i > maxBare || !bare(k) {
			return false
		}
	}
	return asked || wish && nice
}

// clauseSubjects are the personal pronouns that open a main clause as its
// subject (Duden grammar: Personalpronomen im Nominativ; the first and
// second person's forms that are nothing but nominative, of the full list
// subjectPronouns): in a bare noun
// phrase none can stand, so one with a word after it starts the next
// clause, typed without its comma or with a dash ("bitte einen Menschen
// ich komm hier nicht weiter", "bitte ein Mensch - ich versteh …").
var clauseSubjects = union(memberSubjects, set("du", "i", "we"))

// newClause reports whether a subject pronoun at k, with a word after it,
// opens a clause of its own after a bare noun phrase.
func newClause(ws []string, k int) bool {
	return clauseSubjects[ws[k]] && k+1 < len(ws)
}

// headEndings are the endings of a staff head as a noun of its own
// (Mitarbeiter, Mitarbeiterin, Mitarbeiterinnen, Mitarbeitende,
// Mitarbeitender, Mitarbeitendem, Helfers; the endings of a nominalised
// adjective as roleEndings has them).
var headEndings = union(set("", "in", "innen", "n", "s", "es", "inen"), roleEndings)

// staffHead reports whether w is a staff head (staffHeads) with the ending
// of a noun of its own: a compound that only begins with one
// ("Mitarbeiterkonto", "Helferzugang") has its head in the last part
// (Duden grammar, Determinativkompositum) and names a thing, not a
// person.
func staffHead(w string) bool {
	for _, h := range staffHeads {
		if strings.HasPrefix(w, h) && headEndings[w[len(h):]] {
			return true
		}
	}
	return false
}

// objectSpeech are the forms of "sprechen" that take a person as their
// accusative object ("jemanden sprechen", Duden "sprechen" 3.).
var objectSpeech = set("sprechen", "spreche")

// originWords join a person to where they come from ("jemand vom Team",
// "eine Person aus dem Digitalteam", "someone from support").
// They are fromWords and „aus“.
var originWords = union(fromWords, set("aus"))

// memberSubjects are the member as the subject of its clause.
var memberSubjects = set("ich", "wir")

// speechModals make "jemanden sprechen" a request: the modals of
// modalWords and their plural and "müssen" ("wir möchten jemanden vom
// Team sprechen", "ich muss jemanden sprechen"; Duden grammar,
// Modalverben).
var speechModals = union(modalWords, set("moechten", "wollen", "wuerden", "muss", "muessen"))

// speechObject reports whether the person ws[k] is the accusative object
// of the speaking verb ws[i] ("ich möchte lieber jemand vom Team
// sprechen", "kann ich eine Person vom Support sprechen"): k stands
// before i in its clause, not after a preposition; the member ("ich",
// "wir") is the subject, before k in the clause, with a modal (a
// request); between k and i only filler and a "vom Team" naming the
// staff. The uninflected "jemand" is the object only so (Duden,
// "jemand"); a verb of perception after the verb makes the person its
// subject ("jemand sprechen hören").
func speechObject(ws []string, brk []bool, i, k int) bool {
	if !objectSpeech[ws[i]] || k >= i || !sameClause(brk, k, i) ||
		i+1 < len(ws) && (perceiveVerbs[ws[i+1]] || strings.HasPrefix(ws[i+1], "lass")) {
		return false
	}
	for j := k + 1; j < i; j++ {
		x := ws[j]
		if originWords[x] && j+1 < i && within(ws, j+1, i, isStaff) {
			continue
		}
		if !fillerWords[x] && !isStaff(x) && !realWords[x] || notWords[x] { // "jemand Echtes"
			return false
		}
	}
	// From the subject to the person only modals, articles and
	// particles: a preposition makes the person its own object ("für
	// das Team sprechen", "als Admin sprechen").
	subject, modal := false, false
	for j := k - 1; j >= max(k-5, 0) && sameClause(brk, j, k) && !subject; j-- {
		switch x := ws[j]; {
		case memberSubjects[x]:
			subject = true
		case speechModals[x]:
			modal = true
		case !bareWords[x]:
			return false
		}
	}
	// The subject after the modal: "kann ich jemand vom Support sprechen".
	if subject && !modal {
		for j := k - 1; j >= max(k-6, 0) && sameClause(brk, j, k) && !modal; j-- {
			modal = speechModals[ws[j]]
		}
	}
	return subject && modal
}

// relPronoun reports whether ws[j], after a person, is a relative pronoun
// although no comma stands before it ("gibts ne Person die mir hilft"):
// "der", "die", "den" followed by the member as a personal pronoun —
// an article stands before a noun, never before "mir" or "mich".
func relPronoun(ws []string, j int) bool {
	if j+1 >= len(ws) {
		return false
	}
	switch ws[j] {
	case "der", "die", "den":
		switch ws[j+1] {
		case "mir", "mich", "uns":
			return true
		}
	}
	return false
}

// whoRequest reports whether an interrogative "wer" with a modal opens
// the clause of the verb ws[i] ("wer kann sich mal bei mir melden", "wer
// könnte sich bei mir melden"): for an act done to the member it asks who
// will do it, a request, not who may. In a place that is a tool ("wer
// kann sich in Element bei mir melden"; toolPlace) it asks what the tool
// allows.
func whoRequest(ws []string, brk []bool, i int) bool {
	if placeAround(ws, i) || memberCondition(ws, brk, i, true) {
		return false
	}
	for k := max(i-7, 0); k+1 < i; k++ {
		if ws[k] == "wer" && modalWords[ws[k+1]] && ws[k+1] != "bitte" && sameClause(brk, k, i) {
			return true
		}
	}
	return false
}

// placeReach is how many words on either side of a verb placeAround
// reads: a message's sentence around it, bounded so that the calls for
// all words of a message stay linear.
const placeReach = 16

// placeAround reports whether a place that is a tool (toolPlace: "in der
// Konferenz", "per Talk") stands within placeReach words of ws[i], in any
// clause: "wer kann sich bei mir melden, wenn ich die Hand hebe in der
// Konferenz" asks what the tool does (in BigBlueButton "sich melden" is
// raising one's hand), wherever the place is named.
func placeAround(ws []string, i int) bool {
	for j := max(i-placeReach, 0); j < min(i+placeReach, len(ws)); j++ {
		if toolPhrase(ws, j, -1) {
			return true
		}
	}
	return false
}

// conditionSubjects are the subjects of a conditional clause that make it
// the member's situation: the member, or "man" (Duden grammar: the
// indefinite pronoun as a general subject).
var conditionSubjects = union(memberSubjects, set("man"))

// memberCondition reports whether a conditional or temporal clause
// (condWords: wenn, falls, sobald …) follows the verb ws[i] with the
// member as its subject ("… bei mir melden wenn ich die Hand hebe", "…
// wenn ich präsentiere"): it tells the situation of the member in a
// tool, in which "sich melden" is raising one's hand or a notice, not a
// call-back asked for. A condition of the helpers' or of the matter's
// ("wenn ihr Zeit habt", "wenn es geht", "falls das Passwort nicht
// geht") leaves the request. The condition is read in the verb's clause,
// or with next also in the clause after it: the grammar's breaks do not
// tell a comma from a full stop, so a request of main's grammar with a
// sentence after it ("kann sich jemand vom Team bei mir melden? wenn ich
// anrufe, geht keiner ran") keeps its own clause; the "wer" of
// whoRequest, new here, reads the next clause too.
func memberCondition(ws []string, brk []bool, i int, next bool) bool {
	for k := i + 1; k < len(ws) && k <= i+placeReach; k++ {
		if k < len(brk) && brk[k] && (!next || !condWords[ws[k]]) {
			return false // past the verb's clause, or the next one not a condition
		}
		if condWords[ws[k]] {
			return memberSubject(ws, brk, k)
		}
	}
	return false
}

// memberSubject reports whether the clause opened by the subjunction ws[k]
// has the member (or "man") as its subject, within three words.
func memberSubject(ws []string, brk []bool, k int) bool {
	for j := k + 1; j < len(ws) && j <= k+3 && sameClause(brk, k, j); j++ {
		if conditionSubjects[ws[j]] {
			return true
		}
	}
	return false
}

// A clause that tells only that the member does not understand or cannot
// cope ("ich versteh das alles nicht", "mit dir komm ich nicht klar",
// "ich blick da nicht durch", "das ist mir zu kompliziert") names no
// topic beside a request for a person: it says why a person is wanted.
// Its verbs are the ones the package reads already: not understanding
// and written help failing (critUnderstand, failVerbs: "versteh",
// "kapier", "weiter" of "weiterkommen"), and the verbs of coping with
// their separable particle (copeVerbs: "klarkommen", "zurechtkommen",
// "hinkriegen"; Duden, the particle stands after the verb in a main
// clause), "durchblicken" besides; or "zu kompliziert", "zu schwierig",
// "zu viel" (Duden). A verb of coping without its particle ("ich komme
// heute nicht") tells no trouble.
var (
	// tooWords are what is too much for the member after "zu", "too".
	tooWords = set("kompliziert", "schwierig", "schwer", "viel", "umstaendlich", "complicated", "difficult", "confusing",
		"much")
	// complaintFill may stand in such a clause besides filler: pronouns and
	// intensifiers (Duden: "gar nicht", "überhaupt nicht", "alles").
	complaintFill = set("gar", "ueberhaupt", "total", "echt", "alles", "davon", "damit", "dir", "dich", "du", "so",
		"absolut", "leider", "irgendwie", "wirklich", "hier", "too")
	// troubleParts are the separable verbs of trouble besides copeVerbs,
	// with their particles: "durchblicken" (Duden: ugs. verstehen) and
	// "weiterkommen" (failVerbs reads its "weiter").
	troubleParts = map[string][]string{"blick": {"durch"}, "blicke": {"durch"}, "blicken": {"durch"},
		"komme": {"weiter"}, "komm": {"weiter"}, "kommen": {"weiter"}}
)

// copeParts returns the particles that make the verb w one of coping or
// trouble ("komm" … "klar", "komm" … "weiter"; copeVerbs, troubleParts)
// and whether w is one.
func copeParts(w string) ([]string, bool) {
	parts, ok := copeVerbs[w]
	more, ok2 := troubleParts[w]
	if !ok2 {
		return parts, ok
	}
	return append(slices.Clone(parts), more...), true
}

// complaintClause reports whether the clause ws says only that the member
// does not understand or cope: a negated verb of understanding or of
// coping with its particle, or "zu" with a word of too much, and nothing
// else but filler.
func complaintClause(ws []string) bool {
	neg, cope, too := false, false, false
	particle := map[int]bool{} // the particles of the verbs of coping read
	for i, x := range ws {
		parts, verb := copeParts(x)
		switch {
		case particle[i]:
		case x == "nix" || x == "garnicht" || notWords[x] || failNot[x]:
			neg = true
		case critUnderstand[x] || failVerbs[x]:
			cope = true
		case verb:
			// The verb counts with its particle only ("ich komme
			// heute nicht" tells no trouble; "work" without "out" is
			// no coping).
			if !hasParticle(ws, i, parts, particle) {
				return false
			}
			cope = true
		case tooWords[x] && i > 0 && (ws[i-1] == "zu" || ws[i-1] == "too"):
			too = true
		case complaintFill[x] || fillerWords[x] || botWords[x]: // "der Bot versteht mich nicht"
		default:
			return false
		}
	}
	return cope && neg || too
}

// hasParticle reports whether one of the particles parts of the verb ws[i]
// follows it in the clause, within maxBare words (none needed when parts
// is empty), and marks it read. The bound keeps a clause of many verbs
// linear.
func hasParticle(ws []string, i int, parts []string, read map[int]bool) bool {
	if len(parts) == 0 {
		return true
	}
	for k := i + 1; k < min(i+1+maxBare, len(ws)); k++ {
		if slices.Contains(parts, ws[k]) {
			read[k] = true
			return true
		}
	}
	return false
}

// complaintRest reports whether every clause of a message that names
// anything besides a request for a person (personRest) is a complaint of
// not understanding or coping (complaintClause): "kann mir jemand
// helfen? mit dir komm ich nicht klar" asks for a person and says why;
// "kann mir jemand beim Passwort helfen, ich versteh das nicht" names a
// topic and is searched.
func complaintRest(ws []string, brk []bool) bool {
	complaint := false
	for from, to := range clauseSpans(len(ws), brk) {
		s := ws[from:to]
		if content, _, _ := personRest(s); content {
			if !complaintClause(s) {
				return false
			}
			complaint = true
		}
	}
	return complaint
}

// subjectReach returns how far before the verb i (a negative offset) the
// modal of "kann jemand mit mir sprechen" is looked for: five words, or
// up to three before the person k when k stands further back with only
// a phrase naming the staff and filler after it — a German question puts
// the modal first and the subject after it, with its phrase ("kann bitte
// jemand aus dem Digitalteam mit mir sprechen"; Duden grammar,
// Verberststellung). A class of people or a phrase of a place ("können
// die Leute aus meinem Raum mit mir sprechen", "kann jemand aus der
// Konferenz mit mir sprechen") asks what the tool does.
func subjectReach(ws []string, i, k int) int {
	if k < 0 || k-3-i >= -5 || groupWords[ws[k]] {
		return -5
	}
	for j := k + 1; j < i; j++ {
		if !fillerWords[ws[j]] && !bareWords[ws[j]] && !isStaff(ws[j]) {
			return -5
		}
	}
	return k - 3 - i
}

// spacedDash reports whether a dash with blanks on both sides stands
// before position p of text ("bitte ein Mensch - das ist mir zu viel"):
// a clause break (Duden, Gedankenstrich), unlike the hyphen of a compound
// ("Support-Mail"), which has no blank beside it.
func spacedDash(text string, p int) bool {
	k := p
	for k > 0 && (text[k-1] == ' ' || text[k-1] == '\t') {
		k--
	}
	if k == p {
		return false
	}
	r, size := utf8.DecodeLastRuneInString(text[:k])
	if r != '-' && r != '–' && r != '—' {
		return false
	}
	k -= size
	return k > 0 && (text[k-1] == ' ' || text[k-1] == '\t')
}
