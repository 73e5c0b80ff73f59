package flow

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/chat/chattest"
	"github.com/lotse-bot/lotse/guides"
)

// TestIsQuestionAfterNo: after a "no" to the offer of a case, the rest of
// the message counts as a question of its own — answered after the
// decline — when it asks one or names a matter the guides answer or offer
// a choice for; a problem with only a choice ("nein, mein Passwort geht
// nicht") must not be lost behind the decline. Small talk and "no guide"
// ("nein danke, ich komme klar", "nein, passt schon") ask nothing.
func TestIsQuestionAfterNo(t *testing.T) {
	lib, _, err := guides.Load(filepath.Join("..", "..", "..", "library"))
	if err != nil {
		t.Fatal(err)
	}
	env := chat.Env{Matrix: &chattest.Matrix{Me: "@lotse:test"}, Guides: staticGuides{lib}, Log: zerolog.Nop(), TxnID: chattest.TxnID}.WithDefaults()
	w := New(&env, Config{})
	for _, tt := range []struct {
		msg  string
		want bool
	}{
		{"nein, wie ändere ich mein Passwort?", true},
		{"nein, ich habe mein Passwort vergessen", true},
		{"nein, mein Passwort geht nicht", true},
		{"nein danke, ich komme klar", false},
		{"nein, passt schon", false},
		{"nein, brauche ich nicht", false},
	} {
		if got := w.IsQuestion(context.Background(), tt.msg); got != tt.want {
			t.Errorf("IsQuestion(%q) = %v, want %v", tt.msg, got, tt.want)
		}
	}
}
