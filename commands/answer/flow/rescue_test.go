package flow

import (
	"slices"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/commands/answer"
)

// rescuedQuestion is a message the decision offers a choice for on weak
// evidence (answer.Decision.Rescued; the first of a few, so that a change
// of ranking does not lose the test).
func rescuedQuestion(t *testing.T, f *fixture) string {
	t.Helper()
	for _, q := range []string{"Die Ortsgruppe braucht einen Treffpunkt im Netz für ihre Sitzungen und Besprechungen",
		"Die Ortsgruppe braucht einen Treffpunkt im Netz für ihre Sitzungen",
		"Zeitmaschine reparieren, mein Passwort ist Geheim123", "Zeitmaschine reparieren, das Codewort ist Geheim123"} {
		if answer.Decide(q, f.lib, answer.Options{}).Rescued {
			return q
		}
	}
	t.Fatal("none of the messages gets a rescued choice any more: pick new ones")
	return ""
}

// TestRescuedChoiceInChat: a choice offered on weak evidence closes with
// the way to a person in the chat, and a number still picks its guide; a
// choice the search itself offers does not get that line. The question
// metric tells the two apart (rescued_choice, choice).
func TestRescuedChoiceInChat(t *testing.T) {
	f := newFixture(t)
	obs := &countQuestions{}
	f.w.Env.Observer = obs
	f.w = New(f.w.Env, Config{})
	const hint = "Passt keine davon?"
	q := rescuedQuestion(t, f)
	got := f.say(member, q)
	if len(got) != 1 || !strings.Contains(got[0], "Meintest du") || !strings.Contains(got[0], hint) {
		t.Fatalf("rescued choice for %q: %q", q, got)
	}
	d := answer.Decide(q, f.lib, answer.Options{})
	g, _ := f.lib.Get(d.Hits[0].ID)
	if got := f.say(member, "1"); len(got) == 0 || !strings.Contains(got[0], g.Title) {
		t.Fatalf("pick 1 of the rescued choice: %q, want %q", got, g.Title)
	}
	plain := chooseQuestion(t, f)
	if got := f.say(member, plain); len(got) != 1 || strings.Contains(got[0], hint) {
		t.Fatalf("plain choice for %q: %q", plain, got)
	}
	if want := []string{"rescued_choice", "choice"}; !slices.Equal(obs.outcomes, want) {
		t.Errorf("question metric %q, want %q", obs.outcomes, want)
	}
}
