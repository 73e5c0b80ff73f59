package commands

import (
	"fmt"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// TestPaceSparesWhomTheTeamChose: a script on many servers that empties
// the bucket of all other servers refused every member of another server
// with it — also a team member, an approver („!genehmigen“ in the
// approvals room) and an admin of another server, most of them without a
// word. Whoever the config names as admin or approver, or holds a role
// that is not removed (team, approver, coordinator, also pending or
// paused), passes by the pace (as in the team room); a plain member of
// another server is still refused in the storm, and someone whose role
// was removed too. Nor does one flood of the team member's own take a
// token from the others' buckets.
func TestPaceSparesWhomTheTeamChose(t *testing.T) {
	e := newSupportEnv(t)
	const (
		admin     = id.UserID("@ada:partner.example")
		approver  = id.UserID("@paul:partner.example")
		teamMate  = id.UserID("@tina:partner.example")
		pending   = id.UserID("@pia:partner.example")
		coord     = id.UserID("@cora:partner.example")
		removed   = id.UserID("@rolf:partner.example")
		plain     = id.UserID("@max:partner.example")
		approvals = id.RoomID("!approvals:test")
	)
	e.reconfigure(func(d *Deps) {
		d.Paced = true
		d.Roles.Admins = append(d.Roles.Admins, admin)
		d.Access.ApprovalsRoom = approvals
		d.Access.Approvers = append(d.Access.Approvers, approver)
	})
	setRole(t, e.db, teamMate, storage.RoleTeam, storage.RoleActive)
	setRole(t, e.db, pending, storage.RoleTeam, storage.RolePending)
	setRole(t, e.db, coord, storage.RoleCoordinator, storage.RolePaused)
	setRole(t, e.db, removed, storage.RoleTeam, storage.RoleRemoved)
	n := 0
	ask := func(room id.RoomID, sender id.UserID, body string) (answered, refused bool) {
		t.Helper()
		n++
		c := &event.MessageEventContent{MsgType: event.MsgText, Body: body, Mentions: &event.Mentions{UserIDs: []id.UserID{botID}}}
		sent := e.handle(t, &event.Event{ID: id.EventID(fmt.Sprintf("$chosen%d", n)), RoomID: room, Sender: sender,
			Type: event.EventMessage, Content: event.Content{Parsed: c}}, false)
		for _, m := range sent {
			if m.content != nil && (m.content.Body == German.TooBusy || m.content.Body == German.TooFast) {
				return false, true
			}
		}
		return len(sent) > 0, len(sent) == 0
	}
	// The storm: one account on each of many servers, until the bucket of
	// all other servers is empty.
	for i := range paceForeignBurst + 10 {
		ask("!public:test", id.UserID(fmt.Sprintf("@x:s%d.example", i)), "Lotse: Passwort vergessen")
	}
	if a, _ := ask("!public:test", plain, "Lotse: Passwort vergessen"); a {
		t.Fatal("the storm did not empty the bucket of all other servers; the test no longer sets up what it checks")
	}
	if a, _ := ask("!public:test", removed, "Lotse: Passwort vergessen"); a {
		t.Error("someone whose role was removed passed by the pace")
	}
	for _, c := range []struct {
		who  id.UserID
		room id.RoomID
		body string
	}{
		{admin, "!public:test", "Lotse: Passwort vergessen"},
		{approver, approvals, "!hilfe"},
		{teamMate, "!public:test", "Lotse: Passwort vergessen"},
		{pending, "!public:test", "Lotse: Passwort vergessen"},
		{coord, "!public:test", "Lotse: Passwort vergessen"},
	} {
		if a, refused := ask(c.room, c.who, c.body); !a || refused {
			t.Errorf("%s in %s during the storm: answered %v, refused %v; want answered", c.who, c.room, a, refused)
		}
	}
	// The team member's own flood: answered throughout, and the others'
	// buckets are untouched by it (a member of Lotse's server still gets
	// all of their own burst).
	for i := range 2 * paceBurst {
		if a, _ := ask("!public:test", teamMate, "Lotse: Passwort vergessen"); !a {
			t.Fatalf("the team member's message %d was not answered", i+1)
		}
	}
	for i := range paceBurst {
		if a, _ := ask("!public:test", "@anna:test", "Lotse: Passwort vergessen"); !a {
			t.Fatalf("a member of Lotse's server: message %d not answered", i+1)
		}
	}
}
