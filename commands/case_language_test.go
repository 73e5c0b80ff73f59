package commands

import (
	"context"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/storage"
)

// caseWords are phrases of the texts a member reads about their case,
// and of the team room's, in one language.
type caseWords struct {
	question, yes, anything                                  string
	offer, opened, answerHead, footer, guide, resolved, rate string
	thanks, mine, closed                                     string
}

var (
	caseWordsDE = caseWords{
		question: "Wie kann ich für den Bürgerschaftswahlkampf spenden?", yes: "ja", anything: "Das Formular lädt nicht",
		offer: "Supportfall", opened: "Dein Supportfall #1 ist angelegt", answerHead: "Antwort vom Digitalisierungsteam",
		footer: "antworte einfach hier", guide: "Das Team schickt dir diese Anleitung", resolved: "als erledigt markiert",
		rate: "Hat dir das geholfen?", thanks: "Danke für deine Bewertung", mine: "Deine Supportfälle:", closed: "ist geschlossen",
	}
	caseWordsEN = caseWords{
		question: "How can I donate to the election campaign?", yes: "yes", anything: "The form does not load",
		offer: "support case", opened: "Your support case #1 is open", answerHead: "Answer from the digital team",
		footer: "just reply here", guide: "The team sends you this guide", resolved: "as resolved",
		rate: "Did this help?", thanks: "Thanks for your rating", mine: "Your support cases:", closed: "is closed",
	}
)

// others are the phrases of w's texts in the other language: none may
// reach the member.
func (w caseWords) all() []string {
	return []string{w.opened, w.answerHead, w.footer, w.guide, w.resolved, w.rate, w.thanks, w.mine, w.closed}
}

