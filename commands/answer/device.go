package answer

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lotse-bot/lotse/guides/search"
)

// restsOnThing reports whether an answer led by res.Hits[0] would rest on
// the member's own device or another product that the message is about,
// rather than on what the message says about it. The guides name the
// member's phone, laptop or mail program as the setting of their task
// („Die Nextcloud-App auf dem Handy“, „Kalender in Outlook abonnieren“),
// so a message about the thing's own trouble meets them there: „mein Handy
// ist so langsam geworden“, „die Kamera von meinem Handy macht nur noch
// unscharfe Fotos“, „„Der Drucker ist offline“ windows 11“. It holds when
//
//   - a thing that is not the first guide's own topic is the subject of a
//     clause (thingSubject) — the message tells what the thing does or is;
//   - without its score owed to the thing words (search.Hit.Thing) the
//     first guide would explain less than minAnswer of the message — the
//     answer does not stand without the thing;
//   - and the message names none of the association's tools (namesTool:
//     „die Cloud-App auf meinem Handy synchronisiert nicht“ asks about the
//     tool), nor the first guide's topic besides the thing
//     (aboutBesidesThing: „mein Handy zeigt keine Benachrichtigungen vom
//     Chat“ asks about the notifications).
//
// Such a message may still be a guide question told with the device as
// its subject („mein Handy ist weg und ich brauche den Code“), so it
// becomes a choice, not the honest no: the guide stays first and in
// reach, and an answer the evidence does not carry without the device is
// not confident (issue 14: an answer only when the evidence is clear).
// qv are the words of the searched text.
func restsOnThing(res search.Result, qv *qwords) bool {
	if len(res.Hits) == 0 {
		return false
	}
	h := res.Hits[0]
	return h.Thing > 0 && h.Score*(1-h.Thing) < calib.minAnswer && !namesTool(qv.ws) && !aboutBesidesThing(res) && thingSubject(res, qv)
}

// aboutBesidesThing reports whether the first guide of res is firmly
// about something of the message besides the thing it names: of the
// message's weight that is not the thing (1 − search.Result.ThingWeight),
// the share it meets firmly in what it says it is about (title, tags,
// aliases, example questions, summary, taught questions: search.Hit.Strong
// without the thing words' part, search.Hit.StrongThing) reaches
// offTopicAnswerStrong: the bar at which an off-topic signal (a named
// device among them) no longer turns an answer into a choice, because the
// guide's own topic carries the question. The share is taken of the rest
// of the message, not of all of it: the device's own weight is evidence
// neither way, and a short message spends much of its weight on it („mein
// Handy zeigt keine Benachrichtigungen vom Chat an“ meets the
// notifications guide in half of the whole message but in two thirds of
// what is not the phone). The rest must itself be that share of the
// message, though: a message that spends much of its weight on the device
// is about the device, whichever word of the little rest a guide meets
// („Handy ruckelt total“ meets the screen sharing guide in „ruckelt“
// alone; „„Der Drucker ist offline“ windows 11“ the sync guide in
// „offline“). A member names a tool through its features as often as by
// its name („der Laptop synchronisiert die Dateien nicht“, "my iphone
// doesnt show the calendar"): the guide's own topic words are the
// evidence, whichever they are; „mein Handy ist so langsam“ meets the app
// guide in the phone alone.
func aboutBesidesThing(res search.Result) bool {
	rest := 1 - res.ThingWeight
	if len(res.Hits) == 0 || rest < calib.offTopicAnswerStrong {
		return false
	}
	h := res.Hits[0]
	return (h.Strong-h.StrongThing)/rest >= calib.offTopicAnswerStrong
}

