package commands

import (
	"context"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/integrations/bbb"
	"github.com/lotse-bot/lotse/integrations/nextcloud"
	"github.com/lotse-bot/lotse/storage"
)

// offNextcloud and offBBB stand in for configured integrations: these
// tests only look at what the texts advertise, nothing is provisioned.
type offNextcloud struct{}

func (offNextcloud) EnsureMember(context.Context, nextcloud.EnsureRequest) (nextcloud.EnsureResult, error) {
	return nextcloud.EnsureResult{}, nil
}

type offBBB struct{}

func (offBBB) Create(context.Context, bbb.CreateRequest) (*bbb.CreateResponse, error) {
	return nil, nil
}
func (offBBB) JoinURL(bbb.JoinRequest) (string, error) { return "", nil }

const testContact = "Schreib an digital@verein.test oder ruf 0123 456789 an."

// TestTextsFollowTheConfiguration (issue 19 point 5): for every feature
// switched on or off, the welcome, the help, the no-guide reply, the
// request for a person and 👎 advertise only what is on, and name the
// fallback contact wherever Lotse cannot help.
func TestTextsFollowTheConfiguration(t *testing.T) {
	type features struct{ cases, nextcloud, bbb, roundTables bool }
	tests := []struct {
		name string
		on   features
	}{
		{"everything off", features{}},
		{"support cases only", features{cases: true}},
		{"nextcloud only", features{nextcloud: true}},
		{"bbb only", features{bbb: true}},
		{"round tables only", features{roundTables: true}},
		{"everything on", features{true, true, true, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newSupportEnv(t)
			e.reconfigure(func(d *Deps) {
				d.FallbackContact = testContact
				d.Onboarding = Onboarding{Welcome: true}
				if !tt.on.cases {
					d.Support = Support{}
				}
				if tt.on.nextcloud || tt.on.bbb {
					d.Access = Access{ApprovalsRoom: approvals}
				}
				if tt.on.nextcloud {
					d.Access.Nextcloud = offNextcloud{}
				}
				if tt.on.bbb {
					d.Access.BBB = offBBB{}
				}
				if tt.on.roundTables {
					d.RoundTables = RoundTables{Coordinators: []id.UserID{"@coord:test"}}
				}
			})
			// The first message in the DM brings the welcome.
			welcome := bodies(in(e.say(t, dmRoom, member, "hallo", ""), dmRoom))
			help := bodies(in(e.say(t, dmRoom, member, "!hilfe", ""), dmRoom))
			noGuide := bodies(in(e.say(t, dmRoom, member, "Wie kann ich für den Bürgerschaftswahlkampf spenden?", ""), dmRoom))
			person := bodies(in(e.say(t, dmRoom, "@other:test", "ich möchte mit einem echten Menschen reden", ""), dmRoom))
			texts := map[string]string{"welcome": welcome, "help": help, "no guide": noGuide, "person": person}
			advertised := func(what string, on bool, words ...string) {
				t.Helper()
				for name, text := range texts {
					for _, w := range words {
						if !on && strings.Contains(text, w) {
							t.Errorf("%s is off, but the %s advertises %q:\n%s", what, name, w, text)
						}
					}
				}
			}
			advertised("access to Nextcloud", tt.on.nextcloud, "!zugang nextcloud")
			advertised("BBB rooms", tt.on.bbb, "!zugang bbb", "!raum")
			advertised("round tables", tt.on.roundTables, "!rundetische", "!dabei")
			advertised("support cases", tt.on.cases, "!ticket", "Supportfall", "Menschen aus dem Team", "!schließen")
			if tt.on.nextcloud && !strings.Contains(welcome+help, "!zugang nextcloud") {
				t.Errorf("nextcloud is on but not in the welcome or help:\n%s\n%s", welcome, help)
			}
			if tt.on.bbb && !strings.Contains(welcome, "!zugang bbb") {
				t.Errorf("bbb is on but not in the welcome:\n%s", welcome)
			}
			if tt.on.roundTables && !strings.Contains(welcome+help, "!rundetische") {
				t.Errorf("round tables are on but not advertised:\n%s\n%s", welcome, help)
			}
			if tt.on.cases {
				for name, text := range map[string]string{"welcome": welcome, "help": help, "no guide": noGuide} {
					if !strings.Contains(text, "Team") {
						t.Errorf("cases are on, but the %s does not offer a person:\n%s", name, text)
					}
				}
				return
			}
			// Cases off: wherever Lotse cannot help, the contact is named.
			for name, text := range texts {
				if !strings.Contains(text, testContact) {
					t.Errorf("cases are off, but the %s does not name the fallback contact:\n%s", name, text)
				}
			}
			for _, cmd := range []string{"!ticket Hilfe", "!team beitreten"} {
				mustContain(t, in(e.say(t, dmRoom, member, cmd, ""), dmRoom), testContact)
			}
		})
	}
}

