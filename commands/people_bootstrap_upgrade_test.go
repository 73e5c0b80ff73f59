package commands

import (
	"context"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/storage"
)

// TestBootstrapStaysClosedAfterUpgrade: onb31 closed the first admin's
// self-declaration for good with a mark set at each activation — but a
// database written before that mark has a team and no mark. Once that team
// was removed, any configured admin could again record their own
// declaration and training and read the cases without a second person
// (thirty-first pass, mend31a). A team seen active or paused now sets the
// mark, and an activation in the role log counts as a team that existed.
func TestBootstrapStaysClosedAfterUpgrade(t *testing.T) {
	ctx := context.Background()
	adminDM := id.RoomID("!dm-admin:test")
	t.Run("activation in the role log, team removed since", func(t *testing.T) {
		e, _ := newRolesEnv(t)
		// What an older version left: the gate's activation in the log,
		// the role since removed, no mark.
		if err := e.db.Roles().Audit(ctx, storage.RoleAuditEntry{Key: "activate:$old", At: time.Now().Add(-90 * 24 * time.Hour),
			Actor: approvr.String(), Subject: alice.String(), Action: "activate", Detail: storage.RoleTeam}); err != nil {
			t.Fatal(err)
		}
		removeTeam(t, e.db)
		mustContain(t, in(e.handle(t, e.event(adminDM, admin, textContent("!erklärung "+admin.String()+" erhalten 01.03.2026")), true), adminDM),
			"nur beim ersten Einrichten")
		if g, _ := e.db.Roles().Gate(ctx, admin.String()); g != nil && !g.DeclarationAt.IsZero() {
			t.Fatal("the admin's own declaration was recorded after a team had been activated")
		}
	})
	t.Run("team seen active, then removed, no log", func(t *testing.T) {
		e, _ := newRolesEnv(t)
		// The env's team is set straight in the table (no audit entry, no
		// mark), as an older version left it: the admin's attempt is
		// refused, and the mark is set.
		mustContain(t, in(e.handle(t, e.event(adminDM, admin, textContent("!erklärung "+admin.String()+" erhalten 01.03.2026")), true), adminDM),
			"nur beim ersten Einrichten")
		removeTeam(t, e.db)
		mustContain(t, in(e.handle(t, e.event(adminDM, admin, textContent("!erklärung "+admin.String()+" erhalten 01.03.2026")), true), adminDM),
			"nur beim ersten Einrichten")
		if g, _ := e.db.Roles().Gate(ctx, admin.String()); g != nil && !g.DeclarationAt.IsZero() {
			t.Fatal("the admin's own declaration was recorded after the team had been seen")
		}
	})
	t.Run("first setup stays open", func(t *testing.T) {
		e, _ := newRolesEnv(t)
		// A team role requested and withdrawn before anyone was active
		// is no team: the first admin may still declare.
		removeTeam(t, e.db)
		setRole(t, e.db, sitter, storage.RoleTeam, storage.RolePending)
		setRole(t, e.db, sitter, storage.RoleTeam, storage.RoleRemoved)
		e.handle(t, e.event(adminDM, admin, textContent("!erklärung "+admin.String()+" erhalten 01.03.2026")), true)
		if g, _ := e.db.Roles().Gate(ctx, admin.String()); g == nil || g.DeclarationAt.IsZero() {
			t.Fatal("the first admin's own declaration was refused though no team was ever active")
		}
	})
}

// removeTeam removes the team role of the roles env's members, straight
// in the table (no audit entry).
func removeTeam(t *testing.T, db *storage.DB) {
	t.Helper()
	for _, u := range []id.UserID{alice, bob} {
		setRole(t, db, u, storage.RoleTeam, storage.RoleRemoved)
	}
}

// TestWelcomeStepSummaryIsText: the welcome lists each first step with its
// guide's summary, which went into the Markdown as it stood — the only
// place where a guide's front matter was not escaped. A summary with a
// link, raw HTML or a line break put a link elsewhere (or any formatting)
// into every new member's first message from Lotse, beside the step links
// onb31 added (thirty-first pass, mend31a). The summary is plain text, as
// library/README.md describes it ("erscheint in Trefferlisten").
func TestWelcomeStepSummaryIsText(t *testing.T) {
	src := "---\ntitle: \"Anmelden\"\nsummary: \"Klick [hier](https://evil.example/login) oder <a href=\\\"https://evil.example\\\">da</a>.\\n\\n# Groß\"\ntags: [onboarding]\n---\n\n# Anmelden\n\nText.\n"
	g, problems := guides.Parse("start/01-anmelden.md", []byte(src))
	if g == nil {
		t.Fatalf("parse: %v", problems)
	}
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) {
		d.Guides = staticGuides{guides.NewLibrary([]*guides.Guide{g})}
		d.Onboarding = Onboarding{Welcome: true}
	})
	welcome := in(e.say(t, dmRoom, member, "hallo", ""), dmRoom)
	if len(welcome) == 0 {
		t.Fatal("no welcome")
	}
	html := welcome[0].content.FormattedBody
	if strings.Contains(html, "evil.example") && strings.Contains(html, "href=\"https://evil.example") {
		t.Errorf("the summary's link reached the welcome as a link:\n%s", html)
	}
	if strings.Contains(html, "<h1") {
		t.Errorf("the summary's line break made a heading:\n%s", html)
	}
	if !strings.Contains(welcome[0].content.Body, "Klick") {
		t.Errorf("the summary is gone:\n%s", welcome[0].content.Body)
	}
}
