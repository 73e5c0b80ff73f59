package commands

import (
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/guides"
)

// TestOnboardingLeavesOutTeamGuides: a guide tagged onboarding that is
// meant for the team only is no first step of a member: neither the
// welcome nor the checklist (!start) names its title or summary.
func TestOnboardingLeavesOutTeamGuides(t *testing.T) {
	parse := func(id, title, aud string) *guides.Guide {
		src := "---\ntitle: \"" + title + "\"\nsummary: \"Kurz zu " + title + ".\"\ntags: [onboarding]\naudience: " + aud + "\n---\n\n# " + title + "\n\nText.\n"
		g, problems := guides.Parse(id, []byte(src))
		if g == nil {
			t.Fatalf("parse %s: %v", id, problems)
		}
		return g
	}
	lib := guides.NewLibrary([]*guides.Guide{
		parse("start/01-anmelden.md", "Anmelden", "members"),
		parse("start/02-intern.md", "Interne Fallübergabe", "team"),
	})
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) {
		d.Guides = staticGuides{lib}
		d.Onboarding = Onboarding{Welcome: true, ReminderAfter: 24 * time.Hour}
	})
	sent := e.say(t, dmRoom, member, "hallo", "")
	sent = append(sent, e.say(t, dmRoom, member, "!start", "")...)
	var all []string
	for _, m := range in(sent, dmRoom) {
		all = append(all, m.content.Body, m.content.FormattedBody)
	}
	joined := strings.Join(all, "\n")
	if !strings.Contains(joined, "Anmelden") {
		t.Fatalf("the member's first step is missing:\n%s", joined)
	}
	if strings.Contains(joined, "Interne Fallübergabe") || strings.Contains(joined, "Kurz zu Interne") {
		t.Errorf("a team-only guide reached a member's onboarding:\n%s", joined)
	}
}
