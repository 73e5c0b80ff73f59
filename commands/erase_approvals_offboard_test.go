package commands

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// accessTraces are what of the member the approvals room shows in these
// tests: name, Matrix ID, e-mail, reason, the Nextcloud account.
var accessTraces = []string{"Mia Mitglied", member.String(), "mia@example.org", "Ich mache in der AG mit", "mia.mitglied"}

// requestWithTraces files, approves and provisions the member's
// Nextcloud request and returns Lotse's events in the approvals room that
// show the member (the request message, its edits, the note on the
// account set up) and those that do not (the reply to the approval).
func (e *accessEnv) requestWithTraces(t *testing.T) (showing, other []id.EventID) {
	t.Helper()
	root := e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	e.react(t, approvals, alice, root, "✅")
	if err := e.h.AccessTick(context.Background(), e.now); err != nil {
		t.Fatal(err)
	}
	e.fm.mu.Lock()
	defer e.fm.mu.Unlock()
	for _, m := range e.fm.sent {
		if m.room != approvals || m.content == nil {
			continue
		}
		all := allText(m)
		if containsAny(all, accessTraces) {
			showing = append(showing, id.EventID("$"+m.txn))
		} else {
			other = append(other, id.EventID("$"+m.txn))
		}
	}
	// The request message, its edits (approved, provisioned) and the
	// note on the account set up.
	if len(showing) < 4 || len(other) == 0 {
		t.Fatalf("the approvals room shows the member in %d of Lotse's messages and not in %d; want at least 4 and 1", len(showing), len(other))
	}
	return showing, other
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// checkApprovalsErased fails unless every one of Lotse's events in
// showing is redacted in the approvals room, none of other, no reason
// names the member, and nothing is left queued.
func (e *accessEnv) checkApprovalsErased(t *testing.T, showing, other []id.EventID) {
	t.Helper()
	redacted := e.redactedIn(approvals)
	wantRedacted(t, redacted, showing, other, "the erasure", "approvals room")
	for ev, reason := range redacted {
		if containsAny(reason, accessTraces) {
			t.Errorf("the reason on %s names the member: %q", ev, reason)
		}
	}
	if left, err := e.db.Cases.AccessRedactions(context.Background(), 10); err != nil || len(left) != 0 {
		t.Errorf("approvals-room redactions left queued: %v %v", left, err)
	}
}

// TestErasureRedactsApprovalsRoom (gdpr26, DSGVO Art. 17): after
// !daten-löschen the approvals room still showed Lotse's message of the
// member's access request with their name, Matrix ID, e-mail and reason,
// its edits (which carry the same) and the note naming the Nextcloud
// account set up: the erasure deleted the request's rows and with them the
// only way to find these. Now the erasure queues them and Lotse redacts
// its own events that show the member, once; an erasure on the command
// line is finished by the access worker's next tick (also after a
// restart). Fails without the fix: nothing in the approvals room is
// redacted.
func TestErasureRedactsApprovalsRoom(t *testing.T) {
	t.Run("chat", func(t *testing.T) {
		e := newAccessEnv(t)
		showing, other := e.requestWithTraces(t)
		sent := in(e.say(t, dmRoom, member, "!daten-löschen", ""), dmRoom)
		m := regexp.MustCompile("!daten-löschen ([A-Za-zÄÖÜäöüß]+)").FindStringSubmatch(bodies(sent))
		if m == nil {
			t.Fatalf("no confirmation token: %s", bodies(sent))
		}
		mustContain(t, in(e.say(t, dmRoom, member, "!daten-löschen "+m[1], ""), dmRoom), "Erledigt")
		e.checkApprovalsErased(t, showing, other)
		before := len(e.fm.redacted)
		if err := e.h.AccessTick(context.Background(), e.now); err != nil {
			t.Fatal(err)
		}
		if n := len(e.fm.redacted) - before; n != 0 {
			t.Errorf("a tick after the erasure redacted %d more events", n)
		}
	})
	t.Run("command line", func(t *testing.T) {
		e := newAccessEnv(t)
		showing, other := e.requestWithTraces(t)
		ctx := context.Background()
		if _, err := e.db.Privacy().Erase(ctx, member.String(), "", e.now); err != nil {
			t.Fatal(err)
		}
		if len(e.redactedIn(approvals)) != 2 { // the decision buttons only
			t.Fatalf("the erasure in storage redacted something by itself: %v", e.redactedIn(approvals))
		}
		// The support worker leaves the approvals room's queue alone.
		if err := e.h.Tick(ctx, e.now); err != nil {
			t.Fatal(err)
		}
		if left, _ := e.db.Cases.AccessRedactions(ctx, 10); len(left) != 4 { // the request message, two edits, the note (priv30)
			t.Fatalf("the support worker took the approvals room's redactions: %v", left)
		}
		e.reconfigure(func(*Deps) {}) // a restart
		if err := e.h.AccessTick(ctx, e.now); err != nil {
			t.Fatal(err)
		}
		e.checkApprovalsErased(t, showing, other)
	})
}

// TestErasureOffboardsTeamMember (gdpr26): a team member who is also an
// approver has their data erased. The erasure deleted their role rows and
// nothing else: they stayed in the team room and the approvals room,
// reading every new case and request, with no role left on file that an
// approver could revoke, and the case they had claimed stayed with their
// pseudonym. Now they leave both rooms first, as on a revocation, and the
// case goes back to the queue. Fails without BeforeErasure: no removal,
// and the case's assignee is the pseudonym.
func TestErasureOffboardsTeamMember(t *testing.T) {
	e, rooms := newRolesEnv(t)
	setRole(t, e.db, alice, storage.RoleApprover, storage.RoleActive)
	e.fm.joined[approvRm][alice] = true
	e.openCase(t)
	e.say(t, teamRoom, alice, "!übernehmen 1", "")
	ctx := context.Background()
	if c, _ := e.db.Cases.Get(ctx, 1); c == nil || c.Assignee != alice.String() {
		t.Fatalf("case not claimed: %+v", c)
	}
	sent := in(e.say(t, dmRoom, alice, "!daten-löschen", ""), dmRoom)
	m := regexp.MustCompile("!daten-löschen ([A-Za-zÄÖÜäöüß]+)").FindStringSubmatch(bodies(sent))
	if m == nil {
		t.Fatalf("no confirmation token: %s", bodies(sent))
	}
	out := e.say(t, dmRoom, alice, "!daten-löschen "+m[1], "")
	mustContain(t, in(out, dmRoom), "Erledigt")
	for _, room := range []id.RoomID{teamRoom, approvRm} {
		if !rooms.has(&rooms.kicks, room.String()+" "+alice.String()) {
			t.Errorf("the erased team member is still in %s: kicks %v", room, rooms.kicks)
		}
	}
	if c, _ := e.db.Cases.Get(ctx, 1); c == nil || c.Assignee != "" {
		t.Errorf("the erased team member's case did not go back to the queue: %+v", c)
	}
	mustContain(t, in(out, teamRoom), "Fall #1")
	// A second request finds no role: nothing is removed again.
	kicks := len(rooms.kicks)
	e.say(t, dmRoom, alice, "!daten-löschen "+m[1], "")
	if len(rooms.kicks) != kicks {
		t.Errorf("a second erasure removed again: %v", rooms.kicks[kicks:])
	}
}
