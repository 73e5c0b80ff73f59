package answer

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestNoThanksDeclines: "nein danke", "no thanks" and the like alone
// refuse politely (Duden, "danke"; Cambridge Dictionary, "no thanks"):
// they get the reply to a decline ("Alles klar!"), not the reply to thanks
// ("Gern geschehen!"), and support reads them as a decline of a pending
// offer (IsDecline) — "nope, thanks" has no word support reads as "no"
// (fix13). Thanks not after a "no" still thank, and a goodbye after the
// decline says goodbye.
func TestNoThanksDeclines(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg     string
		talk    Talk
		decline bool
	}{
		{"nein danke", TalkAck, true},
		{"nein, danke", TalkAck, true},
		{"Nein, vielen Dank!", TalkAck, true},
		{"no thanks", TalkAck, true},
		{"no, thank you", TalkAck, true},
		{"nö danke", TalkAck, true},
		{"nope, thanks", TalkAck, true},
		{"nee danke", TalkAck, true},
		{"nein danke, tschüss", TalkBye, true},
		{"nein danke, ich komme klar", TalkAck, true},
		{"danke", TalkThanks, false},
		{"ja danke", TalkThanks, false},
		{"danke, nein", TalkThanks, false},
		{"ok danke", TalkThanks, false},
		{"nein", TalkAck, false},
		// The thanks formula's adverbs and thanks for help received
		// (review rvP11, finding 11).
		{"nein, danke schön", TalkAck, true},
		{"nein, danke dir trotzdem", TalkAck, true},
		{"nein danke vielmals", TalkAck, true},
		{"danke schön", TalkThanks, false},
		{"danke vielmals!", TalkThanks, false},
		{"nein danke, hat geklappt", TalkThanks, false},
		{"nein, vielen Dank, es hat funktioniert", TalkThanks, false},
	} {
		checkTalk(t, lib, tt.msg, tt.talk)
		if got := IsDecline(tt.msg); got != tt.decline {
			t.Errorf("IsDecline(%q) = %v, want %v", tt.msg, got, tt.decline)
		}
	}
}

// TestNoProblemAck: "kein Problem", "no worries", "np" and the like alone
// acknowledge (Duden, "kein Problem", "kein Ding"; Cambridge Dictionary,
// "no problem", "no worries"): the acknowledgement reply, not the vague
// complaint ("Schade, dass gerade etwas nicht klappt!") nor a guide for
// "problem" (fix13). They are no decline (IsDecline) but IsNoProblem:
// support leaves a pending offer open. The same words naming a thing, or
// a problem, are no acknowledgement.
func TestNoProblemAck(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg  string
		talk Talk // "" = no small talk
	}{
		{"kein Problem", TalkAck},
		{"Kein Problem!", TalkAck},
		{"gar kein Problem", TalkAck},
		{"no problem", TalkAck},
		{"kein Ding", TalkAck},
		{"keine Ursache", TalkAck},
		{"np", TalkAck},
		{"no worries", TalkAck},
		{"ok, kein Problem", TalkAck},
		{"kein Problem, danke!", TalkThanks},
		{"no worries, bye", TalkBye},
		{"kein Problem mit der Cloud", ""},
		{"Problem", ""},
		{"ich habe ein Problem", ""},
		{"no problem with the login?", ""},
		// Typed without umlaut, as the words are read (review rvP11,
		// finding 10).
		{"ueberhaupt kein Problem", TalkAck},
		{"Ueberhaupt kein Problem, danke", TalkThanks},
	} {
		checkTalk(t, lib, tt.msg, tt.talk)
		if got := IsNoProblem(tt.msg); got != (tt.talk != "") {
			t.Errorf("IsNoProblem(%q) = %v, want %v", tt.msg, got, tt.talk != "")
		}
		if IsDecline(tt.msg) {
			t.Errorf("IsDecline(%q) = true, want false", tt.msg)
		}
	}
}

// TestReplyParticleLead: a leading reply particle ("nein,", "ja, aber",
// "no,", "hm,") before a message of its own is read like a leading
// greeting: the rest is what is decided (fix13: "nein, ich brauche Hilfe
// bei der Anmeldung" got a choice of Lotse's own guides, as the particle
// kept "Hilfe" in the search, while the message without it gets the login
// guides). Each message decides as its rest does.
func TestReplyParticleLead(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct{ msg, rest string }{
		{"nein, ich brauche Hilfe bei der Anmeldung", "ich brauche Hilfe bei der Anmeldung"},
		{"ja, aber ich brauche Hilfe bei der Anmeldung", "ich brauche Hilfe bei der Anmeldung"},
		{"Nein leider, ich brauche Hilfe bei der Anmeldung", "ich brauche Hilfe bei der Anmeldung"},
		{"doch, ich brauche Hilfe bei der Anmeldung", "ich brauche Hilfe bei der Anmeldung"},
		{"nein, ich brauche Hilfe", "ich brauche Hilfe"},
		{"naja, ich brauche Hilfe", "ich brauche Hilfe"},
		{"no, I need help", "I need help"},
		{"yeah, I need help", "I need help"},
		{"no thanks, I need help with the login", "I need help with the login"},
		{"nein danke, aber wie ändere ich mein Passwort?", "wie ändere ich mein Passwort?"},
		{"hm, ich brauche Hilfe beim Bildschirm teilen", "ich brauche Hilfe beim Bildschirm teilen"},
		{"yes, but how do I share my screen?", "how do I share my screen?"},
		{"ok, ich habe mein Passwort vergessen", "ich habe mein Passwort vergessen"},
	} {
		d, want := Decide(tt.msg, lib, Options{Cases: true}), Decide(tt.rest, lib, Options{Cases: true})
		if d.Outcome != want.Outcome || d.Vague != want.Vague || fmt.Sprint(d.Guides()) != fmt.Sprint(want.Guides()) {
			t.Errorf("%q: %s vague=%v %v, want as %q: %s vague=%v %v", tt.msg, d.Outcome, d.Vague, d.Guides(),
				tt.rest, want.Outcome, want.Vague, want.Guides())
		}
		for _, g := range d.Guides() {
			if strings.HasPrefix(g, "lotse/") {
				t.Errorf("%q: Lotse's own guide %s", tt.msg, g)
			}
		}
	}
}

