package flow

import (
	"context"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/commands/answer"
)

// TestReplyParticleAfterAnswer: after a guide answer, the member's "nein,
// ich brauche Hilfe bei der Anmeldung" (their "no" to "Hat dir das
// geholfen?" and a new matter) gets the login guides, as the matter alone
// does — not a choice of Lotse's own guides, which the particle made it
// get (fix13) — and "nein, ich brauche Hilfe" the question what exactly
// does not work. A "nein danke" after the answer declines ("Alles klar!"),
// it thanks for nothing.
func TestReplyParticleAfterAnswer(t *testing.T) {
	f := newFixture(t)
	if got := f.say(member, "wie teile ich meinen Bildschirm"); len(got) == 0 || !strings.Contains(got[0], "Bildschirm") {
		t.Fatalf("answer: %q", got)
	}
	login, _ := f.lib.Get("matrix/konto-erstellen-und-anmelden.md")
	own, _ := f.lib.Get("lotse/befehle.md")
	for _, msg := range []string{"nein, ich brauche Hilfe bei der Anmeldung", "ja, aber ich brauche Hilfe bei der Anmeldung"} {
		got := strings.Join(f.say(member, msg), "\n")
		if !strings.Contains(got, login.Title) || strings.Contains(got, own.Title) {
			t.Errorf("%q: want the login guides, got:\n%s", msg, got)
		}
	}
	for _, tt := range []struct{ msg, want string }{
		{"nein, ich brauche Hilfe", "Was genau funktioniert nicht"},
		{"no, I need help", "Was genau funktioniert nicht"},
		{"nein danke", "Alles klar!"},
		{"no thanks", "Alles klar!"},
	} {
		if got := strings.Join(f.say(member, tt.msg), "\n"); !strings.Contains(got, tt.want) {
			t.Errorf("%q: want %q, got:\n%s", tt.msg, tt.want, got)
		}
	}
}

// TestNoThanksWithOfferPending: what support asks of the answer flow
// while a case offer is pending (commands/handler.go wires these): the
// polite refusal alone ("nope, thanks", "nö danke") is a decline
// (IsDecline) and no question (IsQuestion), so support declines the
// offer; "kein Problem", "no worries" are neither a decline nor a question
// but IsNoProblem, so support leaves the offer open (fix13; the whole
// flow: commands/support_fix13_test.go).
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
		if got := answer.IsDecline(tt.msg); got != tt.decline {
			t.Errorf("IsDecline(%q) = %v, want %v", tt.msg, got, tt.decline)
		}
		if got := f.w.IsQuestion(ctx, tt.msg); got != tt.question {
			t.Errorf("IsQuestion(%q) = %v, want %v", tt.msg, got, tt.question)
		}
		if got := answer.IsNoProblem(tt.msg); got != tt.noProblem {
			t.Errorf("IsNoProblem(%q) = %v, want %v", tt.msg, got, tt.noProblem)
		}
	}
}
