package learn

import (
	"testing"

	"github.com/lotse-bot/lotse/commands/answer"
)

// TestGuardRefusesLostAnswer: a team member teaches „Passwort ändern wie“
// for the calendar guide. The password guide's own question „Wie ändere
// ich mein Passwort?“ is answered with its guide now; with the taught words
// it would become a choice that also offers the calendar. The choice still
// holds the right guide (answer.Helped), but the member must tap where Lotse
// answered at once: the guard refuses it, and names the question with what
// a member would get. A question that leaves every answer as it is passes.
func TestGuardRefusesLostAnswer(t *testing.T) {
	base := guardLibrary(t)
	asked := "Wie ändere ich mein Passwort?"
	if d := answer.Decide(asked, base, answer.Options{}); d.Outcome != answer.Answer || d.Hits[0].ID != "konto/passwort.md" {
		t.Fatalf("precondition: %q is answered with %v (%s)", asked, d.Guides(), d.Outcome)
	}
	r := Vet(base, nil, nil, nil, "termine/kalender.md", "Passwort ändern wie")
	if r.Kind != RefuseWorse || len(r.Regressions) != 1 {
		t.Fatalf("Vet = %s %+v, want one regression", r.Kind, r.Regressions)
	}
	reg := r.Regressions[0]
	if reg.Question.Text != asked || reg.Before.Outcome != answer.Answer || reg.After.Outcome == answer.Answer {
		t.Errorf("regression: %q %s → %s %v", reg.Question.Text, reg.Before.Outcome, reg.After.Outcome, reg.After.Guides())
	}
	if regs := Check(base, r.After, EvalSet(base, nil, nil)); len(regs) != 1 || regs[0].Question.Text != asked {
		t.Errorf("Check: %+v", regs)
	}
	if r := Vet(base, nil, nil, nil, "bbb/raum.md", "Unsere Ortsgruppe braucht einen Treffpunkt im Netz"); r.Kind != Accepted {
		t.Errorf("a harmless question: %s %+v", r.Kind, r.Regressions)
	}
}
