package answer

import (
	"slices"
	"strings"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/guides/search"
)

// The vocabulary of small talk, German and English, written from how
// people open, thank and close a chat — not from any question set. A
// message made only of these words is small talk; a run of them before
// or after a question is stripped before the search.
var (
	// greetWords are the words of a greeting: those that greet and those
	// that only say whom (addressWords).
	greetWords = union(addressWords, set("hallo", "hallöchen", "hi", "hey", "heyho", "moin", "servus", "huhu", "tach", "guten",
		"gute", "morgen", "tag", "abend", "nabend", "grüß", "gott", "grüezi", "hello", "good", "morning", "evening", "afternoon",
		"liebe", "lieber", "dear"))
	thanksWords = set("danke", "dank", "dankeschön", "dankesehr", "vielen", "herzlichen", "besten", "lieben", "tausend", "merci",
		"thx", "thanks", "thank", "ty", "cheers")
	byeWords = set("tschüss", "tschüs", "ciao", "bye", "goodbye", "bis", "bald", "später", "dann", "schönen", "schöne", "schönes",
		"wochenende", "feierabend", "gute", "nacht", "see", "later", "grüße", "gruß", "lg", "vg", "mfg", "viele",
		// Cambridge Dictionary, "good night" (said when people leave
		// each other in the evening).
		"night")
	// ackWords are the words of an acknowledgement: those that
	// acknowledge on their own (ackCore) and those that only carry one.
	ackWords = union(ackCore, set("alles", "sehr", "hat", "hats", "hat's", "jetzt", "wieder", "schon", "nochmal", "mal", "dir",
		// The reflexive of the trouble reported solved („hat sich
		// geklärt“, „hat sich erledigt“; ackCore's "geklärt").
		"sich",
		"euch", "ihnen", "das", "es", "mir", "weiter", "so", "und", "echt", "wirklich", "auch", "noch", "einen", "einmal",
		"it", "now", "a", "lot", "much", "you", "that", "all", "the", "for",
		// Thanks for something, "will do", "good to know" (German and
		// English chat usage): "danke für die schnelle Antwort", "alles
		// klar, mach ich", "ok, probier ich aus", "gut zu wissen",
		// "thanks, that worked", "das wars".
		"für", "fuer", "die", "deine", "eure", "ihre", "aus", "ich", "zu", "wissen", "your", "will", "do", "try", "i'll", "ill",
		"know", "to",
		// The perfect of understanding ("hab's verstanden", "ich habe
		// es kapiert"; talk11): the auxiliary carries it.
		"hab", "habe", "habs", "hab's",
		// The linking verbs of an approval (Cambridge Dictionary,
		// "sound": "sounds good", "look": "looks good") and its
		// intensifier ("very good").
		"sounds", "looks", "very",
		// "ich" with the enclitic "es" ("probier ich's mal", typed
		// "ichs"; Duden, Apostroph: "wie geht's", "hab's").
		"ichs", "ich's"))
	// thanksFor name what one thanks for ("danke für die schnelle
	// Antwort", "thanks for the help"): small talk only beside a word of
	// thanks — "ich will Hilfe" or "Tipps?" asks for something.
	thanksFor = set("schnelle", "schnellen", "antwort", "antworten", "info", "infos", "tipp", "tipps", "erklärung", "hilfe",
		"help", "tip", "tips", "answer", "quick",
		// The adverbs of a thanks formula, small talk only beside a
		// word of thanks too (review rvP11, finding 11): Duden,
		// "danke": "danke schön", "danke vielmals"; "trotzdem"
		// ("danke trotzdem": thanks anyway, after help that did not
		// come).
		"schön", "vielmals", "trotzdem")
	// Words that announce a question without asking it ("hallo, kurze
	// Frage", "kannst du mir helfen?"). "brauch" is the colloquial first
	// person of "brauchen" with its final e dropped (Duden grammar,
	// e-Tilgung: "ich brauch Hilfe"), as "hab" is of "haben"; without it
	// „ich brauch Hilfe beim Passwort“ kept „Hilfe“ in the search and
	// found the guide about "!hilfe" first.
	askWords = set("frage", "fragen", "kurze", "kleine", "eine", "ich", "hab", "habe", "hätte", "hätt", "question",
		"quick", "have", "i", "brauche", "brauch", "bräuchte", "hilfe", "help", "need", "kannst", "könntest", "du", "mir", "helfen",
		"can", "could", "you", "me", "bitte", "please", "mal", "noch", "nochmal", "another", "one", "a", "an", "eine", "dich",
		// The colloquial articles (Duden, "'ne", "'n", "'nen": ugs.
		// "eine", "ein", "einen"): „hab ne Frage“, „ne kurze Frage“.
		"ne", "n", "nen",
		"darf", "fragen",
		// The apology that opens a request to get attention (Duden,
		// "Entschuldigung": "Entschuldigung, können Sie mir sagen …";
		// "Verzeihung", "Pardon"; Cambridge Dictionary, "excuse me",
		// "sorry": said to get someone's attention): "Entschuldigung,
		// ich habe eine Frage" asks for the question like "Hallo, kurze
		// Frage", not a "no guide" that quotes it.
		"entschuldigung", "entschuldige", "verzeihung", "pardon", "sorry", "excuse")
	// Negations turn "klappt" into a complaint, with the colloquial
	// forms („geht nich“, „funzt net“, „geht gar nix“; negation.go). Some
	// readers read the words as typed, not folded: "don't" and
	// "doesn't" are the English forms they know. „immer“ is no
	// negation: a complaint's word („stürzt immer ab“).
	negWords = union(negationsOf("nicht", "kein", "keine", "keinen", "nie", "nichts", "not", "nich", "net", "nix"),
		set("doesn't", "don't", "immer"))
)

// ackCore are the acknowledgement words that acknowledge on their own
// ("ok", "passt", "verstanden", "mach ich", "got it", "works"). The other
// ackWords only carry one ("das", "ich", "will",
// "wissen", "to" in "gut zu wissen", "will do", "ok, mach ich"): a message
// of those alone ("ich will das wissen", "I'll do it now") acknowledges
// nothing and is searched like any other.
//
// The answer particles alone acknowledge (chat.YesParticles and
// chat.NoParticles: "ja", "yeah", "nein", "nope"): with nothing pending a
// bare "yeah" is "ja", never a "no guide" quoting it (review rvP11,
// finding 6). So do the help that worked (successWords: "hat geklappt")
// and the trouble reported solved (solvedCore: "gelöst", "solved").
var ackCore = union(chat.YesParticles, chat.NoParticles, successWords, solvedCore, set("ok", "okay", "okey", "oki", "k", "klar", "super", "prima", "perfekt", "toll", "cool", "klasse", "spitze",
	"top", "gut", "passt", "verstanden", "läuft", "genau", "aha", "ah", "achso", "ach", "great", "perfect",
	"nice", "awesome", "helps", "fine", "good", "alright", "right", "fein", "wunderbar", "gerne", "gern",
	"läufts", "geht's", "gehts", "funktionierts", "egal", "schade", "test", "testing", "oh",
	"hm", "hmm", "wars", "war's", "got", "mach", "mache", "machs", "mach's", "probier", "probiere", "probiers", "probier's",
	// Understanding, said by the member in the first person
	// (talk11): the first-person and participle forms of the
	// verbs of understanding whose "verstanden" is above — Duden,
	// "verstehen" ("ich verstehe", colloquial "versteh ich"),
	// "kapieren" (ugs. "verstehen, begreifen": "kapiert", "kapier
	// ich"), "checken" (ugs. "begreifen, verstehen": "check ich",
	// "gecheckt"); Cambridge Dictionary, "understood" (said to show
	// that you have understood an instruction). Negated they are the
	// member's trouble ("ich verstehe das nicht": negWords), with a
	// thing named a question ("verstehe ich das richtig?").
	"verstehe", "versteh", "kapiert", "kapiere", "kapier", "check", "checke", "gecheckt", "understood",
	// Duden, "roger" (ugs.: in Ordnung, einverstanden; "alles
	// roger"); Cambridge Dictionary, "roger" (used to say that a
	// message has been understood).
	"roger"))

// ackPhrases are the acknowledgements of understanding that take more
// than one word (talk11): Cambridge Dictionary, "I see" (used to show
// that you understand what someone has said), "make sense" ("that
// makes sense"), "I understand"; Duden, "Sinn ergeben" and the
// colloquial "Sinn machen" ("macht Sinn"). As for noProblem only the
// whole phrase counts, with small talk around it: "see" alone says
// goodbye ("see you"), "I see no button" names a thing, "macht keinen
// Sinn" criticises.
var ackPhrases = withFolded(set("i see", "oh i see", "makes sense", "that makes sense", "i understand", "macht sinn",
	"ergibt sinn",
	// The trouble reported gone (Duden, "gehen": funktionieren, „die
	// Uhr geht wieder“): „geht wieder“, „jetzt geht es“ — "geht" alone
	// asks or names a thing („geht das“), "wieder"/"jetzt" make it the
	// member's news, as „klappt wieder“ and „läuft wieder“ already are.
	"geht wieder", "geht jetzt", "geht es wieder", "es geht wieder", "jetzt geht es", "jetzt geht es wieder",
	"geht jetzt wieder", "gehts wieder", "gehts jetzt"))

// seeEndsClause reports whether every "I see" of text (words ws) ends
// its clause: the end of the message or a clause break after "see" ("I
// see", "ah, I see", "I see, thanks"). "see" with an object after it in
// the same clause is the verb of sight, not of understanding ("I see you",
// "I see the button"; Cambridge Dictionary, "I see": used to show that you
// understand — the phrase stands alone), and no acknowledgement (review
// rvP11, finding 10). One pass over ws.
func seeEndsClause(text string, ws []word) bool {
	for k := 1; k < len(ws); k++ {
		if ws[k].w == "see" && ws[k-1].w == "i" && k+1 < len(ws) && !chat.BreakBefore(text, ws[k+1].start, clauseBreaks) {
			return false
		}
	}
	return true
}

// withFolded returns phrases with each phrase also as typed without
// umlaut or ß (fold: "ueberhaupt kein problem"), as the words are read
// (review rvP11, finding 10).
func withFolded(phrases map[string]bool) map[string]bool {
	for p := range phrases {
		phrases[strings.Join(strings.Fields(fold(p)), " ")] = true
	}
	return phrases
}

// addressWords are greeting words that only say whom a greeting
// addresses: alone they greet nobody.
var addressWords = set("lotse", "du", "ihr", "zusammen", "there", "everyone", "everybody", "folks", "leute")

// howAreYou are whole messages asking after Lotse's well-being.
var howAreYou = set("wie geht es dir", "wie geht's dir", "wie gehts dir", "wie geht's", "wie gehts", "wie geht es ihnen",
	"how are you", "how are you doing", "alles gut bei dir", "na wie geht's", "na wie gehts", "und wie geht es dir")

// leaveTaking are the whole-message ways of taking one's leave in a chat
// that use no word of greeting ("ich bin dann mal weg", "ich muss los",
// "gotta go"): German colloquial leave-taking (Duden: "abhauen" salopp
// "weggehen", "los müssen", "Schluss machen") and the English chat ones.
// The words alone say other things ("ich hau ab" is a goodbye, "halt die
// Klappe" a dismissal), so only the whole message counts, like howAreYou.
var leaveTaking = set("ich bin dann mal weg", "bin dann mal weg", "ich bin weg", "bin weg", "ich bin dann weg",
	"ich hau ab", "ich hau jetzt ab", "ich hau dann ab", "ich hau dann mal ab", "ich muss los", "muss los",
	"ich muss jetzt los", "ich muss weg", "ich mach schluss", "ich mach jetzt schluss", "ich mach dann schluss",
	"gotta go", "got to go", "i have to go", "i've got to go", "i'm off", "im off", "i'm off now",
	// The farewell "mach's gut" (Duden, "machen": „mach's gut!“,
	// Abschiedsgruß; also „macht's gut“, the long „mach es gut“) and
	// Cambridge Dictionary, "take care" (said when saying goodbye): it
	// was read as "mach" + "gut", an approval (review rvS12, finding 1).
	"machs gut", "mach's gut", "mach s gut", "mach es gut", "machts gut", "macht's gut", "macht s gut",
	"macht es gut", "take care")

// maxLeaveWords bounds the messages leftOnly looks at: the longest
// leaveTaking phrase (6 words) with a few words of small talk around it;
// longer messages are questions and pay nothing for it.
const maxLeaveWords = 12

// leftOnly reports whether msg (its words, joined by single spaces) is a
// way of taking one's leave with nothing else but words of small talk
// around it ("muss los, danke!", "ich hau ab, tschüss").
func leftOnly(msg string) bool { return phraseOnly(msg, leaveTaking) }

// noProblem are the whole-message ways of saying "no problem", "never
// mind that" (fix13): an acknowledgement, the answer to thanks or to an
// apology, with the words of a denial — Duden: "kein Problem" (ugs.:
// "das ist ohne Weiteres möglich", also "keine Ursache"), "kein Ding"
// (ugs. "kein Problem"), "keine Ursache" (the answer to thanks), "kein
// Thema" (ugs.); Cambridge Dictionary: "no problem", "not a problem",
// "no worries" (informal: "it's not a problem"), "no big deal"; "np",
// "no prob(s)" the chat abbreviations. No complaint ("Problem" names no
// trouble here) and no answer to a yes/no question either: with a case
// offer pending they leave it open (IsNoProblem). As for leaveTaking only
// the whole phrase counts: "kein Problem mit der Cloud" names a thing.
var noProblem = withFolded(set("kein problem", "gar kein problem", "überhaupt kein problem", "kein ding", "keine ursache",
	"kein thema", "no problem", "no problem at all", "not a problem", "no prob", "no probs", "np", "no worries",
	"no big deal"))

// phraseOnly reports whether msg (its words, joined by single spaces) is
// one of phrases with nothing else but words of small talk around it. One
// pass per phrase over a message of at most a few KB.
func phraseOnly(msg string, phrases map[string]bool) bool {
	_, ok := phraseAround(msg, phrases)
	return ok
}

