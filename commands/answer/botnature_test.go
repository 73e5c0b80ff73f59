// Tests of the questions about what Lotse is ("bist du ein Bot?", "are you
// human?"; botNatureQuestions, botReply): the honest bot reply and, with
// cases on, the offer of a case; what follows such a question (a rest that
// presses for the answer, a question of its own, a command); the other
// forms of asking; and the messages that stay requests for a person.

package answer

import (
	"slices"
	"strings"
	"testing"
)

// TestBotNatureQuestion checks that a yes/no question put to the bot about
// what it is (botNatureQuestions) gets the honest bot reply even with a
// word botTalk does not know, and that a question after it is decided on
// its own; requests for a person and presence checks stay requests.
func TestBotNatureQuestion(t *testing.T) {
	lib := loadLibrary(t)
	for _, msg := range []string{"Bist du eine KI wie ChatGPT?", "Bist du der Bot vom Digitalisierungsteam?",
		"are you an AI like ChatGPT?", "Hallo, bist du ein Roboter aus Berlin?", "bist du ein Bot? bist du ein Mensch?"} {
		d := Decide(msg, lib, Options{Cases: true})
		// With cases on, the offer of a case follows (botReply, nature).
		if d.Outcome != SmallTalk || d.Talk != TalkBot || d.Reply != German.Bot+" "+German.BotHuman+" "+German.HumanOffer {
			t.Errorf("%q: %s %s %q, want the honest bot reply", msg, d.Outcome, d.Talk, d.Reply)
		}
	}
	// What follows it is no question a guide answers: the question that
	// was asked gets its answer, not a "no guide" quoting the rest
	// (review rv7).
	for _, msg := range []string{"bist du ein Mensch? ja oder nein", "are you a bot? yes or no",
		"Hallo, bist du ein Mensch? Ich bin Max."} {
		d := Decide(msg, lib, Options{Cases: true})
		if d.Outcome != SmallTalk || d.Talk != TalkBot {
			t.Errorf("%q: %s %s %q, want the honest bot reply", msg, d.Outcome, d.Talk, d.Reply)
		}
	}
	// The question after it is searched: the password guide is offered.
	for _, msg := range []string{"bist du ein Mensch? ich brauche Hilfe beim Passwort",
		"Bist du eine KI? Ich habe mein Passwort vergessen"} {
		d := Decide(msg, lib, Options{Cases: true})
		if (d.Outcome != Answer && d.Outcome != Choose) || !slices.Contains(d.Guides(), "konto/passwort-vergessen.md") {
			t.Errorf("%q: %s %v, want the password guide offered", msg, d.Outcome, d.Guides())
		}
	}
	// Must not: whom the bot serves is no question of what it is.
	for _, msg := range []string{"Bist du auch für Menschen mit Behinderung da?", "bist du nur für Menschen aus dem Verband?"} {
		if d := Decide(msg, lib, Options{Cases: true}); d.Talk == TalkBot {
			t.Errorf("%q: %s %s, want no bot reply", msg, d.Outcome, d.Talk)
		}
	}
	// Must not: a request for a person, a presence check, a relative
	// clause or a verb of speaking in the question, plural "ihr" (the
	// team).
	for _, msg := range []string{"gibt es hier echte Menschen?", "ich will mit einem Menschen sprechen",
		"ist da ein Mensch oder nur ein Automat?", "bist du ein Mensch, der mir helfen kann?",
		"bist du ein Mensch oder kann ich mit einem sprechen?", "seid ihr echte Menschen?",
		"bist du ein Mensch? ich will mit einem Menschen sprechen", "are you able to connect me to a human?",
		"are you able to reach a human"} {
		if d := Decide(msg, lib, Options{Cases: true}); d.Outcome != Human {
			t.Errorf("%q: %s %s, want a request for a person", msg, d.Outcome, d.Talk)
		}
	}
}

// TestBotNatureLinear checks that a message of many questions about the
// bot is cut in one pass (no question decided twice).
func TestBotNatureLinear(t *testing.T) {
	msg := ""
	for range 3000 {
		msg += "bist du ein Bot? "
	}
	msg += "wie teile ich einen Ordner?"
	words := tokens(msg)
	folded := foldWords(words)
	if from := botNatureQuestions(msg, words, folded, clauseStarts(msg, words)); from != len(words)-5 {
		t.Errorf("cut at %d of %d words, want %d", from, len(words), len(words)-5)
	}
}

