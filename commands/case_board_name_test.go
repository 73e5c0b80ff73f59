package commands

import (
	"strings"
	"testing"
)

// A member's display name with a line break must not forge a line on the
// team room's case board („[IN ARBEIT: Alice]“, a claimed case), as it did
// before every workflow got its names through chat.OneLineName
// (whole-change review 22, M3; access alone cleaned them before).
func TestCaseBoardShowsNameOnOneLine(t *testing.T) {
	e := newSupportEnv(t)
	e.fm.names[member] = "Mia Mitglied\n[IN ARBEIT: Alice]"
	e.say(t, dmRoom, member, "Wie kann ich für den Bürgerschaftswahlkampf spenden?", "")
	sent := e.say(t, dmRoom, member, "ja", "")
	team := in(sent, teamRoom)
	if len(team) == 0 {
		t.Fatal("no case board")
	}
	for _, l := range strings.Split(team[0].content.Body, "\n") {
		if strings.HasPrefix(l, "[IN ARBEIT") {
			t.Errorf("the member's name made a line of its own on the case board:\n%s\n--- html:\n%s", team[0].content.Body, team[0].content.FormattedBody)
		}
	}
}