// phraseAround is phraseOnly that also returns the words of small talk
// around the phrase (rest).
func phraseAround(msg string, phrases map[string]bool) (rest []string, ok bool) {
	padded := " " + msg + " "
	for p := range phrases {
		i := strings.Index(padded, " "+p+" ")
		if i < 0 {
			continue
		}
		rest := strings.Fields(padded[:i] + " " + padded[i+len(p)+1:])
		if !slices.ContainsFunc(rest, func(w string) bool { return !social(w) || negWords[w] }) {
			return rest, true
		}
	}
	return nil, false
}

// social reports whether w is a word of small talk.
func social(w string) bool {
	return greetWords[w] || thanksWords[w] || byeWords[w] || ackWords[w] || thanksFor[w]
}

// isSmallTalk reports whether the message text (words ws) is nothing but
// small talk and of which kind: thanks before goodbye before greeting
// before acknowledgement.
func isSmallTalk(text string, ws []word) (Talk, bool) {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.w)
	}
	if howAreYou[strings.TrimPrefix(strings.TrimPrefix(b.String(), "hallo "), "hi ")] {
		return TalkHowAreYou, true
	}
	if len(ws) <= maxLeaveWords && leftOnly(b.String()) {
		return TalkBye, true
	}
	if len(ws) <= 5 && chat.PoliteYes(b.String()) {
		// "ja bitte", "yes please" with nothing else: the answer to an
		// offer, and with none pending (support takes it when one is)
		// no topic — asked what it is about, never quoted as one.
		return TalkPrompt, true
	}
	ack := len(ws) <= maxLeaveWords && phraseOnly(b.String(), ackPhrases) && seeEndsClause(text, ws)
	noProb := !ack && len(ws) <= maxLeaveWords && phraseOnly(b.String(), noProblem)
	if (ack || noProb) && chat.EndsAsking(text) {
		// „kein Problem?“, "no problem?", "makes sense?" ask whether
		// something is all right (review rvP11, finding 10): a
		// question, no acknowledgement — Duden grammar, the question
		// mark ends a question (Fragesatz), also one without a
		// question word ("Entscheidungsfrage" by intonation alone).
		// It names no topic: the member is asked what it is about,
		// as for a bare "?", never told „Alles klar!“.
		return TalkPrompt, true
	}
	if ack {
		// "ah, I see", "ok, makes sense, thanks": an acknowledgement
		// (or the thanks or goodbye around it).
		return kindOf(ws), true
	}
	if noProb {
		// "kein Problem", "no worries, bye": an acknowledgement (or
		// the thanks or goodbye around it), not the vague complaint
		// "Problem" alone would be.
		return kindOf(ws), true
	}
	thanked := slices.ContainsFunc(ws, func(w word) bool { return thanksWords[w.w] })
	feeling := thanked || slices.ContainsFunc(ws, func(w word) bool { return successWords[w.w] })
	core := false
	for i, w := range ws {
		if feeling && feelingAround(ws, i) {
			// „wow, danke“, „puh, geschafft“: a feeling around
			// thanks or the news that it worked, no words of the
			// member's own.
			continue
		}
		if !social(w.w) || negWords[w.w] || thanksFor[w.w] && !thanked {
			// "nein danke, ich komme klar", "I'm fine": a decline
			// with words of its own.
			return declineOnly(text, ws)
		}
		core = core || thanksWords[w.w] || byeWords[w.w] || greetWords[w.w] && !addressWords[w.w] || ackCore[w.w]
	}
	if !core {
		return declineOnly(text, ws)
	}
	k := kindOf(ws)
	if k == TalkAck && chat.EndsAsking(text) {
		// „hat das geklappt?“, „klappt das?“, „ok?“ ask (the question
		// mark, as for „kein Problem?“ above): no acknowledgement, and
		// no topic — the member is asked what it is about.
		return TalkPrompt, true
	}
	return k, true
}

// talkReply is the reply of tx to small talk of kind t ("" for a kind
// with a reply of its own: botReply, talkMachine). A switch, not a map
// built per message (fix11: 145 ns a call with the map, 12 with this).
func talkReply(tx *Texts, t Talk) string {
	switch t {
	case TalkHello:
		return tx.Hello
	case TalkThanks:
		return tx.Thanks
	case TalkAck:
		return tx.Ack
	case TalkBye:
		return tx.Bye
	case TalkHowAreYou:
		return tx.HowAreYou
	case TalkPrompt:
		return tx.Prompt
	case TalkPraise:
		return tx.Praise
	case TalkSorry:
		return tx.Sorry
	}
	return ""
}

// kindOf is the kind of the small talk ws: thanks before goodbye before
// greeting before acknowledgement. Thanks right after a "no" ("nein
// danke", "no thanks"; thanksOf) decline and are no thanks: an
// acknowledgement (fix13), as declineOnly replies to a decline.
func kindOf(ws []word) Talk {
	var bye, hello bool
	thanks, _ := thanksOf(ws)
	for i, w := range ws {
		// ("see" after "I" understands: "I see", ackPhrases.)
		seeing := w.w == "see" && i > 0 && ws[i-1].w == "i"
		bye = bye || (byeWords[w.w] && !greetWords[w.w] && w.w != "dann" && w.w != "viele" && !seeing)
		// "good", "gute(n)" greet only in a greeting formula with a
		// time of day ("good morning", „guten Tag“; Duden, "gut":
		// „guten Morgen!“); "all good", "good to know" acknowledge.
		formula := !greetHeads[w.w] || i+1 < len(ws) && greetTimes[ws[i+1].w]
		hello = hello || (greetWords[w.w] && !addressWords[w.w] && formula)
	}
	switch {
	case thanks:
		return TalkThanks
	case bye:
		return TalkBye
	case hello:
		return TalkHello
	}
	return TalkAck
}

// greetHeads are the adjectives of a greeting formula and greetTimes the
// times of day they greet with ("good morning", „guten Tag“, „gute
// Nacht“).
var (
	greetHeads = set("good", "guten", "gute")
	greetTimes = set("morning", "evening", "afternoon", "day", "night", "morgen", "tag", "abend", "nacht")
)

// thanksOf reports whether ws thank (thanks) and whether they decline
// with thanks (declined): thanks right after a "no" (chat.NoParticles), in a run of
// thanks ("nein danke", "nein, vielen Dank", "no thanks", "no, thank
// you", "nö danke"), are the formula that refuses an offer politely
// (Duden, "danke": "nein, danke" as the polite refusal; Cambridge
// Dictionary, "no thanks"/"no, thank you": used to refuse an offer) — no
// thanks for help received. One pass over ws.
//
// A "no, thanks" before help received ("nein danke, hat geklappt", "nein,
// vielen Dank, es hat funktioniert"; successWords, not negated) answers
// "anything else?" and thanks for the help: thanks (review rvP11,
// finding 11).
func thanksOf(ws []word) (thanks, declined bool) {
	afterNo, success, neg := false, false, false
	for i, w := range ws {
		t := thanksWords[w.w] || thanksFor[w.w] && afterNo
		thanks = thanks || t && !afterNo
		declined = declined || t && afterNo
		// (A particle that is also a German word, chat.NoAlone, answers
		// only where an answer stands: first, or after another answer
		// particle or an interjection — „ne danke“, „ok, ne danke“,
		// „ach ne danke“ (review rvR12, finding 4) — not „danke für
		// ne schnelle Antwort“, where it is the article.)
		answers := i == 0 || !chat.NoAlone[w.w] || replyParticles[ws[i-1].w] || search.IsInterjection(ws[i-1].w)
		afterNo = chat.NoParticles[w.w] && answers || t && afterNo
		success = success || successWords[w.w]
		neg = neg || negWords[w.w]
	}
	if declined && success && !neg {
		return true, false
	}
	return thanks, declined
}

// feelingAround reports whether ws[i] is an interjection that only
// colours the thanks or the success around it (search.IsInterjection):
// not one that is small talk itself („aha“, „hm“: social), not „na“,
// whose „na toll“, „na super“, „na danke“ are ironic (Duden, „na“: „na
// toll!“, „na, danke!“ as refusal), and none before an evaluative
// adjective („boah super“: praise or irony, which small talk cannot
// tell apart).
func feelingAround(ws []word, i int) bool {
	w := ws[i].w
	return search.IsInterjection(w) && !social(w) && w != "na" && (i+1 == len(ws) || !praiseAdjective(ws[i+1].w))
}

// successWords say that help worked (Duden, "klappen": "gelingen";
// "funktionieren"; "helfen"; "schaffen": "zustande bringen", „geschafft!“;
// "fertig": „abgeschlossen“; Cambridge Dictionary, "work": to be
// successful; "done": finished), as a member reports it ("hat geklappt",
// "it worked", „puh, geschafft“, "done").
var successWords = set("geklappt", "klappt", "funktioniert", "geholfen", "weitergeholfen", "hilft", "worked", "works",
	"helped", "geschafft", "fertig", "done")

// Reply particles (fix13): a member answers Lotse's question ("Hat dir
// das geholfen?", an offer) and goes on in the same message: "nein, ich
// brauche Hilfe bei der Anmeldung", "ja, aber wie teile ich …", "no, I
// need help". The answer particle opens the message like a greeting and
// says nothing of the matter: the rest is what is decided (replyLead).
var (
	// replyParticles are the answer and response particles of German
	// (Duden grammar, "Antwortpartikeln": ja, nein, doch, jein, and the
	// colloquial jo, jap, jup, nee, nö; the response particles naja, hm,
	// ok/okay; Duden, "okay", "hm", "naja") and English (Cambridge
	// Grammar of English, "response words": yes, no, yeah, yep, yup,
	// nope, nah, okay, hm), as typed in a chat.
	// The particles that say yes or no are chat's (YesParticles,
	// NoParticles), which every yes/no question reads.
	replyParticles = union(chat.YesParticles, chat.NoParticles, set("doch", "jein", "naja", "ok", "okay", "okey",
		"oki", "hm", "hmm", "hmmm"))
	// particleFollowers may follow the particle before the matter: the
	// conjunction that turns to it ("ja, aber …", "no, but …"), regret
	// ("nein, leider …", "no, unfortunately …"; Duden, "leider": the
	// answer particle's usual companion), thanks ("nein danke, …", "no
	// thank you, …"; thanksWords), the "bitte" of "ja, bitte" (Duden,
	// "bitte": the polite yes) and further particles ("ja ok, …").
	particleFollowers = set("aber", "but", "leider", "unfortunately", "bitte", "please")
)

// replyLead returns where the rest of text (words ws) starts after a
// leading run of reply particles (replyParticles, particleFollowers): 0
// when there is no such run, or nothing after it. "no" directly before a
// word with no clause break between is the determiner ("no sound in the
// meeting", "no access"; Cambridge Grammar: "no" as determiner), not the
// answer: no run. Nor is a word joined to the next by a hyphen ("Ja-Stimme",
// "OK-Button", "No-Show"; Duden: the hyphen of a compound). One pass over
// the run.
func replyLead(text string, ws []word) int {
	i, compound := particleRun(text, ws)
	if compound || i == 0 || i == len(ws) {
		return 0
	}
	if noDeterminer(text, ws, i) {
		return 0
	}
	return restStart(text, ws[i].start)
}

// noDeterminer reports whether the run of reply particles before ws[i]
// (0 < i < len(ws)) ends in a "no" that is ws[i]'s determiner, not the
// answer: no clause break stands between them ("no sound in the meeting",
// "no human please"; Cambridge Grammar: "no" as determiner). replyLead
// and IsHelpRequest read it alike.
func noDeterminer(text string, ws []word, i int) bool {
	return ws[i-1].w == "no" && !chat.BreakBefore(text, ws[i].start, clauseBreaks)
}

// particleRun returns the end i of the leading run of reply particles
// (replyParticles, then particleFollowers, thanks) of text (words ws), and
// whether the run ends in a word joined to the next by a hyphen
// ("Ja-Stimme", "OK-Button"; compound): then it is no run of particles.
// Particles joined to particles are said twice, no compound ("nein-nein",
// "ja-ja"; Duden, "jaja"). A particle that is also a German word
// (chat.NoAlone: "nah an der Tür") opens the run only before a clause
// break. replyLead and IsHelpRequest read the same run
// (review rvP11, finding 7). One pass over the run.
func particleRun(text string, ws []word) (i int, compound bool) {
	for i < len(ws) && (replyParticles[ws[i].w] ||
		i > 0 && (particleFollowers[ws[i].w] || thanksWords[ws[i].w] || ws[i].w == "you" && ws[i-1].w == "thank")) {
		if chat.NoAlone[ws[i].w] && !chat.SetApart(text, ws[i].start+len(ws[i].w)) {
			// "nah an der Tür", "nah dran": the German adjective, no
			// particle, unless a clause break ends it ("nah, ich …";
			// chat.NoAlone, read as support reads it).
			break
		}
		if end := ws[i].start + len(ws[i].w); end < len(text) && text[end] == '-' &&
			(i+1 == len(ws) || !replyParticles[ws[i+1].w]) {
			return i, true
		}
		i++
	}
	return i, false
}

