package answer

import (
	"strings"

	"github.com/lotse-bot/lotse/guides/search"
)

// Questions about Lotse itself. In a direct chat with the bot the German
// „du“, „dich“, „dir“, „dein“ and the bot's name point at Lotse (deixis:
// the second person is the one spoken to); English "you" is that too in a
// chat with a bot, but may also mean the association. A message that puts
// the bot into the act it asks about — the member asking it („kann ich
// dich auch in unserem AG-Raum was fragen“, "how should I phrase my
// questions to you?"), the bot answering, reacting, understanding
// („beantwortest du auch Fragen zur Politik der Partei?“), keeping or
// deleting what it was told („wie lange hebt Lotse meine Supportanfragen
// auf“, "what do you keep about me and for how long?") or taking commands
// — is about how Lotse works: the library's topic about the bot
// (library/topics.yaml: lotse, „Lotse, der Hilfe-Bot“). Such messages often
// meet no guide in their own words: the words that say what they are about
// are the pronoun, which the search drops as a stop word, and an everyday
// verb. When such a message ends as "no guide", the pronoun is resolved to
// the bot's name (the search's word for the topic), and the guides of the
// bot's topic that search finds are offered as a rescued choice, with the
// way to a person beside them. A "no guide" the weak-evidence model
// turns into a choice of its own (rescueWeak) is left to it.
//
// A message that only addresses the bot politely around another question
// („kannst du mir sagen, wie ich die Kamera einschalte?“, „kann ich dich
// was fragen: wo …“) is not about the bot: the verbs of a polite frame
// (sagen, erklären, zeigen, helfen) are none of the bot's acts, and an
// act of asking followed by the question asked is the frame itself
// (politeFrame). Only the honest no changes: an answer or a choice the
// search made stays as it was, so a guide question that is found is never
// turned to the bot's guides.

// botTopic is the topic folder of the guides about the bot itself
// (library/topics.yaml).
const botTopic = "lotse"

// botName is the bot's name as the search reads it.
const botName = "lotse"

// botAddress are the words that point at the bot in a direct chat: the
// German second person singular and its possessive (Duden grammar,
// Personalpronomen, Possessivpronomen), the English "you" and "your"
// (with the chat spellings botYou knows), and the bot's name.
var botAddress = set("du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "you", "your", "u",
	botName)

// botActs are the acts a member's message can put the bot into: being
// asked or written to, answering, reacting, understanding, keeping and
// deleting what it was told, and its commands — verbs of communication
// and of retaining (Levin 1993, English Verb Classes: 37 "verbs of
// communication" — ask, answer, reply, respond; 15.2 "keep verbs" —
// keep, store, retain; 10.1 "remove verbs" — delete), with their German
// counterparts (Duden: fragen, antworten, beantworten, reagieren,
// verstehen, speichern, aufheben „aufbewahren“, behalten, sich merken,
// löschen) in the forms of the second and third person, the infinitive
// and the participle, folded. The nouns of a question and a command go
// with them: "my questions to you", „Befehle“. The verbs of a polite
// frame around another question (sagen, erklären, zeigen, helfen, wissen,
// kennen) are left out on purpose.
var botActs = set(
	"frage", "fragen", "fragst", "fragt", "frag", "gefragt",
	"antworte", "antwortest", "antwortet", "antworten", "geantwortet",
	"beantworte", "beantwortest", "beantwortet", "beantworten",
	"reagiere", "reagierst", "reagiert", "reagieren",
	"verstehst", "versteht", "verstehen",
	"befehl", "befehle", "befehlen", "kommando", "kommandos",
	"ask", "asks", "asking", "asked", "question", "questions",
	"answer", "answers", "answering", "answered", "reply", "replies", "respond", "responds", "react", "reacts",
	"understand", "understands",
	"command", "commands")

// botKeeps are the acts of keeping and deleting (botActs' sources): a
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

// requestModals ask someone to do something ("kannst du …", "könntest du
// …", "can you …", "would you …"; Duden grammar, Modalverben in
// Aufforderungen).
var requestModals = set("kannst", "koenntest", "kann", "koennte", "wuerdest", "can", "could", "would", "will")

