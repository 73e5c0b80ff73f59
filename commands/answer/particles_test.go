// Tests of the answer particles ("ja", "nein", "no", "hm"): alone and as a
// polite yes with nothing pending, the leading run of them (particleRun,
// replyLead) before a message of its own, which is decided as its rest is,
// "nah" as a particle or the German adjective, and IsHelpRequest: a cry
// for help after the run.

package answer

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestParticlesAlone: every answer particle alone (chat.YesParticles,
// chat.NoParticles) is what "ja" and "nein" are with nothing pending, an
// acknowledgement — "yeah", "jap", "nah" got a "no guide" quoting them
// (review rvP11, finding 6).
func TestParticlesAlone(t *testing.T) {
	lib := loadLibrary(t)
	for _, msg := range []string{"ja", "yeah", "jap", "yup", "Yeah!", "nein", "nah", "noe", "nope"} {
		d := Decide(msg, lib, Options{Cases: true})
		if d.Outcome != SmallTalk || d.Talk != TalkAck {
			t.Errorf("%q: %s %s %q, want an acknowledgement", msg, d.Outcome, d.Talk, d.Reply)
		}
	}
}

// TestPoliteYesPrompts: a polite yes alone ("ja bitte", "ja gerne", "yes
// please"; Duden, "bitte", "gern"; Cambridge Dictionary, "yes please")
// answers an offer; with none pending (support takes it when one is) the
// member is asked what it is about (TalkPrompt), never given a "no guide"
// that quotes „ja“ as a topic (talk11). A yes with a question after it is
// the question; a yes alone, "ok gerne" and thanks keep their readings.
func TestPoliteYesPrompts(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg  string
		talk Talk // "" = no small talk
	}{
		{"ja bitte", TalkPrompt},
		{"Ja, bitte!", TalkPrompt},
		{"ja gerne", TalkPrompt},
		{"ja gern", TalkPrompt},
		{"ja, sehr gerne", TalkPrompt},
		{"yes please", TalkPrompt},
		{"Yes, please.", TalkPrompt},
		{"yeah please", TalkPrompt},
		{"ja", TalkAck},
		{"gerne", TalkAck},
		{"ok gerne", TalkAck},
		{"ja danke", TalkThanks},
		{"ja bitte, wie ändere ich mein Passwort?", ""},
		{"ja bitte die Anleitung zum Passwort", ""},
	} {
		d := checkTalk(t, lib, tt.msg, tt.talk)
		if tt.talk == "" {
			continue
		}
		if d.Talk == TalkPrompt && d.Reply != German.Prompt {
			t.Errorf("%q: reply %q, want the prompt", tt.msg, d.Reply)
		}
	}
}

