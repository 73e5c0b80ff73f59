package answer

import (
	"slices"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

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

// TestHelpWith: "(ich brauche) Hilfe beim Passwort", "I need help with my
// password" search what the help is for, not "Hilfe", which finds the
// guide about "!hilfe" first (review rv7, finding 11); after a question
// about the bot's nature too. A run that is no announcement keeps its
// words.
func TestHelpWith(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg, query, first string
	}{
		{"ich brauche Hilfe beim Passwort", "Passwort", "konto/passwort-vergessen.md"},
		{"bist du ein Mensch? ich brauche Hilfe beim Passwort", "Passwort", "konto/passwort-vergessen.md"},
		{"Hilfe beim Passwort", "Passwort", "konto/passwort-vergessen.md"},
		{"ich brauche Hilfe mit meinem Passwort", "meinem Passwort", "konto/passwort-vergessen.md"},
		{"Hallo, ich bräuchte Hilfe zum Passwort", "Passwort", "konto/passwort-vergessen.md"},
		{"I need help with my password", "my password", "konto/passwort-vergessen.md"},
		// No announcement before the help: the words stay.
		{"ich brauche dringend Hilfe beim Passwort", "ich brauche dringend Hilfe beim Passwort", ""},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		if d.Query != tt.query {
			t.Errorf("%q: searched %q, want %q", tt.msg, d.Query, tt.query)
		}
		if tt.first != "" && (len(d.Hits) == 0 || d.Hits[0].ID != tt.first) {
			t.Errorf("%q: %s %v, want %s first", tt.msg, d.Outcome, d.Guides(), tt.first)
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

// TestInnerQuotesGermanInEnglish: a German „…“ in a question quoted by an
// English reply becomes ‘…’ like “…” does (review rv7, finding 10: it was
// left „…‘); English quotations stay as they were.
func TestInnerQuotesGermanInEnglish(t *testing.T) {
	for _, tt := range []struct{ q, want string }{
		{"Zoom says „Fehler 42“ on start", "Zoom says ‘Fehler 42’ on start"},
		{"„a“ and „b“", "‘a’ and ‘b’"},
		{"„a” and “b”", "‘a’ and ‘b’"},
		{"Excel says “file locked”", "Excel says ‘file locked’"},
		{`Zoom says "error 42" and „x“`, "Zoom says ‘error 42’ and ‘x’"},
	} {
		if got := guides.InnerQuotes("en", tt.q); got != tt.want {
			t.Errorf("guides.InnerQuotes(en, %q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}