// TestBotNatureRestCommand checks that the rest after a cut question about
// the bot's nature keeps a leading "!": it is a command (review rv7,
// finding 4), and restStart takes a "!" only when it opens a word.
func TestBotNatureRestCommand(t *testing.T) {
	lib := loadLibrary(t)
	for _, msg := range []string{"bist du ein Bot? !hilfe", "Bist du ein Mensch?  !hilfe"} {
		if d := Decide(msg, lib, Options{Cases: true}); d.Outcome != Command {
			t.Errorf("%q: %s %q, want the command", msg, d.Outcome, d.Reply)
		}
	}
	for _, tc := range []struct {
		text       string
		start, cut int
	}{
		{"a? !hilfe", 4, 3}, {"a? !!hilfe", 5, 3}, {"a? hilfe", 3, 3}, {"Bot!hilfe", 4, 4}, {"!hilfe", 1, 0}, {"a?!hilfe", 3, 3},
	} {
		if got := restStart(tc.text, tc.start); got != tc.cut {
			t.Errorf("restStart(%q, %d) = %d, want %d", tc.text, tc.start, got, tc.cut)
		}
	}
}

// TestBotNaturePressing: a rest that only presses for the answer to a
// question about the bot's nature ("antworte!", "sag schon!", "tell me")
// asks nothing of its own: the honest bot reply, not a guide found for
// "antworte" (review rv7, finding 3). A rest with a word of its own is
// decided on its own, as before.
func TestBotNaturePressing(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg string
		bot bool // the honest bot reply
	}{
		{"bist du ein Bot? antworte!", true},
		{"bist du ein Bot? antworte mir!", true},
		{"bist du ein Mensch? bitte antworte", true},
		{"bist du ein Bot? sag schon!", true},
		{"bist du ein Bot? los, antworte", true},
		{"bist du ein Bot? rede!", true},
		{"Bist du eine KI? Sag mir die Wahrheit!", true},
		{"bist du ein Mensch? sag ehrlich", true},
		{"are you a bot? tell me", true},
		{"are you a bot? come on, answer me!", true},
		{"are you human? tell me the truth", true},
		// A question of its own after it.
		{"bist du ein Mensch? sag mir, wie ich mein Passwort zurücksetze", false},
		{"bist du ein Bot? antworte mir: wie teile ich einen Ordner?", false},
		// Pressing words without the question before them.
		{"antworte mir", false},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		if got := d.Outcome == SmallTalk && d.Talk == TalkBot; got != tt.bot {
			t.Errorf("%q: %s %s %v, want the bot reply %v", tt.msg, d.Outcome, d.Talk, d.Guides(), tt.bot)
		}
	}
	// The question after the pressing words is still searched.
	d := Decide("bist du ein Mensch? sag mir, wie ich mein Passwort zurücksetze", lib, Options{Cases: true})
	if !slices.Contains(d.Guides(), "konto/passwort-vergessen.md") {
		t.Errorf("the question after it: %s %v, want the password guide", d.Outcome, d.Guides())
	}
}

// TestBotNatureOffersCase: with cases on, a question whether Lotse is a
// person or a machine ("bist du ein Bot?", "are you human?") gets the
// honest answer and then the offer of a case right away (CaseLead: the
// chat offers it, one tap or "ja", as for "ich möchte mit einem Menschen
// sprechen"), not a sentence to write. With cases off the fallback
// contact, as before; other questions about the bot (name, age, rest) and
// criticism keep the sentence to write: no case offer quoting "wie alt
// bist du?" or an insult.
func TestBotNatureOffersCase(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		tx    *Texts
		msg   string
		offer bool
	}{
		{&German, "bist du ein Bot?", true},
		{&German, "Bist du ein Mensch?", true},
		{&German, "bist du eigentlich ein echter Mensch oder eine KI?", true},
		{&German, "Hallo, bist du ein Roboter?", true},
		{&German, "bist du eine KI wie ChatGPT?", true},     // botNatureQuestions
		{&German, "bist du ein Mensch? ja oder nein", true}, // the rest asks nothing
		{&German, "bist du ein Bot? antworte!", true},       // pressing
		{&German, "du bist doch nur ein Programm", true},    // said, not asked
		{&English, "are you a bot?", true},
		{&English, "Are you human?", true},
		{&English, "are you a real person?", true},
		{&English, "are you an AI like ChatGPT?", true},
		{&German, "wie heißt du?", false},
		{&German, "wie alt bist du?", false},
		{&German, "hast du auch mal Feierabend?", false},
		{&German, "du bist nutzlos", false},
		{&English, "what's your name?", false},
		{&English, "you are useless", false},
		// "Bot" as the address names nothing about Lotse's nature
		// (review rv8): a name or age question keeps the sentence.
		{&German, "wie heißt du, Bot?", false},
		{&German, "Hallo Bot, wie alt bist du?", false},
		{&German, "Hallo Bot wie heißt du", false},
		{&English, "what's your name, bot?", false},
		{&English, "hey bot, how old are you?", false},
		{&German, "Hallo Bot, bist du ein Mensch?", true},
		{&German, "Mensch, bist du ein Bot?", true},
		{&German, "bist du ein Mensch, oder ein Bot?", true},
	} {
		on := Decide(tt.msg, lib, Options{Texts: tt.tx, Cases: true})
		lead := tt.tx.Bot + " " + tt.tx.BotHuman
		switch {
		case on.Outcome != SmallTalk:
			t.Errorf("%q: %s %s, want small talk", tt.msg, on.Outcome, on.Talk)
		case tt.offer && (on.CaseLead != lead || on.Reply != lead+" "+tt.tx.HumanOffer):
			t.Errorf("%q, cases on: %q %q, want the offer of a case", tt.msg, on.Reply, on.CaseLead)
		case !tt.offer && (on.CaseLead != "" || !strings.HasSuffix(on.Reply, tt.tx.BotCases)):
			t.Errorf("%q, cases on: %q %q, want the sentence to write", tt.msg, on.Reply, on.CaseLead)
		}
		off := Decide(tt.msg, lib, Options{Texts: tt.tx, Contact: "Ruf die Geschäftsstelle an."})
		if off.CaseLead != "" || !strings.HasSuffix(off.Reply, " Ruf die Geschäftsstelle an.") {
			t.Errorf("%q, cases off: %q %q, want the fallback contact", tt.msg, off.Reply, off.CaseLead)
		}
	}
}

