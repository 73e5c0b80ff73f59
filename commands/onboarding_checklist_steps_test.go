package commands

import (
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/guides"
)

// TestChecklistFollowsSteps: a new member's checklist lists the guides
// tagged onboarding in the order their front matter names („schritt“),
// those naming none after them, and the Nextcloud account before them
// all — not by file name, which put the two-factor login of an account
// before the account's first login (fresh30, finding 10).
func TestChecklistFollowsSteps(t *testing.T) {
	parse := func(id, title, step string) *guides.Guide {
		src := "---\ntitle: \"" + title + "\"\nsummary: \"Kurz.\"\ntags: [onboarding]\naudience: members\n" + step + "---\n\n# " + title + "\n\nText.\n"
		g, problems := guides.Parse(id, []byte(src))
		if g == nil {
			t.Fatalf("parse %s: %v", id, problems)
		}
		return g
	}
	lib := guides.NewLibrary([]*guides.Guide{
		parse("a/ohne-schritt.md", "Ohne Schritt", ""),
		parse("konto/zwei-faktor.md", "Zwei-Faktor einschalten", "schritt: 2\n"),
		parse("nextcloud/erste-anmeldung.md", "Zum ersten Mal in die Cloud", "schritt: 1\n"),
	})
	e := newAccessEnv(t)
	e.reconfigure(func(d *Deps) {
		d.Guides = staticGuides{lib}
		d.Onboarding = Onboarding{Welcome: true, ReminderAfter: 24 * time.Hour}
	})
	// The first message of a new member is the welcome; the checklist
	// (with its boxes) is the reply to !start.
	var body string
	for _, m := range in(e.say(t, dmRoom, member, "!start", ""), dmRoom) {
		if strings.Contains(m.content.Body, "⬜") {
			body = m.content.Body
		}
	}
	want := []string{"Nextcloud-Konto", "Zum ersten Mal in die Cloud", "Zwei-Faktor einschalten", "Ohne Schritt"}
	last := -1
	for _, w := range want {
		at := strings.Index(body, w)
		if at < 0 {
			t.Fatalf("the checklist lacks %q:\n%s", w, body)
		}
		if at < last {
			t.Errorf("%q comes too early; want the order %q:\n%s", w, want, body)
		}
		last = at
	}
}
