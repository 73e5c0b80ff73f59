package flow

import (
	"strings"
	"testing"
)

// TestNoneOfTheChoicesFitsWithoutCases: where no case can be offered
// (support off, as in a group room), "keine davon" after "Meintest du …?"
// gets the way to a person and is not searched as a question ("Zu „keine
// davon“ habe ich leider keine passende Anleitung gefunden"); without an
// open choice the words are a message like any other.
func TestNoneOfTheChoicesFitsWithoutCases(t *testing.T) {
	for _, tt := range []struct{ lang, none, want string }{
		{"de", "Nein, keine davon.", "keine davon passt"},
		{"de", "none of them", "keine davon passt"},
		{"en", "None of these fit", "none of them fits"},
	} {
		f := newFixture(t)
		env := *f.w.Env
		env.Lang = tt.lang
		f.w = New(&env, Config{})
		q := chooseQuestion(t, f)
		if got := f.say(member, q); len(got) != 1 {
			t.Fatalf("%s: choice for %q: %q", tt.lang, q, got)
		}
		got := f.say(member, tt.none)
		if len(got) != 1 || !strings.Contains(got[0], tt.want) || !strings.Contains(got[0], env.FallbackContact()) {
			t.Errorf("%s: %q after a choice: %q", tt.lang, tt.none, got)
		}
		if len(got) == 1 && strings.Contains(strings.ToLower(got[0]), strings.ToLower(tt.none)) {
			t.Errorf("%s: %q is quoted as a question: %q", tt.lang, tt.none, got[0])
		}
	}
	f := newFixture(t)
	if got := f.say(member, "keine davon"); len(got) == 1 && strings.Contains(got[0], "keine davon passt") {
		t.Errorf("without a choice: %q", got)
	}
}

// TestNoneFitsOfOneGuide: "keine davon" after a choice of a single guide
// is answered for that guide („die Anleitung passt nicht“), not with
// „keine davon passt“ (ux20, Low: answer texts).
func TestNoneFitsOfOneGuide(t *testing.T) {
	for _, tt := range []struct{ lang, none, want, not string }{
		{"de", "passt nicht", "die Anleitung nicht passt", "keine davon"},
		{"en", "none of them", "the guide doesn't fit", "none of them"},
	} {
		f := newFixture(t)
		env := *f.w.Env
		env.Lang = tt.lang
		f.w = New(&env, Config{})
		f.offer(three[:1]...)
		got := f.say(member, tt.none)
		if len(got) != 1 || !strings.Contains(got[0], tt.want) || strings.Contains(got[0], tt.not) || !strings.Contains(got[0], env.FallbackContact()) {
			t.Errorf("%s: %q after a choice of one: %q, want %q", tt.lang, tt.none, got, tt.want)
		}
	}
}