// TestNobodyOnDutyNamesTheContact: a case opened while nobody holds the
// team role says so and names the fallback contact.
func TestNobodyOnDutyNamesTheContact(t *testing.T) {
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) { d.FallbackContact = testContact })
	for _, u := range []id.UserID{alice, bob} {
		setRole(t, e.db, u, storage.RoleTeam, storage.RoleRemoved)
	}
	e.say(t, dmRoom, member, "Wie kann ich für den Bürgerschaftswahlkampf spenden?", "")
	sent := in(e.say(t, dmRoom, member, "ja", ""), dmRoom)
	mustContain(t, sent, "#1", "niemand aus dem Team im Dienst", testContact)
}

// TestTeamRoomHintOnce (issue 19 point 6): someone in the team room
// without the team role is told once, in their DM, how to get it; later
// messages stay unanswered, also after a restart (it is stored).
func TestTeamRoomHintOnce(t *testing.T) {
	e := newSupportEnv(t)
	e.fm.joined[teamRoom][outsider] = true
	sent := e.say(t, teamRoom, outsider, "Hallo zusammen, wer kann mir helfen?", "")
	if len(sent) != 1 || sent[0].room != dmOf(outsider) {
		t.Fatalf("want one hint in the DM, got %d: %s", len(sent), bodies(sent))
	}
	mustContain(t, sent, "!team beitreten", "nur einmal")
	if strings.Contains(bodies(sent), "Fall #") {
		t.Fatalf("the hint shows case data: %s", bodies(sent))
	}
	if again := e.say(t, teamRoom, outsider, "!offen", ""); len(again) != 0 {
		t.Fatalf("told again: %s", bodies(again))
	}
	e.reconfigure(func(*Deps) {}) // a restart: the hint is remembered in the database
	if again := e.say(t, teamRoom, outsider, "noch jemand da?", ""); len(again) != 0 {
		t.Fatalf("told again after a restart: %s", bodies(again))
	}
	// Someone who applied is told what is still missing instead.
	pending := id.UserID("@pending:test")
	e.fm.joined[teamRoom][pending] = true
	setRole(t, e.db, pending, storage.RoleTeam, storage.RolePending)
	mustContain(t, e.say(t, teamRoom, pending, "hallo", ""), "Bewerbung liegt vor", "Verpflichtungserklärung")
	// A paused role (training expired) is told that.
	paused := id.UserID("@paused:test")
	e.fm.joined[teamRoom][paused] = true
	setRole(t, e.db, paused, storage.RoleTeam, storage.RolePaused)
	mustContain(t, e.say(t, teamRoom, paused, "hallo", ""), "pausiert")
}

