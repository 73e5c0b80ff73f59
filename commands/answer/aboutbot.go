package answer

import (
	"slices"
	"strings"

	"github.com/lotse-bot/lotse/guides/search"
	"github.com/lotse-bot/lotse/internal/utf8cut"
)

// Questions about Lotse itself. In a direct chat with the bot the German
// „du“, „dich“, „dir“, „dein“ and the bot's name point at Lotse (deixis:
// the second person is the one spoken to). English "you" is also the
// generic pronoun ("how do you answer a thread in Element" = how does one),
// so it counts only as the subject of a question put to the bot ("do you
// answer …", "what do you keep") or as the one asked ("can I ask you …");
// guides/search/addressee.go leaves it out of its rule for the same reason.
// A message that puts the bot into the act it asks about — the member
// asking it („kann ich dich auch in unserem AG-Raum was fragen“), the bot
// answering, reacting, understanding („beantwortest du auch Fragen zur
// Politik der Partei?“), keeping or deleting what it was told („wie lange
// hebt Lotse meine Supportanfragen auf“, "what do you keep about me and
// for how long?") or taking commands — is about how Lotse works: the
// library's guides about the bot, those tagged with its name
// (BotGuides, library/README.md). Such messages often meet no guide in
// their own words: the words that say what they are about are the pronoun,
// which the search drops as a stop word, and an everyday verb. When such a
// message ends as "no guide", its second search is the question part with
// the bot's name put in front of it (the name stands for the pronoun; the
// search reads the first words of a long query), and the guides about the
// bot that search finds are offered as a rescued choice, with the way to a
// person beside them. A "no guide" the weak-evidence model turns into a
// choice of its own (rescueWeak) is left to it.
//
// A message that only addresses the bot politely around another question
// („kannst du mir sagen, wie ich die Kamera einschalte?“, „kann ich dich
// fragen wann …“, „kannst du das beantworten: wo …“) is not about the bot:
// the verbs of a polite frame (sagen, erklären, zeigen, helfen) are none of
// the bot's acts, and an act of asking or answering followed by the
// question asked is the frame itself (politeFrame). A message with a
// question clause of its own that is not about the bot („verstehst du mich
// überhaupt, wie komme ich in die Videokonferenz“) spends its second
// search on that clause (focusQuestion). A request for a person keeps its
// outcome: the bot's guides are offered only when no person was asked for.
// Only the honest no changes: an answer or a choice the search made stays
// as it was, so a guide question that is found is never turned to the
// bot's guides.

// botLibrary is a Library that knows the bot's name and its guides about
// the bot (guides.Library).
type botLibrary interface {
	BotGuides() (name string, ids []string)
}

// botOf returns the bot's name, folded, and the IDs of the guides about it
// in lib; "" and nil when lib holds no guide about the bot: then no message
// is read as a question about the bot, and none costs a search for it.
func botOf(lib Library) (name string, ids []string) {
	b, ok := lib.(botLibrary)
	if !ok {
		return "", nil
	}
	name, ids = b.BotGuides()
	if name == "" || len(ids) == 0 {
		return "", nil
	}
	return fold(name), ids
}

// englishYou are the English subject and object pronouns among
// botPronouns, the generic "you" of English (Cambridge Grammar, "generic
// you"). The other English forms ("your", "yourself", "youre") and the
// German ones name the one spoken to.
var englishYou = set("you", "u", "ya")

// botAuxiliaries are the English auxiliaries and modals that put "you"
// as the subject of a question ("do you answer", "can you store", "are
// you keeping", "have you saved", "why don't you answer"; Cambridge
// Grammar, subject–auxiliary inversion): the closed class of the second
// person, with the negative contractions as the tokenizer writes them
// (apostrophe dropped). „is“, „am“, „was“ do not take "you".
var botAuxiliaries = set("do", "does", "did", "can", "could", "will", "would", "shall", "should", "may", "might",
	"must", "are", "were", "have", "has", "had",
	"dont", "doesnt", "didnt", "cant", "couldnt", "wont", "wouldnt", "shouldnt", "mustnt", "arent", "werent",
	"havent", "hasnt", "hadnt")

