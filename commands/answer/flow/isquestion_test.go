// Tests of what the answer flow tells support about a message while a case
// offer is pending: the rest after a "no" is a question of its own
// (IsQuestion) when it asks one or names a matter of the guides, and the
// polite refusal is a decline while "kein Problem" is neither.

package flow

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/commands/answer"
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

// TestNoThanksWithOfferPending: what support asks of the answer flow
// while a case offer is pending (commands/handler.go wires these): the
// polite refusal alone ("nope, thanks", "nö danke") is a decline
// (DeclineOf) and no question (IsQuestion), so support declines the
// offer; "kein Problem", "no worries" are neither a decline nor a question
// but IsNoProblem, so support leaves the offer open (fix13; the whole
// flow: commands/support_decline_test.go and support_closings_test.go).
func TestNoThanksWithOfferPending(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, tt := range []struct {
		msg                          string
		decline, question, noProblem bool
	}{
		{"nein danke", true, false, false},
		{"nope, thanks", true, false, false},
		{"nö danke", true, false, false},
		{"no, thank you", true, false, false},
		{"kein Problem", false, false, true},
		{"no worries", false, false, true},
		{"nein, ich brauche Hilfe bei der Anmeldung", false, true, false},
	} {
		if _, small := answer.SmallTalkOf(tt.msg); answer.DeclineOf(tt.msg, small) != tt.decline {
			t.Errorf("DeclineOf(%q) = %v, want %v", tt.msg, !tt.decline, tt.decline)
		}
		if got := f.w.IsQuestion(ctx, tt.msg); got != tt.question {
			t.Errorf("IsQuestion(%q) = %v, want %v", tt.msg, got, tt.question)
		}
		if got := answer.IsNoProblem(tt.msg); got != tt.noProblem {
			t.Errorf("IsNoProblem(%q) = %v, want %v", tt.msg, got, tt.noProblem)
		}
	}
}
