package commands

import (
	"context"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// resolvedCaseRead matches the read of the member's recently resolved
// case (storage's ResolvedSince): what the member's new message reopens.
func resolvedCaseRead(method, query string, _ []any) bool {
	return method == "QueryRow" && strings.Contains(query, "FROM support_case") && strings.Contains(query, "status=2 AND closed_at>=")
}

// TestCaseReopenWhileClosedElsewhere: the member closes their resolved
// case for good from another direct chat with Lotse (!schließen 1) at
// the moment their message in the first one reads it as resolved to
// reopen it. The close stays: the message does not reopen a closed case.
// Before race35 the reopen's write accepted any case not open
// (status<>1) and undid the close it had not seen. Fails without the fix.
func TestCaseReopenWhileClosedElsewhere(t *testing.T) {
	const otherDM = id.RoomID("!dm2:test")
	e := newSupportEnv(t)
	e.fm.joined[otherDM] = map[id.UserID]bool{member: true, botID: true}
	root := e.openCase(t)
	e.say(t, teamRoom, alice, "!übernehmen", root)
	e.say(t, teamRoom, alice, "!erledigt Neu gestartet.", root)
	e.now = e.now.Add(time.Hour)

	var closing []sentMsg
	fired, stop := onQuery(t, e, resolvedCaseRead, func(context.Context) {
		closing = e.handle(t, e.event(otherDM, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "!schließen 1"}), true)
	})
	sent := e.say(t, dmRoom, member, "Es geht leider doch wieder nicht.", "")
	stop()
	if !fired() {
		t.Fatal("the message never read the resolved case")
	}
	if len(in(closing, otherDM)) == 0 {
		t.Fatal("the close was not answered")
	}
	c, err := e.db.Cases.Get(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if c.Status != storage.CaseClosed {
		t.Errorf("the case closed for good at the same moment is %v after the member's message, want closed", c.Status)
	}
	noneContains(t, in(sent, dmRoom), "wieder geöffnet")
	noneContains(t, in(sent, teamRoom), "wieder offen")
}

// TestCaseReopenWhileAssigneeRevoked: a manager revokes the team role of
// the volunteer who resolved a case, between the reopen's read of their
// role and its write (a member's message reopens the case). The case
// comes back without them, free for claiming: the revocation's return
// of their cases found it resolved and left it. Before race35 it came
// back „in Arbeit“ for someone no longer in the team, and nobody took it
// up. With the fix the write reads the role itself (ReopenChecked), so
// no read of it comes between; the hook then does not fire and the
// storage test TestCaseReopenChecked holds the write's check. Fails
// without the fix.
func TestCaseReopenWhileAssigneeRevoked(t *testing.T) {
	e := newSupportEnv(t)
	root := e.openCase(t)
	e.say(t, teamRoom, alice, "!übernehmen", root)
	e.say(t, teamRoom, alice, "!erledigt Neu gestartet.", root)
	e.now = e.now.Add(time.Hour)

	// After the member's message read the resolved case, the next read
	// of alice's role is the reopen's.
	var armed bool
	_, stopArm := onQuery(t, e, resolvedCaseRead, func(context.Context) { armed = true })
	fired, stop := onQuery(t, e, func(method, query string, args []any) bool {
		return armed && method == "QueryRow" && strings.Contains(query, "FROM member_role WHERE user_id=") && !strings.Contains(query, "FOR UPDATE") &&
			len(args) >= 2 && args[0] == alice.String()
	}, func(context.Context) { setRole(t, e.db, alice, storage.RoleTeam, storage.RoleRemoved) })
	sent := e.say(t, dmRoom, member, "Es geht leider doch wieder nicht.", "")
	stop()
	stopArm()
	c, err := e.db.Cases.Get(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if c.Status != storage.CaseOpen {
		t.Fatalf("not reopened: %v", c.Status)
	}
	if fired() && c.Assignee != "" {
		t.Errorf("reopened „in Arbeit“ for %s, whose team role was revoked before the write", c.Assignee)
	}
	if fired() {
		mustContain(t, in(sent, teamRoom), "wieder offen zur Übernahme")
	}
}