// questionPart strips a leading run of greeting, thanks and
// question-announcing words ("Hallo Lotse, kurze Frage: …") and a trailing
// run of thanks ("…, danke!") from text and returns the rest. When nothing
// is left, lead is the kind of what was there.
func questionPart(text string, ws []word) (q string, start int, lead Talk) {
	i := 0
	announced := false
	for i < len(ws) && (greetWords[ws[i].w] || thanksWords[ws[i].w] || askWords[ws[i].w]) {
		announced = announced || askWords[ws[i].w] && !greetWords[ws[i].w]
		i++
	}
	// "(ich brauche) Hilfe beim Passwort", "I need help with my
	// password": the help asked for names its subject after a preposition
	// (Duden, "Hilfe": "Hilfe bei etwas"); the run is stripped with the
	// preposition, as it announces the question. "Hilfe" is no word of
	// the subject, and searched it finds the guide about "!hilfe" first
	// (review rv7, finding 11).
	helpWith := i > 0 && i+1 < len(ws) && (ws[i-1].w == "hilfe" || ws[i-1].w == "help") && helpPreps[ws[i].w] &&
		!chat.BreakBefore(text, ws[i].start, clauseBreaks)
	if helpWith {
		i++
		announced = true
		// A run said again ("Hilfe beim Hilfe beim Passwort", a
		// stutter or a paste; review rv8, finding 6) is stripped as
		// often as it repeats: each pass takes two words, so a message
		// costs linear time.
		for i+2 < len(ws) && (ws[i].w == "hilfe" || ws[i].w == "help") && helpPreps[ws[i+1].w] &&
			!chat.BreakBefore(text, ws[i+1].start, clauseBreaks) && !chat.BreakBefore(text, ws[i+2].start, clauseBreaks) {
			i += 2
		}
	}
	// "ich habe ein Problem mit …" keeps its words: only strip the run
	// when it ends at a clause boundary or at the end.
	if i > 0 && i < len(ws) && !helpWith && !chat.BreakBefore(text, ws[i].start, clauseBreaks) {
		// Strip only the greeting part at the start.
		i = 0
		for i < len(ws) && (greetWords[ws[i].w] || thanksWords[ws[i].w]) && ws[i].w != "du" && ws[i].w != "ihr" {
			i++
		}
		announced = false
		if i > 0 && i < len(ws) && !chat.BreakBefore(text, ws[i].start, clauseBreaks) {
			i = 0
		}
	}
	j := len(ws)
	for j > i && (thanksWords[ws[j-1].w] || byeWords[ws[j-1].w] || ws[j-1].w == "bitte" || ws[j-1].w == "please") && j-1 > i {
		j--
	}
	if i >= j {
		if announced {
			return "", 0, TalkPrompt
		}
		return "", 0, kindOf(ws)
	}
	end := len(text)
	if j < len(ws) {
		end = ws[j].start
	}
	return strings.TrimSpace(text[ws[i].start:end]), ws[i].start, ""
}

// helpPreps are the prepositions after "Hilfe"/"help" that name what the
// help is for ("Hilfe bei/mit/zu …", "help with/for/on …").
var helpPreps = set("bei", "beim", "mit", "zu", "zum", "zur", "für", "fuer", "with", "for", "on")

// Vague complaints and cries for help ("geht nicht", "Hilfe!",
// "funktioniert nicht mehr", "I have a problem") name no subject: no guide
// can fit, so they get the honest "no guide fits" with the way to a
// person, not a guide picked by "geht" or "Hilfe". Written from how people
// report trouble in a chat, not from a question set.
var (
	troubleWords = set("hilfe", "hilfeee", "help", "sos", "notfall", "kaputt", "fehler", "fehlermeldung", "error",
		"problem", "probleme", "problems", "issue", "broken", "mist", "mistig")
	// troubleVerbs complain only when negated ("geht nicht").
	troubleVerbs = set("geht", "gehts", "geht's", "funktioniert", "funktionierts", "funzt", "klappt", "klappts", "läuft",
		"tut", "works", "working", "work", "worked", "lädt", "startet", "reagiert")
	vagueFiller = set("ich", "hab", "habe", "hätte", "ein", "einen", "eine", "es", "das", "der", "die", "da", "mal",
		"wieder", "schon", "noch", "immer", "mehr", "gar", "überhaupt", "irgendwie", "alles", "nichts", "nicht", "kein",
		"keine", "bitte", "dringend", "mein", "meine", "hier", "jetzt", "plötzlich", "seit", "heute", "doesn't", "does",
		"not", "isn't", "it", "is", "nothing", "anything", "i", "have", "a", "an", "please", "urgent", "hallo", "hi",
		"hey", "moin", "brauche", "brauch", "bräuchte", "need", "wieso",
		// "'n", ugs. für "ein", "einen" (Duden), as "ne", "nen" below:
		// „hab n Problem“.
		"n", "warum", "why", "so", "echt", "total", "einfach",
		"irgendwas", "something", "with", "mit", "again", "still", "anymore", "at", "all", "any", "my", "help", "me",
		"mir", "du", "kannst", "can", "you", "ganz", "great", "grosses", "großes", "kleines", "ne", "nen",
		// The German of "with something" ("ich brauche Hilfe bei etwas",
		// "Hilfe bei einem Problem"; Duden: "Hilfe bei etwas") and the
		// dative of the articles and possessives above (review rv8:
		// the English was vague, the German quoted "etwas" as its
		// subject).
		"bei", "beim", "etwas", "einem", "einer", "meinem", "meiner", "meinen")
)

// isVague reports whether the words of a message are nothing but a vague
// complaint or a cry for help.
func isVague(ws []word) bool {
	trouble, neg := false, false
	for _, w := range ws {
		switch {
		case troubleWords[w.w]:
			trouble = true
		case troubleVerbs[w.w]:
		case negWords[w.w] || w.w == "nichts" || w.w == "doesn't" || w.w == "isn't":
			neg = true
		case vagueFiller[w.w] || stuckWords[w.w]:
		default:
			return false
		}
	}
	for _, w := range ws {
		if troubleVerbs[w.w] && neg {
			trouble = true
		}
	}
	return trouble || stuck(ws, neg)
}

// Being stuck (talk11): the idioms of not getting on with something name
// no subject either — Duden, "nicht weiterkommen" ("ich komme nicht
// weiter"), "nicht weiterwissen" ("ich weiß nicht weiter"), "festhängen"
// and "feststecken" ("ich hänge fest", "ich stecke fest"); Cambridge
// Dictionary, "stuck" ("be stuck": unable to go on with something
// difficult; "I'm stuck"). Alone (with vagueFiller around) they are a
// vague complaint like "geht nicht"; with a thing named ("ich komme bei
// der Anmeldung nicht weiter", "I'm stuck with the video call") the
// message is searched as before.
var (
	// stuckOn are the verb forms of "weiterkommen" and "weiterwissen"
	// (as typed, "weiß" also without ß): stuck only negated, with their
	// particle "weiter".
	stuckOn = set("komme", "komm", "kommen", "weiß", "weiss", "weis")
	// stuckFast are the verb forms of "festhängen" and "feststecken",
	// with their particle "fest".
	stuckFast = set("hänge", "häng", "hängen", "haenge", "haeng", "haengen", "stecke", "steck", "stecken")
	// stuckWords are all words of the idioms: the verbs, their
	// particles, "stuck" and the first person and being of "I'm stuck"
	// (typed with either apostrophe: "I’m" is "i" "m"), and the
	// temporal "gerade" (Duden: "jetzt, in diesem Augenblick": "ich
	// komme gerade nicht weiter").
	stuckWords = union(stuckOn, stuckFast, set("weiter", "fest", "stuck", "i'm", "im", "am", "m", "gerade"))
)

// stuck reports whether ws (all of them vagueFiller, trouble or
// stuckWords, as isVague reads them) make an idiom of being stuck; neg:
// a negation is there. One pass.
func stuck(ws []word, neg bool) bool {
	on, further, fast, particle := false, false, false, false
	for _, w := range ws {
		switch {
		case w.w == "stuck":
			return true
		case stuckOn[w.w]:
			on = true
		case stuckFast[w.w]:
			fast = true
		case w.w == "weiter":
			further = true
		case w.w == "fest":
			particle = true
		}
	}
	// "ich hänge nicht fest", "ich stecke nicht fest": a negated
	// "festhängen" denies being stuck (review rvP11, finding 1).
	return on && further && neg || fast && particle && !neg
}

// Talk addressed to the bot (sixth quality pass): a small grammar, like
// the requests for a person (human.go), instead of a list of sentences.
//
// What members say to a chat bot besides their questions falls into a few
// kinds, the same in every published small-talk collection of chat-bot
// builders — Microsoft's Personality Chat / QnA Maker chit-chat dataset
// ("you're great", "I love you", "are you a bot?", "what's your name?",
// "how are you?", "sorry"), the Dialogflow prebuilt Small Talk agent
// (smalltalk.agent.*: chatbot, real, age, name, busy, clever, good;
// smalltalk.user.loves_agent; smalltalk.dialog.sorry;
// smalltalk.greetings.how_are_you), Rasa's bot_challenge intent ("are you
// a bot?", "am I talking to a human?") and the small-talk intents of the
// CLINC150 corpus (Larson et al. 2019: are_you_a_bot, what_is_your_name,
// how_old_are_you, who_made_you, greeting "how are you doing"):
//
//   - praise and affection (TalkPraise): the addressee, a verb of being
//     and an evaluative word ("du bist super", "thanks, you're great",
//     "das ist lieb von dir"), a comparison ("schlauer als mein Enkel"),
//     help received ("du hast mir echt geholfen"), liking ("ich mag
//     dich", "love you"), being glad of it ("schön, dass es dich gibt");
//   - the phatic question after one's well-being (TalkHowAreYou; phatic
//     communion, Malinowski 1923): "na du, alles klar bei dir?", "how are
//     you doing today?", "wie läuft's bei dir?";
//   - questions about the bot as a being (TalkBot): its nature (Mensch,
//     Bot, KI, human, robot), name, age, maker, rest and feelings ("hast
//     du auch mal Feierabend?", "do you ever sleep?", "wer bist du?");
//   - an apology for bothering (TalkSorry; apologies as a speech act
//     in chat, Holmes 1990): "entschuldige, dass ich dich so oft nerve",
//     "sorry for all the questions".
//
// A message is such talk only when EVERY word belongs to the grammar's
// closed vocabulary (the addressee, verbs of being, having and feeling,
// modal particles and intensifiers after the Duden grammar, articles and
// the words of the kind) and a word of its kind is there: a message that
// names a thing ("was speicherst du über mich", "wie kann ich dich stumm
// schalten", "was kannst du alles") is a question and is searched. Words
// are matched folded (see fold). A comparison ("… als mein Enkel",
// "… than my kids") may name anything in its last four words.
var (
	// botPronouns address the one spoken to: "du" and its forms, "you"
	// (in a chat with the bot the singular; englishYou) and its forms.
	botPronouns = union(englishYou, set("du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "youre",
		"your", "yourself"))
	// botYou address the bot: botPronouns and its default name (small
	// talk is read without a library; aboutbot.go reads the library's).
	botYou = union(botPronouns, set(defaultBotName))
	// botBe are verbs of being, having, feeling and doing as a state
	// ("bist du …", "hast du …", "are you …", "do you sleep").
	botBe = set("bist", "bin", "ist", "sind", "warst", "wirst", "hast", "hat", "hab", "habe", "gibt", "gibts", "are",
		"is", "am", "were", "was", "have", "has", "do", "does", "did", "fuehlst", "feel", "machst", "brauchst", "kriegst",
		"get", "take", "thats", "whats", "hows", "whos", "its", "im")
	// botParticles are modal particles, intensifiers and the words a
	// short clause needs (articles, conjunctions, "es", "ich", "mir").
	botParticles = set("ja", "aber", "auch", "denn", "doch", "eigentlich", "einfach", "eben", "halt", "mal", "nur", "schon",
		"wohl", "echt", "wirklich", "sehr", "so", "total", "voll", "richtig", "ganz", "mega", "immer", "wieder", "heute",
		"gerade", "jetzt", "na", "und", "oder", "dass", "es", "ich", "mir", "mich", "da", "hier", "ein", "eine", "einen",
		"einer", "der", "die", "das", "den", "von", "really", "very", "just", "actually", "such", "truly", "totally",
		"pretty", "quite", "always", "ever", "today", "now", "and", "or", "a", "an", "the", "of", "i", "me", "it", "that",
		"there", "here", "too", "also", "oh", "ach", "hey", "hi", "hallo", "hello",
		// Prepositions and possessives of thanks and apologies ("danke
		// für …", "sorry to bother you", "mit meinen Fragen"), as in
		// the acknowledgement words (ackWords).
		"fuer", "mit", "meine", "meinen", "mein", "for", "to", "my", "with",
		// Quantities and repetition ("die vielen Fragen", "so oft",
		// "thanks so much", "again").
		"viele", "vielen", "oft", "staendig", "dauernd", "nochmal", "many", "all", "again", "these", "much", "often")
	// botPraise are evaluative words (praise, also of the bot's help).
	botPraise = set("super", "toll", "klasse", "spitze", "genial", "grossartig", "wunderbar", "fantastisch",
		"phantastisch", "prima", "cool", "stark", "nett", "lieb", "freundlich", "sympathisch", "suess", "geduldig",
		"hilfsbereit", "hilfreich", "schlau", "klug", "clever", "intelligent", "schnell", "gut", "beste", "bester",
		"besten", "schoen", "froh", "goldwert", "gold", "wert", "held", "heldin", "engel", "schatz", "great", "awesome",
		"amazing", "helpful", "smart", "nice", "kind", "wonderful", "brilliant", "best", "fantastic", "excellent",
		"lovely", "sweet", "patient", "genius", "hero", "star", "rock", "rocks", "legend", "lifesaver", "good", "glad",
		"fast", "geholfen", "weitergeholfen", "helped", "mag", "liebe", "gern", "gerne", "like", "love", "luv")
	// botComparatives compare ("schlauer als …", "better than …").
	botComparatives = set("schlauer", "klueger", "besser", "schneller", "netter", "hilfreicher", "geduldiger",
		"cleverer", "smarter", "better", "faster", "nicer", "kinder", "quicker")
	// botHowWords ask after one's well-being: "geht's", "läuft's",
	// "doing", "going", and "bei dir" ("alles klar bei dir?").
	botHowWords = set("geht", "gehts", "laeuft", "laeufts", "doing", "going", "hows", "befindest", "bei", "how", "alles",
		"klar", "ok", "okay", "fit", "fine", "well", "up", "things", "everything")
	// botBeing are what a person is or has and a program is not: its
	// nature, name, age, maker, rest and feelings; "wer"/"who" ask who it
	// is.
	botBeing = set("mensch", "menschen", "bot", "chatbot", "roboter", "robot", "maschine", "machine", "programm",
		"program", "computer", "ki", "ai", "kuenstliche", "intelligenz", "artificial", "intelligence", "human", "real",
		"person", "lebendig", "alive", "heisst", "heissen", "name", "called", "alt", "old", "age", "alter", "geburtstag",
		"birthday", "feierabend", "pause", "urlaub", "frei", "wochenende", "schlafen", "schlaefst", "schlaf", "muede",
		"sleep", "tired", "break", "rest", "off", "gefuehle", "gefuehl", "feelings", "emotions", "gluecklich", "traurig",
		"einsam", "happy", "sad", "lonely", "langweilig", "bored", "wohnst", "lebst", "live", "kommst", "her", "from",
		"gemacht", "programmiert", "erfunden", "gebaut", "entwickelt", "made", "built", "created", "programmed", "wer",
		"who", "wie", "was", "wo", "woher", "wann", "what", "where", "when", "nie", "never", "kein", "keine", "not", "no",
		"online", "wach", "awake", "noch", "still",
		// "echt" as an attribute, as English "real" ("bist du ein
		// echter Mensch?"; Duden, "echt": "nicht nachgemacht").
		"echter", "echte", "echtes", "echten")
	// botSorry apologise; botBother are what one apologises for.
	botSorry = set("entschuldige", "entschuldigung", "entschuldigen", "sorry", "verzeih", "verzeihung", "verzeihe",
		"leid", "tut", "apologies", "apologize", "apologise", "pardon")
	botBother = set("nerve", "nerven", "nerv", "nervt", "stoere", "stoeren", "stoerung", "belaestige", "belaestigen",
		"frage", "fragen", "dumme", "dummen", "doofe", "doofen", "bloede", "bother", "bothering", "annoy", "annoying",
		"disturb", "disturbing", "question", "questions", "stupid", "silly")
	// The words that make a message of each kind: an apology for
	// bothering (not for "eine Frage": "Entschuldigung, ich habe eine
	// Frage" announces one), well-being, the bot as a being.
	botBotherCore = set("nerve", "nerven", "nerv", "nervt", "stoere", "stoeren", "stoerung", "belaestige", "belaestigen",
		"dumme", "dummen", "doofe", "doofen", "bloede", "viele", "vielen", "oft", "staendig", "dauernd", "nochmal",
		"bother", "bothering", "annoy", "annoying", "disturb", "disturbing", "stupid", "silly", "many", "all", "again",
		"much", "often")
	// botHowCore ask after one's well-being; botHowAlone do it without
	// naming the addressee ("how's it going?").
	botHowAlone  = set("hows", "going", "doing")
	botHowCore   = set("geht", "gehts", "laeuft", "laeufts", "doing", "going", "hows", "befindest")
	botSorryCore = set("entschuldige", "entschuldigung", "entschuldigen", "sorry", "verzeih", "verzeihung", "verzeihe",
		"leid", "apologies", "apologize", "apologise", "pardon")
	botBeingCore = set("mensch", "menschen", "bot", "chatbot", "roboter", "robot", "maschine", "machine", "programm",
		"program", "computer", "ki", "ai", "intelligenz", "intelligence", "human", "real", "person", "lebendig", "alive",
		"heisst", "name", "called", "alt", "old", "age", "geburtstag", "birthday", "feierabend", "pause", "urlaub", "frei",
		"wochenende", "schlafen", "schlaefst", "muede", "sleep", "tired", "break", "gefuehle", "feelings", "emotions",
		"gluecklich", "traurig", "einsam", "lonely", "langweilig", "bored", "wohnst", "lebst", "live", "kommst",
		"gemacht", "programmiert", "erfunden", "gebaut", "entwickelt", "made", "built", "created", "programmed", "wer",
		"who", "online", "wach", "awake")
)