// thingSubject reports whether a thing of the message (search.Result.Things)
// that is not the first guide's own topic (thingTopicOf) is the subject
// of a clause of q: the head of a nominative noun phrase (thingPhraseAt)
// — „mein Handy macht keine Fotos mehr“, „die Kamera von meinem Handy …“,
// „warum ist mein Handy so langsam“, "my phone is slow" — or a bare thing
// opening its clause and followed by no noun („Handy ruckelt total“, but
// not „Handy Benachrichtigungen gehen nicht“: bareThingAt). A member
// reporting trouble makes the thing the subject; a thing that is the
// setting or the object of a task stands in a prepositional phrase („auf
// meinem Handy“, „in Outlook“) or after the subject („wie sichere ich die
// Fotos von meinem Handy“, „ich habe mein Handy verloren“) or in a
// subordinate clause („wenn mein Handy gestohlen wurde“). A clause
// starts the message, follows a comma or a sentence's end, or follows a
// greeting („moin mein Handy …“: talk.go's greetWords). qv are the words
// of the searched text.
func thingSubject(res search.Result, qv *qwords) bool {
	ws := qv.ws
	if len(ws) == 0 || len(res.Hits) == 0 {
		return false
	}
	words, brk := qv.words(), qv.breaks()
	isThing := func(i int) bool {
		at := slices.IndexFunc(res.Things, func(t string) bool { return t == ws[i].w || t == words[i] })
		return at >= 0 && !thingTopicOf(res.Hits, at)
	}
	// clause: where the clause starts; taken: a subject pronoun or a
	// subordinating conjunction seen in it.
	clause, taken := 0, false
	// greets: every word since the last punctuation break is a word of
	// greeting, and one of them greets (not only addressWords: „kannst
	// du mein Handy …“ has no greeting).
	greets, greeted := true, false
	for i := range ws {
		switch {
		case i > 0 && brk[i]:
			clause, taken, greets, greeted = i, false, true, false
		case i > clause && greets && greeted:
			clause, taken = i, false
		}
		greets = greets && greetWords[ws[i].w]
		greeted = greeted || greetWords[ws[i].w] && !addressWords[ws[i].w]
		switch {
		case subjectPronouns[ws[i].w] || subordinators[words[i]]:
			taken = true
		case i == clause && bareThingAt(res, qv, i) && isThing(i):
			return true
		case !taken && (i == clause || !caseGoverning[words[i-1]]):
			if j := thingPhraseAt(qv, i); j > i && isThing(j) {
				return true
			}
		}
	}
	return false
}

// thingPhraseAt returns the index of the head of the nominative noun
// phrase that word i of qv opens with up to two nominative articles or
// possessives (nominativeLeads: „mein Handy“, „die Kamera“, "my phone"),
// or i when word i opens none.
func thingPhraseAt(qv *qwords, i int) int {
	words := qv.words()
	j := i
	for n := 0; n < 2 && j < len(words) && nominativeLeads[words[j]]; n++ {
		j++
	}
	if j == i || j == len(words) {
		return i
	}
	return j
}

// bareThingAt reports whether ws[i], without an article, may be the
// subject of its clause rather than the modifier of the noun after it: a
// verb, an adjective or the message's end follows („Handy ruckelt“,
// „Handy kaputt“, „Handy langsam“), not a noun („Handy Benachrichtigungen“,
// the two words of a compound written apart: nounAfter). After a clause
// break the same holds, unless a clause with its own subject or question
// follows (ownClauseAt): then the bare word is the topic's label, not a
// subject („Handy – wie installiere ich die App“, „handy: ich finde die
// Fotos nicht“), while „Handy – geht nicht mehr“ leaves the subject out.
func bareThingAt(res search.Result, qv *qwords, i int) bool {
	if i+1 == len(qv.ws) {
		return true
	}
	if qv.breaks()[i+1] && ownClauseAt(qv.words(), i+1) {
		return false
	}
	return !nounAfter(res, qv, i+1)
}

// ownClauseAt reports whether the clause that word k of the folded words
// opens has a subject or a question of its own: it opens with a question
// word (questionWords: „wie“, „wo“), a subject pronoun or a nominative
// article or possessive (nominativeLeads: „mein Akku …“), or a verb with a
// subject pronoun after it asks („kann ich …“, „geht es …“).
func ownClauseAt(folded []string, k int) bool {
	w := folded[k]
	if questionWords[w] || subjectPronouns[w] || nominativeLeads[w] {
		return true
	}
	return k+1 < len(folded) && subjectPronouns[folded[k+1]]
}

// nounAfter reports whether word k of qv reads as a noun: another thing word
// („Handy Akku“), a word written with a capital inside a sentence (German
// orthography: nouns are capitalised; „Handy Kalender“), or a word with a
// noun-forming suffix (Duden grammar, Wortbildung: -ung, -heit, -keit,
// -schaft, -ion, -tät, -nis; English -tion, -ment, -ness, -ity), in the
// singular or plural — „handy benachrichtigungen“, "phone notifications".
func nounAfter(res search.Result, qv *qwords, k int) bool {
	w := qv.words()[k]
	if slices.Contains(res.Things, w) || slices.Contains(res.Things, qv.ws[k].w) {
		return true
	}
	if at := qv.at(k); at >= 0 && at < len(qv.text) {
		if r, _ := utf8.DecodeRuneInString(qv.text[at:]); unicode.IsUpper(r) {
			return true
		}
	}
	return nounSuffixed(w)
}

