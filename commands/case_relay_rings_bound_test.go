package commands

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestMemberFloodRingsVolunteerBounded: a member's messages in a claimed
// case ring the volunteer who claimed it (phone34), but a flood of them —
// a script on the member's account sending line after line — rings their
// phone a few times, not once per line. Every line still reaches the case
// thread, in order; the ones beyond the bound are quiet notices. After
// ten minutes the member's next message rings again.
func TestMemberFloodRingsVolunteerBounded(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	e.say(t, teamRoom, alice, "!übernehmen 1", "")

	const flood = 40
	rings, relayed := 0, 0
	for i := range flood {
		line := fmt.Sprintf("Zeile %d der Flut", i)
		for _, m := range in(e.say(t, dmRoom, member, line, ""), teamRoom) {
			if !strings.Contains(m.content.Body, line) {
				continue
			}
			relayed++
			if ringsFor(m, alice) {
				rings++
			}
		}
	}
	if relayed != flood {
		t.Fatalf("%d of %d lines reached the case thread", relayed, flood)
	}
	if rings < 1 || rings > 3 {
		t.Fatalf("a flood of %d lines rang the volunteer %d times; want 1 to 3", flood, rings)
	}

	e.now = e.now.Add(10 * time.Minute)
	team := in(e.say(t, dmRoom, member, "Bist du noch da?", ""), teamRoom)
	if len(team) != 1 || !ringsFor(team[0], alice) {
		t.Fatalf("ten minutes later the member's message does not ring the volunteer: %+v", team)
	}
}
