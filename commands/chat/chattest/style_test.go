package chattest

import (
	"strings"
	"testing"
)

// TestStyleProblems: each rule of the house style catches its mistake and
// leaves quotes, code, links and format verbs alone.
func TestStyleProblems(t *testing.T) {
	for _, tt := range []struct {
		lang, text, want string // want: a part of the one problem, "" for none
	}{
		{"de", "Schreib „ja“ – oder `!hilfe`.", ""},
		{"de", `Schreib "ja".`, "straight quotes"},
		{"de", "Warte...", `"..."`},
		{"de", "Ja - oder nein.", "dash"},
		{"de", "Schreib „ja”.", "English quote"},
		{"de", "Können Sie das prüfen?", "formal address Sie"},
		{"de", "Die Nachricht ist weg. Sie muss nicht von Hand entfernt werden.", ""},
		{"de", "Ihr bekommt den Link. Sie läuft ab. Sie ist da.", ""},
		{"de", "Die Anleitung: Sie hilft dir.", ""},
		{"de", "Sie müssen das prüfen.", "formal address Sie"},
		{"de", "Ihr Antrag ist da.", "formal address Ihr"},
		{"de", "Dann muss Sie das prüfen.", "formal address Sie"},
		{"de", "Reagiere auf meine Frage mit ✅.", "reaction"},
		{"en", "React to my question with ✅.", "reaction"},
		{"de", "Ihre Anfrage ist da.", "formal address Ihre"},
		{"de", "Die Teilnehmer bekommen den Link.", "generic masculine Teilnehmer"},
		{"de", "Du wirst Moderator:in, die Koordinator:innen wissen es.", ""},
		{"de", "Die Teilnehmenden und Genehmigenden; dein Benutzername.", ""},
		{"de", "Alle Kolleg*innen.", "gender form"},
		{"de", "Dein request ist da.", "English word request"},
		{"de", "Die Anleitung „How to use the cloud“ passt.", ""},
		{"de", "Steht in support_case.", "internal name support_case"},
		{"de", "Die Kennung „support_case“ und `keep_failed_questions`.", ""},
		{"de", "Fall 3f2a9c01e8 ist offen.", "internal name 3f2a9c01e8"},
		{"de", "Siehe %s und https://example.org/a_b_c", ""},
		{"en", "Write “yes” – or `!help`.", ""},
		{"en", "Write „yes“.", "German quote"},
		{"en", "Please write bitte.", "German bitte"},
		{"en", "Your request für Nextcloud.", "German für"},
		{"en", "The guide “Beim Digitalisierungsteam mitmachen” explains it; `!room AG Digitales`.", ""},
		{"en", "Event $abcdefgh12345 failed.", "internal name"},
		{"en", "Close it with `!close <no>`.", "<no> for a number"},
		{"en", "Tick a step: `!onboarding [no]`; `!teach [#no] <guide>`.", "[no] for a number"},
		{"en", "Cancel with `no`; `!close <number>`.", ""},
		{"de", "Hat dir das geholfen? Reagiere mit 👍 für „ja“ oder 👎 für „nein“.", "reaction"},
		{"de", "Reagiere mit 👍 für „ja“ (am Handy: Nachricht gedrückt halten). Oder tippe auf 1️⃣.", ""},
		{"en", "Did this help? React with 👍 for “yes” or 👎 for “no”.", "reaction"},
		// a11y35: what a screen reader, a notification and a plain
		// client read.
		{"de", "Hat dir das geholfen? Reagiere mit 👍 oder 👎 (am Handy: Nachricht gedrückt halten).", "without saying in words what each means"},
		{"de", "Reagiere mit 👍 für „ja“ oder 👎 (am Handy: Nachricht gedrückt halten).", "without saying in words what each means"},
		{"en", "Did this help? React with 👍️ for “yes” or 👎 (on a phone: press and hold the message).", "without saying in words what each means"},
		{"de", "Bewertung für Fall #%d: 👍", ""},
		{"de", "🕖 %s", "clock face 🕖"},
		{"en", "**When:** %s", ""},
		{"de", "**Mitmachen:**Tippe auf ✅.", "markup **"},
		{"de", "Schreib `!hilfe – oder nicht.", "markup `"},
		{"en", "Open [the guide](https://example.org) or `!guide`; **bold**, _it_ and <https://example.org>.", ""},
		{"en", "**%s** – %d guide|**%s** – %d guides", ""},
		{"en", "A |**%s**x| B", ""},
		{"de", "Zeile eins<br>zwei &amp; drei \\\\ vier", ""},
		{"de", "Eins &amp;amp; zwei", "markup &amp;"},
		// A vote with a skin tone is the same vote; markup characters
		// inside a code span are shown as typed, not left-over markup.
		{"de", "Reagiere mit 👍🏽 für „ja“ (am Handy: Nachricht gedrückt halten).", ""},
		{"en", "React with 👎🏿️ for “no” (on a phone: press and hold the message).", ""},
		{"de", "Reagiere mit 👍🏽 oder 👎 (am Handy: Nachricht gedrückt halten).", "without saying in words what each means"},
		{"de", "Dein Konto heißt `@__lotse:example.org`, schreib `!frage **`.", ""},
		{"de", "Dein Konto heißt `@__lotse:example.org` und __fett__ bleibt nicht.", ""},
		{"de", "Schreib `!hilfe` oder `!frage – oder nicht.", "markup `"},
		// texts28: paired and slash forms, other names of one thing.
		{"de", "Fragen an die oder den Datenschutzbeauftragten laufen über die Geschäftsstelle.", "paired or slash form „die oder den“"},
		{"de", "Das kann jede oder jeder.", "paired or slash form"},
		{"de", "Die Betreuer/innen wissen es.", "paired or slash form"},
		{"de", "„%s“ kann der %s oder der %s sein; das eine oder andere; Raumname/Gremium; und/oder.", ""},
		{"de", "Das geht nicht – bitte jemand anderen aus der Genehmigung.", "other name aus der Genehmigung"},
		{"de", "Die Rolle Genehmigung vergeben nur Admins; die Genehmigenden wissen es.", ""},
		{"de", "Dein Support-Fall ist offen.", "other name Support-Fall"},
		{"de", "Schreib mir eine DM.", "other name DM"},
		{"de", "Deine Mailadresse bitte.", "other name"},
		{"de", "Deine E-Mail-Adresse, Mail-Anbieter und Mail-Programme.", ""},
		{"en", "Send me your email address.", "other name email"},
		{"en", "Write to me in a DM.", "other name DM"},
		{"en", "Open a ticket with `!ticket <issue>`.", "other name ticket"},
		{"en", "Open a support case with `!ticket <issue>`; the round tables: `!roundtables`.", ""},
		{"en", "All roundtables.", "other name roundtables"},
		// whole32: „Runder Tisch“ declines after a preposition.
		{"de", "Wer für Runder Tisch #%d zugesagt hat.", "„für Runder Tisch“"},
		{"de", "Deine Änderung an Runder Tisch #3 ist gespeichert.", "„an Runder Tisch“"},
		{"de", "An die Zugesagten von Runder Tisch #3.", "„von Runder Tisch“"},
		{"de", "Runder Tisch #3 ist abgesagt; für den Runden Tisch, am Runden Tisch, des Runden Tischs; Vorschau – Runder Tisch #3.", ""},
	} {
		got := styleProblems(tt.lang, tt.text)
		switch {
		case tt.want == "" && len(got) > 0:
			t.Errorf("%s %q: %v, want none", tt.lang, tt.text, got)
		case tt.want != "" && (len(got) != 1 || !strings.Contains(got[0], tt.want)):
			t.Errorf("%s %q: %v, want one with %q", tt.lang, tt.text, got, tt.want)
		}
	}
}

// TestHelpPronoun: a command's help line names what it works on.
func TestHelpPronoun(t *testing.T) {
	type cmd struct{ Description string }
	type texts struct {
		Lang     string
		Commands map[string]cmd
	}
	for _, tt := range []struct {
		text  string
		fails int
	}{
		{"cancel it; everyone who joined is told", 1},
		{"cancel a round table; everyone who joined is told", 0},
		{"record a declaration, or take it back", 0},
		{"shows this help", 0},
	} {
		r := &recorder{TB: t}
		CheckStyle(r, texts{Lang: "de", Commands: map[string]cmd{"a": {"zeigt diese Hilfe"}}}, texts{Lang: "en", Commands: map[string]cmd{"a": {tt.text}}})
		if len(r.errs) != tt.fails {
			t.Errorf("%q: %d failures, want %d: %v", tt.text, len(r.errs), tt.fails, r.errs)
		}
	}
}
