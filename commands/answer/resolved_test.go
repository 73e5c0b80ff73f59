package answer

import "testing"

// TestTroubleGoneAcknowledged: a member who reports the trouble gone —
// „geht wieder“, „hat sich geklärt“, „ich probier es selbst“ — gets an
// acknowledgement, not a "no guide" that quotes the news as a question;
// the same words asked („hat das geklappt?“) are asked what it is about,
// never told „Alles klar!“; and the trouble itself, or a thing named,
// stays what it was.
func TestTroubleGoneAcknowledged(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg  string
		talk Talk // "" = not small talk
	}{
		{"geht wieder", TalkAck},
		{"geht jetzt", TalkAck},
		{"alles gut, geht wieder", TalkAck},
		{"jetzt geht es wieder, danke", TalkThanks},
		{"hat sich geklärt", TalkAck},
		{"hat sich schon geklärt", TalkAck},
		{"ich probier es selbst", TalkAck},
		{"passt schon, ich probier es selbst", TalkAck},
		{"ok ich versuche es alleine", TalkAck},
		// Asked, not told.
		{"hat das geklappt?", TalkPrompt},
		{"klappt das?", TalkPrompt},
		{"ok?", TalkPrompt},
		{"hat sich das geklärt?", TalkPrompt},
		{"geht jetzt wieder?", TalkPrompt},
		// The same reading of a question as support's (chat.EndsAsking).
		{"ok?!", TalkPrompt},
		{"klappt das？", TalkPrompt},
		{"kein Problem? :)", TalkPrompt},
		// The trouble, or a thing named, is no acknowledgement.
		{"geht wieder nicht", ""},
		{"die cloud geht wieder", ""},
		{"geht das jetzt", ""},
		{"kann ich das selbst probieren", ""},
	} {
		checkTalk(t, lib, tt.msg, tt.talk)
	}
}