// TestCaseSpeaksMemberLanguage (case32): in a German install, a member
// who writes English got the offer of a case in English (lang31) and
// then the whole case in German: „Dein Supportfall #1 ist angelegt“, the
// team's answers headed „Antwort vom Digitalisierungsteam“, „als erledigt
// markiert“, „Hat dir das geholfen?“. The case keeps the offer's language:
// an English member's full case (offer → yes → claim → answer → guide →
// resolve → 👍 → reopen → !meine → !schließen) reads English, a German
// member's German, and the team room reads German in both. Fails without
// the change: the English member's case after „yes“ is German.
func TestCaseSpeaksMemberLanguage(t *testing.T) {
	for _, tt := range []struct {
		name       string
		want, not  caseWords
		storedLang string
		board      string // the board's line on the language, "" none
	}{
		{"english member", caseWordsEN, caseWordsDE, "en", "🌐 Lotse schreibt dem Mitglied auf Englisch – antworte am besten auch auf Englisch."},
		{"german member", caseWordsDE, caseWordsEN, "de", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newSupportEnv(t)
			var dm, team []sentMsg
			step := func(sent []sentMsg) []sentMsg {
				dm, team = append(dm, in(sent, dmRoom)...), append(team, in(sent, teamRoom)...)
				return sent
			}
			offer := in(step(e.say(t, dmRoom, member, tt.want.question, "")), dmRoom)
			mustContain(t, offer, tt.want.offer)
			sent := step(e.say(t, dmRoom, member, tt.want.yes, ""))
			mustContain(t, in(sent, dmRoom), tt.want.opened)
			mustContain(t, in(sent, teamRoom), "[OFFEN]", "Fall #1")
			root := id.EventID("$" + in(sent, teamRoom)[0].txn)
			// The team learns in which language to answer.
			if board := in(sent, teamRoom)[0].content.Body; tt.board != "" && !strings.Contains(board, tt.board) ||
				tt.board == "" && strings.Contains(board, "🌐") {
				t.Errorf("the board, want the line %q:\n%s", tt.board, board)
			}
			if c, err := e.db.Cases.Get(context.Background(), 1); err != nil || c == nil || c.Lang != tt.storedLang {
				t.Fatalf("case stored: %+v, %v; want language %q", c, err, tt.storedLang)
			}
			mustContain(t, in(step(e.say(t, teamRoom, alice, "!übernehmen 1", "")), teamRoom), "Alice hat Fall #1 übernommen")
			e.now = e.now.Add(30 * time.Minute)
			sent = step(e.say(t, teamRoom, alice, "!antwort Spenden gehen über das Formular", root))
			mustContain(t, in(sent, dmRoom), tt.want.answerHead, "Alice", "Spenden gehen über das Formular", tt.want.footer)
			mustContain(t, in(sent, teamRoom), "Antwort an das Mitglied gesendet")
			sent = step(e.say(t, teamRoom, alice, "!antwort 1 anleitung konto/passwort-vergessen.md", ""))
			mustContain(t, in(sent, dmRoom), tt.want.guide, tt.want.footer)
			sent = step(e.say(t, teamRoom, alice, "!erledigt 1 Formular geschickt", ""))
			mustContain(t, in(sent, dmRoom), tt.want.resolved, tt.want.rate, "Formular geschickt")
			mustContain(t, in(sent, teamRoom), "[ERLEDIGT]")
			rating := id.EventID("$" + in(sent, dmRoom)[0].txn)
			sent = step(e.react(t, dmRoom, member, rating, "👍"))
			mustContain(t, in(sent, dmRoom), tt.want.thanks)
			mustContain(t, in(sent, teamRoom), "Bewertung für Fall #1: 👍")
			e.now = e.now.Add(time.Hour)
			sent = step(e.say(t, dmRoom, member, tt.want.anything, ""))
			mustContain(t, in(sent, teamRoom), "wieder offen")
			mustContain(t, in(step(e.say(t, dmRoom, member, "!meine", "")), dmRoom), tt.want.mine, "#1")
			sent = step(e.say(t, dmRoom, member, "!schließen 1", ""))
			mustContain(t, in(sent, dmRoom), tt.want.closed)
			mustContain(t, in(sent, teamRoom), "Das Mitglied hat Fall #1 geschlossen")
			for _, m := range dm {
				for _, w := range tt.not.all() {
					if strings.Contains(m.content.Body, w) {
						t.Errorf("the member read %q in the other language:\n%s", w, m.content.Body)
					}
				}
			}
			// The team room is one room: German, whoever the member is.
			for _, m := range team {
				for _, w := range []string{"Case #", "claimed", "Answer sent", "resolved", "Rating for", "closed case"} {
					if strings.Contains(m.content.Body, w) {
						t.Errorf("English %q in the team room:\n%s", w, m.content.Body)
					}
				}
			}
		})
	}
}

// TestCaseFollowsMemberSwitch (case32): a member switches language mid-
// case. The case keeps its language for messages that say none („ok“,
// „2“, a German sentence quoting an English error), and follows a
// message clearly in the other language (the vote and thresholds of the
// answer's frame, lang31): the team's next answer is headed in it. Fails
// without followMemberLang: the answer after the English message is
// German.
func TestCaseFollowsMemberSwitch(t *testing.T) {
	e := newSupportEnv(t)
	root := e.openCase(t)
	answerHead := func(t *testing.T, want string) {
		t.Helper()
		sent := e.say(t, teamRoom, alice, "!antwort Probier es bitte noch einmal", root)
		mustContain(t, in(sent, dmRoom), want)
	}
	for _, msg := range []string{"ok", "2", "da steht „you are not allowed to do this“, wenn ich mich einlogge"} {
		e.say(t, dmRoom, member, msg, "")
		if c, _ := e.db.Cases.Get(context.Background(), 1); c.Lang != "de" {
			t.Fatalf("%q switched the case to %q", msg, c.Lang)
		}
	}
	answerHead(t, "Antwort vom Digitalisierungsteam")
	// The thread is told, in the install's language, before the message.
	sent := e.say(t, dmRoom, member, "sorry, I do not speak German, can you write to me in English?", "")
	if team := in(sent, teamRoom); len(team) != 2 ||
		team[0].content.Body != "🌐 Fall #1: Das Mitglied schreibt jetzt auf Englisch. Lotses Nachrichten an das Mitglied sind ab jetzt auch auf Englisch." {
		t.Fatalf("the thread after the switch:\n%s", bodies(team))
	}
	answerHead(t, "Answer from the digital team")
	if team := in(e.say(t, dmRoom, member, "ok", ""), teamRoom); len(team) != 1 {
		t.Fatalf("the thread after „ok“:\n%s", bodies(team))
	}
	answerHead(t, "Answer from the digital team")
	sent = e.say(t, dmRoom, member, "Danke, jetzt ist es mir klar, ich probiere das gleich aus", "")
	mustContain(t, in(sent, teamRoom), "Das Mitglied schreibt jetzt auf Deutsch")
	answerHead(t, "Antwort vom Digitalisierungsteam")
	// The team room stays German all along.
	sent = e.say(t, teamRoom, alice, "!erledigt 1", "")
	mustContain(t, in(sent, teamRoom), "[ERLEDIGT]")
	mustContain(t, in(sent, dmRoom), "als erledigt markiert")
}

