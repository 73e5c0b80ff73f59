package commands

import (
	"strings"
	"testing"
)

// TestManagersToldHowToRecord: whoever grants the team role, records one
// piece of evidence or reads an application learns the command for each
// piece still missing — and only for those: an application whose
// declaration was on file already named `!erklärung` to the approvers,
// and a grant said what was missing but not how to record it.
func TestManagersToldHowToRecord(t *testing.T) {
	e, _ := newRolesEnv(t)
	e.fm.joined[dmRoom][approvr] = true
	check := func(t *testing.T, what, body string, want, not []string) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("%s does not say %q: %s", what, w, body)
			}
		}
		for _, n := range not {
			if strings.Contains(body, n) {
				t.Errorf("%s says %q: %s", what, n, body)
			}
		}
	}
	// A grant: both missing.
	sent := in(e.say(t, approvRm, approvr, "!rolle @neu:test team", ""), approvRm)
	check(t, "the grant", bodies(sent), []string{"Eintragen mit !erklärung @neu:test erhalten <Datum> und !schulung @neu:test <Datum>."}, nil)
	// The declaration recorded: the training is missing, and only its command is named.
	sent = in(e.say(t, approvRm, approvr, "!erklärung @neu:test erhalten", ""), approvRm)
	check(t, "the declaration's answer", bodies(sent), []string{"fehlt noch", "Eintragen mit !schulung @neu:test <Datum>."}, []string{"!erklärung @neu:test erhalten <Datum>"})
	// An application whose declaration is on file already.
	e.say(t, approvRm, approvr, "!erklärung @member:test erhalten", "")
	sent = in(e.say(t, dmRoom, member, "!team beitreten", ""), approvRm)
	check(t, "the approvers' notice", bodies(sent), []string{"möchte ins Digitalisierungsteam", "Eintragen mit !schulung @member:test <Datum>."}, []string{"!erklärung"})
}

// TestGrantPendingTypo: a grant of the team role to an ID Lotse never
// heard from — a typo for someone else's account — sends nothing outside
// the manager's room; the manager reads that the person is
// told at the activation. Activated later, the person is told then.
func TestGrantPendingTypo(t *testing.T) {
	e, _ := newRolesEnv(t)
	const typo = "@anna:matrix.example"
	sent := e.say(t, approvRm, approvr, "!rolle "+typo+" team", "")
	mustContain(t, in(sent, approvRm), "sobald vorliegt", "noch keine Nachricht", "mit der Freischaltung")
	for _, m := range sent {
		if m.room != approvRm {
			t.Errorf("a message went to %s: %s", m.room, m.content.Body)
		}
	}
	// The declaration and the training recorded: now the person is told.
	e.say(t, approvRm, approvr, "!erklärung "+typo+" erhalten", "")
	sent = e.say(t, approvRm, approvr, "!schulung "+typo+" heute", "")
	told := false
	for _, m := range sent {
		told = told || (m.room != approvRm && strings.Contains(m.content.Body, "freigeschaltet"))
	}
	if !told {
		t.Errorf("the person was not told at the activation: %s", bodies(sent))
	}
}
