package commands

import (
	"context"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

// TestAccessNextStepOnlyMemberGuide: the "next step" guide named to a
// member whose access was set up (nextcloud_guide, bbb_guide) is named
// only when members may read it; a team-only guide there (a config or
// library change) is left out instead of naming its title and a command
// that opens nothing for the member.
func TestAccessNextStepOnlyMemberGuide(t *testing.T) {
	for _, aud := range []string{"members", "team"} {
		t.Run(aud, func(t *testing.T) {
			src := "---\ntitle: \"Erste Anmeldung intern\"\nsummary: \"Kurz.\"\ntags: [nextcloud]\naudience: " + aud + "\n---\n\n# Erste Anmeldung\n\nText.\n"
			g, problems := guides.Parse("nextcloud/erste-anmeldung.md", []byte(src))
			if g == nil {
				t.Fatal(problems)
			}
			e := newAccessEnv(t)
			e.reconfigure(func(d *Deps) { d.Guides = staticGuides{guides.NewLibrary([]*guides.Guide{g})} })
			root := e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
			mustContain(t, in(e.react(t, approvals, alice, root, "✅"), approvals), "ist genehmigt")
			before := e.fm.count()
			if err := e.h.AccessTick(context.Background(), e.now); err != nil {
				t.Fatal(err)
			}
			e.fm.mu.Lock()
			news := in(append([]sentMsg(nil), e.fm.sent[before:]...), dmRoom)
			e.fm.mu.Unlock()
			mustContain(t, news, "Nextcloud-Konto")
			var all []string
			for _, m := range news {
				all = append(all, m.content.Body, m.content.FormattedBody)
			}
			named := strings.Contains(strings.Join(all, "\n"), "Erste Anmeldung intern")
			if named != (aud == "members") {
				t.Errorf("guide with audience %s named to the member: %v\n%s", aud, named, strings.Join(all, "\n"))
			}
		})
	}
}
