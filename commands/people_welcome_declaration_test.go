package commands

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/guides"
)

// TestWelcomeNamesOnlyChecklistThatExists: the welcome named `!start` and
// „eine Erinnerung an die Checkliste“ also when there was no checklist
// (no onboarding guide, no Nextcloud step) or no reminder
// (reminder_after 0): features that are off (twenty-seventh pass,
// mend27a).
func TestWelcomeNamesOnlyChecklistThatExists(t *testing.T) {
	src := "---\ntitle: \"Drucker\"\nsummary: \"Drucken.\"\ntags: [drucker]\naudience: members\n---\n\n# Drucker\n\nText.\n"
	plain, problems := guides.Parse("it/drucker.md", []byte(src))
	if plain == nil {
		t.Fatalf("parse: %v", problems)
	}
	noChecklist := staticGuides{guides.NewLibrary([]*guides.Guide{plain})}
	for _, tt := range []struct {
		name     string
		noGuides bool
		reminder time.Duration
		start    bool // names !start
		reminds  bool // offers !stopp against the checklist reminder
	}{
		{"checklist and reminder", false, 24 * time.Hour, true, true},
		{"checklist, no reminder", false, 0, true, false},
		{"no checklist", true, 24 * time.Hour, false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newSupportEnv(t)
			e.reconfigure(func(d *Deps) {
				if tt.noGuides {
					d.Guides = noChecklist
				}
				d.Onboarding = Onboarding{Welcome: true, ReminderAfter: tt.reminder}
			})
			welcome := bodies(in(e.say(t, dmRoom, member, "hallo", ""), dmRoom))
			if !strings.Contains(welcome, "Willkommen") {
				t.Fatalf("no welcome: %s", welcome)
			}
			if got := strings.Contains(welcome, "!start"); got != tt.start {
				t.Errorf("names !start: %v, want %v:\n%s", got, tt.start, welcome)
			}
			if got := strings.Contains(welcome, "Erinnerung an die Checkliste"); got != tt.reminds {
				t.Errorf("offers !stopp against a reminder: %v, want %v:\n%s", got, tt.reminds, welcome)
			}
		})
	}
}