// botTalk reports whether the folded words ws of a message are nothing
// but talk addressed to the bot (see botYou) and of which kind, in this
// order: criticism of the bot or frustration (TalkCriticism, see
// critWords), a question about the bot as a being (TalkBot), an apology
// (TalkSorry), a question after its well-being (TalkHowAreYou), praise
// (TalkPraise). A negation ("du bist nicht hilfreich", "you are not
// helpful") makes neither of the last two. brk[i] reports a clause break
// before word i.
func botTalk(ws []string, brk []bool) (Talk, bool) {
	you, sorry, bother, being, neg := false, false, false, false, false
	how, howAlone, praise, forSorry := false, false, false, false
	var c critEvidence
	framed := praiseFrames(ws, brk)
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		switch {
		case framed[i]:
			// The adjective and noun of praise of what Lotse is ("du
			// bist ein guter Bot"): praise, not a question about its
			// nature (review rv8, finding 4).
			praise = true
			continue
		case i > 0 && thanksWords[ws[i-1]] && (w == "schoen" || w == "sehr"):
			// "danke schön", "danke sehr": the thanks formula (Duden,
			// "danke"), no praise — negated by a "nein" before it, it
			// was criticism (review rvP11, finding 11).
			continue
		case (w == "als" || w == "than") && i > 0 && (botComparatives[ws[i-1]] || critComparatives[ws[i-1]]):
			// A comparison names anything: up to four words to the
			// end of its clause.
			j := i + 1
			for j < len(ws) && !brk[j] {
				j++
			}
			if j-i-1 > 4 || j == i+1 {
				return "", false
			}
			praise = praise || botComparatives[ws[i-1]]
			i = j - 1
			continue
		case botYou[w]:
			you = true
		case leadWords[w] || botParticles[w] || botBe[w]:
		case botComparatives[w]:
			praise = true
		case botPraise[w] || botHowWords[w] || botBeing[w] || botSorry[w]:
		case botBother[w]:
			// What one apologises for ("die vielen Fragen"): in an
			// apology only.
			forSorry = true
		case critWords[w] || pejorativeBot(w):
			// (Hating may be part of an apology: "sorry, I hate to
			// bother you".)
			c.only = c.only || !critHate[w]
		default:
			return "", false
		}
		c.see(ws, i)
		sorry = sorry || botSorryCore[w]
		bother = bother || botBotherCore[w]
		// Presence: "bist du (noch) da?", "are you (still) there?".
		being = being || botBeingCore[w] || (w == "da" || w == "there" || w == "here") &&
			(i > 0 && botYou[ws[i-1]] || i > 1 && botYou[ws[i-2]] && (ws[i-1] == "noch" || ws[i-1] == "still"))
		howAlone = howAlone || botHowAlone[w]
		// ("immer" is a negation word of complaints, "immer noch", not
		// here: "du bist immer so nett".)
		neg = neg || negWords[w] && w != "immer" || w == "never" || w == "no"
		praise = praise || botPraise[w]
		// "geht's", "doing", "bei dir" ("alles klar bei dir?"), "how"
		// before a verb of being ("how are you").
		how = how || botHowCore[w] || w == "bei" && i+1 < len(ws) && ws[i+1] == "dir" ||
			w == "how" && i+1 < len(ws) && botBe[ws[i+1]]
	}
	crit := c.criticism(you, sorry, praise)
	machine := c
	machine.owned, machine.other = false, false
	switch {
	case crit:
		return TalkCriticism, true
	case (c.owned || c.other) && !c.person && machine.criticism(you, sorry, praise):
		// Criticism of the member's or another machine: a vague
		// complaint (talkMachine).
		return talkMachine, true
	case c.only:
		// A word known only to criticism makes no other kind.
		return "", false
	case you && being:
		return TalkBot, true
	case sorry && (you || bother):
		return TalkSorry, true
	case neg || forSorry:
		return "", false
	case how && (you || howAlone):
		return TalkHowAreYou, true
	case !you:
		return "", false
	case praise:
		return TalkPraise, true
	}
	return "", false
}

// praiseFrames marks the words of praise of what Lotse is: the addressee
// and a verb of being ("du bist", "you are", "you're"), modal particles
// and intensifiers, an article, evaluative adjectives and a noun of what
// Lotse is or does (natureNouns, praiseNouns): "du bist ein guter Bot",
// "du bist echt ein super Bot", "du bist eine tolle KI", "du bist der
// beste Assistent", "you're a good bot". framed[i] reports that ws[i] is
// one of the adjectives or the noun. The adjective may be declined
// ("guter", "tolle", "nettes": praiseAdjective); a declined form is read
// only in this frame, where it stands before the noun — elsewhere it
// praises nothing ("schönes Wochenende dir!" is a goodbye). A question
// ("bist du ein guter Bot?") makes no frame. A negation ("du bist kein
// guter Bot", "du bist gar nicht ein toller Bot", "you're not a good
// bot") does, but is no part of it: botTalk reads the negated praise as
// criticism (fix10: it was no talk, and "du bist … Bot" asked for a
// person). Each word is looked at a bounded number of times (frameGap).
func praiseFrames(ws []string, brk []bool) []bool {
	var framed []bool
	for i, w := range ws {
		if !praiseArticles[w] || !praiseSubject(ws, brk, i) {
			continue
		}
		j, adj := i+1, false
		for ; j < len(ws) && j <= i+frameGap && !brk[j]; j++ {
			if praiseAdjective(ws[j]) {
				adj = true
			} else if !praiseIntensifiers[ws[j]] {
				break
			}
		}
		if !adj || j >= len(ws) || brk[j] || !(natureNouns[ws[j]] || praiseNouns[ws[j]]) {
			continue
		}
		if framed == nil {
			framed = make([]bool, len(ws))
		}
		for k := i + 1; k <= j; k++ {
			framed[k] = !praiseIntensifiers[ws[k]]
		}
	}
	if framed == nil {
		return make([]bool, len(ws))
	}
	return framed
}

// frameGap bounds the words of a praise frame (praiseFrames) looked at
// around its article: particles before it, intensifiers and adjectives
// after it.
const frameGap = 4

// praiseSubject reports whether the article ws[i] follows the addressee
// and a verb of being in its clause, with up to frameGap modal particles,
// intensifiers or negations between ("du bist echt ein …", "you are such
// a …", "du bist gar kein …").
func praiseSubject(ws []string, brk []bool, i int) bool {
	k := i
	for k > 0 && !brk[k] && i-k < frameGap && (praiseIntensifiers[ws[k-1]] || frameNegations[ws[k-1]]) {
		k--
	}
	if k == 0 || brk[k] {
		return false
	}
	switch v := ws[k-1]; {
	case v == "youre":
		return true
	case v == "bist" && k > 1 && !brk[k-1]:
		return ws[k-2] == "du"
	case v == "are" && k > 1 && !brk[k-1]:
		return ws[k-2] == "you" || ws[k-2] == "u"
	}
	return false
}

// praiseArticles open the noun phrase of a praise frame (praiseFrames):
// the indefinite and definite articles ("der beste Bot", "the best bot")
// and the negative article ("kein guter Bot"; Duden: "kein" is the
// negation of "ein").
var praiseArticles = set("ein", "eine", "der", "die", "a", "an", "the", "kein", "keine")

// frameNegations may stand before the article of a praise frame and
// negate it ("du bist nicht der beste Bot", "du bist gar kein guter Bot",
// "you're not a good bot"), folded.
var frameNegations = set("nicht", "gar", "not")

// praiseIntensifiers may stand in a praise frame (praiseFrames): modal
// particles and intensifiers (Duden), folded.
var praiseIntensifiers = set("echt", "wirklich", "sehr", "so", "total", "voll", "richtig", "ganz", "mega", "ja", "einfach",
	"schon", "mir", "really", "very", "such", "truly", "totally", "pretty", "quite", "just")

// praiseNouns name what Lotse does, besides natureNouns (what it is):
// "du bist ein toller Assistent", "you're a great helper".
var praiseNouns = set("assistent", "assistentin", "assistant", "helfer", "helferin", "helferlein", "helper", "lotse")

// praiseAdjective reports whether w (folded) is an evaluative adjective
// (botPraise, botComparatives) or a declined form of one of botPraise
// (Duden: the endings -e, -er, -es, -en, -em of the attributive
// adjective: "guter", "tolle", "nettes", "lieben").
func praiseAdjective(w string) bool {
	if botPraise[w] || botComparatives[w] {
		return true
	}
	for _, end := range []string{"e", "er", "es", "en", "em"} {
		if stem, ok := strings.CutSuffix(w, end); ok && len(stem) > 1 && botPraise[stem] {
			return true
		}
	}
	return false
}

// The kinds of small talk addressed to the bot (see botTalk).
const (
	TalkPraise Talk = "praise" // praise or affection: "du bist super", "ich mag dich"
	TalkSorry  Talk = "sorry"  // an apology for bothering: "sorry, dass ich so oft nerve"
	TalkBot    Talk = "bot"    // the bot as a being: "bist du ein Mensch?", "wie heißt du?"
	// TalkCriticism is criticism of the bot or its help, or frustration:
	// "du verstehst mich nicht", "das hilft mir überhaupt nicht",
	// "blöder Bot", "you are useless", "ich bin echt genervt".
	TalkCriticism Talk = "criticism"
)

// talkMachine is what botTalk reports for criticism of a machine that is
// not Lotse ("der Computer ist Schrott", "mein Programm hilft mir nicht"):
// no apology from Lotse, which is not meant, but the question a vague
// complaint gets (see isVague, Texts.Vague): what exactly does not work,
// and where — how help desks answer "it doesn't work" (ask for the
// symptom and the place), with the way to a person after it.
const talkMachine Talk = "machine"

// otherMachine are the definite and demonstrative articles (Duden: der,
// die, das and their forms; dieser …; English the, this, that) before a
// machine noun (critBotNouns) that name a machine other than Lotse.
var otherMachine = set("der", "die", "das", "den", "dem", "des", "dieser", "diese", "dieses", "diesen", "diesem", "the",
	"this", "that")

