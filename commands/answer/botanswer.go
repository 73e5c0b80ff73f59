package answer

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lotse-bot/lotse/guides/search"
)

// Questions about Lotse itself that the search answers, or offers a
// choice for, with guides about something else. aboutbot.go turns the
// honest no for a question about the bot's own acts into a choice of the
// guides about the bot; a question about the bot that the search does
// answer was left as it was. Its words are the bot's acts — asking,
// answering, keeping, commands — and everyday verbs, which other guides
// explain better than the guides about the bot: „merkst du dir meine
// Fragen“ meets the password guide in „merken“, „kann ich dich auch in
// unserem AG-Chatraum was fragen oder nur hier?“ the rooms guide in
// „Chatraum“, „ich hab !hilfe geschrieben und es passiert gar nichts“ the
// support-case guide. A confident answer that is wrong is the worst
// outcome for trust; the grammar says the question is about the bot, the
// search says it is about the answered guide's matter, so the member is
// offered both.
//
// Two readings of "about the bot", by what is at stake:
//
//   - An answer is given up only when the bot is the one acting or asked
//     in the question clause itself (botActs): a finite verb of its acts
//     that agrees with „du“ („merkst du“, „speicherst du“, „du
//     reagierst“; German verb agreement makes „du“ its subject) or with
//     the bot's name as its subject, right beside it („Lotse speichert“,
//     not the vocative of „Lotse, mein Termin wurde gelöscht“), English
//     "you" right before one of its acts ("do you keep my messages",
//     "will you answer"), the bot as the one asked („dich fragen“, „Lotse
//     fragen“, "ask you"), or one of its commands written as it is typed
//     („!hilfe“). The general „du“ of a condition or a how-to question
//     („wenn du einen Ordner löschst …“, „wo löschst du nen Termin“,
//     genericDu), a request ("can you delete my account") and the
//     association's "you" ("do you keep a list of members") are not the
//     bot acting (englishAct). A member who only
//     addresses the bot politely around a guide question („kannst du mir
//     sagen, wie …“, „weißt du, wie ich meine Dateien speichere“: the act
//     is the member's, „ich speichere“) keeps the answer, and so does one
//     who asks leave to ask before saying the matter („kann ich dich was
//     fragen: ich finde den Kalender nicht“, botLeave).
//   - A choice, which gives up nothing, gets the guides about the bot in
//     its free places on the same reading, or on aboutbot.go's wider one
//     (asksAboutBot) when the search itself offers a guide about the bot
//     in it: the search confirms the reading („darf ich Lotse einfach
//     ganz normal schreiben oder muss ich Kommandos können“), and a manner
//     question's generic „du“ with no such guide („wie merkst du dir am
//     besten viele Passwörter“) gets none.
//
// The guides about the bot are searched alone (Library.SearchBotGuides,
// the same scale of scores), with the message's question part, or its
// commands when it names some: the guide that explains „!hilfe“ is the
// one a message about typing it needs; for a keeping act the class of
// the keeping verbs joins the question (keepQuery), so the guide about
// what the bot stores comes first. The choice offers the guides about
// the bot first, then the answered guide: never an answer, so confident
// wrong cannot rise, and the answered guide stays offered.

// botSearcher is a Library that can search its guides about the bot
// alone (guides.Library).
type botSearcher interface {
	SearchBotGuides(query string, limit int, team bool) search.Result
}

// botSecond are the finite forms of the bot's acts (botActs, botKeeps)
// that agree with „du“: the second person singular ends in -st (Duden
// grammar, Konjugation; „merkst“, „speicherst“, „antwortest“).
var botSecond = suffixed(union(botActs, botKeeps), "st")

// botThird are the forms of the bot's acts that agree with a third
// person, the bot's name, or are its participle („Lotse speichert“, „hat
// Lotse gelöscht“): those ending in -t.
var botThird = suffixed(union(botActs, botKeeps), "t")

// botCommandMarks are the characters a command to the bot opens with:
// "!", and the "¡" a phone's keyboard makes of it (library/lotse/befehle.md).
const botCommandMarks = "!¡"

// botCommands returns the words of qw (in text) that are written as a
// command to the bot, right after a command mark („ich tippe !hilfe“),
// and not a Matrix room ID („!abc123:matrix.org“, botRoomID). A message
// that opens with "!" is itself a command (decide) and never gets here;
// one that opens with "¡" does, and its command counts. Any word after
// the mark counts („!important“): the router's command names
// (commands.registry) are out of reach here, as the commands package
// imports this one.
func botCommands(text string, qw []word) []string {
	var out []string
	for _, w := range qw {
		before := text[:w.start]
		mark, size := utf8.DecodeLastRuneInString(before)
		if !strings.ContainsRune(botCommandMarks, mark) || botRoomID(text, w.start) {
			continue
		}
		// The mark opens the word: at a word's start, not the end of
		// the one before („hilfe!bitte“).
		prev, _ := utf8.DecodeLastRuneInString(before[:len(before)-size])
		if prev == utf8.RuneError || !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
			out = append(out, w.w)
		}
	}
	return out
}

