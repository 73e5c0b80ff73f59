package commands

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"
)

// TestCaseHistoryInTeamWords: `!fall` names a case's changes in the
// team's words — who took it, gave it back, solved it (with the solution),
// how the member rated it — never by their stored kinds. Before lead27
// the history read „▸ claim – Alex“, „▸ resolve – Alex Formular
// geschickt“, „▸ rate – Max 1“.
func TestCaseHistoryInTeamWords(t *testing.T) {
	e := newSupportEnv(t)
	root := e.openCase(t)
	e.say(t, teamRoom, alice, "!übernehmen 1", root)
	e.say(t, teamRoom, alice, "!abgeben 1", root)
	e.say(t, teamRoom, alice, "!übernehmen 1", root)
	sent := e.say(t, teamRoom, alice, "!erledigt 1 Formular geschickt", root)
	dm := in(sent, dmRoom)
	if len(dm) != 1 {
		t.Fatalf("solution: %s", bodies(sent))
	}
	e.react(t, dmRoom, member, id.EventID("$"+dm[0].txn), "👍")

	history := in(e.say(t, teamRoom, alice, "!fall 1", root), teamRoom)
	if len(history) != 1 {
		t.Fatalf("!fall: %s", bodies(history))
	}
	body := history[0].content.Body
	for _, want := range []string{"hat den Fall eröffnet", "hat den Fall übernommen", "hat den Fall abgegeben",
		"hat den Fall gelöst: Formular geschickt", "hat bewertet: 👍 hat geholfen"} {
		if !strings.Contains(body, want) {
			t.Errorf("history lacks %q:\n%s", want, body)
		}
	}
	for _, kind := range []string{"open", "claim", "unclaim", "resolve", "rate"} {
		if strings.Contains(body, "▸ "+kind) {
			t.Errorf("history shows the stored kind %q:\n%s", kind, body)
		}
	}
}