// TestParticleRun: the leading run of reply particles that replyLead and
// IsHelpRequest both read (review rvP11, finding 7).
func TestParticleRun(t *testing.T) {
	for _, tt := range []struct {
		msg      string
		end      int
		compound bool
	}{
		{"nein, ich brauche Hilfe", 1, false},
		{"nein danke, ich komme klar", 2, false},
		{"no thank you, I'm fine", 3, false},
		{"ja aber wie", 2, false},
		{"Ja-Stimmen zählen", 0, true},
		{"nein, Ja-Stimmen zählen", 1, true},
		{"nein-nein, ich brauche Hilfe", 2, false},
		{"wie geht das", 0, false},
	} {
		text := clean(tt.msg)
		end, compound := particleRun(text, tokens(text))
		if end != tt.end || compound != tt.compound {
			t.Errorf("particleRun(%q) = %d, %v; want %d, %v", tt.msg, end, compound, tt.end, tt.compound)
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

// TestNahNoParticle: „nah“ is the English response word only before a
// clause break or alone; before a word it is the German adjective
// (Duden, "nah": „nah an der Tür“, „nah dran“), no particle that opens
// a reply (chat.NoAlone).
func TestNahNoParticle(t *testing.T) {
	for _, tt := range []struct {
		msg  string
		lead bool
	}{
		{"nah an der Tür ist der Drucker, wie teile ich ihn", false},
		{"nah dran, aber die anmeldung klappt nicht", false},
		{"nah, ich brauche hilfe bei der anmeldung", true},
		{"nah. how do I share my screen", true},
		{"no, I need help with my password", true},
		{"nein ich brauche hilfe bei der anmeldung", true},
	} {
		text := clean(tt.msg)
		if got := replyLead(text, tokens(text)) > 0; got != tt.lead {
			t.Errorf("replyLead(%q) > 0 = %v, want %v", tt.msg, got, tt.lead)
		}
	}
}

// TestIsHelpRequest: after a leading run of answer particles, nothing but
// a cry for help or a request for a person (talk11; support then makes a
// pending offer again instead of declining it). A rest that declines,
// criticises, names a thing or asks is none, nor is a message without
// the particle or a particle alone.
func TestIsHelpRequest(t *testing.T) {
	for _, tt := range []struct {
		msg  string
		want bool
	}{
		{"nein, ich brauche Hilfe", true},
		{"no, I need help", true},
		{"no I need help", true},
		{"nein danke, ich brauche Hilfe", true},
		{"nein, ich will mit einem Menschen sprechen", true},
		{"nein ich brauche Hilfe von einem Menschen", true},
		{"nein, ich komme nicht weiter", true},
		{"nope, I'm stuck", true},
		{"nein, geht immer noch nicht", true},
		{"nein, ich schaffe das nicht", true},
		{"ich brauche Hilfe", false},
		{"nein", false},
		{"nein danke", false},
		{"nein danke, ich komme klar", false},
		{"nein, ich brauche keine Hilfe", false},
		{"no, I don't need help", false},
		{"nein, das hilft mir nicht", false},
		{"nein, passt schon", false},
		{"nein, ich brauche Hilfe bei der Anmeldung", false},
		{"nein, wie ändere ich mein Passwort?", false},
		{"no, I need help with the video call", false},
		{"nein, kann mir jemand Excel erklären?", false},
		// A negated request for a person or a negated "stuck" is no
		// cry for help (review rvP11, finding 1); the negation is read
		// per clause.
		{"nein, ich will nicht mit einem Menschen sprechen", false},
		{"no, I don't want to talk to a human", false},
		{"no, I don't need a human", false},
		{"nein, kein Mensch bitte", false},
		{"no human please", false},
		{"nein, ich möchte lieber nicht mit einem Menschen sprechen", false},
		{"nein, ruf mich nicht an", false},
		{"nein, ich hänge nicht fest", false},
		{"nein, ich stecke nicht fest", false},
		{"nein, ich hänge fest", true},
		{"nein, ich komme nicht weiter, ich will mit einem Menschen sprechen", true},
		{"no, I don't want a bot, I want a human", true},
		{"nein, nicht den Bot, sondern einen Menschen", true},
		// The run of particles is replyLead's (particleRun): a compound
		// is no particle, a particle said twice is one.
		{"nein-nein, ich brauche Hilfe", true},
		{"OK-Button, ich komme nicht weiter", false},
	} {
		if got := IsHelpRequest(tt.msg); got != tt.want {
			t.Errorf("IsHelpRequest(%q) = %v, want %v", tt.msg, got, tt.want)
		}
	}
}

// TestNoDeterminer: a "no" right before the next word is its determiner
// (replyLead keeps the message whole, IsHelpRequest reads the "no" with
// the rest); after a clause break it is the answer.
func TestNoDeterminer(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"no sound in the meeting", true},
		{"no human please", true},
		{"no, human please", false},
		{"no - human please", false},
		{"no. human please", false},
		{"nein human please", false},
		{"ok sound", false},
	} {
		text := clean(c.text)
		if got := noDeterminer(text, tokens(text), 1); got != c.want {
			t.Errorf("noDeterminer(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
