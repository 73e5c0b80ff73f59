package commands

import (
	"context"
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// TestRoleCommandWords: a manager on a bad day. A person named without
// the server („@anna“) gets the full ID on Lotse's server as a
// suggestion, a person named without any @ („anna“) the form of a Matrix
// ID and where to find it — each before the usage, and nothing is
// recorded on the guess. A role written in a gender-inclusive form
// („Koordinator*in“, „Genehmiger:in“) is the role.
func TestRoleCommandWords(t *testing.T) {
	e, _ := newRolesEnv(t)
	e.fm.joined[dmRoom] = map[id.UserID]bool{admin: true, botID: true}
	for _, tt := range []struct {
		cmd      string
		want     []string
		not      []string
		role     string // a role that must now be stored for @z:test
		roleUser string
	}{
		{cmd: "!rolle @anna team", want: []string{"z. B. @anna:test", "Server", "So geht es"}, not: []string{"Ich brauche"}},
		{cmd: "!rolle @Anna, team", want: []string{"z. B. @anna:test"}},
		{cmd: "!rolle anna team", want: []string{"Ich brauche die Matrix-ID", "z. B. @name:test", "So geht es"}},
		{cmd: "!erklärung @anna erhalten", want: []string{"z. B. @anna:test", "So geht es: !erklärung"}},
		{cmd: "!schulung anna 01.02.2026", want: []string{"Ich brauche die Matrix-ID", "So geht es: !schulung"}},
		{cmd: "!rolle @\u00e4nna team", want: []string{"Ich brauche die Matrix-ID"}, not: []string{"z. B. @\u00e4nna"}},
		{cmd: "!rolle", want: []string{"So geht es"}, not: []string{"Matrix-ID", "Server"}},
		{cmd: "!rolle @k1:test Koordinator*in", want: []string{"Koordination"}, role: storage.RoleCoordinator, roleUser: "@k1:test"},
		{cmd: "!rolle @k2:test koordinator:innen", want: []string{"Koordination"}, role: storage.RoleCoordinator, roleUser: "@k2:test"},
		{cmd: "!rolle @g1:test Genehmiger:in", want: []string{"Genehmigung"}, role: storage.RoleApprover, roleUser: "@g1:test"},
	} {
		t.Run(tt.cmd, func(t *testing.T) {
			sent := in(e.say(t, dmRoom, admin, tt.cmd, ""), dmRoom)
			mustContain(t, sent, tt.want...)
			for _, n := range tt.not {
				if strings.Contains(bodies(sent), n) {
					t.Errorf("%q: the answer says %q: %s", tt.cmd, n, bodies(sent))
				}
			}
			if tt.role != "" {
				if ok, err := e.db.Roles().Has(context.Background(), tt.roleUser, tt.role); err != nil || !ok {
					t.Errorf("%q: role %s not stored (%v)", tt.cmd, tt.role, err)
				}
			}
		})
	}
	for _, u := range []string{"@anna:test", "@Anna:test"} {
		if roles, _ := e.db.Roles().Of(context.Background(), u); len(roles) > 0 {
			t.Errorf("a role was recorded on a guess for %s: %+v", u, roles)
		}
		if g, _ := e.db.Roles().Gate(context.Background(), u); g != nil {
			t.Errorf("evidence was recorded on a guess for %s: %+v", u, g)
		}
	}
}
