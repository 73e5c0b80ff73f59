package flow

import (
	"strings"
	"testing"
)

// TestCommandInsideAMessage: a command after a question about the bot's
// nature ("bist du ein Bot? !hilfe") is neither searched nor quoted as a
// question no guide fits: the member is told to send it on its own
// (review rv7, finding 4).
func TestCommandInsideAMessage(t *testing.T) {
	// (In the install's language: a message clearly in the other one
	// gets that language's frame, lang31.)
	for lang, msg := range map[string]string{"de": "bist du ein Bot? !hilfe", "en": "are you a bot? !help"} {
		f := newFixture(t)
		env := *f.w.Env
		env.Lang = lang
		f.w = New(&env, Config{})
		got := f.say(member, msg)
		// (The plain text of the Markdown reply: no backticks.)
		if want := strings.ReplaceAll(f.w.tx.CommandInside, "`", ""); len(got) != 1 || got[0] != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}