// TestTrainingExpiredCoordNamesWhoRecords: the coordinators' notice of an
// expired training told them to run `!schulung`, which they may not;
// it now says who records the new training (twenty-seventh pass, mend27a).
func TestTrainingExpiredCoordNamesWhoRecords(t *testing.T) {
	e, _ := newRolesEnvNoApprovalsRoom(t)
	ctx := context.Background()
	e.fm.joined[dmRoom][approvr] = true
	e.say(t, dmRoom, member, "!team beitreten", "")
	e.say(t, dmRoom, approvr, "!erklärung @member:test erhalten", "")
	e.say(t, dmRoom, approvr, "!schulung @member:test 02.03.2026", "")
	e.now = e.now.AddDate(1, 1, 0)
	before := e.fm.count()
	if err := e.h.TickPeople(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	notice := in(e.fm.sent[before:], dmOf(coord))
	mustContain(t, notice, "pausiert", "Admins oder Genehmigende")
	// What the notice names, the coordinator is refused.
	mustContain(t, in(e.say(t, dmOf(coord), coord, "!schulung @member:test heute", ""), dmOf(coord)), "nur Admins und Genehmigende")
}

// TestGrantPendingTellsThePerson: a manager who grants the team role
// before the declaration is on file was told what is missing, the person
// nothing; now the person learns it in their direct chat, once per grant
// (twenty-seventh pass, mend27a) — if they ever wrote to Lotse (onb34:
// an ID Lotse never heard from is not written to; TestGrantPendingTypo).
func TestGrantPendingTellsThePerson(t *testing.T) {
	e, _ := newRolesEnv(t)
	e.say(t, dmRoom, member, "!hilfe", "")
	sent := e.say(t, approvRm, approvr, "!rolle @member:test team", "")
	mustContain(t, in(sent, approvRm), "sobald vorliegt")
	told := in(sent, dmRoom)
	mustContain(t, told, "fürs Digitalisierungsteam vorgesehen", "Verpflichtungserklärung", "!team")
	if b := bodies(told); strings.Contains(b, approvr.String()) || strings.Contains(b, "@") {
		t.Errorf("the person's notice names a Matrix ID: %s", b)
	}
	// The same grant again (the role still pending) tells nobody anew.
	if again := in(e.say(t, approvRm, approvr, "!rolle @member:test team", ""), dmRoom); len(again) != 0 {
		t.Errorf("told again: %s", bodies(again))
	}
	// Someone who applied themselves knows already: a grant adds nothing.
	carl := id.UserID("@carl:test")
	applied := e.handle(t, e.event(dmOf(carl), carl, &event.MessageEventContent{MsgType: event.MsgText, Body: "!team beitreten"}), true)
	mustContain(t, in(applied, dmOf(carl)), "Danke für deine Bewerbung")
	if got := in(e.say(t, approvRm, approvr, "!rolle @carl:test team", ""), dmOf(carl)); len(got) != 0 {
		t.Errorf("an applicant was told of the grant: %s", bodies(got))
	}
}

// TestLobbyWelcomesBoundedPerServer: in a lobby room open to other
// servers every joiner made Lotse open a direct chat, without a bound;
// now a day's lobby welcomes are bounded per other server (30) and for
// all other servers together (100). Lotse's own server is not bounded,
// and the next day the budget is there again (twenty-seventh pass,
// mend27a).
func TestLobbyWelcomesBoundedPerServer(t *testing.T) {
	e, rooms := newRolesEnv(t)
	const lobby = id.RoomID("!lobby:test")
	e.reconfigure(func(d *Deps) { d.Onboarding = Onboarding{Welcome: true, LobbyRooms: []id.RoomID{lobby}} })
	n := 0
	join := func(user id.UserID) bool {
		n++
		key := user.String()
		evt := &event.Event{ID: id.EventID(fmt.Sprintf("$join%d", n)), RoomID: lobby, Sender: user, StateKey: &key,
			Type: event.StateMember, Content: event.Content{Parsed: &event.MemberEventContent{Membership: event.MembershipJoin}}}
		e.handle(t, evt, false)
		rooms.mu.Lock()
		defer rooms.mu.Unlock()
		_, opened := rooms.dms[user]
		return opened
	}
	welcomed := func(server string, from, to int) int {
		count := 0
		for i := from; i < to; i++ {
			if join(id.UserID(fmt.Sprintf("@u%d:%s", i, server))) {
				count++
			}
		}
		return count
	}
	if got := welcomed("evil.test", 0, 40); got != 30 {
		t.Errorf("one other server: %d welcomed, want 30", got)
	}
	for i, server := range []string{"b.test", "c.test", "d.test"} {
		want := []int{30, 30, 10}[i] // 100 for all other servers together
		if got := welcomed(server, 0, 30); got != want {
			t.Errorf("%s: %d welcomed, want %d", server, got, want)
		}
	}
	if got := welcomed("test", 0, 40); got != 40 {
		t.Errorf("Lotse's own server: %d welcomed, want all 40", got)
	}
	e.now = e.now.Add(25 * time.Hour)
	if got := welcomed("evil.test", 40, 41); got != 1 {
		t.Error("the next day's budget is not there")
	}
}

// TestDeclarationRevokedKickFailedNotClaimedDone: when Lotse cannot
// remove the person from the team room, the answer to
// `!erklärung @x widerrufen` said „Ich habe die Person aus dem Teamraum
// entfernt“ and then that they are still in it; now it says only what
// was done, and how to remove them by hand (twenty-seventh pass,
// mend27a).
func TestDeclarationRevokedKickFailedNotClaimedDone(t *testing.T) {
	e, rooms := newRolesEnv(t)
	e.reconfigure(func(d *Deps) { d.Rooms = failingKicks{rooms} })
	e.fm.joined[teamRoom][alice] = true
	e.say(t, approvRm, approvr, "!erklärung @alice:test erhalten", "")
	sent := in(e.say(t, approvRm, approvr, "!erklärung @alice:test widerrufen", ""), approvRm)
	mustContain(t, sent, "ausgetragen", "wartet jetzt wieder", "@alice:test ist noch im Teamraum", "von Hand")
	if b := bodies(sent); strings.Contains(b, "aus dem Teamraum entfernt") {
		t.Errorf("claims a removal that failed:\n%s", b)
	}
}