// TestBootstrapFirstAdmin (issue 19 point 4): while nobody holds the team
// role, an admin from the config can record their own declaration once
// and so activate the team role for themselves; it is audited, and the
// window is closed afterwards — for them and every other admin.
func TestBootstrapFirstAdmin(t *testing.T) {
	e, _ := newRolesEnv(t)
	ctx := context.Background()
	second := id.UserID("@admin2:test")
	e.reconfigure(func(d *Deps) {
		d.Roles.TrainingRequired = false
		d.Roles.Admins = append(d.Roles.Admins, second)
	})
	adminDM := id.RoomID("!dm-admin:test")
	say := func(room id.RoomID, who id.UserID, body string) []sentMsg {
		t.Helper()
		return in(e.handle(t, e.event(room, who, textContent(body)), room == adminDM), room)
	}
	// A team already exists: no bootstrap.
	mustContain(t, say(adminDM, admin, "!erklärung "+admin.String()+" erhalten 01.03.2026"), "nur beim ersten Einrichten")
	// Not an admin: the old refusal.
	mustContain(t, say(adminDM, approvr, "!erklärung "+approvr.String()+" erhalten 01.03.2026"), "nicht für dich selbst")

	// The first setup: a database whose team rows were never active (a
	// team once seen stays a team for good, mend31a, so the env's active
	// members are removed before Lotse looks).
	e, rooms := newRolesEnv(t)
	e.reconfigure(func(d *Deps) {
		d.Roles.TrainingRequired = false
		d.Roles.Admins = append(d.Roles.Admins, second)
	})
	for _, u := range []id.UserID{alice, bob} {
		setRole(t, e.db, u, storage.RoleTeam, storage.RoleRemoved)
	}
	sent := say(adminDM, admin, "!erklärung "+admin.String()+" erhalten 01.03.2026")
	mustContain(t, sent, "Erstes Einrichten", "01.03.2026", "freigeschaltet")
	if !e.h.support.IsTeam(ctx, admin) {
		t.Fatal("bootstrap did not activate the team role")
	}
	if !rooms.has(&rooms.invites, teamRoom.String()+" "+admin.String()) {
		t.Errorf("not invited to the team room: %v", rooms.invites)
	}
	log, err := e.db.Roles().AuditLog(ctx, admin.String())
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, l := range log {
		actions = append(actions, l.Action)
	}
	if got := strings.Join(actions, ","); !strings.Contains(got, "bootstrap-declaration") || !strings.Contains(got, "activate") {
		t.Errorf("audit log %q lacks the bootstrap", got)
	}
	// Once: even when the team is empty again, no second bootstrap.
	setRole(t, e.db, admin, storage.RoleTeam, storage.RoleRemoved)
	mustContain(t, say(adminDM, second, "!erklärung "+second.String()+" erhalten 01.03.2026"), "nur beim ersten Einrichten")
	if e.h.support.IsTeam(ctx, second) {
		t.Fatal("a second bootstrap activated the team role")
	}
}

// TestBootstrapWithTraining: when a training is required, the first
// admin records both, and the role becomes active with the second.
func TestBootstrapWithTraining(t *testing.T) {
	e, _ := newRolesEnv(t)
	for _, u := range []id.UserID{alice, bob} {
		setRole(t, e.db, u, storage.RoleTeam, storage.RoleRemoved)
	}
	adminDM := id.RoomID("!dm-admin:test")
	say := func(body string) []sentMsg {
		t.Helper()
		return in(e.handle(t, e.event(adminDM, admin, textContent(body)), true), adminDM)
	}
	sent := say("!erklärung " + admin.String() + " erhalten 01.03.2026")
	mustContain(t, sent, "Erstes Einrichten", "Datenschutzschulung")
	if e.h.support.IsTeam(context.Background(), admin) {
		t.Fatal("active without the required training")
	}
	mustContain(t, say("!schulung "+admin.String()+" 01.03.2026"), "Erstes Einrichten", "freigeschaltet")
	if !e.h.support.IsTeam(context.Background(), admin) {
		t.Fatal("bootstrap with training did not activate the team role")
	}
}

func textContent(body string) *event.MessageEventContent {
	return &event.MessageEventContent{MsgType: event.MsgText, Body: body}
}
