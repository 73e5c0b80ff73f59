package answer

import "testing"

// TestUnderstandingAck: the member says they understood — the first-person
// and participle forms of the verbs of understanding (Duden, "verstehen",
// "kapieren", "checken"; Cambridge Dictionary, "understood", "I see",
// "makes sense") — alone or with small talk around: an acknowledgement,
// or the thanks or goodbye around it (talk11: "ah ok, verstehe" got a
// choice of Lotse's command guide, "I see" a "no guide" quoting „I“).
// Negated, asked or with a thing named they are no acknowledgement.
func TestUnderstandingAck(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg  string
		talk Talk // "" = no small talk
	}{
		{"ah ok, verstehe", TalkAck},
		{"verstehe", TalkAck},
		{"Versteh ich.", TalkAck},
		{"ich verstehe", TalkAck},
		{"kapiert", TalkAck},
		{"kapier ich", TalkAck},
		{"ok, hab's kapiert", TalkAck},
		{"check ich", TalkAck},
		{"gecheckt, danke!", TalkThanks},
		{"verstehe, danke!", TalkThanks},
		{"I see", TalkAck},
		{"ah, I see", TalkAck},
		{"ok I see, thanks", TalkThanks},
		{"I see, bye", TalkBye},
		{"makes sense", TalkAck},
		{"that makes sense, thank you", TalkThanks},
		{"understood", TalkAck},
		{"ok, understood", TalkAck},
		{"I understand", TalkAck},
		{"macht Sinn", TalkAck},
		{"ich verstehe das nicht", ""},
		{"verstehe ich das richtig?", ""},
		{"kapiere ich nicht", ""},
		{"I don't understand", ""},
		{"I see no button", ""},
		{"makes no sense", TalkCriticism},
		{"macht keinen Sinn", TalkCriticism},
		{"check mal meine Einstellungen", ""},
		{"ich check das nicht mit dem Kalender", ""},
		{"see you", TalkBye},
	} {
		checkTalk(t, lib, tt.msg, tt.talk)
	}
}

// TestStuckIsVague: the idioms of being stuck with nothing named (Duden,
// "nicht weiterkommen", "nicht weiterwissen", "festhängen",
// "feststecken"; Cambridge Dictionary, "be stuck") are a vague complaint
// like "geht nicht": the question what exactly does not work, no guide
// picked by "kommen" or "hängen" (talk11: "ich komm nicht weiter" got a
// choice of three unrelated guides). With a thing named, or not an idiom
// of being stuck, the message is searched.
func TestStuckIsVague(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg   string
		vague bool
	}{
		{"ich komm nicht weiter", true},
		{"ich komme nicht weiter", true},
		{"Ich komme hier einfach nicht mehr weiter!", true},
		{"Hilfe, ich komme gerade nicht weiter", true},
		{"ich weiß nicht weiter", true},
		{"ich weiss nicht mehr weiter", true},
		{"ich hänge fest", true},
		{"ich stecke fest", true},
		{"I'm stuck", true},
		{"I’m stuck", true},
		{"I am stuck again", true},
		{"nein, ich komme nicht weiter", true},
		{"ich komme bei der Anmeldung nicht weiter", false},
		{"I'm stuck with the video call", false},
		{"ich weiß nicht weiter mit Nextcloud", false},
		{"ich komme weiter", false},
		{"ich weiß nicht", false},
		{"ich komme nicht mehr rein", false},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		if got := d.Outcome == None && d.Vague; got != tt.vague {
			t.Errorf("%q: %s vague=%v %v, want vague %v", tt.msg, d.Outcome, d.Vague, d.Guides(), tt.vague)
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
