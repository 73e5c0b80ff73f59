package answer

import (
	"slices"
	"strings"
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
		"wochenende", "feierabend", "gute", "nacht", "see", "later", "grüße", "gruß", "lg", "vg", "mfg", "viele")
	// ackWords are the words of an acknowledgement: those that
	// acknowledge on their own (ackCore) and those that only carry one.
	ackWords = union(ackCore, set("alles", "sehr", "hat", "hats", "hat's", "jetzt", "wieder", "schon", "nochmal", "mal", "dir",
		"euch", "ihnen", "das", "es", "mir", "weiter", "so", "und", "echt", "wirklich", "auch", "noch", "einen", "einmal",
		"it", "now", "a", "lot", "much", "you", "that", "all", "the", "for",
		// Thanks for something, "will do", "good to know" (German and
		// English chat usage): "danke für die schnelle Antwort", "alles
		// klar, mach ich", "ok, probier ich aus", "gut zu wissen",
		// "thanks, that worked", "das wars".
		"für", "fuer", "die", "deine", "eure", "ihre", "aus", "ich", "zu", "wissen", "your", "will", "do", "try", "i'll", "ill",
		"know", "to"))
	// thanksFor name what one thanks for ("danke für die schnelle
	// Antwort", "thanks for the help"): small talk only beside a word of
	// thanks — "ich will Hilfe" or "Tipps?" asks for something.
	thanksFor = set("schnelle", "schnellen", "antwort", "antworten", "info", "infos", "tipp", "tipps", "erklärung", "hilfe",
		"help", "tip", "tips", "answer", "quick")
	// Words that announce a question without asking it ("hallo, kurze
	// Frage", "kannst du mir helfen?").
	askWords = set("frage", "fragen", "kurze", "kleine", "eine", "ich", "hab", "habe", "hätte", "hätt", "question",
		"quick", "have", "i", "brauche", "bräuchte", "hilfe", "help", "need", "kannst", "könntest", "du", "mir", "helfen",
		"can", "could", "you", "me", "bitte", "please", "mal", "noch", "nochmal", "another", "one", "a", "an", "eine", "dich",
		"darf", "fragen")
	// Negations turn "klappt" into a complaint.
	negWords = set("nicht", "kein", "keine", "keinen", "nie", "nichts", "not", "doesn't", "don't", "immer")
)

// ackCore are the acknowledgement words that acknowledge on their own
// ("ok", "passt", "verstanden", "mach ich", "got it", "works"). The other
// ackWords only carry one ("das", "ich", "will",
// "wissen", "to" in "gut zu wissen", "will do", "ok, mach ich"): a message
// of those alone ("ich will das wissen", "I'll do it now") acknowledges
// nothing and is searched like any other.
var ackCore = set("ok", "okay", "okey", "oki", "k", "klar", "super", "prima", "perfekt", "toll", "cool", "klasse", "spitze",
	"top", "gut", "passt", "verstanden", "läuft", "klappt", "geklappt", "funktioniert", "hilft", "geholfen",
	"weitergeholfen", "ja", "jo", "jup", "yes", "yep", "genau", "aha", "ah", "achso", "ach", "great", "perfect", "works",
	"worked", "nice", "awesome", "helps", "helped", "fine", "good", "alright", "right", "fein", "wunderbar", "gerne", "gern",
	"läufts", "geht's", "gehts", "funktionierts", "nein", "nö", "no", "nope", "egal", "schade", "test", "testing", "oh",
	"hm", "hmm", "wars", "war's", "got", "mach", "mache", "machs", "mach's", "probier", "probiere", "probiers", "probier's")

// addressWords are greeting words that only say whom a greeting
// addresses: alone they greet nobody.
var addressWords = set("lotse", "du", "ihr", "zusammen", "there", "everyone", "everybody", "folks", "leute")

// howAreYou are whole messages asking after Lotse's well-being.
var howAreYou = set("wie geht es dir", "wie geht's dir", "wie gehts dir", "wie geht's", "wie gehts", "wie geht es ihnen",
	"how are you", "how are you doing", "alles gut bei dir", "na wie geht's", "na wie gehts", "und wie geht es dir")

// union returns the set of the words of all ms.
func union(ms ...map[string]bool) map[string]bool {
	u := map[string]bool{}
	for _, m := range ms {
		for w := range m {
			u[w] = true
		}
	}
	return u
}

// set returns the set of ws.
func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// social reports whether w is a word of small talk.
func social(w string) bool {
	return greetWords[w] || thanksWords[w] || byeWords[w] || ackWords[w] || thanksFor[w]
}

// isSmallTalk reports whether the message is nothing but small talk and
// of which kind: thanks before goodbye before greeting before
// acknowledgement.
func isSmallTalk(ws []word) (Talk, bool) {
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
	thanked := slices.ContainsFunc(ws, func(w word) bool { return thanksWords[w.w] })
	core := false
	for _, w := range ws {
		if !social(w.w) || negWords[w.w] || thanksFor[w.w] && !thanked {
			return "", false
		}
		core = core || thanksWords[w.w] || byeWords[w.w] || greetWords[w.w] && !addressWords[w.w] || ackCore[w.w]
	}
	if !core {
		return "", false
	}
	return kindOf(ws), true
}

func kindOf(ws []word) Talk {
	var thanks, bye, hello bool
	for _, w := range ws {
		thanks = thanks || thanksWords[w.w]
		bye = bye || (byeWords[w.w] && !greetWords[w.w] && w.w != "dann" && w.w != "viele")
		hello = hello || (greetWords[w.w] && !addressWords[w.w])
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
	// "ich habe ein Problem mit …" keeps its words: only strip the run
	// when it ends at a clause boundary or at the end.
	if i > 0 && i < len(ws) && !breakBefore(text, ws[i].start, clauseBreaks) {
		// Strip only the greeting part at the start.
		i = 0
		for i < len(ws) && (greetWords[ws[i].w] || thanksWords[ws[i].w]) && ws[i].w != "du" && ws[i].w != "ihr" {
			i++
		}
		announced = false
		if i > 0 && i < len(ws) && !breakBefore(text, ws[i].start, clauseBreaks) {
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
		"hey", "moin", "brauche", "bräuchte", "need", "wieso", "warum", "why", "so", "echt", "total", "einfach",
		"irgendwas", "something", "with", "mit", "again", "still", "anymore", "at", "all", "any", "my", "help", "me",
		"mir", "du", "kannst", "can", "you", "ganz", "great", "grosses", "großes", "kleines", "ne", "nen")
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
		case vagueFiller[w.w]:
		default:
			return false
		}
	}
	for _, w := range ws {
		if troubleVerbs[w.w] && neg {
			trouble = true
		}
	}
	return trouble
}