// botRoomID reports whether the word at text[start:] after a "!" is the
// local part of a Matrix room ID, "!opaque_id:server_name" (Matrix
// specification, Appendices: Room IDs): a colon and a server name
// follow it, with no space („!hilfe: nichts passiert“ is a command).
func botRoomID(text string, start int) bool {
	end := strings.IndexFunc(text[start:], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if end < 0 || text[start+end] != ':' {
		return false
	}
	server, _ := utf8.DecodeRuneInString(text[start+end+1:])
	return unicode.IsLetter(server) || unicode.IsDigit(server)
}

// botAct is what botActsIn finds the bot doing in a clause.
type botAct int

const (
	noBotAct   botAct = iota
	botActing         // asked, answering, reacting, its commands (botActs)
	botKeeping        // keeping or deleting (botKeeps)
)

// actOf is the kind of the bot's act w.
func actOf(w string) botAct {
	if botKeeps[w] {
		return botKeeping
	}
	return botActing
}

// memberWords name the member: the first person and its possessives
// (ownWords). A question about the bot keeping or deleting the member's
// things has them („wie lange speicherst du meine Daten“, "do you keep my
// messages"); a how-to question with the generic „du“ or English "you"
// of the association asks about a thing of any member („wo löschst du
// nen Termin“, "do you keep a list of members").
var memberWords = union(ownWords, set("ich", "mir", "mich", "i", "me"))

// genericDu reports whether the „du“ at ws[i] is the general „du“ of a
// how-to question or a condition (Duden grammar, „du“ for „man“), not the
// bot: right after a subjunction that opens a condition (condWords: „wenn
// du einen Ordner löschst, …“), or after a question word and a keeping
// verb with nothing of the member's in the clause („wo löschst du nen
// Termin …“, „wann merkst du, dass …“; member: whether the clause has
// memberWords). The manner question's „wie“ is botActsIn's.
func genericDu(ws []string, i int, member bool) bool {
	switch {
	case i > 0 && condWords[ws[i-1]]:
		return true
	case i > 1 && questionWords[ws[i-2]] && botKeeps[ws[i-1]]:
		return !member
	}
	return false
}

// englishAct returns the bot's act after the English "you" at ws[i] (an
// addressee, botAddresses): the one asked ("can I ask you"), or its act
// right after it ("do you keep", "will you answer"). A keeping verb after
// a request modal is a request ("can you delete my account": the bare
// infinitive, as German „kannst du … löschen“, requestModals), and one
// with nothing of the member's in the clause may be the association's
// "you" ("do you keep a list of members"): neither is the bot's act.
// member: whether the clause has memberWords.
func englishAct(ws []string, i int, member bool) botAct {
	switch {
	case botAsked(ws, i):
		return botActing
	case i+1 >= len(ws):
		return noBotAct
	case botActs[ws[i+1]]:
		return botActing
	case !botKeeps[ws[i+1]] || requestModals[ws[i-1]]:
		return noBotAct
	case member:
		return botKeeping
	}
	return noBotAct
}

// nameSubject reports whether the bot's name stands right before or after
// ws[i] (name: its folded name), the subject of a finite verb there
// („Lotse speichert“, „speichert Lotse“): a name elsewhere in the clause
// is mostly a vocative („Lotse, mein Termin wurde gelöscht“).
func nameSubject(ws []string, i int, name string) bool {
	return i > 0 && ws[i-1] == name || i+1 < len(ws) && ws[i+1] == name
}

// botActsIn returns the bot's act in the clause ws (folded words; name
// the bot's folded name), noBotAct when it is neither acting nor asked:
// see the file's comment. A request that the bot keep or delete the
// member's thing („kannst du mein Konto löschen“) has its act in the
// infinitive and is none.
func botActsIn(ws []string, name string) botAct {
	du, generic, named, asked := false, false, false, false
	member := slices.ContainsFunc(ws, func(w string) bool { return memberWords[w] })
	for i, w := range ws {
		du = du || w == "du"
		generic = generic || w == "du" && genericDu(ws, i, member)
		named = named || w == name
		asked = asked || w == "dich"
		if englishYou[w] && i > 0 && botAddresses(ws, i, name) {
			if act := englishAct(ws, i, member); act != noBotAct {
				return act
			}
		}
	}
	// The general „du“ of a condition is the same person in the clause
	// it conditions („wenn du die App löschst, kommst du dann noch
	// rein?“).
	du = du && !generic
	for i, w := range ws {
		switch {
		case i > 0 && ws[i-1] == "wie" && botSecond[w]:
			// „wie löschst du in Element eine Nachricht?“: the manner
			// question's generic „du“ (Duden grammar, „du“ for „man“),
			// as the "how do you" of English (botAddresses).
		case du && botSecond[w]:
			return actOf(w)
		case named && botThird[w] && nameSubject(ws, i, name) && !search.IsParticiple(w):
			return actOf(w)
		case (asked || named && !search.IsParticiple(w)) && botAsks[w]:
			return botActing
		}
	}
	return noBotAct
}

// botLeave reports whether the clause ws[from:to] asks leave to ask
// („kann ich dich was fragen“, "can I ask you something") and a clause
// of another matter follows: one that does not go on with the asking by
// „oder“, "or" („… was fragen oder nur hier?“). The asking is then the
// frame of that matter (politeFrame reads the frame before a question
// word).
func botLeave(ws []string, from, to int) bool {
	if to >= len(ws) || ws[to] == "oder" || ws[to] == "or" {
		return false
	}
	return slices.ContainsFunc(ws[from:to], func(w string) bool { return botAsks[w] })
}

// botActor returns the bot's act in the first clause of ws (brk[i]: a
// break before word i) that has the bot acting or asked (botActsIn) and
// frames no other question or matter (politeFrame, botLeave); noBotAct
// when none has.
func botActor(ws []string, brk []bool, name string) botAct {
	for from, to := range clauseSpans(len(ws), embeddedBreaks(ws, brk, name)) {
		if act := botActsIn(ws[from:to], name); act != noBotAct && !politeFrame(ws, from, to) && !botLeave(ws, from, to) {
			return act
		}
	}
	return noBotAct
}

// keepQuery is the class of the keeping verbs (botKeeps, in a fixed
// order): added to the query of a question about what the bot keeps, it
// weighs the guide about what the bot stores above the guides that share
// the question's other words („merkst du dir, was ich dich frage“ shares
// „fragen“ with the guide about asking, and „merken“ with none).
var keepQuery = func() string {
	ws := slices.Sorted(maps.Keys(botKeeps))
	return strings.Join(ws, " ")
}()

// botAnswer decides on a first search's answer or choice d for the
// question part (its words qv, offsets in text) that asks about the bot:
// see the file's comment. searched reports whether it spent the message's
// second search (TestDecideSearchesAtMostTwice), whether or not it found a guide
// about the bot: the question sentence's check (lastQuestionAgrees) would
// then be a third search, so it runs only when this one did not search —
// the grammar did not read the bot, or the library has no guide about it.
// A request for a person (noPerson false) keeps its path.
func botAnswer(d Decision, text string, qv *qwords, noPerson bool, lib Library, opts Options,
	tx *Texts) (c Decision, searched bool) {
	if !noPerson || d.Outcome != Answer && d.Outcome != Choose || len(d.Hits) == 0 {
		return d, false
	}
	name, own := botOf(lib)
	bs, ok := lib.(botSearcher)
	if name == "" || !ok {
		return d, false
	}
	offersBot := slices.ContainsFunc(d.Hits, func(h search.Hit) bool { return slices.Contains(own, h.ID) })
	if d.Outcome == Answer && offersBot || d.Outcome == Choose && len(d.Hits) >= maxChoices {
		return d, false
	}
	cmds := botCommands(text, qv.ws)
	act := noBotAct
	actor := func() bool {
		return botQuestionBy(qv, func(ws []string, brk []bool) bool {
			act = botActor(ws, brk, name)
			return act != noBotAct
		})
	}
	switch {
	case len(cmds) > 0, actor():
	case d.Outcome == Answer || !offersBot || !botQuestion(qv, name):
		// The wider reading (asksAboutBot) only for a choice the
		// search itself made with a guide about the bot.
		return d, false
	}
	query := qv.text
	if len(cmds) > 0 {
		query = strings.Join(cmds, " ")
	}
	if len(cmds) == 0 && act == botKeeping {
		query += " " + keepQuery
	}
	res := bs.SearchBotGuides(query, maxChoices, opts.Team)
	if d.Outcome == Answer {
		return botChoice(d, res.Hits, tx), true
	}
	return botWiden(d, res.Hits, opts, tx), true
}

// botChoice makes the answer d a choice of the guides about the bot
// found (hits, best first) and the answered guide last; d stays when none
// was found.
func botChoice(d Decision, hits []search.Hit, tx *Texts) Decision {
	var out []search.Hit
	for _, h := range hits {
		if h.Score > 0 && len(out) < maxChoices-1 {
			out = append(out, h)
		}
	}
	if len(out) == 0 {
		return d
	}
	d.Hits, d.Also = append(out, d.Hits[0]), nil
	d.Outcome, d.Reply = Choose, choiceMarkdown(hitTitles(d.Hits), tx, "")
	return d
}

// botWiden fills the free places of the choice d with the guides about
// the bot found (hits, best first) that it does not offer yet. A rescued
// choice's way to a person is worded anew for the guides it now offers.
func botWiden(d Decision, hits []search.Hit, opts Options, tx *Texts) Decision {
	out := slices.Clone(d.Hits)
	for _, h := range hits {
		if len(out) < maxChoices && h.Score > 0 &&
			!hasGuide(out, h.ID) {
			out = append(out, h)
		}
	}
	if len(out) == len(d.Hits) {
		return d
	}
	d.Hits = out
	if d.Rescued {
		d.PersonHint = chooseOrPerson(tx, opts, len(out))
	}
	d.Reply = choiceMarkdown(hitTitles(out), tx, d.PersonHint)
	return d
}
