package commands

import (
	"strings"
	"testing"
)

// TestSupportReofferAndOpenCase: what a member says about Lotse's last
// answer with a case offer pending or a case open (review rv7, findings 8
// and 9). With the offer on screen, criticism ("das hilft mir überhaupt
// nicht") offers the case again like "hat nicht geholfen" does, instead of
// the general apology that tells the member which sentence to write.
// During an open case everything the member writes goes to the team —
// "hat nicht geholfen" too, after a "!ticket" left a new offer pending
// beside the open case; it is never answered with an offer.
func TestSupportReofferAndOpenCase(t *testing.T) {
	for _, tt := range []struct {
		name string
		// open: a case is open (confirmed) before the offer is made.
		open bool
		// setup are the member's messages that leave an offer pending.
		setup []string
		msg   string
		// dm must be in the reply; team must reach the team room ("" =
		// nothing may).
		dm   []string
		team string
		// declined: the pending offer is declined, not made again.
		declined bool
	}{
		{name: "criticism with an offer pending", setup: []string{"zwei faktor einrichten", "hat nicht geholfen"},
			msg: "das hilft mir überhaupt nicht", dm: []string{"Supportfall", "zwei faktor einrichten"}},
		{name: "criticism, English, with an offer pending", setup: []string{"zwei faktor einrichten", "hat nicht geholfen"},
			msg: "that's not helpful at all", dm: []string{"Supportfall", "zwei faktor einrichten"}},
		{name: "not helped with an offer pending", setup: []string{"zwei faktor einrichten", "hat nicht geholfen"},
			msg: "hat nicht geholfen", dm: []string{"Supportfall", "zwei faktor einrichten"}},
		// The offer says "Mit nein lassen wir es": criticism that
		// opens with a "no" declines it (review rv8).
		{name: "criticism opening with no, with an offer pending", setup: []string{"zwei faktor einrichten", "hat nicht geholfen"},
			msg: "nein, das hilft mir nicht", dm: []string{"schicke nichts"}, declined: true},
		{name: "criticism opening with no, English, with an offer pending", setup: []string{"zwei faktor einrichten", "hat nicht geholfen"},
			msg: "no, that's not helpful", dm: []string{"schicke nichts"}, declined: true},
		{name: "not helped during an open case", open: true, setup: []string{"!ticket Und mein Kalender synchronisiert nicht"},
			msg: "hat nicht geholfen", team: "hat nicht geholfen"},
		{name: "criticism during an open case", open: true, setup: []string{"!ticket Und mein Kalender synchronisiert nicht"},
			msg: "das hilft mir überhaupt nicht", team: "das hilft mir überhaupt nicht"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newSupportEnv(t)
			if tt.open {
				e.openCase(t)
			}
			for _, s := range tt.setup {
				e.say(t, dmRoom, member, s, "")
			}
			sent := e.say(t, dmRoom, member, tt.msg, "")
			dm, team := in(sent, dmRoom), in(sent, teamRoom)
			mustContain(t, dm, tt.dm...)
			if tt.declined && strings.Contains(bodies(dm), "Supportfall") {
				t.Errorf("a declined offer was made again:\n%s", bodies(dm))
			}
			if strings.Contains(bodies(dm), "Ich möchte mit einem Menschen sprechen") {
				t.Errorf("the reply tells the member which sentence to write:\n%s", bodies(dm))
			}
			if tt.team == "" {
				if len(team) != 0 {
					t.Errorf("reached the team room:\n%s", bodies(team))
				}
				return
			}
			mustContain(t, team, tt.team)
			if strings.Contains(bodies(dm), "Supportfall") {
				t.Errorf("a message for the open case was answered with an offer:\n%s", bodies(dm))
			}
		})
	}
}
