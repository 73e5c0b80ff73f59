package answer

import "testing"

// TestSeeEndsClause: "I see" acknowledges only where it ends its clause —
// the whole message, or a clause break after "see" (Cambridge Dictionary,
// "I see": used to show that you understand). "See" with an object in
// the same clause is the verb of sight: "I see you" is no
// acknowledgement (review rvP11, finding 10: it got „Alles klar!“).
func TestSeeEndsClause(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg  string
		talk Talk // "" = no small talk
	}{
		{"I see you", ""},
		{"I see you there", ""},
		{"oh i see you", ""},
		{"ah I see you", ""},
		{"I see", TalkAck},
		{"I see.", TalkAck},
		{"ah, I see!", TalkAck},
		{"oh I see", TalkAck},
		{"ok I see, thanks", TalkThanks},
		{"I see, thank you", TalkThanks},
		{"I see - bye", TalkBye},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		if tt.talk == "" {
			if d.Outcome == SmallTalk && d.Talk == TalkAck {
				t.Errorf("%q: acknowledged (%q)", tt.msg, d.Reply)
			}
		} else if d.Outcome != SmallTalk || d.Talk != tt.talk {
			t.Errorf("%q: %s %s %v %q, want small talk %s", tt.msg, d.Outcome, d.Talk, d.Guides(), d.Reply, tt.talk)
		}
	}
}

// TestAskedPhraseIsNoAck: „kein Problem?“, "no problem?", "makes sense?"
// ask whether something is all right (review rvP11, finding 10): a
// message ending in „?“ is no acknowledgement phrase. It names no topic:
// the member is asked what it is about (the prompt), as for a bare "?".
// Without the „?“ they acknowledge, typed with or without umlaut.
func TestAskedPhraseIsNoAck(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg  string
		talk Talk
	}{
		{"kein problem?", TalkPrompt},
		{"Kein Problem?", TalkPrompt},
		{"no problem?", TalkPrompt},
		{"no worries?", TalkPrompt},
		{"wirklich kein Problem?", TalkPrompt},
		{"kein problem? 🙂", TalkPrompt},
		{"ueberhaupt kein problem?", TalkPrompt},
		{"makes sense?", TalkPrompt},
		{"macht Sinn?", TalkPrompt},
		{"I see?", TalkPrompt},
		{"kein problem", TalkAck},
		{"no problem!", TalkAck},
		{"überhaupt kein problem", TalkAck},
		{"ueberhaupt kein problem", TalkAck},
		{"makes sense", TalkAck},
		{"kein problem, danke!", TalkThanks},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		if d.Outcome != SmallTalk || d.Talk != tt.talk {
			t.Errorf("%q: %s %s %v %q, want small talk %s", tt.msg, d.Outcome, d.Talk, d.Guides(), d.Reply, tt.talk)
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
