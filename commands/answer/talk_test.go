package answer

import (
	"strings"
	"testing"
)

// TestBotTalk checks the grammar of small talk addressed to the bot
// (botTalk): each kind in German and English, and messages that must NOT
// be taken for it — questions about the bot that a guide answers, a
// request for a person, a complaint, an apology before a question.
func TestBotTalk(t *testing.T) {
	for _, tt := range []struct {
		msg  string
		want Talk // "" = not small talk
	}{
		// Praise and affection.
		{"du bist super", TalkPraise},
		{"du bist immer so nett", TalkPraise},
		{"das ist echt lieb von dir", TalkPraise},
		{"Danke, du bist ein Schatz!", TalkPraise},
		{"du hast mir wirklich sehr geholfen", TalkPraise},
		{"du bist ja klüger als mein Neffe", TalkPraise},
		{"gut, dass es dich gibt", TalkPraise},
		{"hab dich lieb", TalkPraise},
		{"you are the best", TalkPraise},
		{"that's so kind of you", TalkPraise},
		{"love you, Lotse", TalkPraise},
		{"thanks so much, you're great", TalkPraise},
		{"vielen Dank für alles, du bist toll", TalkPraise},
		// How are you.
		{"und, wie läuft's bei dir?", TalkHowAreYou},
		{"alles gut bei dir?", TalkHowAreYou},
		{"how are you doing?", TalkHowAreYou},
		{"how's it going?", TalkHowAreYou},
		// The bot as a being.
		{"wer bist du?", TalkBot},
		{"wie alt bist du eigentlich?", TalkBot},
		{"bist du eine KI?", TalkBot},
		{"bist du ein Mensch?", TalkBot},
		{"schläfst du eigentlich nie?", TalkBot},
		{"machst du auch mal Urlaub?", TalkBot},
		{"bist du noch da?", TalkBot},
		{"what's your name?", TalkBot},
		{"are you a real person or a robot?", TalkBot},
		{"who made you?", TalkBot},
		// Apologies for bothering.
		{"sorry für die vielen Fragen", TalkSorry},
		{"tut mir leid, dass ich dich dauernd störe", TalkSorry},
		{"sorry to bother you again", TalkSorry},
		// Not talk to the bot: questions a guide answers, asking for a
		// person, complaints, an apology before a question.
		{"was speicherst du über mich?", ""},
		{"was kannst du alles?", ""},
		{"wie kann ich dich stumm schalten", ""},
		{"kannst du mir helfen, mein Passwort zurückzusetzen?", ""},
		{"welche Befehle kennst du", ""},
		{"kann ich dich auch im Gruppenraum fragen?", ""},
		{"what data do you store about me?", ""},
		{"which commands do you understand", ""},
		{"du bist nicht hilfreich", ""},
		{"you are not helpful at all", ""},
		{"du bist besser als die Anleitung zur Cloud von Nextcloud", ""},
		{"Entschuldigung, ich habe eine Frage", ""},
		{"Entschuldigung, wie ändere ich mein Passwort?", ""},
		{"bist du ein Bot? ich will mit einem Menschen sprechen", ""},
		{"ich will keinen Bot", ""},
		{"ist da ein Mensch?", ""},
		{"hast du mein Passwort gespeichert?", ""},
		{"geht bei dir die Cloud?", ""},
	} {
		ws := tokens(clean(tt.msg))
		got, ok := botTalk(foldWords(ws), clauseStarts(clean(tt.msg), ws))
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("botTalk(%q) = %q, want %q", tt.msg, got, tt.want)
		}
		if tt.want != "" {
			if d := Decide(tt.msg, noLibrary{}, Options{}); d.Outcome != SmallTalk || d.Talk != tt.want || d.Reply == "" {
				t.Errorf("Decide(%q) = %s %q %q, want small talk %q", tt.msg, d.Outcome, d.Talk, d.Reply, tt.want)
			}
		}
	}
}

// TestBotTalkKeepsGuides decides questions about Lotse that a guide of
// the shipped library answers: none may become small talk.
func TestBotTalkKeepsGuides(t *testing.T) {
	lib := loadLibrary(t)
	for _, msg := range []string{
		"was speicherst du über mich?",
		"was kannst du alles?",
		"wie kann ich dich stumm schalten",
		"kannst du mir helfen, mein Passwort zurückzusetzen?",
		"wie schreibe ich dir privat",
		"beantwortest du auch Fragen zur Politik der Partei?",
		"which commands do you understand",
	} {
		if d := Decide(msg, lib, Options{Cases: true}); d.Outcome == SmallTalk {
			t.Errorf("%q became small talk (%s)", msg, d.Talk)
		}
	}
}

// TestBotReply checks the answer to a question about the bot as a being:
// it says that Lotse is a bot, and names the way to a person — the
// fallback contact when cases are off, and otherwise a sentence to write
// that the decision itself takes for a request for a person.
func TestBotReply(t *testing.T) {
	for _, tc := range []struct {
		tx       *Texts
		msg, bot string
		open     string
		close    string
	}{
		{&German, "bist du ein Mensch oder ein Bot?", "Bot", "„", "“"},
		{&English, "are you a human or a bot?", "bot", "“", "”"},
	} {
		off := Decide(tc.msg, noLibrary{}, Options{Texts: tc.tx, Contact: "Ruf die Geschäftsstelle an: 0123 456."})
		if off.Talk != TalkBot || !strings.Contains(off.Reply, tc.bot) || !strings.HasSuffix(off.Reply, "Ruf die Geschäftsstelle an: 0123 456.") {
			t.Errorf("%s, cases off: %s %q", tc.tx.Lang, off.Talk, off.Reply)
		}
		on := Decide(tc.msg, noLibrary{}, Options{Texts: tc.tx, Cases: true})
		if on.Talk != TalkBot || !strings.HasSuffix(on.Reply, tc.tx.BotCases) {
			t.Errorf("%s, cases on: %s %q", tc.tx.Lang, on.Talk, on.Reply)
		}
		// The sentence BotCases suggests asks for a person.
		i, j := strings.Index(tc.tx.BotCases, tc.open), strings.LastIndex(tc.tx.BotCases, tc.close)
		if i < 0 || j < i {
			t.Fatalf("%s: no quoted sentence in %q", tc.tx.Lang, tc.tx.BotCases)
		}
		say := tc.tx.BotCases[i+len(tc.open) : j]
		if d := Decide(say, noLibrary{}, Options{Texts: tc.tx, Cases: true}); d.Outcome != Human {
			t.Errorf("%s: %q decides %s, not a request for a person", tc.tx.Lang, say, d.Outcome)
		}
	}
	for _, tx := range []*Texts{&German, &English} {
		for name, s := range map[string]string{"Praise": tx.Praise, "Sorry": tx.Sorry, "Bot": tx.Bot, "BotCases": tx.BotCases} {
			if s == "" || strings.Contains(s, "%") {
				t.Errorf("%s %s: %q", tx.Lang, name, s)
			}
		}
	}
}
