package commands

import (
	"strings"
	"testing"
)

// TestTeamGuidesHiddenFromMembers: guides with audience "team" are never
// shown to members, neither as answers nor by name nor in listings.
func TestTeamGuidesHiddenFromMembers(t *testing.T) {
	h, fm, _ := newTestHandler(t)
	const teamTitle = "Supportfälle übernehmen und beantworten"
	for _, q := range []string{
		"wie übernehme ich als team einen supportfall und beantworte ihn",
		"!anleitung supportfälle übernehmen beantworten",
		"!anleitung team/supportfaelle-bearbeiten.md",
		"!anleitungen team",
	} {
		handle(t, h, msgEvent(q), true)
		if c := fm.last(t); strings.Contains(c.Body, teamTitle) {
			t.Errorf("%q showed the team guide to a member:\n%s", q, c.Body)
		}
	}
}