// TestBotNatureOtherForms: the other ways of asking whether Lotse is a
// person or a machine — the copula with a demonstrative or the polite
// "Sie" ("ist das ein Bot?", "is this an AI?", "sind Sie ein Mensch?")
// and asking whom one talks to ("rede ich mit einem Bot?", "am I talking
// to a human?"; Rasa's bot_challenge) — get the honest bot reply and,
// with cases on, the offer of a case. Must not: another subject ("ist das
// eine echte Support-Mail?"), a presence check and what the person grammar
// reads as a request stay what they were.
func TestBotNatureOtherForms(t *testing.T) {
	lib := loadLibrary(t)
	for _, msg := range []string{"ist das ein Bot?", "Ist das hier ein Bot oder ein Mensch?", "sind Sie ein Mensch?",
		"rede ich mit einem Bot?", "schreibe ich hier mit einer KI?", "Hallo! Ist das nur ein Chatbot?",
		"is this a bot?", "is this an AI?", "is it a robot or a human?", "am I talking to a bot?",
		"am I talking to a human?", "am I chatting with an AI?"} {
		d := Decide(msg, lib, Options{Cases: true})
		if d.Outcome != SmallTalk || d.Talk != TalkBot || d.CaseLead == "" {
			t.Errorf("%q: %s %s %v, want the bot reply with the offer of a case", msg, d.Outcome, d.Talk, d.Guides())
		}
	}
	for msg, want := range map[string]Outcome{"spreche ich mit einem Menschen?": Human, "is this a real person?": Human,
		"ist da ein Mensch?": Human, "seid ihr echte Menschen?": Human, "am I chatting with a real person?": Human} {
		if d := Decide(msg, lib, Options{Cases: true}); d.Outcome != want {
			t.Errorf("%q: %s %s, want %s", msg, d.Outcome, d.Talk, want)
		}
	}
	for _, msg := range []string{"Ist das eine echte Support-Mail oder Phishing?", "Is this a real support email or phishing?",
		"ist das ein Bot-Problem?", "ist das Programm kostenlos?", "is it a bug?", "ist das ein Fehler der KI?"} {
		if d := Decide(msg, lib, Options{Cases: true}); d.Talk == TalkBot {
			t.Errorf("%q: %s %s, want no bot reply", msg, d.Outcome, d.Talk)
		}
	}
	// A question after it is decided on its own.
	d := Decide("ist das ein Bot? ich brauche Hilfe beim Passwort", lib, Options{Cases: true})
	if !slices.Contains(d.Guides(), "konto/passwort-vergessen.md") {
		t.Errorf("the question after it: %s %v, want the password guide", d.Outcome, d.Guides())
	}
}

// TestBotNatureOtherFormsLinear: a long paste of the other forms is cut
// in one pass, with the person grammar read once.
func TestBotNatureOtherFormsLinear(t *testing.T) {
	msg := strings.Repeat("ist das ein Bot? ", 3000) + "wie teile ich einen Ordner?"
	words := tokens(msg)
	folded := foldWords(words)
	if from := botNatureQuestions(msg, words, folded, clauseStarts(msg, words)); from != len(words)-5 {
		t.Errorf("cut at %d of %d words, want %d", from, len(words), len(words)-5)
	}
}