// botAsks are the verbs of asking among botActs: their object is the one
// asked ("can I ask you", „kann ich dich fragen“).
var botAsks = set("frage", "fragen", "fragst", "fragt", "frag", "gefragt", "ask", "asks", "asking", "asked")

// defaultBotName is the search's default name for the bot, which botYou
// adds to botPronouns (talk.go reads it without a library).
var defaultBotName = strings.ToLower(search.DefaultOptions().Addressee)

// botAsked reports whether the "you" at ws[i] is the one asked: the object
// of a verb of asking ("can I ask you") or the "to" after a question
// ("my questions to you"; Cambridge Grammar, "question to somebody").
func botAsked(ws []string, i int) bool {
	if botAsks[ws[i-1]] {
		return true
	}
	return i > 1 && ws[i-1] == "to" && (ws[i-2] == "question" || ws[i-2] == "questions")
}

// botAddresses reports whether ws[i] points at the bot: its name (the
// library's, see botOf), a word of botPronouns, and English "you" only
// after an auxiliary that is not the "how do you" of a generic question,
// or as the one asked (botAsked).
func botAddresses(ws []string, i int, name string) bool {
	w := ws[i]
	switch {
	case w == name:
		return true
	case englishYou[w]:
		return i > 0 && (botAsked(ws, i) || botAuxiliaries[ws[i-1]] && (i < 2 || ws[i-2] != "how"))
	}
	return botPronouns[w]
}

// botActs are the acts a member's message can put the bot into: being
// asked or written to, answering, reacting, understanding, and its
// commands — verbs of communication (Levin 1993, English Verb Classes: 37
// "verbs of communication" — ask, answer, reply, respond) with their German
// counterparts (Duden: fragen, antworten, beantworten, reagieren,
// verstehen) in the forms of the second and third person, the infinitive
// and the participle, folded. The nouns of a question and a command go
// with them: "my questions to you", „Befehle“. The verbs of a polite
// frame around another question (sagen, erklären, zeigen, helfen, wissen,
// kennen) are left out on purpose.
var botActs = union(botAsks, set(
	"antworte", "antwortest", "antwortet", "antworten", "geantwortet",
	"beantworte", "beantwortest", "beantwortet", "beantworten",
	"reagiere", "reagierst", "reagiert", "reagieren",
	"verstehst", "versteht", "verstehen",
	"befehl", "befehle", "befehlen", "kommando", "kommandos",
	"question", "questions",
	"answer", "answers", "answering", "answered", "reply", "replies", "respond", "responds", "react", "reacts",
	"understand", "understands",
	"command", "commands"))

// botAnswering are the verbs of answering among botActs: with a
// demonstrative object and a question after it („kannst du das
// beantworten: …“, "can you answer this: …") they frame that question.
var botAnswering = set("antwortest", "antworten", "beantwortest", "beantworten", "answer")

// botThis are the demonstratives that point ahead at the question that
// follows (Duden grammar, kataphorisches „das“).
var botThis = set("das", "dies", "this", "that")

// botKeeps are the acts of keeping and deleting (Levin 1993: 15.2 "keep
// verbs" — keep, store, retain; 10.1 "remove verbs" — delete; Duden:
// speichern, aufheben „aufbewahren“, behalten, sich merken, löschen): a
// question about them is about what the bot keeps („wie lange hebt Lotse
// meine Supportanfragen auf“, "what do you keep about me"), while a
// request that the bot do them ("kannst du mein Konto löschen?", "can you
// store my files?": a modal of request with the bot as its subject, a
// directive speech act, Searle 1976) asks it to act on the member's
// thing, which may be anything.
var botKeeps = set(
	"speichere", "speicherst", "speichert", "speichern", "gespeichert",
	"hebst", "hebt", "aufheben", "aufgehoben", "bewahrst", "bewahrt", "aufbewahren", "aufbewahrt",
	"behaeltst", "behaelt", "behalten",
	"merkst", "merkt", "gemerkt",
	"loeschst", "loescht", "loeschen", "geloescht",
	"keep", "keeps", "kept", "store", "stores", "stored", "save", "saves", "saved", "remember", "remembers",
	"delete", "deletes", "deleted")

