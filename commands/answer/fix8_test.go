package answer

import (
	"slices"
	"testing"
)

// TestBotNaturePressing: a rest that only presses for the answer to a
// question about the bot's nature ("antworte!", "sag schon!", "tell me")
// asks nothing of its own: the honest bot reply, not a guide found for
// "antworte" (review rv7, finding 3). A rest with a word of its own is
// decided on its own, as before.
func TestBotNaturePressing(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg string
		bot bool // the honest bot reply
	}{
		{"bist du ein Bot? antworte!", true},
		{"bist du ein Bot? antworte mir!", true},
		{"bist du ein Mensch? bitte antworte", true},
		{"bist du ein Bot? sag schon!", true},
		{"bist du ein Bot? los, antworte", true},
		{"bist du ein Bot? rede!", true},
		{"Bist du eine KI? Sag mir die Wahrheit!", true},
		{"bist du ein Mensch? sag ehrlich", true},
		{"are you a bot? tell me", true},
		{"are you a bot? come on, answer me!", true},
		{"are you human? tell me the truth", true},
		// A question of its own after it.
		{"bist du ein Mensch? sag mir, wie ich mein Passwort zurücksetze", false},
		{"bist du ein Bot? antworte mir: wie teile ich einen Ordner?", false},
		// Pressing words without the question before them.
		{"antworte mir", false},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		if got := d.Outcome == SmallTalk && d.Talk == TalkBot; got != tt.bot {
			t.Errorf("%q: %s %s %v, want the bot reply %v", tt.msg, d.Outcome, d.Talk, d.Guides(), tt.bot)
		}
	}
	// The question after the pressing words is still searched.
	d := Decide("bist du ein Mensch? sag mir, wie ich mein Passwort zurücksetze", lib, Options{Cases: true})
	if !slices.Contains(d.Guides(), "konto/passwort-vergessen.md") {
		t.Errorf("the question after it: %s %v, want the password guide", d.Outcome, d.Guides())
	}
}