// botReply answers a question about the bot as a being (t = TalkBot):
// honestly a bot; or criticism and frustration (t = TalkCriticism): a
// short apology, no defence and no quoting of the member's words. Both
// end with the way to a person — how to ask for a support case when cases
// are on (a request for a person, see personRequest), the fallback
// contact otherwise.
//
// nature: the question asks whether Lotse is a person or a machine
// ("bist du ein Bot?", "are you human?"; natureWords, botNatureQuestions)
// — often the wish to reach a person. With cases on the member then gets
// the offer of a case right away, one tap or one word, as a request for
// a person gets it (CaseLead; the chat makes the offer, which quotes the
// message and opens nothing before the member's "ja" or ✅), instead of a
// sentence to write. Not for criticism, whose words would be quoted to
// the team, nor for the name or age ("wie heißt du?").
func botReply(tx *Texts, opts Options, t Talk, nature bool) Decision {
	if t == TalkBot && nature && opts.Cases {
		lead := tx.Bot + " " + tx.BotHuman
		return Decision{Outcome: SmallTalk, Talk: t, Reply: lead + " " + tx.HumanOffer, CaseLead: lead}
	}
	way := contact(tx, opts)
	if opts.Cases {
		way = tx.BotCases
	}
	lead := tx.Bot
	if t == TalkCriticism {
		lead = tx.Criticism
	}
	return Decision{Outcome: SmallTalk, Talk: t, Reply: lead + " " + way}
}

// Criticism and frustration addressed to the bot (sixth quality pass,
// branch mood6): negative evaluation of the bot or of its help ("du bist
// nutzlos", "blöder Bot", "that's not helpful"), not being understood or
// helped ("du verstehst mich nicht", "das hilft mir überhaupt nicht",
// "you don't get it"), insults, and frustration ("ich bin echt genervt",
// "ich geb's auf", "this is so frustrating"). The kinds are those of the
// published small-talk collections: Microsoft's Personality Chat / QnA
// Maker chit-chat dataset (its criticism of the bot), the Dialogflow
// prebuilt Small Talk agent
// (smalltalk.agent.bad, smalltalk.agent.annoying, smalltalk.user.angry),
// Rasa's mood_unhappy intent and the CLINC150 corpus (Larson et al. 2019);
// and of help-desk practice: a complaint or expressed frustration is met
// with an apology and the way to a person, not with a defence or another
// guide (ServiceNow Virtual Agent small talk: "Complaint: This answer
// doesn't help me" may prompt a live agent). German words after the Duden
// (negation: nicht, kein, nie, nichts, wenig, kaum; the adjectives in
// their inflected forms); English "not"-contractions also as typed with a
// typographic apostrophe ("don’t" → "don" "t").
//
// As for the other kinds, EVERY word must belong to the closed
// vocabulary, so a message that names a thing stays a question: "die App
// versteht mein Passwort nicht", "der Link hilft nicht, die Datei ist
// leer", "Nextcloud ist nutzlos langsam" are searched. The guides
// themselves ("die Anleitung hilft nicht") are no word of it: guides that
// failed the member are a request for a person (human.go). A word known
// only here makes no other kind ("kannst du …" stays a question).
var (
	// critBad evaluate negatively (an insult, "useless"): criticism
	// unless negated ("nicht schlecht", "not bad").
	critBad = set("nutzlos", "nutzlose", "nutzloser", "nutzloses", "nutzlosen", "sinnlos", "sinnlose", "sinnloser",
		"unbrauchbar", "unbrauchbare", "unbrauchbarer", "unnuetz", "unnuetze", "unnuetzer", "doof", "doofe", "doofer",
		"doofes", "doofen", "bloed", "bloede", "bloeder", "bloedes", "bloeden", "dumm", "dumme", "dummer", "dummes",
		"dummen", "bescheuert", "bescheuerte", "bescheuerter", "bekloppt", "bekloppte", "bekloppter", "schlecht",
		"schlechte", "schlechter", "schlechtes", "schlechten", "schlechteste", "schlechtester", "schlechtesten",
		"furchtbar", "furchtbare", "furchtbarer", "schrecklich", "schreckliche", "schrecklicher", "mies", "miese",
		"mieser", "katastrophal", "katastrophe", "quatsch", "unsinn", "bloedsinn", "schwachsinn", "scheisse", "scheiss",
		"schrott", "muell", "witz", "lachhaft", "enttaeuschend", "nervig", "nervt", "nervst", "nervtoetend",
		"aergerlich", "frustrierend", "zeitverschwendung", "idiot", "idiotisch", "armselig", "duemmer",
		"useless", "stupid", "dumb", "bad", "worst", "worse", "terrible", "awful", "horrible", "rubbish", "garbage", "crap",
		"crappy", "trash", "pointless", "idiotic", "sucks", "suck", "lame", "waste", "nonsense", "bullshit", "shit",
		"shitty", "joke", "pathetic", "disappointing", "annoying", "irritating", "frustrating", "dumber", "stupider",
		// Terms of abuse (Duden marks them "derb" or "salopp
		// abwertend": Arschloch, Trottel, Depp, Vollidiot, Blödmann;
		// Merriam-Webster "offensive"/"vulgar": asshole, moron, fuck)
		// and the verbs of hating, the opposite of liking (botPraise:
		// "ich mag dich", "love you"): "du Arschloch", "fuck you", "ich
		// hasse dich" get the apology, not a "no guide" that quotes them
		// and offers to pass them on to the team.
		"arschloch", "trottel", "depp", "vollidiot", "bloedmann", "dummkopf", "penner", "asshole", "moron", "jerk",
		"fuck", "fucking")
	// critHate are the verbs of hating (see critBad): criticism but in
	// an apology for bothering ("I hate to bother you", "ich hasse es,
	// dich zu stören": botBother).
	critHate = set("hasse", "hasst", "hate", "hates")
	// critComparatives compare for the worse ("dümmer als mein Toaster").
	critComparatives = set("schlechter", "duemmer", "doofer", "bloeder", "worse", "dumber", "stupider")
	// critState are the member's frustration ("ich bin genervt"): not
	// when asked of the bot ("bist du sauer?").
	critState = set("frustriert", "genervt", "sauer", "wuetend", "verzweifelt", "verzweifle", "verzweifel",
		"enttaeuscht", "veraergert", "aergere", "frustrated", "annoyed", "angry", "furious", "pissed", "upset",
		"disappointed")
	// critUp give up ("ich gebe auf", "I give up", "fed up") before
	// "auf"/"up".
	critUp = set("gebe", "geb", "gebs", "give", "fed")
	// critHelp are the verbs and nouns of helping, being of use and
	// making sense: criticism when negated ("das hilft nicht", "du bist
	// keine Hilfe", "ergibt keinen Sinn", "not helpful", "that's not
	// right").
	critHelp = set("hilft", "hilfst", "helfen", "hilf", "weiterhelfen", "geholfen", "weitergeholfen", "hilfreich",
		"hilfe", "bringt", "bringst", "bringen", "taugt", "taugst", "taugen", "nuetzt", "nutzt", "nuetzlich", "brauchbar",
		"sinnvoll", "stimmt", "sinn", "korrekt", "help", "helps", "helped", "helping", "helpful", "useful", "sense",
		"correct")
	// critUnderstand are the verbs of understanding: criticism when
	// negated and the bot is there ("du verstehst mich nicht", "ich
	// verstehe dich nicht", "der Bot kapiert es nicht"); "ich verstehe
	// das nicht" is the member's trouble with a matter, and is searched.
	critUnderstand = set("verstehst", "versteht", "verstehen", "verstehe", "versteh", "verstanden", "kapierst",
		"kapiert", "kapieren", "kapier", "checkst", "raffst", "begreifst", "understand", "understands", "understood",
		"get", "gets", "getting")
	// critWrong: the answer is wrong ("das ist falsch", "falsche
	// Antwort", "wrong answer"), said of it, not by the member of
	// themselves ("hab ich was falsch gemacht?").
	critWrong = set("falsch", "falsche", "falscher", "falsches", "falschen", "wrong")
	// critThat point at what Lotse said ("das", "that").
	critThat = set("das", "dies", "dieses", "es", "that", "this", "thats", "its", "it")
	// critHelpNouns are Lotse's help besides its guides.
	critHelpNouns = set("antwort", "antworten", "hilfe", "tipp", "tipps", "vorschlag", "vorschlaege", "vorschlaegen",
		"info", "infos", "auskunft", "rat", "ratschlag", "answer", "answers", "reply", "replies", "response",
		"responses", "tip", "tips", "suggestion", "suggestions", "help", "advice")
	// critBotNouns name Lotse as a machine ("blöder Bot", "dieses Ding").
	critBotNouns = set("bot", "chatbot", "roboter", "robot", "maschine", "machine", "programm", "program", "computer",
		"ki", "ai", "ding", "thing")
	// critMember: the member speaks of themselves ("ich bin genervt").
	critMember = set("ich", "i", "im", "bin")
	// critPerson name a person: "ich bin frustriert, kann mir ein Mensch
	// helfen?" asks for one (personRequest), and "du bist kein Mensch"
	// is about what Lotse is.
	critPerson = set("mensch", "menschen", "human", "humans", "person", "people")
	// critWellBeing: the member's well-being ("mir geht's nicht gut", "I
	// feel bad"), no criticism.
	critWellBeing = set("geht", "gehts", "fuehle", "fuehl", "feel", "feeling")
	// critNeg are the negations (negation.go), each named, with „wenig“
	// and „kaum“ as weak negation and the answer particles („nein“,
	// „nee“, „nö“, "nope"). Named, not the list minus some: a word added
	// to negations is read here only when it is added here too. Not
	// „net“: the criticism grammar was measured without it, so „lotse du
	// bist net hilfreich“ is no criticism today. Not on purpose; kept, as
	// a refactoring changes no reply.
	critNeg = union(negationsOf("nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals",
		"nichts", "nich", "nix", "not", "no", "never", "nothing", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt",
		"werent", "cant", "cannot", "couldnt", "wont", "wouldnt", "havent", "hasnt"),
		set("wenig", "kaum", "nein", "nee", "noe", "nope"))
	// aposNeg are the stems of "n’t" typed with a typographic
	// apostrophe, which splits the word ("don’t" → "don" "t").
	aposNeg = set("don", "doesn", "didn", "isn", "aren", "wasn", "weren", "couldn", "wouldn", "won", "haven", "hasn",
		"can")
	// critParticles are the rest a short complaint needs: intensifiers
	// ("überhaupt", "gar", "at all"), question words of reproach
	// ("warum", "why"), modal verbs ("kannst", "can"), "auf"/"up" of
	// giving up, interjections ("boah", "ugh") and the parts of English
	// contractions typed with a typographic apostrophe.
	critParticles = set("war", "waren", "grosse", "grosser", "grosses", "big", "gar", "ueberhaupt", "absolut", "voellig", "komplett", "leider", "schade", "irgendwie", "zu",
		"dafuer", "mehr", "weiter", "warum", "wieso", "weshalb", "kannst", "kann", "koennen", "konntest", "ergibt", "macht",
		"auf", "aufgeben", "sowas", "boah", "man", "mann", "ey", "argh", "ugh", "meh", "why", "even", "at", "anything",
		"anymore", "can", "could", "makes", "make", "up", "me", "t", "s", "re", "m", "ve", "ll", "d")
	// critDismiss are the imperatives of dismissal, a closed list of
	// fixed phrases (Duden marks them "derb" or "salopp": "halt die
	// Klappe/Schnauze/das Maul/die Fresse", "leck mich", "verpiss dich",
	// "hau ab"; Merriam-Webster "rude"/"vulgar": "shut up", "piss off",
	// "get lost"); dismissal is their first word followed by the second
	// (dismissal): "halt die Klappe", "shut up" get the apology, not a
	// "no guide" that quotes them. ("fuck off" is criticism by "fuck".)
	critDismiss = map[string][]string{"halt": {"klappe", "schnauze", "maul", "fresse"},
		"halts": {"klappe", "schnauze", "maul", "fresse"}, "haltet": {"klappe", "schnauze", "maul", "fresse"},
		"leck": {"mich"}, "verpiss": {"dich"}, "verpisst": {"dich", "euch"}, "hau": {"ab"}, "shut": {"up"},
		"piss": {"off"}, "get": {"lost"}}
	// critDismissWords are the words of critDismiss's phrases.
	critDismissWords = func() map[string]bool {
		m := map[string]bool{}
		for first, seconds := range critDismiss {
			m[first] = true
			for _, w := range seconds {
				m[w] = true
			}
		}
		return m
	}()
	// critWords are the vocabulary of criticism.
	critWords = union(critBad, critHate, critComparatives, critState, critUp, critHelp, critUnderstand, critWrong, critThat,
		critHelpNouns, critBotNouns, critMember, critWellBeing, critNeg, aposNeg, critParticles, critDismissWords)
)

// critEvidence is what the words of a message say for criticism (see
// critBad and the sets after it); see adds one word.
type critEvidence struct {
	bad, badBother, state, giveUp, help, understand, wrong bool
	that, helpNoun, botNoun, member, mir, wellBeing, neg   bool
	// person: a person is named (critPerson); question: the message
	// opens with a verb of being, a yes/no question ("ist das falsch?";
	// not "was", German "what": "was für ein blöder Bot").
	person, question bool
	// reproach: "überhaupt"/"even" in a question to the bot ("verstehst
	// du mich überhaupt?", "do you even understand me?"; Duden:
	// "überhaupt" in a question expresses doubt).
	reproach bool
	// owned: a machine of the member's ("mein Computer ist Schrott"),
	// not Lotse; other: a machine named with a definite or
	// demonstrative article ("der Computer ist Schrott", "das Programm
	// hilft mir nicht", "dieses Ding"), not Lotse either — Lotse is
	// "du", "der Bot" (otherMachine).
	owned, other bool
	// hate: a verb of hating (critHate); bothers: a word of bothering
	// (botBother), which makes hating no criticism ("I hate to bother
	// you").
	hate, bothers bool
	// hateYou: hating said to the bot ("ich hasse dich", "I hate
	// you"), an insult of Lotse whatever else the message names.
	hateYou bool
	// only: a word of the criticism vocabulary alone (critWords).
	only bool
	// dismiss: an imperative of dismissal ("halt die Klappe", "shut up";
	// critDismiss).
	dismiss bool
}

