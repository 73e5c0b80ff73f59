package commands

import (
	"strings"
	"testing"
)

// TestSupportPoliteYesAccepts: with a case offer pending, a polite yes
// ("ja, bitte", "ja gerne", "yes please"; Duden, "bitte", "gern";
// Cambridge Dictionary, "yes please") opens the case as "ja" and "ja
// bitte" do (talk11: "yes please" got a "no guide" quoting it and the
// offer again, with the yes added to the question; "ja gerne" got "Alles
// klar!" and the offer stayed open). With nothing pending the member is
// asked what it is about, never given a "no guide" for „ja“.
func TestSupportPoliteYesAccepts(t *testing.T) {
	for _, msg := range []string{"ja bitte", "Ja, bitte!", "ja gerne", "Ja, gerne!", "yes please", "yes, please 🙂", "ja sehr gerne"} {
		t.Run(msg, func(t *testing.T) {
			e := newSupportEnv(t)
			e.offerPending(t, "zwei faktor einrichten")
			sent := e.say(t, dmRoom, member, msg, "")
			mustContain(t, in(sent, teamRoom), "zwei faktor einrichten")
			for _, m := range in(sent, teamRoom) {
				if strings.Contains(m.content.Body, msg) {
					t.Errorf("the yes reached the case as a question:\n%s", m.content.Body)
				}
			}
			mustContain(t, in(sent, dmRoom), "Supportfall #1")

			e = newSupportEnv(t)
			sent = e.say(t, dmRoom, member, msg, "")
			if team := in(sent, teamRoom); len(team) != 0 {
				t.Fatalf("reached the team room:\n%s", bodies(team))
			}
			dm := in(sent, dmRoom)
			if len(dm) != 1 || !strings.Contains(dm[0].content.Body, "Klar, frag einfach!") {
				t.Fatalf("want the prompt alone, got:\n%s", bodies(dm))
			}
		})
	}
}

// TestSupportHelpAfterNoReoffers: with a case offer pending, a "no"
// before nothing but a cry for help or a request for a person ("nein, ich
// brauche Hilfe", "no, I need help", "nein, ich will mit einem Menschen
// sprechen") declines nothing: the member asks for what the offer gives
// (talk11; fix13 left it declined). The offer is made again, as after
// "hat nicht geholfen", nothing reaches the team, and a "ja" after it
// opens the case offered. A "no" that declines, criticises or asks a
// question of its own keeps its reading (TestSupportKeepsNoReadings).
func TestSupportHelpAfterNoReoffers(t *testing.T) {
	for _, msg := range []string{"nein, ich brauche Hilfe", "no, I need help", "no I need help", "Nein! Ich brauche Hilfe!",
		"nein, ich will mit einem Menschen sprechen", "nein ich brauche Hilfe von einem Menschen",
		"nein, ich komme nicht weiter", "nein, ich hänge fest", "nein, es geht immer noch nicht"} {
		t.Run(msg, func(t *testing.T) {
			e := newSupportEnv(t)
			_, first := e.offerPending(t, "zwei faktor einrichten")
			sent := e.say(t, dmRoom, member, msg, "")
			if team := in(sent, teamRoom); len(team) != 0 {
				t.Fatalf("reached the team room:\n%s", bodies(team))
			}
			if again := offerPrompt(t, sent); again == first {
				t.Fatalf("the offer was not made again")
			}
			mustContain(t, in(sent, dmRoom), "„zwei faktor einrichten“")
			if all := bodies(in(sent, dmRoom)); strings.Contains(all, "schicke nichts") {
				t.Fatalf("the offer was declined:\n%s", all)
			}
			mustContain(t, in(e.say(t, dmRoom, member, "ja", ""), teamRoom), "zwei faktor einrichten")
		})
	}
}

// TestSupportKeepsNoReadings: the "no"s that are no request for help keep
// their readings with an offer pending: a decline ("nein danke, ich komme
// klar", "nein, ich brauche keine Hilfe"), criticism ("nein, das hilft
// mir nicht") and a plain "nein" decline the offer; a "no" with a
// question of its own declines it and the question is answered.
func TestSupportKeepsNoReadings(t *testing.T) {
	for _, tt := range []struct {
		msg, want string
		answered  bool // a question answered after the decline (its own offer may follow)
	}{
		{"nein", "schicke nichts", false},
		{"nein danke, ich komme klar", "schicke nichts", false},
		{"nein, ich brauche keine Hilfe", "schicke nichts", false},
		{"no, I don't need help", "schicke nichts", false},
		{"nein, das hilft mir nicht", "schicke nichts", false},
		// A negated request for a person or a negated "stuck" declines
		// (review rvP11, finding 1: the offer was made again).
		{"nein, ich will nicht mit einem Menschen sprechen", "schicke nichts", false},
		{"no, I don't want to talk to a human", "schicke nichts", false},
		{"nein, kein Mensch bitte", "schicke nichts", false},
		{"nein, ruf mich nicht an", "schicke nichts", false},
		{"nein, ich hänge nicht fest", "schicke nichts", false},
		// "no" before "no problem" is the offer's "nein" (review
		// rvP11, finding 2: the offer stayed open behind „Alles klar!“).
		{"nein, kein Problem", "schicke nichts", false},
		{"nein danke, kein Problem", "schicke nichts", false},
		{"no thanks, no problem", "schicke nichts", false},
		{"nein, wie ändere ich mein Passwort?", "Passwort", true},
	} {
		t.Run(tt.msg, func(t *testing.T) {
			e := newSupportEnv(t)
			e.offerPending(t, "zwei faktor einrichten")
			sent := e.say(t, dmRoom, member, tt.msg, "")
			if team := in(sent, teamRoom); len(team) != 0 {
				t.Fatalf("reached the team room:\n%s", bodies(team))
			}
			mustContain(t, in(sent, dmRoom), "schicke nichts", tt.want)
			if tt.answered {
				return
			}
			if team := in(e.say(t, dmRoom, member, "ja", ""), teamRoom); len(team) != 0 {
				t.Fatalf("a ja after the decline opened a case:\n%s", bodies(team))
			}
		})
	}
}

// TestSupportParticlesAnswerOffer: every answer particle answers a
// pending case offer as "ja" and "nein" do (review rvP11, finding 6):
// "nope", "nah", "nope, no worries" decline it (an "ok" after them opens
// nothing); "yep", "yeah", "jo", "jap", "ja klar" open the case.
func TestSupportParticlesAnswerOffer(t *testing.T) {
	for _, tt := range []struct {
		msg string
		yes bool
	}{
		{"nope", false}, {"Nah.", false}, {"nee", false}, {"nope, no worries", false},
		{"yep", true}, {"yeah", true}, {"jo", true}, {"jap", true}, {"ja klar", true}, {"Yeah!", true},
	} {
		t.Run(tt.msg, func(t *testing.T) {
			e := newSupportEnv(t)
			e.offerPending(t, "zwei faktor einrichten")
			sent := e.say(t, dmRoom, member, tt.msg, "")
			if tt.yes {
				mustContain(t, in(sent, teamRoom), "zwei faktor einrichten")
				mustContain(t, in(sent, dmRoom), "Supportfall #1")
				return
			}
			if team := in(sent, teamRoom); len(team) != 0 {
				t.Fatalf("reached the team room:\n%s", bodies(team))
			}
			mustContain(t, in(sent, dmRoom), "schicke nichts")
			if team := in(e.say(t, dmRoom, member, "ok", ""), teamRoom); len(team) != 0 {
				t.Fatalf("an ok after the decline opened a case:\n%s", bodies(team))
			}
		})
	}
}