// TestReplyParticleKeeps: the readings of a whole message with a reply
// particle stay (fix13): a decline, criticism after a "no", a request for
// a person, a particle alone, a "no" as determiner ("no sound …"), a "no"
// with no clause break before a sentence ("no I still can't log in" is
// searched whole), and a rest with no guide quotes the member's words as
// written.
func TestReplyParticleKeeps(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg     string
		outcome Outcome
		reply   string // part of the reply
		guide   string // one of the guides
	}{
		{"nein danke, ich komme klar", SmallTalk, "Alles klar!", ""},
		{"nein, das hilft mir nicht", SmallTalk, "Das tut mir leid", ""},
		{"das hat nicht geholfen", SmallTalk, "Das tut mir leid", ""},
		{"nein ich brauche Hilfe von einem Menschen", Human, "", ""},
		{"ja", SmallTalk, "Alles klar!", ""},
		{"nein", SmallTalk, "Alles klar!", ""},
		{"no I still can't log in", Choose, "", "matrix/konto-erstellen-und-anmelden.md"},
		{"nein, leider nicht", None, "„nein, leider nicht“", ""},
		{"nein, ich möchte Excel lernen", None, "„nein, ich möchte Excel lernen“", ""},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		if d.Outcome != tt.outcome || !strings.Contains(d.Reply, tt.reply) || tt.guide != "" && !slices.Contains(d.Guides(), tt.guide) {
			t.Errorf("%q: %s %v %q, want %s with %q %q", tt.msg, d.Outcome, d.Guides(), d.Reply, tt.outcome, tt.reply, tt.guide)
		}
	}
	for _, tt := range []struct {
		msg  string
		rest string // "" = no run of particles
	}{
		{"nein, ich brauche Hilfe", "ich brauche Hilfe"},
		{"ja aber wie geht das", "wie geht das"},
		{"no, sound is missing", "sound is missing"},
		{"no thank you, I need help", "I need help"},
		{"no sound in the meeting", ""},
		{"no I still can't log in", ""},
		{"nein", ""},
		{"ja bitte", ""},
		{"nein danke", ""},
		{"Jahresbeitrag bezahlen", ""},
		{"hallo, nein", ""},
		{"nein, !hilfe", "!hilfe"},
		{"Ja-Stimmen zählen", ""},
		{"OK-Button geht nicht", ""},
		{"nein - ich brauche Hilfe", "ich brauche Hilfe"},
	} {
		text := clean(tt.msg)
		got := ""
		if from := replyLead(text, tokens(text)); from > 0 {
			got = text[from:]
		}
		if got != tt.rest {
			t.Errorf("replyLead(%q): rest %q, want %q", tt.msg, got, tt.rest)
		}
	}
}

// TestReplyParticleSearchesAtMostTwice: the rest after a run of reply
// particles is searched as any message is (at most twice:
// TestDecideSearchesAtMostTwice), never the whole again — also when it
// finds no guide, or follows a question about the bot's nature — and
// none of the searches holds the particle.
func TestReplyParticleSearchesAtMostTwice(t *testing.T) {
	rec := &recorder{lib: loadLibrary(t)}
	for _, msg := range []string{
		"nein, ich möchte Excel lernen",
		"nein, leider nicht",
		"ja, aber ich brauche Hilfe bei der Anmeldung",
		"bist du ein Bot? nein, ich möchte Excel lernen",
		"nein, " + strings.Repeat("Sommerfest, wie? ", 4_000),
	} {
		rec.queries = nil
		Decide(msg, rec, Options{Cases: true})
		if len(rec.queries) > 2 || len(rec.queries) == 0 {
			t.Errorf("%.40q: %d searches, want 1 or 2", msg, len(rec.queries))
		}
		for _, q := range rec.queries {
			if w := tokens(q); len(w) > 0 && replyParticles[w[0].w] {
				t.Errorf("%.40q: searched %.40q", msg, q)
			}
		}
	}
}

// TestNoBeforeNoProblem: an answer "no" beside "no problem" ("nein, kein
// Problem", "nein danke, kein Problem", "no thanks, no worries") is the
// "nein" to a yes/no question, no "no problem" alone (review rvP11,
// finding 2): IsNoProblem is false, so support declines a pending offer;
// with nothing pending it stays small talk.
func TestNoBeforeNoProblem(t *testing.T) {
	lib := loadLibrary(t)
	for _, msg := range []string{"nein, kein Problem", "nein danke, kein Problem", "no thanks, no worries", "nope, no problem",
		"nee, kein Ding"} {
		if IsNoProblem(msg) {
			t.Errorf("IsNoProblem(%q) = true, want false", msg)
		}
		if IsHelpRequest(msg) {
			t.Errorf("IsHelpRequest(%q) = true, want false", msg)
		}
		if d := Decide(msg, lib, Options{Cases: true}); d.Outcome != SmallTalk {
			t.Errorf("%q: %s %q, want small talk", msg, d.Outcome, d.Reply)
		}
	}
}