// dismissal reports whether ws[i] opens a phrase of dismissal
// (critDismiss): its second word next, or after an article, a possessive
// or a modal particle ("halt die Klappe", "halt deine Klappe", "halt's
// Maul", "halt einfach die Klappe"; dismissGap). An imperative has no
// subject: after a subject pronoun the verb is a statement about the
// speaker ("ich hau jetzt ab", a goodbye; "I get lost in the menu"),
// not a dismissal (dismissSubject).
func dismissal(ws []string, i int) bool {
	seconds, ok := critDismiss[ws[i]]
	if !ok || i > 0 && dismissSubject[ws[i-1]] {
		return false
	}
	for j := i + 1; j < min(len(ws), i+4); j++ {
		if slices.Contains(seconds, ws[j]) {
			return true
		}
		if !dismissGap[ws[j]] {
			return false
		}
	}
	return false
}

// dismissGap may stand inside a phrase of dismissal: the article or
// possessive of its noun, and the modal particles of an imperative
// (Duden: einfach, mal, doch, jetzt).
var dismissGap = set("die", "das", "dein", "deine", "s", "einfach", "mal", "doch", "jetzt")

// dismissSubject are the subject pronouns that make the verb of a
// phrase of dismissal a statement, not an imperative ("ich hau ab", "we
// get lost"). (A pronoun after the verb, "hau ich ab", is no dismissGap
// and ends the phrase anyway; "du" is left out: "du, halt die Klappe"
// addresses the bot.)
var dismissSubject = set("ich", "er", "sie", "es", "wir", "man", "i", "he", "she", "it", "we", "they")

func (c *critEvidence) see(ws []string, i int) {
	w, prev, next := ws[i], "", ""
	if i > 0 {
		prev = ws[i-1]
	}
	if i+1 < len(ws) {
		next = ws[i+1]
	}
	// "my bad" apologises.
	if critBad[w] && !(w == "bad" && prev == "my") || pejorativeBot(w) {
		// The words of bothering ("dumme Frage", "nervt") are no
		// criticism in an apology (botBother).
		if botBother[w] {
			c.badBother = true
		} else {
			c.bad = true
		}
	}
	c.hate = c.hate || critHate[w]
	c.hateYou = c.hateYou || critHate[w] && (next == "dich" || next == "you" || next == "u" || next == "ya")
	c.dismiss = c.dismiss || dismissal(ws, i)
	c.bothers = c.bothers || botBother[w]
	c.state = c.state || critState[w]
	c.giveUp = c.giveUp || critUp[w] && (next == "auf" || next == "up") || w == "aufgeben"
	c.help = c.help || critHelp[w]
	c.understand = c.understand || critUnderstand[w]
	c.wrong = c.wrong || critWrong[w]
	c.that = c.that || critThat[w]
	c.helpNoun = c.helpNoun || critHelpNouns[w]
	c.botNoun = c.botNoun || critBotNouns[w]
	c.member = c.member || critMember[w]
	c.mir = c.mir || w == "mir"
	c.wellBeing = c.wellBeing || critWellBeing[w]
	c.person = c.person || critPerson[w]
	c.reproach = c.reproach || w == "ueberhaupt" || w == "even"
	c.owned = c.owned || critBotNouns[w] && (prev == "mein" || prev == "meine" || prev == "meinen" || prev == "my")
	c.other = c.other || critBotNouns[w] && w != "bot" && w != "chatbot" && otherMachine[prev]
	c.question = c.question || i == 0 && (w == "ist" || w == "sind" || w == "war" || w == "is" || w == "are")
	// "ein wenig" is a little, no negation.
	c.neg = c.neg || critNeg[w] && !(w == "wenig" && prev == "ein") || w == "t" && aposNeg[prev]
}

// criticism reports whether the evidence is criticism of the bot or
// frustration; you: the bot is addressed, sorry: an apology word is
// there, praise: an evaluative word of praise (botPraise).
func (c *critEvidence) criticism(you, sorry, praise bool) bool {
	// Of the member's own state: "mir geht's schlecht", "mir ist
	// schlecht" (with nothing else as subject).
	self := c.wellBeing || c.mir && !(you || c.that || c.botNoun || c.helpNoun)
	// An apology keeps its words ("sorry für die dumme Frage"); with the
	// bot named it is criticism still ("sorry, aber du bist nutzlos").
	bad := c.bad && (!sorry || you || c.botNoun) || c.badBother && !sorry || c.hate && !c.bothers
	switch {
	case c.hateYou && !c.bothers && !c.neg:
		// "bist du ein Mensch? Ich hasse dich": the insult is the
		// message, the person named asks for nobody — the apology,
		// not an offer that quotes it to the team (review rv8,
		// finding 5).
		return true
	case c.person || c.owned || c.other:
		return false
	// "ist KI schlecht?" asks about a matter; "bist du blöd?" is
	// criticism.
	case bad && !c.neg && !self && !(c.question && !you):
		return true
	case c.dismiss && !c.neg && !c.question:
		return true
	case c.state && (c.member || !you), c.giveUp:
		return true
	case c.neg && (c.help || praise && !self || c.understand && (you || c.botNoun)):
		return true
	case c.reproach && you && (c.understand || c.help):
		return true
	case c.wrong && !c.neg && (c.that || c.helpNoun) && !c.member && !c.question:
		return true
	}
	return false
}

// pejorativeFirst are the pejorative first parts of German compounds
// (Duden, Die Grammatik, Wortbildung: "Scheiß-", "Dreck(s)-", "Mist-",
// "Kack-" as abwertende Präfixoide; and critBad's stems "Schrott-",
// "Blöd-", "Doof-", "Dumm-"), folded.
var pejorativeFirst = []string{"scheiss", "drecks", "dreck", "mist", "kack", "schrott", "bloed", "doof", "dumm"}

// pejorativeBot reports whether w is a pejorative compound of "Bot"
// ("Scheißbot", "Drecksbot", "Mistbot", "Blödbot", folded): an insult
// of Lotse in one word, like "blöder Bot".
func pejorativeBot(w string) bool {
	head, ok := strings.CutSuffix(w, "bot")
	return ok && slices.Contains(pejorativeFirst, strings.TrimSuffix(head, "chat"))
}

// botNatureQuestions reports where the questions about the bot's nature
// at the front of a message end: 0 if there are none, len(ws) if the
// message is nothing else. Such a question is a yes/no question put to
// the bot (verb first, Duden, Die Grammatik: Entscheidungsfrage; "bist
// du …?", "are you …?", after a greeting) that names what a person or a
// machine is (humanNouns, botWords): "Bist du eine KI wie ChatGPT?",
// "Bist du der Bot vom Digitalisierungsteam?", "are you a real human?".
// It asks what Lotse is — not for a person, which a request names ("ich
// will mit einem Menschen sprechen"), nor whether one is there ("gibt es
// hier echte Menschen?", "ist da ein Mensch oder nur ein Automat?") —
// even with a word that botTalk does not know. The question must be a
// sentence of its own, ended by ".", "?", "!" or a line break, or the
// end of the message, of at most botNatureMax words, without a comma
// (a relative clause: "bist du ein Bot, der mir helfen kann?") and
// without a verb of speaking, helping or wanting ("bist du ein Mensch
// oder kann ich mit einem sprechen?", see handOver), which keep it a
// request. words are the tokens of text, ws their folded forms, brk the
// clause breaks. A rest that only presses for the answer ("antworte!",
// "sag schon!", "tell me", see keyedOnly) belongs to the questions: it
// asks nothing of its own, and a guide found for its words would drop
// the question that was asked (review rv7, finding 3).
func botNatureQuestions(text string, words []word, ws []string, brk []bool) int {
	from := natureQuestionsEnd(text, words, ws, brk)
	if from > 0 && keyedOnly(ws[from:], pressVerbs, pressRest) {
		return len(ws)
	}
	return from
}

// pressVerbs are the imperatives that press for an answer (Duden:
// antworten, sagen, sprechen, reden, verraten, erzählen, zugeben — "gib
// zu"; English answer, reply, respond, tell, say, speak, admit), folded.
var pressVerbs = set("antworte", "antwortet", "antworten", "antwort", "sag", "sage", "sags", "sagt", "sprich", "sprecht",
	"rede", "red", "redet", "verrat", "verrate", "verrats", "verratet", "erzaehl", "erzaehle", "erzaehlt", "gib",
	"answer", "reply", "respond", "tell", "say", "speak", "admit")

// pressRest are the words that may stand beside a pressVerb: modal
// particles and adverbs of urging (Duden: schon, doch, mal, endlich,
// jetzt, nun, los, komm), the addressee and the object of telling ("mir",
// "es", "die Wahrheit", "ja oder nein"), "ehrlich", "bitte", and the
// English ones ("come on", "tell me the truth", "please", "now").
var pressRest = set("schon", "doch", "mal", "endlich", "jetzt", "nun", "los", "na", "komm", "bitte", "mir", "uns", "es",
	"das", "die", "wahrheit", "ehrlich", "einfach", "halt", "zu", "ja", "oder", "nein", "nochmal", "come", "on", "me",
	"us", "it", "the", "truth", "honestly", "truthfully", "please", "just", "now", "already", "yes", "no", "or")

// keyedOnly reports whether ws (folded) are nothing but words of key and
// rest, with one word of key at least: a rest that only presses for the
// answer (key pressVerbs, rest pressRest: "antworte mir endlich!", "sag
// schon", "los, antworte", "come on, tell me"), or nothing but what Lotse
// is (key the nouns, rest natureFill). A word of its own makes a question
// ("sag mir, wie ich …").
func keyedOnly(ws []string, key, rest map[string]bool) bool {
	keyed := false
	for _, w := range ws {
		switch {
		case key[w]:
			keyed = true
		case !rest[w]:
			return false
		}
	}
	return keyed
}

// natureQuestionsEnd is botNatureQuestions without a pressing rest.
func natureQuestionsEnd(text string, words []word, ws []string, brk []bool) int {
	from := 0
	// request: the person grammar reads a request in the message (read
	// once, when a question needs it: personRead).
	request, personRead := false, false
	for {
		i := from
		for i < len(ws) && leadWords[ws[i]] {
			i++
		}
		head, nouns := natureHead(ws, i)
		if head == 0 {
			return from
		}
		end := i + head
		for end < len(ws) && !brk[end] {
			end++
		}
		if end-i > botNatureMax || end < len(ws) && !chat.BreakBefore(text, words[end].start, ".!?\n") {
			return from
		}
		if nouns != nil {
			// "ist das ein Bot?", "am I talking to a bot?": nothing but
			// what it is may follow; a request the person grammar
			// reads in it ("is this a real person?") stays one.
			if !keyedOnly(ws[i+head:end], nouns, natureFill) {
				return from
			}
			if !personRead {
				// Once per message: a paste of many such questions costs
				// one pass of the person grammar, not one per question.
				request, personRead = personRequest(ws, brk) != noHuman, true
			}
			if request {
				return from
			}
			from = end
			continue
		}
		being := false
		for k, w := range ws[i+2 : end] {
			if handOver(ws, i+2+k) {
				return from
			}
			// The noun is what the bot is (the predicate, "bist du ein
			// Mensch?"), not whom it serves ("bist du auch für Menschen
			// mit Behinderung da?"): not after a preposition.
			being = being || (botWords[w] || humanNouns[w] && !groupWords[w]) && !(k > 0 && natureNotPreps[ws[i+1+k]])
		}
		if !being {
			return from
		}
		from = end
	}
}

// natureHead reports how many words at ws[i] open a yes/no question
// about what Lotse is: "bist du …", "are you …" (nouns nil: the question
// is read as botNatureQuestions says); and, where the subject could be
// something else than Lotse, with the nouns the predicate must be made
// of (keyedOnly with natureFill): the copula with a demonstrative or the
// polite "Sie" ("ist das ein Bot?", "is this an AI?", "sind Sie ein
// Mensch?"), and
// asking whom one talks to ("rede ich mit einem Bot?", "am I talking to
// a human?"). What the person grammar reads as a request stays one
// ("spreche ich mit einem Menschen?", "is this a real person?").
func natureHead(ws []string, i int) (n int, nouns map[string]bool) {
	at := func(k int, any ...string) bool { return i+k < len(ws) && slices.Contains(any, ws[i+k]) }
	switch {
	case at(0, "bist") && at(1, "du"), at(0, "are") && at(1, "you", "u"):
		return 2, nil
	case at(0, "sind") && at(1, "sie"), at(0, "ist") && at(1, "das", "dies"), at(0, "is") && at(1, "this", "that", "it"):
		return 2, natureNouns
	case at(0, "am") && at(1, "i") && at(2, "talking", "chatting", "speaking", "texting", "writing") && at(3, "to", "with"):
		return 4, natureNouns
	case at(0, "rede", "spreche", "schreibe", "chatte") && at(1, "ich") && at(2, "mit"):
		return 3, natureNouns
	case at(0, "rede", "spreche", "schreibe", "chatte") && at(1, "ich") && at(2, "hier", "gerade", "jetzt") && at(3, "mit"):
		return 4, natureNouns
	}
	return 0, nil
}

// natureNouns name Lotse as a machine or a person (not a class of
// people: groupWords).
var (
	natureNouns = func() map[string]bool {
		m := union(botWords, set("chatbot", "intelligenz", "intelligence"))
		for w := range humanNouns {
			if !groupWords[w] {
				m[w] = true
			}
		}
		return m
	}()
)