// nounSuffixes are noun-forming suffixes with their plurals, folded (see
// nounAfter).
var nounSuffixes = []string{
	"ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften",
	"ion", "ionen", "taet", "taeten", "nis", "nisse",
	"tion", "tions", "ment", "ments", "ness", "ity"}

// nominativeLeads are the articles and possessives of companyLeads that
// may open a subject: the nominative forms (Duden grammar, Deklination
// des Artikels und des Possessivartikels; English has no case). The
// oblique forms („meinem Handy“, „den Laptop“, „des Handys“) open an
// object or an attribute.
var nominativeLeads = minus(companyLeads, "dem", "den", "des", "meinem", "meinen", "meiner", "meines",
	"unserem", "unseren", "unserer")

// subjectPronouns are the personal pronouns in the nominative (Duden
// grammar; English subject pronouns): a clause has one subject, so a
// noun phrase after one of them is an object („ich habe mein Handy
// verloren“, "how do i connect my phone"). They are clauseSubjects (the
// first and second person's forms that are nothing but nominative) and
// the third person's and the forms that are objects too („sie“, „es“,
// „ihr“, "it", "you").
var subjectPronouns = union(clauseSubjects, set("er", "sie", "es", "man", "ihr", "he", "she", "it", "they", "you"))

// subordinators open a subordinate clause (Duden grammar, the common
// subordinating conjunctions; condWords among them): a thing that is its
// subject is the condition or the content of the member's question, not
// the trouble they report („was mache ich, wenn mein Handy gestohlen
// wurde“, „wo stelle ich ein, dass mein Handy die Fotos hochlädt“).
// Folded.
var subordinators = union(condWords, set("dass", "ob", "weil", "obwohl", "nachdem", "bevor", "damit",
	"that", "whether", "because"))

// caseGoverning are the prepositions that govern a noun phrase right
// after them (Duden grammar, the common primary prepositions, with their
// contractions; English): a thing after one is the setting or the
// object, never the subject („auf dem Handy“, „für das Handy“, „mit der
// Kamera“, "on my phone"). Folded.
var caseGoverning = union(prepositions, fromWords, set(
	"an", "am", "ans", "aus", "ausser", "durch", "gegen", "hinter", "nach", "neben", "ohne", "seit",
	"ueber", "um", "unter", "vor", "waehrend", "wegen", "zu", "zum", "zur", "zwischen", "ins", "aufs", "trotz",
	"of", "to", "into", "about", "without", "by", "under", "after", "before"))

// thingTopicOf reports whether the i-th thing word of the message
// (search.Result.Things) is the first guide's own topic: the first guide
// meets it firmly in what it says it is about (search.Hit.ThingTopics) and
// no other hit does — thingIsTopic's reading, for one thing word (the
// camera guide for „meine Webcam bleibt schwarz“; not the app guide for
// „mein Handy …“, since the calendar's and the notifications' guides name
// the phone as their setting too).
func thingTopicOf(hs []search.Hit, i int) bool {
	return i < 64 && firstOwnsThings(hs, 1<<i)
}

// firstOwnsThings reports whether the first of hs meets a thing word of
// mask (bits as in search.Hit.ThingTopics) firmly in what it says it is
// about and no other hit meets any of them there: the one reading of
// thingIsTopic (all the first guide's things) and thingTopicOf (one).
func firstOwnsThings(hs []search.Hit, mask uint64) bool {
	if len(hs) == 0 || hs[0].ThingTopics&mask == 0 {
		return false
	}
	for _, h := range hs[1:] {
		if h.ThingTopics&mask != 0 {
			return false
		}
	}
	return true
}

// nounSuffixed reports whether w, longer than the suffix by more than a
// stem of two letters, ends in one of the noun suffixes (nounSuffixes:
// „-heit“, „-keit“, „-schaft“ among the ones that end in „-t“, which no
// participle does). nounAfter and the frame's past reading (askframe.go)
// ask it.
func nounSuffixed(w string) bool {
	return slices.ContainsFunc(nounSuffixes, func(suf string) bool { return len(w) > len(suf)+2 && strings.HasSuffix(w, suf) })
}
