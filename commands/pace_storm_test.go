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

// TestPaceStormToldInDirectChat: in a storm that empties the bucket of
// all other servers, the one notice per bucket went to whoever was
// refused first (the script's own account); a member of another server
// asking in their direct chat got no answer and no word. There each
// refused sender is told once per paceToldEvery; in a public room still
// one notice per storm, not one per account.
func TestPaceStormToldInDirectChat(t *testing.T) {
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) { d.Paced = true })
	n := 0
	ask := func(room id.RoomID, sender id.UserID, direct bool) []string {
		t.Helper()
		n++
		c := &event.MessageEventContent{MsgType: event.MsgText, Body: "Passwort vergessen"}
		if !direct {
			c.Body = "Lotse: " + c.Body
			c.Mentions = &event.Mentions{UserIDs: []id.UserID{botID}}
		}
		var got []string
		for _, m := range e.handle(t, &event.Event{ID: id.EventID(fmt.Sprintf("$dmstorm%d", n)), RoomID: room, Sender: sender,
			Type: event.EventMessage, Content: event.Content{Parsed: c}}, direct) {
			if m.content != nil {
				got = append(got, m.content.Body)
			}
		}
		return got
	}
	for i := range paceForeignBurst + 1 {
		ask("!public:test", id.UserID(fmt.Sprintf("@x:s%d.example", i)), false)
	}
	if got := ask("!public:test", "@max:partner.example", false); len(got) != 0 {
		t.Errorf("a member of another server in the public room during the storm: %q, want nothing (the storm's one notice went)", got)
	}
	for _, who := range []id.UserID{"@max:partner.example", "@lea:other.example"} {
		dm := id.RoomID("!dm-" + who.Localpart() + ":test")
		if got := ask(dm, who, true); len(got) != 1 || got[0] != German.TooBusy {
			t.Errorf("%s in their direct chat during the storm: %q, want the one notice %q", who, got, German.TooBusy)
		}
		if got := ask(dm, who, true); len(got) != 0 {
			t.Errorf("%s's second message in their direct chat: %q, want nothing (told already)", who, got)
		}
	}
	e.now = e.now.Add(paceToldEvery)
	if got := ask("!dm-max:test", "@max:partner.example", true); len(got) == 0 || got[0] == German.TooBusy {
		t.Errorf("ten minutes later, the storm over: %q, want an answer", got)
	}
}

// TestPaceTrustedServers: a server the admin trusts (Deps.PacedServers,
// from allowed_inviters) is paced per sender only, as Lotse's own: its
// members are answered while a storm of other servers empties the
// bucket they share, each still within their own bound. A server not
// named is refused in the storm.
func TestPaceTrustedServers(t *testing.T) {
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) { d.Paced, d.PacedServers = true, []string{"partner.example"} })
	n := 0
	ask := func(sender id.UserID) bool {
		t.Helper()
		n++
		c := &event.MessageEventContent{MsgType: event.MsgText, Body: "Lotse: Passwort vergessen", Mentions: &event.Mentions{UserIDs: []id.UserID{botID}}}
		for _, m := range e.handle(t, &event.Event{ID: id.EventID(fmt.Sprintf("$trusted%d", n)), RoomID: "!public:test", Sender: sender,
			Type: event.EventMessage, Content: event.Content{Parsed: c}}, false) {
			if m.content != nil && m.content.Body != German.TooBusy && m.content.Body != German.TooFast {
				return true
			}
		}
		return false
	}
	for i := range paceForeignBurst + 1 {
		ask(id.UserID(fmt.Sprintf("@x:s%d.example", i)))
	}
	if ask("@lea:other.example") {
		t.Fatal("a server not named was answered in the storm; the test no longer sets up what it checks")
	}
	for i := range paceServerBurst + 1 {
		if !ask(id.UserID(fmt.Sprintf("@m%d:partner.example", i))) {
			t.Fatalf("member %d of a trusted server was refused in the storm", i+1)
		}
	}
	for range paceBurst {
		ask("@max:partner.example")
	}
	if ask("@max:partner.example") {
		t.Error("a member of a trusted server was answered beyond their own bound")
	}
}
