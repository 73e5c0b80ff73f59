// Tests of a reply particle in the chat after a guide answer ("nein, ich
// brauche Hilfe bei der Anmeldung", "nein danke"): the rest is answered as
// the matter alone is; a refusal alone declines.

package flow

import (
	"strings"
	"testing"
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