// TestCaseFromBeforeV25SpeaksInstallLanguage (case32): a case without a
// language (opened before schema v25, storage.Case.Lang "") speaks the
// install's — German here, English in an English install — and an
// English member message switches it like any other case.
func TestCaseFromBeforeV25SpeaksInstallLanguage(t *testing.T) {
	for _, tt := range []struct {
		lang  string
		texts *Texts
		head  string
	}{
		{"de", &German, "Antwort vom Digitalisierungsteam"},
		{"en", &English, "Answer from the digital team"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			e := newSupportEnv(t)
			e.reconfigure(func(d *Deps) { d.Texts = tt.texts })
			ctx := context.Background()
			c, _, err := e.db.Cases.Create(ctx, &storage.Case{MemberID: member.String(), MemberRoom: dmRoom.String(), Summary: "alt"},
				"$old-origin", "alte Frage", e.now)
			if err != nil || c.Lang != "" {
				t.Fatalf("case: %+v, %v", c, err)
			}
			sent := e.say(t, teamRoom, alice, "!antwort 1 Probier es bitte noch einmal", "")
			mustContain(t, in(sent, dmRoom), tt.head)
		})
	}
}

// TestCaseOpensInClearYesLanguage (case32): the member's yes to the offer
// is clearly written in the other language („yes, please do it“ to a
// German offer, „ja, mach das bitte“ to an English one): the case opens
// in the yes's language, the one the member wrote last. A bare „yes“
// says no language and keeps the offer's. Fails without the draft
// following the message (MemberText).
func TestCaseOpensInClearYesLanguage(t *testing.T) {
	for _, tt := range []struct{ question, offer, yes, opened, lang string }{
		{caseWordsDE.question, "Supportfall", "yes, please do it", "Your support case #1 is open", "en"},
		{caseWordsDE.question, "Supportfall", "yes", "Dein Supportfall #1 ist angelegt", "de"},
		{caseWordsEN.question, "support case", "ja, mach das bitte", "Dein Supportfall #1 ist angelegt", "de"},
		{caseWordsEN.question, "support case", "ok", "Your support case #1 is open", "en"},
	} {
		t.Run(tt.yes, func(t *testing.T) {
			e := newSupportEnv(t)
			mustContain(t, in(e.say(t, dmRoom, member, tt.question, ""), dmRoom), tt.offer)
			mustContain(t, in(e.say(t, dmRoom, member, tt.yes, ""), dmRoom), tt.opened)
			if c, _ := e.db.Cases.Get(context.Background(), 1); c == nil || c.Lang != tt.lang {
				t.Fatalf("case: %+v, want language %q", c, tt.lang)
			}
		})
	}
}

// declinedIn is the phrase of the reply to msg declining a case offer in
// a German install: in msg's language when it is clearly written in one
// („no, I don't want to talk to a human“; case32), else the offer's
// (German).
func declinedIn(msg string) string {
	if answer.ClearLang(msg) == "en" {
		return "won't send anything"
	}
	return "schicke nichts"
}
