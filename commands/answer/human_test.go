package answer

import "testing"

// TestPersonRequest: the grammar of requests for a person (request verbs ×
// person nouns × contact channels) against questions that merely mention
// someone.
func TestPersonRequest(t *testing.T) {
	for _, c := range []struct {
		msg  string
		want humanSignal
	}{
		// A real person, personal help.
		{"gibt es hier auch echte Leute?", sureHuman},
		{"ich brauche persönliche Hilfe", sureHuman},
		{"I need a real person", sureHuman},
		{"ich brauche Hilfe von einem Menschen", sureHuman},
		{"kann mir jemand persönlich helfen", sureHuman},
		// Call me back.
		{"bitte ruf mich an", sureHuman},
		{"Kann mich jemand zurückrufen?", sureHuman},
		{"kann mich jemand anrufen", sureHuman},
		{"bitte um Rückruf", sureHuman},
		{"can someone call me back", sureHuman},
		{"please call me", sureHuman},
		{"kann sich jemand bei mir melden", sureHuman},
		// Speak with a person or staff.
		{"kann ich mit einem Menschen sprechen", sureHuman},
		{"ich möchte mit jemandem aus der Geschäftsstelle sprechen", sureHuman},
		{"ich moechte mit jemandem vom team reden", sureHuman},
		{"can I talk to someone", sureHuman},
		{"i need to speak to a person", sureHuman},
		// Reach the people behind the bot.
		{"wie erreiche ich euch", numberHuman},
		{"how can I contact support", numberHuman},
		// Presence, not a bot.
		{"ist hier jemand?", sureHuman},
		{"is anyone there?", sureHuman},
		{"ich will keinen Bot", sureHuman},
		{"bist du ein Mensch?", sureHuman},
		{"are you a bot", sureHuman},
		{"Mensch bitte", sureHuman},
		// Someone to help, show or tell: the rest of the message decides.
		{"kann mir das jemand zeigen", maybeHuman},
		{"kann mir jemand helfen?", maybeHuman},
		{"kann mir jemand sagen, wie ich mein Passwort ändere", maybeHuman},
		{"wer kann mir helfen", numberHuman},
		{"an wen kann ich mich wenden", numberHuman},
		{"gibt es eine Ansprechperson für Technik", numberHuman},
		{"can someone show me", maybeHuman},
		// A number: a guide may give it.
		{"gibt es eine Telefonnummer?", numberHuman},
		{"gibt es eine hotline", numberHuman},
		// Questions that merely mention someone.
		{"kann jemand anderes meine Dateien sehen?", noHuman},
		{"kann ich jemand anderem die Moderation geben?", noHuman},
		{"wie lade ich Leute in meinen Raum ein", noHuman},
		{"wie ändere ich meine Telefonnummer in der Cloud", noHuman},
		{"schreib eine Mail an [E-Mail] oder [Telefonnummer]", noHuman},
		{"ich habe keinen Computer, kann ich trotzdem teilnehmen", noHuman},
		{"ich möchte dem Team helfen", noHuman},
		{"wie kann ich mit meinem Team chatten", noHuman},
		{"Jemand schreibt mir im Chat und will mein Passwort, ist das echt?", noHuman},
		{"wie zeige ich den anderen Leuten meinen Bildschirm", noHuman},
		{"ich habe mich mit dem phone angemeldet", noHuman},
		{"kannst du mir helfen?", noHuman},
	} {
		if got := personRequest(foldWords(tokens(c.msg))); got != c.want {
			t.Errorf("%q: signal %d, want %d", c.msg, got, c.want)
		}
	}
}

// TestPersonRest: what is left of a request for a person.
func TestPersonRest(t *testing.T) {
	for _, c := range []struct {
		msg               string
		content, question bool
	}{
		{"kann mir das jemand zeigen", false, false},
		{"kann mir bitte mal jemand helfen?", false, false},
		{"kann mir jemand sagen, wie ich mein Passwort ändere", true, true},
		{"gibt es eine Ansprechperson für Technik", true, false},
		{"wie kann ich in Element jemanden anrufen", true, true},
	} {
		content, question, _ := personRest(foldWords(tokens(c.msg)))
		if content != c.content || question != c.question {
			t.Errorf("%q: content %v question %v, want %v %v", c.msg, content, question, c.content, c.question)
		}
	}
}