// natureFill may stand beside the nouns of what Lotse is: articles,
// modal particles, "or" and the adjectives of being real or artificial
// ("nur ein Bot", "ein echter Mensch oder eine KI", "a real human", "an
// artificial intelligence"), folded.
var natureFill = set("ein", "eine", "einen", "einem", "einer", "der", "die", "das", "dem", "den", "a", "an", "the", "hier",
	"nur", "wirklich", "eigentlich", "echt", "gerade", "noch", "jetzt", "etwa", "here", "really", "actually", "just", "only",
	"still", "now", "oder", "or", "echter", "echte", "echten", "echtem", "echtes", "richtiger", "richtige", "richtigen",
	"real", "actual", "live", "lebender", "lebendiger", "kuenstliche", "kuenstlichen", "kuenstlicher", "artificial")

// handOver reports whether ws[i] is a verb of the person grammar
// (human.go) that keeps a question to the bot a request: speaking,
// helping, showing, wanting, calling, reaching, asking, handing over ("are
// you able to connect me to a human?", "bist du in der Lage, mich an
// einen Menschen weiterzuleiten?").
func handOver(ws []string, i int) bool {
	w := ws[i]
	return speakVerbs[w] || helpVerbs[w] || showVerbs[w] || wantVerbs[w] || callVerbs[w] || reachVerbs[w] ||
		askVerbs[w] || forwardVerb(ws, i) || strings.HasPrefix(w, "verbind") || strings.HasPrefix(w, "weiterleit") ||
		strings.HasPrefix(w, "weiterzuleit") || w == "connect" || w == "transfer"
}

// natureNotPreps are prepositions (Duden; English): a noun after them is
// no predicate of "bist du …?" (see botNatureQuestions). Not "an", also
// the English article ("are you an AI?").
var natureNotPreps = set("fuer", "mit", "von", "vom", "zu", "zum", "zur", "bei", "beim", "auf", "ueber", "gegen",
	"ohne", "unter", "for", "with", "to", "from", "of", "by", "about", "against", "without")

// natureWords name what a person or a machine is: a question about the
// bot that names one asks whether Lotse is a person (see botReply). The
// nouns of the person grammar (humanNouns, botWords; not a class of
// people, groupWords: natureNouns) and the machine and life words of
// botBeingCore.
var natureWords = union(natureNouns, set("programm", "program", "computer", "kuenstliche", "artificial", "real", "echter",
	"echte", "echtes", "echten", "lebendig", "alive"))

// namesNature reports whether one of ws (folded; brk their clause
// breaks) is a natureWord that says what Lotse is, not how the member
// addresses it: "Bot" as the address ("wie heißt du, Bot?", "Hallo Bot,
// wie alt bist du?", "what's your name, bot?") asks nothing about its
// nature — a name or age question keeps the sentence (botReply). An
// address is set off by commas (Duden, Komma bei der Anrede) or follows a
// greeting ("Hallo Bot", "lieber Bot", "hey bot"): a natureWord alone in
// its clause but for greetings, or right after a greeting, is one.
func namesNature(ws []string, brk []bool) bool {
	for i, w := range ws {
		if natureWords[w] && !addressedAs(ws, brk, i) {
			return true
		}
	}
	return false
}

// addressedAs reports whether ws[i] is the address of a message (see
// namesNature): in its clause (brk) after nothing but greetings, at least
// one ("Hallo Bot wie heißt du"), or at the clause's start with nothing
// but greetings after it (", Bot?", "Bot, …"). Each scan stops at the
// first other word, so a message costs linear time however many nature
// words it repeats.
func addressedAs(ws []string, brk []bool, i int) bool {
	k := i
	for k > 0 && !brk[k] {
		if !greetWords[ws[k-1]] {
			return false
		}
		k--
	}
	if k < i {
		return true
	}
	for j := i + 1; j < len(ws) && !brk[j]; j++ {
		if !greetWords[ws[j]] {
			return false
		}
	}
	return true
}

// botNatureMax is the most words of a question about the bot's nature
// (botNatureQuestions): "bist du eigentlich ein echter Mensch oder eine
// KI" has 10; a longer sentence says more than that.
const botNatureMax = 10

// Declining help, or saying one will manage, as a closing of its own
// (fix11): "nein danke, ich komme klar", "no thanks, I'll manage on my
// own", "passt schon, ich schaffe das", "I'm fine", "nicht nötig",
// "never mind". Conversation analysis of closings (Schegloff & Sacks
// 1973, "Opening up closings": the pre-closing that declines a further
// offer) and of help-desk chat closings (the customer's "no thanks, I'll
// manage" / "das war's, ich komme klar" after the agent's "kann ich noch
// etwas tun?") describe the formula: a first-person subject, a verb of
// coping without an object ("klarkommen", "zurechtkommen", "hinkriegen",
// "schaffen", "selbst machen"; "manage", "figure/work/sort it out",
// "handle it", "do it myself"; Duden and Cambridge Dictionary), a state
// of being fine ("I'm fine/good/all set"), or a need denied ("nicht
// nötig", "brauch ich nicht", "no need", "not needed"). It names no
// thing and asks nothing, so every word of the message must belong to the
// formula or to small talk: "I'll manage my passwords", "ich komme mit
// der Cloud nicht klar", "nein danke, aber wie ändere ich mein Passwort?"
// name a thing or ask, and are searched. A negation other than the one
// that denies the need ("ich komme nicht klar", "I can't manage") is a
// complaint, no decline.
var (
	// copeVerbs are the verbs of coping (folded), each with the words
	// that must follow it in its clause to make the formula (none: the
	// verb alone copes): the separable particle of "klarkommen",
	// "zurechtkommen", "hinkriegen"/"hinbekommen" (Duden: in a main
	// clause it stands after the verb), the "selbst" of "selbst machen",
	// the "out" of the English phrasal verbs.
	copeVerbs = map[string][]string{
		"komme": {"klar", "zurecht"}, "komm": {"klar", "zurecht"}, "komms": {"klar", "zurecht"},
		"kommen": {"klar", "zurecht"}, "krieg": {"hin"}, "kriege": {"hin"}, "kriegs": {"hin"}, "kriegen": {"hin"},
		"bekomme": {"hin"}, "bekomms": {"hin"}, "schaffe": nil, "schaff": nil, "schaffs": nil, "schaffen": nil,
		"mach": {"selbst", "selber", "allein", "alleine"}, "mache": {"selbst", "selber", "allein", "alleine"},
		"machs": {"selbst", "selber", "allein", "alleine"}, "machen": {"selbst", "selber", "allein", "alleine"},
		// Trying it alone (Duden, "probieren": versuchen): „ich
		// probier es selbst“ copes like „ich mach es selbst“.
		"probier": {"selbst", "selber", "allein", "alleine"}, "probiere": {"selbst", "selber", "allein", "alleine"},
		"probiers": {"selbst", "selber", "allein", "alleine"}, "versuch": {"selbst", "selber", "allein", "alleine"},
		"versuche": {"selbst", "selber", "allein", "alleine"},
		"erledigt": nil, "manage": nil, "handle": nil, "figure": {"out"}, "work": {"out"}, "sort": {"out"},
		"do": {"myself", "ourselves"}, "got": {"it", "this"},
	}
	// copeStates are the states of being fine after a first-person
	// verb of being (copeBe: "I'm fine", "I'll be ok", "we're good").
	copeStates = set("fine", "good", "ok", "okay", "alright", "set", "sorted", "covered")
	copeBe     = set("im", "am", "be", "were", "bin", "sind")
	// copeSubjects are the first person, also inside a contraction
	// ("I'll", "we're"), folded.
	copeSubjects = set("ich", "wir", "i", "we", "ill", "ive", "im", "id", "well", "were")
	// copeNeeds are the words of needing (Duden: nötig, notwendig,
	// erforderlich, brauchen; need, necessary): a decline only when
	// denied (copeNegs) right beside them, in either order ("nicht
	// nötig", "brauch ich nicht", "no need", "not needed", "don't need
	// it").
	copeNeeds = set("noetig", "notwendig", "erforderlich", "brauch", "brauche", "brauchen", "need", "needed",
		"necessary", "bedarf")
	// copeHelp are what a denied need may name without naming a thing:
	// help itself ("ich brauche keine Hilfe", "I don't need help"). Only
	// beside a denied need (a need not denied refuses the formula): "ich
	// brauche Hilfe" is a cry for help (isVague), "Hilfe beim Passwort"
	// names a thing and is searched.
	copeHelp = set("hilfe", "help")
	copeNegs = set("nicht", "kein", "keine", "no", "not", "dont")
	// copeFill are the other words the formula may have: the first
	// person and its verbs of will and ability, the pronoun objects
	// that name no thing ("das", "es", "it", "this"), "damit",
	// modal particles and adverbs of certainty (Duden: schon, auch,
	// wohl, bestimmt, sicher, irgendwie), of doing it alone ("allein",
	// "on my own", "by myself"), the reflexive of "hat sich erledigt",
	// and the mind of "never mind".
	copeFill = set("ich", "wir", "i", "we", "ill", "ive", "well", "will", "can", "kann", "koennen", "werde", "werd",
		"have", "got", "hat", "ist", "sich", "das", "es", "s", "it", "this", "that", "damit", "schon", "auch", "gut",
		"ganz", "wohl", "bestimmt", "sicher", "irgendwie", "dann", "jetzt", "so", "mal", "mehr", "allein", "alleine",
		"selbst", "selber", "myself", "ourselves", "on", "my", "our", "own", "by", "somehow", "just", "alone", "think",
		"glaube", "denke", "sure", "probably", "now", "then", "all", "klar", "zurecht", "hin", "out", "mind",
		"really", "totally", "id", "anymore", "longer", "any")
	// copeContractions are the second parts of English contractions
	// typed with a typographic apostrophe, which splits the word ("I’m"
	// → "i" "m"): joined again, as typed with "'" and folded ("im").
	copeContractions = set("m", "ll", "ve", "re", "s", "t", "d")
	// copeApostrophe are the folded contractions that are a word of their
	// own without the apostrophe: "id" is "I'd" or "I’d" only as typed
	// with one, else the noun ("my ID").
	copeApostrophe = set("id")
	// copeAux are the English auxiliaries that, put before the subject,
	// make a yes/no question ("can I do it myself", "will I manage", "am
	// I fine"; Cambridge Grammar: subject–auxiliary inversion).
	copeAux = set("can", "will", "do", "am", "are", "is", "could", "would", "should", "shall",
		// The German verbs of being before the subject ("bin ich ok").
		"bin", "sind")
	// copeFinite are the German finite verbs of the formula besides
	// copeVerbs and copeNeeds ("kann", "werde", "hat", "ist"): put first
	// with "das" or "es" right after the subject they ask ("schaffe ich
	// das", "krieg ich das hin", "hat sich das erledigt", "ist das
	// nötig"; Duden grammar: Verberststellung of the yes/no question),
	// unlike the declarative that drops its object ("mach ich selbst",
	// "krieg ich hin", "hat sich erledigt").
	copeFinite = set("kann", "koennen", "werde", "werd", "hat", "ist")
	copeObject = set("das", "es")
)

// maxDeclineWords bounds the messages declineOnly reads: the formula with
// a few words of small talk around it; longer messages say more.
const maxDeclineWords = 16

// declineOnly reports whether text (words ws) is a decline or "I'll
// manage" formula with nothing but small talk around it (see copeVerbs),
// and of which kind: a goodbye with one ("ich komme klar, tschüss"), else
// an acknowledgement, thanked or not ("nein danke, ich komme klar"). A
// question mark makes the same words a question ("ist das schon
// erledigt?", "ist das nicht nötig?", "I can do it myself?"; review rvM):
// it is searched, never closed with "Alles klar!". Linear in the words.
func declineOnly(text string, ws []word) (Talk, bool) {
	if len(ws) > maxDeclineWords || strings.ContainsAny(text, "?？") {
		return "", false
	}
	fs, orig := copeWords(ws)
	if invertedQuestion(fs, orig) {
		return "", false
	}
	thanked := slices.ContainsFunc(ws, func(w word) bool { return thanksWords[w.w] })
	subject := slices.ContainsFunc(fs, func(f string) bool { return copeSubjects[f] })
	core := false
	for i, f := range fs {
		parts, verb := copeVerbs[f]
		switch {
		case verb:
			// "hat sich erledigt" has no person; the other verbs need
			// the first person ("manage" alone may name a thing).
			core = core || (subject || f == "erledigt") && followedBy(fs, i, parts)
		case copeStates[f] && i > 0 && (copeBe[fs[i-1]] || i > 1 && copeBe[fs[i-2]]):
			core = true
		case copeNeeds[f]:
			if !deniedNeed(fs, i) {
				return "", false
			}
			core = true
		case copeNegs[f] && deniesNeed(fs, i):
			// The denial of a need, read with it.
		case copeHelp[f] && deniedHelp(fs, i):
			// The help a denied need names ("keine Hilfe").
		case f == "never" && i+1 < len(fs) && fs[i+1] == "mind", f == "nevermind", f == "nvm",
			// "forget it" (Cambridge Dictionary: used to tell someone
			// that something is not important), „vergiss es“ (Duden,
			// "vergessen": „vergiss es!“ ugs., lass es sein); "nvm" the
			// chat abbreviation of "never mind", as "np" is of "no
			// problem".
			(f == "forget" || f == "vergiss") && i+1 < len(fs) && (fs[i+1] == "it" || fs[i+1] == "es" || fs[i+1] == "das"):
			core = true
		case copeFill[f] || copeBe[f] || copeStates[f]:
		case social(orig[i]) && !negWords[orig[i]] && !(thanksFor[orig[i]] && !thanked):
		default:
			return "", false
		}
	}
	// "nein danke", "no, thank you": the polite refusal is a decline of
	// its own (thanksOf; fix13), with or without the formula.
	if _, declined := thanksOf(ws); declined {
		core = true
	}
	if !core {
		return "", false
	}
	if kindOf(ws) == TalkBye {
		return TalkBye, true
	}
	// "Alles klar!" fits a decline with or without thanks; "Gern
	// geschehen" would thank for help the member just declined.
	return TalkAck, true
}