// requestModals ask someone to do something when the bot is their
// subject ("kannst du …", "könntest du …", "can you …", "would you …";
// Duden grammar, Modalverben in Aufforderungen). Unlike the search's
// courtesyVerbs (addressee.go) they leave out „hast du“, „weißt du“:
// „hast du meine Daten gelöscht?“ asks what the bot did, it requests
// nothing.
var requestModals = set("kannst", "koenntest", "wuerdest", "willst", "can", "could", "would", "will")

// frameOpens reports whether w opens the question a polite frame puts:
// questionWords, and the "wer", "who" it leaves out for a request for a
// person („sagen, wer …“), which after a frame ask like any w-word.
func frameOpens(w string) bool {
	return questionWords[w] || whoWords[w]
}

// asksAboutBot reports whether the folded words ws (brk[i]: a clause
// break before word i) put the bot (name: its folded name) into one of its
// acts: a word that points at it and a word of botActs in the same clause,
// and that clause is not the polite frame of a question that follows it
// (politeFrame). A question asked right after the act of asking („kann ich
// dich fragen wann …“) is a clause of its own.
func asksAboutBot(ws []string, brk []bool, name string) bool {
	for from, to := range clauseSpans(len(ws), embeddedBreaks(ws, brk, name)) {
		you, act, keep, request := false, false, false, false
		for i := from; i < to; i++ {
			w := ws[i]
			you = you || botAddresses(ws, i, name)
			act = act || botActs[w]
			keep = keep || botKeeps[w]
			request = request || requestModals[w] && i+1 < len(ws) && botAddresses(ws, i+1, name)
		}
		if you && (act || keep && !request) && !politeFrame(ws, from, to) {
			return true
		}
	}
	return false
}

// embeddedBreaks returns brk with a break before a question that follows
// a verb of asking and its object without a comma („kann ich dich fragen
// wann …“, "can I ask you when …"): the question is read as the clause
// it is, the asking as its frame.
func embeddedBreaks(ws []string, brk []bool, name string) []bool {
	var out []bool
	for i := 0; i+1 < len(ws); i++ {
		if !botAsks[ws[i]] {
			continue
		}
		j := i + 1
		for j < len(ws) && !brk[j] && botAddresses(ws, j, name) {
			j++
		}
		if j < len(ws) && !brk[j] && frameOpens(ws[j]) {
			if out == nil {
				out = slices.Clone(brk)
			}
			out[j] = true
		}
	}
	if out == nil {
		return brk
	}
	return out
}

// politeFrame reports whether the clause ws[from:to] frames the question
// in the next clause: it asks leave to ask ("kann ich dich was fragen",
// "can I ask you something") and the next clause opens with a question
// word („…, wie lange dauert …“), or it asks the bot to answer "this"
// („kannst du das beantworten: …“). The bot is only the one the question
// is put to.
func politeFrame(ws []string, from, to int) bool {
	if to >= len(ws) {
		return false
	}
	asking, answering, this := false, false, false
	for _, w := range ws[from:to] {
		asking = asking || botAsks[w]
		answering = answering || botAnswering[w]
		this = this || botThis[w]
	}
	return asking && frameOpens(ws[to]) || answering && this
}