// frameQuestion are the words that open an embedded or following
// question (the w-words, „ob“; English wh-words, "whether", "if").
var frameQuestion = set("wie", "was", "wo", "wann", "warum", "wieso", "weshalb", "wer", "wen", "wem", "welche",
	"welcher", "welches", "welchen", "ob", "how", "what", "where", "when", "why", "who", "which", "whether", "if")

// asksAboutBot reports whether the folded words ws (brk[i]: a clause
// break before word i) put the bot into one of its acts: a word of
// botAddress and a word of botActs in the same clause, and that clause is
// not the polite frame of a question that follows it (politeFrame).
func asksAboutBot(ws []string, brk []bool) bool {
	clause := 0
	you, act, keep, request := false, false, false, false
	about := func(to int) bool {
		return you && (act || keep && !request) && !politeFrame(ws, clause, to)
	}
	for i, w := range ws {
		if i > 0 && brk[i] {
			if about(i) {
				return true
			}
			clause, you, act, keep, request = i, false, false, false, false
		}
		you = you || botAddress[w]
		act = act || botActs[w]
		keep = keep || botKeeps[w]
		request = request || requestModals[w]
	}
	return about(len(ws))
}

// politeFrame reports whether the clause ws[from:to] asks leave to ask
// ("kann ich dich was fragen", "can I ask you something") and the next
// clause is the question asked („…, wie lange dauert …“): the bot is only
// the one the question is put to.
func politeFrame(ws []string, from, to int) bool {
	asking := false
	for _, w := range ws[from:to] {
		asking = asking || strings.HasPrefix(w, "frag") || strings.HasPrefix(w, "ask")
	}
	return asking && to < len(ws) && frameQuestion[ws[to]]
}

// maxSearches is the most searches one message may cost (a search of the
// question part, then one more: its question clause, its last sentence or,
// for a question about the bot, the search with the bot's name;
// TestDecideSearchesAtMostTwice). aboutBot runs right after the first
// search, and its search takes the place of the question clause's
// (focusQuestion): the message is about the bot, and the words its
// question clause would drop are not what kept it from its guide.
const maxSearches = 2

// countedLibrary is a Library that counts the searches made through it.
type countedLibrary struct {
	Library
	n int
}

// SearchFor searches the library and counts the search.
func (c *countedLibrary) SearchFor(query string, limit int, team bool) search.Result {
	c.n++
	return c.Library.SearchFor(query, limit, team)
}

// aboutBot turns the honest no for a message that asks about the bot's
// own acts (asksAboutBot) into a rescued choice of the guides of the
// bot's topic, found by searching the message with the pronoun resolved
// to the bot's name, as long as the message has not used its searches
// (maxSearches). A "no guide" for another reason — a subject outside the
// library, a date, a vague complaint — stays.
func aboutBot(d Decision, q string, ws []string, brk []bool, lib *countedLibrary, opts Options, tx *Texts) Decision {
	if d.Outcome != None || d.Vague || d.offTopic || lib.n >= maxSearches {
		return d
	}
	if d.exit != exitWeak && d.exit != exitLeans {
		return d
	}
	if d.weak != nil && rescue.helps(weakFeaturesOf(d.weak)) {
		// The weak evidence makes a choice of its own (rescueWeak),
		// in the search's order of the message's own words.
		return d
	}
	if !asksAboutBot(ws, brk) {
		return d
	}
	res := lib.SearchFor(q+" "+botName, 5, opts.Team)
	shown, _ := res.Shown()
	var own []search.Hit
	for _, h := range shown {
		if strings.HasPrefix(h.ID, botTopic+"/") {
			own = append(own, h)
		}
	}
	if len(own) == 0 {
		return d
	}
	c := choiceWithin(d, own, rescueShare*own[0].Score, tx)
	c.Nearest, c.Rescued, c.PersonHint = nil, true, chooseOrPerson(tx, opts)
	c.Reply = choiceMarkdown(hitTitles(c.Hits), tx, c.PersonHint)
	return c
}