// copeWords are the words ws folded (fs) and as typed (orig, for small
// talk), with the English contractions typed with a typographic
// apostrophe joined again ("I’m" → "im"; copeContractions) and the
// contractions that are a word of their own without one left out of the
// formula (copeApostrophe: "my ID").
func copeWords(ws []word) (fs, orig []string) {
	fs = make([]string, 0, len(ws))
	orig = make([]string, 0, len(ws))
	for i := 0; i < len(ws); i++ {
		f := fold(ws[i].w)
		if i+1 < len(ws) && copeContractions[ws[i+1].w] && ws[i+1].start-ws[i].start-len(ws[i].w) <= len("’") {
			f += ws[i+1].w
			i++
			orig = append(orig, f)
		} else {
			if copeApostrophe[f] && !strings.ContainsAny(ws[i].w, "'’") {
				// "ID" is the noun, not "I'd": it matches no word of
				// the formula ("I can manage my ID" names a thing).
				f = ""
			}
			orig = append(orig, ws[i].w)
		}
		fs = append(fs, f)
	}
	return fs, orig
}

// copeFailNegs deny coping ("I can't manage", "I'll never manage", "ich
// schaff das nicht", "ich komme nicht klar"), folded: the formula so
// negated is a complaint (copeFailed).
var copeFailNegs = set("nicht", "nie", "niemals", "not", "never", "cant", "cannot", "wont", "dont", "couldnt")

// copeFailed reports whether text (words ws) is nothing but the coping
// formula denied, with small talk around it: "I can't manage", "I'll
// never manage", "ich schaff das nicht", "ich krieg das nicht hin". It is
// a complaint that names no thing, like "geht nicht" (isVague): what does
// not work is asked, no guide is picked by "manage" or "schaffen"
// (review rvM, "not mended"). A thing named ("I can't manage my
// passwords") or a question ("schaff ich das nicht?") is searched; a
// denied need ("brauch ich nicht") is a decline (declineOnly). Linear in
// the words.
func copeFailed(text string, ws []word) bool {
	if len(ws) > maxDeclineWords || strings.ContainsAny(text, "?？") {
		return false
	}
	fs, orig := copeWords(ws)
	if invertedQuestion(fs, orig) {
		return false
	}
	subject := slices.ContainsFunc(fs, func(f string) bool { return copeSubjects[f] })
	core, denied := false, false
	for i, f := range fs {
		parts, verb := copeVerbs[f]
		switch {
		case verb:
			core = core || subject && followedBy(fs, i, parts)
		case copeFailNegs[f]:
			denied = true
		case copeNeeds[f] || copeHelp[f]:
			return false
		case copeFill[f] || copeBe[f]:
		case social(orig[i]) && !negWords[orig[i]] && !thanksFor[orig[i]]:
		default:
			return false
		}
	}
	return core && denied
}

// invertedQuestion reports whether the formula in fs (orig: the words as
// typed, for small talk) asks by its word order, with no question mark
// (review rvM): after the answer particles, thanks and greetings it opens
// with ("nein danke", "ok"; askLead),
// an English auxiliary before the subject ("can I do it myself"), or a
// German finite verb first with "das"/"es" within the next three words
// ("schaffe ich das", "hat sich das erledigt"). A declarative that puts
// its verb first drops the object ("mach ich selbst", "brauch ich
// nicht") and stays a decline.
func invertedQuestion(fs, orig []string) bool {
	s := 0
	for s < len(fs) && (askLead[fs[s]] || greetWords[orig[s]] || thanksWords[orig[s]] || byeWords[orig[s]]) {
		s++
	}
	if s == len(fs) {
		return false
	}
	f := fs[s]
	if copeAux[f] && s+1 < len(fs) && copeSubjects[fs[s+1]] {
		return true
	}
	if _, verb := copeVerbs[f]; !verb && !copeNeeds[f] && !copeFinite[f] {
		return false
	}
	return slices.ContainsFunc(fs[s+1:min(len(fs), s+4)], func(w string) bool { return copeObject[w] })
}

// DeclineOf reports whether message declines help or says its sender
// will manage, with nothing but small talk around it ("ich komme klar",
// "never mind", "nein danke, ich komme klar"; declineOnly), and is taken
// for small talk (small: SmallTalkOf took it for small talk; the caller
// reads the small talk anyway, so it is not read twice). Support reads it
// while a case offer is pending: such a message declines the offer even
// without a "nein" (review rvM).
func DeclineOf(message string, small bool) bool {
	return small && declines(message)
}

// declines reports whether message has the words of DeclineOf: a decline
// (declineOnly) or thanks after a "no" (thanksOf).
func declines(message string) bool {
	text := clean(message)
	ws := tokens(text)
	if _, ok := declineOnly(text, ws); ok {
		return true
	}
	// Thanks after a "no" decline too where the "no" is not the first
	// word („ok, ne danke“, „ach nein danke“; thanksOf).
	_, declined := thanksOf(ws)
	return declined
}

// The trouble reported gone (review rvR12, finding 3): Duden, "lösen" („das
// Problem ist gelöst“), "klären" („hat sich geklärt“), "erledigen" („hat
// sich erledigt“); Cambridge Dictionary, "solve", "fix"; and a verb of
// working with "wieder"/"jetzt" ("geht wieder", „jetzt klappt es“; Duden,
// "gehen": funktionieren) or the help that worked (successWords: „hat
// geklappt“, "that worked").
var (
	// solvedCore acknowledge alone (ackCore): Duden, "lösen" („das
	// Problem ist gelöst“), "klären" („hat sich geklärt“); Cambridge
	// Dictionary, "solve", "fix" ("solved it", "fixed it").
	solvedCore = set("gelöst", "geloest", "geklärt", "geklaert", "solved", "fixed")
	// solvedWords add "erledigt", which declineOnly reads (copeVerbs).
	solvedWords = union(solvedCore, set("erledigt"))
	againWords  = set("wieder", "jetzt", "again", "now")
)

// SolvedOf reports whether message is nothing but small talk that reports
// the member's trouble gone or the help worked ("geht wieder", "hat sich
// geklärt", "super, jetzt klappt es", "solved it", "hat geklappt, danke"),
// given its small-talk reading (t, small: SmallTalkOf; the caller reads
// the small talk anyway, so it is not read twice). Support reads it while
// a case offer is pending: the offer is declined.
func SolvedOf(message string, t Talk, small bool) bool {
	return small && (t == TalkAck || t == TalkThanks) && reportsSolved(message)
}

// reportsSolved reports whether message has the words of SolvedOf: a
// word that says solved or worked, or one of working with "wieder" or
// "jetzt".
func reportsSolved(message string) bool {
	ws := tokens(clean(message))
	solved, again, working := false, false, false
	for _, w := range ws {
		solved = solved || solvedWords[w.w] || successWords[w.w]
		again = again || againWords[w.w]
		working = working || troubleVerbs[w.w]
	}
	return solved || again && working
}

// IsNoProblem reports whether message is nothing but "no problem" with
// small talk around it ("kein Problem", "no worries", "np"; noProblem):
// neither yes nor no to a yes/no question. Support reads it while a case
// offer is pending: its "no" ("no problem") declines nothing and it opens
// nothing — it is ambiguous, and support asks the offer's question again
// (fix13; review rvP11). An answer "no" beside the phrase ("nein, kein
// Problem", "nein danke, kein Problem", "no thanks, no worries"; chat.NoParticles)
// is the "nein" the offer asks for (review rvP11, finding 2): no "no
// problem" alone, and support's own reading of the "no" declines.
func IsNoProblem(message string) bool {
	rest, ok := noProblemRest(tokens(clean(message)))
	return ok && !slices.ContainsFunc(rest, func(w string) bool { return chat.NoParticles[w] })
}

// noProblemRest is phraseAround of the words ws and noProblem; a message
// longer than maxLeaveWords is none.
func noProblemRest(ws []word) (rest []string, ok bool) {
	if len(ws) == 0 || len(ws) > maxLeaveWords {
		return nil, false
	}
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.w
	}
	return phraseAround(strings.Join(parts, " "), noProblem)
}

// noProblemAround reports whether ws are "no problem" with small talk
// (a "no" too) around it.
func noProblemAround(ws []word) bool {
	_, ok := noProblemRest(ws)
	return ok
}

// IsHelpRequest reports whether message, after a leading run of answer
// particles ("nein,", "no", "nein danke,"; replyParticles), is nothing but
// a cry for help or a request for a person: a vague complaint ("nein, ich
// brauche Hilfe", "no, I need help", "nein, ich komme nicht weiter") or
// the human outcome with nothing named ("nein, ich will mit einem Menschen
// sprechen"). Support reads it while a case offer is pending: a member
// who asks for help declines nothing, and the offer is made again
// (talk11; fix13 "left undone": the "no" declined it). The "no" needs no
// comma here ("no I need help"): support read it as the answer already.
// A rest that names a thing is searched (an answer, a choice, a "no
// guide"): then it is no bare request, and support's own reading of the
// rest as a question stands. Decided once, with no library: nothing is
// searched for the answer.
func IsHelpRequest(message string) bool {
	text := clean(message)
	ws := tokens(text)
	i, compound := particleRun(text, ws)
	if compound || i == 0 || i == len(ws) || noProblemAround(ws) {
		// ("no thanks, no problem": the run took the phrase's "no", and
		// "problem" alone is the vague complaint.)
		return false
	}
	var lib searchSeen
	d := Decide(text[ws[i].start:], &lib, Options{Cases: true})
	if lib.searched || d.Outcome != Human && !d.Vague {
		return false
	}
	// A "no" directly before the rest ("no human please") is its
	// determiner, the rest's own negation.
	from := i
	if noDeterminer(text, ws, i) {
		from = i - 1
	}
	return d.Vague || !refusesPerson(text, ws[from:])
}

// Negated requests for a person (review rvP11, finding 1): "nein, ich
// will nicht mit einem Menschen sprechen", "no, I don't need a human",
// "nein, kein Mensch bitte", "nein, ruf mich nicht an" refuse what a
// request asks for — a cry for help is never negated. The negation is
// read per clause: "ich komme nicht weiter, ich will mit einem Menschen
// sprechen" and "I don't want a bot, I want a human" still ask for one.
var (
	// personNegs are the negations of a clause that declines a person
	// (negation.go): „nicht“, „kein“, „nie“, „niemals“, "not", "don't",
	// "doesn't", "never", "no". The others (colloquial, „nichts“, the
	// rarer n't forms) were not among the person grammar's examples; kept
	// as measured. „nichts“ would need a rule of its own: „ich möchte
	// nichts lieber als mit einem Menschen sprechen“ asks for one.
	personNegs = negationsOf("nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "not", "dont",
		"doesnt", "never", "no")
	// personContrast turn the clause to what is wanted instead
	// (Duden, "sondern", "statt"; Cambridge Dictionary, "instead",
	// "rather", "but"): "nicht den Bot, sondern einen Menschen".
	personContrast = set("sondern", "statt", "anstatt", "instead", "rather", "but")
	// callImperative are the imperatives of "anrufen" split from their
	// particle ("ruf mich an"), as the person grammar reads them.
	callImperative = set("ruf", "rufe", "ruft", "rufen")
)

// refusesPerson reports whether every clause of ws (from text) that names
// a person or a way to reach one (isPerson, speakVerbs, callVerbs,
// callBack, "ruf … an") is negated (personNegs) without a contrast
// (personContrast), and there is at least one. One pass.
func refusesPerson(text string, ws []word) bool {
	refused := false
	for from, to := range spansBy(len(ws), func(i int) bool { return clauseBreakBefore(text, ws[i].start) }) {
		named, negated, contrast := false, false, false
		for _, w := range ws[from:to] {
			f := fold(w.w)
			named = named || isPerson(f) || speakVerbs[f] || callVerbs[f] || callBack[f] || callImperative[f]
			negated = negated || personNegs[f]
			contrast = contrast || personContrast[f]
		}
		if named && (!negated || contrast) {
			return false
		}
		refused = refused || named
	}
	return refused
}

// searchSeen is a Library that finds nothing and records whether it was
// asked (IsHelpRequest: a rest that was searched names a thing).
type searchSeen struct{ searched bool }

func (s *searchSeen) SearchFor(query string, _ int, _ bool) search.Result {
	s.searched = true
	return search.Result{Query: query}
}

// deniedHelp reports whether the help fs[i] (copeHelp) is denied: a
// negation within the three words before it ("keine Hilfe", "no help",
// "don't need help", "don't need any help") or a denied need right after
// it ("Hilfe brauche ich nicht"). "ich brauche Hilfe, nicht nötig" asks
// for help first and is no decline.
func deniedHelp(fs []string, i int) bool {
	for k := max(0, i-3); k < i; k++ {
		if copeNegs[fs[k]] {
			return true
		}
	}
	return i+1 < len(fs) && copeNeeds[fs[i+1]] && deniedNeed(fs, i+1)
}

// followedBy reports whether one of parts follows fs[i] in the rest of
// the message (none: true).
func followedBy(fs []string, i int, parts []string) bool {
	if len(parts) == 0 {
		return true
	}
	for _, f := range fs[i+1:] {
		if slices.Contains(parts, f) {
			return true
		}
	}
	return false
}

// deniedNeed reports whether the need fs[i] is denied: a copeNeg right
// before it ("nicht nötig", "no need", "not needed", "don't need") or up
// to two words after it ("brauch ich nicht", "brauche das nicht"; not
// "no", the answer particle: "no, I need help").
func deniedNeed(fs []string, i int) bool {
	if i > 0 && copeNegs[fs[i-1]] {
		return true
	}
	for k := i + 1; k < min(len(fs), i+3); k++ {
		if copeNegs[fs[k]] && fs[k] != "no" {
			return true
		}
	}
	return false
}

// deniesNeed reports whether the negation fs[n] (copeNegs) denies a need
// as deniedNeed reads it: the need right after it, or up to two words
// before it unless it is "no".
func deniesNeed(fs []string, n int) bool {
	return n+1 < len(fs) && copeNeeds[fs[n+1]] ||
		fs[n] != "no" && (n > 0 && copeNeeds[fs[n-1]] || n > 1 && copeNeeds[fs[n-2]])
}
