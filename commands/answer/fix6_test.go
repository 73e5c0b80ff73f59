package answer

import (
	"slices"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides"
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

// TestDismissal checks that the imperatives of dismissal (critDismiss)
// get the criticism apology, not a "no guide" quoting them, and that the
// words alone, negated or inside a question do not.
func TestDismissal(t *testing.T) {
	lib := loadLibrary(t)
	for _, msg := range []string{"halt die Klappe", "shut up", "leck mich", "verpiss dich", "Halt's Maul!",
		"boah halt einfach die Klappe", "hau ab", "piss off", "get lost", "halt die Klappe, Bot"} {
		d := Decide(msg, lib, Options{Cases: true})
		if d.Outcome != SmallTalk || d.Talk != TalkCriticism || d.Reply != German.Criticism+" "+German.BotCases {
			t.Errorf("%q: %s %s %q, want the apology", msg, d.Outcome, d.Talk, d.Reply)
		}
	}
	for _, msg := range []string{"halt mal", "halt die Klappe nicht", "ist halt so", "kannst du die Klappe halten",
		"halt mal, wie ändere ich mein Passwort?", "get", "shut up, wie teile ich einen Ordner?",
		// A subject makes a statement, not an imperative: a goodbye
		// (review rv7, finding 5).
		"ich hau jetzt ab", "ich hau ab", "ich bin dann mal weg", "ich halt jetzt die Klappe", "I get lost"} {
		if d := Decide(msg, lib, Options{Cases: true}); d.Talk == TalkCriticism {
			t.Errorf("%q became criticism", msg)
		}
	}
}

// TestOtherMachineCriticism checks that criticism of a machine that is
// not Lotse — named with a definite or demonstrative article, or the
// member's own — gets the vague complaint's question (what exactly does
// not work?), not Lotse's apology; criticism of the bot keeps it.
func TestOtherMachineCriticism(t *testing.T) {
	lib := loadLibrary(t)
	for _, msg := range []string{"der Computer ist Schrott", "das Programm ist schlecht", "das Programm hilft mir nicht",
		"dieses Ding ist Schrott", "mein Computer ist Schrott", "this thing is useless"} {
		d := Decide(msg, lib, Options{Cases: true})
		if d.Outcome != None || !d.Vague || d.Reply != VagueReply(&German, Options{Cases: true}) {
			t.Errorf("%q: %s %s vague=%v %q, want the vague complaint's question", msg, d.Outcome, d.Talk, d.Vague, d.Reply)
		}
	}
	for _, msg := range []string{"blöder Bot", "der Bot ist Schrott", "du bist ein dummes Programm", "das hilft mir nicht",
		"du bist nutzlos"} {
		if d := Decide(msg, lib, Options{Cases: true}); d.Talk != TalkCriticism {
			t.Errorf("%q: %s %s, want the apology", msg, d.Outcome, d.Talk)
		}
	}
	// Not criticism at all stays as it was: a question about a program,
	// a person named.
	for _, msg := range []string{"ist das Programm schlecht?", "das Programm ist schlecht, kann mir ein Mensch helfen?"} {
		if d := Decide(msg, lib, Options{Cases: true}); d.Vague || d.Talk == TalkCriticism {
			t.Errorf("%q: %s %s vague=%v", msg, d.Outcome, d.Talk, d.Vague)
		}
	}
}

// TestInnerQuotes checks that the None reply quotes a member's quotation
// with single marks inside its own double ones (Duden D 159; English
// ‘…’ inside “…”), and leaves a question without double marks alone.
func TestInnerQuotes(t *testing.T) {
	for _, tt := range []struct{ lang, q, want string }{
		{"de", "Mein Sohn sagt: „Du bist nutzlos“", "Mein Sohn sagt: ‚Du bist nutzlos‘"},
		{"de", `Zoom meldet "Fehler 42" beim Start`, "Zoom meldet ‚Fehler 42‘ beim Start"},
		{"de", "Excel sagt “Datei gesperrt”", "Excel sagt ‚Datei gesperrt‘"},
		{"de", "„a“ und „b“", "‚a‘ und ‚b‘"},
		{"en", `Zoom says "error 42" on start`, "Zoom says ‘error 42’ on start"},
		{"en", "Excel says “file locked”", "Excel says ‘file locked’"},
		// Must not: no double marks, apostrophes, single marks.
		{"de", "wie geht's? ‚schon‘ gut", "wie geht's? ‚schon‘ gut"},
		{"en", "it's 'fine'", "it's 'fine'"},
		{"de", "", ""},
	} {
		if got := guides.InnerQuotes(tt.lang, tt.q); got != tt.want {
			t.Errorf("guides.InnerQuotes(%s, %q) = %q, want %q", tt.lang, tt.q, got, tt.want)
		}
	}
	de := NoGuideReply(&German, Options{Cases: true}, "Mein Sohn sagt: „Du bist nutzlos“")
	if want := "Zu „Mein Sohn sagt: ‚Du bist nutzlos‘“ habe"; !strings.HasPrefix(de, want) {
		t.Errorf("German reply %q, want it to start %q", de, want)
	}
	en := NoGuideReply(&English, Options{Cases: true}, `Zoom says "error 42"`)
	if want := "Sorry, I found no guide that fits “Zoom says ‘error 42’”."; !strings.HasPrefix(en, want) {
		t.Errorf("English reply %q, want it to start %q", en, want)
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