// secondSearch spends a message's second search — never more than two
// (TestDecideSearchesAtMostTwice) — after its question part (words qv)
// found no guide: on the guides about the bot when no person was asked
// for (noPerson) and the question is about the bot (botQuestion),
// otherwise on its question clause (focusQuestion).
func secondSearch(d Decision, qv *qwords, noPerson bool, lib Library, opts Options, tx *Texts) Decision {
	// botMayHelp first: the bot grammar is read only for a message that
	// ended as the honest no aboutBot may turn into a choice.
	if name, own := botOf(lib); noPerson && name != "" && botMayHelp(d) && botQuestion(qv, name) {
		return aboutBot(d, qv.text, name, own, lib, opts, tx)
	}
	return focusQuestion(d, qv, lib, opts, tx)
}

// botQuestion reports whether the question part (words qv) asks about
// the bot (asksAboutBot): its question clause, when it has one apart from
// itself (focusPart: "danke, dass du so schnell antwortest! wie teile ich
// …" asks the second), or else the whole; a yes/no question clause after
// a w-question about the bot asks about the bot too.
func botQuestion(qv *qwords, name string) bool {
	return botQuestionBy(qv, func(ws []string, brk []bool) bool { return asksAboutBot(ws, brk, name) })
}

// botQuestionBy is botQuestion with the reading of a clause's words given:
// asksAboutBot, or botanswer.go's narrower botActor. read gets the folded
// words of a span of qv and their breaks, the span read as a text of its
// own (qwords.clause): no break before its first word, as in every
// decided text.
func botQuestionBy(qv *qwords, read func(ws []string, brk []bool) bool) bool {
	words := qv.words()
	about := func(from, to int) bool {
		c := qv.clause(from, to)
		return read(c.words(), c.breaks())
	}
	_, from, to, ok := focusPart(qv)
	if !ok {
		return about(0, len(words))
	}
	if about(from, to) {
		return true
	}
	// A yes/no question after a w-question about the bot ("how should
	// I ask you things, do I need special keywords?") follows up on
	// that question; a w-question clause names its own subject.
	return !focusWords[words[from]] && from > 0 && focusWords[words[0]] && about(0, from)
}

// aboutBot turns the honest no d for a message that asks about the bot's
// own acts into a rescued choice of the guides about the bot (own) that a
// search of the message with the bot's name finds, or keeps d when it
// finds none: the search is the message's second, and no other follows.
// The caller, secondSearch, has checked that d is a no aboutBot may turn
// (botMayHelp): a "no guide" for another reason — a subject outside the
// library, a date, a vague complaint — never reaches it, so it costs no
// search.
func aboutBot(d Decision, q, name string, own []string, lib Library, opts Options, tx *Texts) Decision {
	res := lib.SearchFor(botQuery(name, q), 5, opts.Team)
	shown, _ := res.Shown()
	var hits []search.Hit
	for _, h := range shown {
		if slices.Contains(own, h.ID) {
			hits = append(hits, h)
		}
	}
	if len(hits) == 0 {
		return d
	}
	c := choiceWithin(d, hits, rescueShare*hits[0].Score, tx)
	c.Nearest, c.Rescued, c.PersonHint = nil, true, chooseOrPerson(tx, opts, len(c.Hits))
	c.Reply = choiceMarkdown(hitTitles(c.Hits), tx, c.PersonHint)
	return c
}

// botMayHelp reports whether aboutBot may turn d into a choice of the
// bot's guides: an honest no of the weak gate or of a guide that leans on
// one word (not vague, no subject outside the library), which the weak
// evidence does not make a choice of its own.
func botMayHelp(d Decision) bool {
	if d.Outcome != None || d.Vague || d.offTopic {
		return false
	}
	if d.exit != exitWeak && d.exit != exitLeans {
		return false
	}
	// The weak evidence makes a choice of its own (rescueWeak), in the
	// search's order of the message's own words.
	return d.weak == nil || !rescue.helps(weakFeaturesOf(d.weak))
}

// botQuery is the search for a question about the bot: its name first
// (the search reads a query's first words, maxQueryTokens), then q, cut
// at a character so that the query stays within maxMessage bytes.
func botQuery(name, q string) string {
	return name + " " + utf8cut.Prefix(q, maxMessage-len(name)-1)
}
