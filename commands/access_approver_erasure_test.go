package commands

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/access"
	"github.com/lotse-bot/lotse/integrations/nextcloud"
	"github.com/lotse-bot/lotse/storage"
)

// lastBoard is the newest version of request message in the approvals
// room (Lotse's last edit of it).
func (e *accessEnv) lastBoard(t *testing.T) string {
	t.Helper()
	e.fm.mu.Lock()
	defer e.fm.mu.Unlock()
	for i := len(e.fm.sent) - 1; i >= 0; i-- {
		m := e.fm.sent[i]
		if m.room == approvals && m.content != nil && m.content.NewContent != nil {
			return m.content.NewContent.Body
		}
	}
	t.Fatal("no edit in the approvals room")
	return ""
}

// TestFormerApproverLeavesBoard (mend26a): a request that needs two
// approvals has one, from Alice, and Alice stops being an approver (the
// role revoked, or her data erased). acc26 voided her approval only when
// the next approval came: until then the approvals-room message went on
// saying „1/2 genehmigt von Alice“ — after an erasure, her name in a room
// Lotse keeps (DSGVO Art. 17) — and her approval still counted on the
// board. Now the access worker's next tick voids it (audited) and draws
// the message anew. Fails without the fix: the last edit still names
// Alice, and the audit has no voiding.
func TestFormerApproverLeavesBoard(t *testing.T) {
	for _, tt := range []struct {
		name string
		end  func(e *accessEnv)
	}{
		{"revoked", func(e *accessEnv) { setRole(t, e.db, alice, storage.RoleApprover, storage.RoleRemoved) }},
		{"erased", func(e *accessEnv) {
			if _, err := e.db.Privacy().Erase(context.Background(), alice.String(), "", e.now); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newAccessEnv(t)
			e.fm.names[alice], e.fm.names[bob] = "Alice", "Bob"
			e.requestNextcloud(t, member, "Bezirk Nord", "mia@example.org")
			e.say(t, approvals, alice, "!genehmigen 1", "")
			if b := e.lastBoard(t); !strings.Contains(b, "Alice") {
				t.Fatalf("the message does not name the first approver: %q", b)
			}
			tt.end(e)
			if err := e.h.AccessTick(context.Background(), e.now); err != nil {
				t.Fatal(err)
			}
			if b := e.lastBoard(t); strings.Contains(b, "Alice") || strings.Contains(b, "1/2") {
				t.Errorf("after the tick the message still names the former approver: %q", b)
			}
			if approvers, _ := e.db.Access().Approvers(context.Background(), 1); len(approvers) != 0 {
				t.Errorf("approvals left: %v", approvers)
			}
			audit, _ := e.db.Access().AuditLog(context.Background(), 1, "")
			voided := false
			for _, a := range audit {
				voided = voided || a.Action == "approval-void"
			}
			if !voided {
				t.Error("the voiding is not in the audit log")
			}
			// A second tick changes nothing.
			before := e.fm.count()
			if err := e.h.AccessTick(context.Background(), e.now); err != nil {
				t.Fatal(err)
			}
			if n := e.fm.count() - before; n != 0 {
				t.Errorf("a second tick sent %d events", n)
			}
			mustContain(t, in(e.say(t, approvals, bob, "!genehmigen 1", ""), approvals), "noch 1 weitere Genehmigung")
		})
	}
}

// TestErasureDuringAnnouncement (mend26a): the access worker announces a
// provisioned request — the member's direct chat first, then the note in
// the approvals room and the edit of the request message — from the row
// it read before. The member's erasure ran in between (while the direct
// chat's message was on its way) and redacted what was sent so far; the
// note naming the Nextcloud account, sent afterwards, stayed. Now a send
// about a request whose row is gone is redacted at once. Fails without
// the fix: the note shows the member's account in the approvals room.
func TestErasureDuringAnnouncement(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	root := e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	e.react(t, approvals, alice, root, "✅")
	erased := false
	e.fm.mu.Lock()
	e.fm.onSend = func(room id.RoomID) {
		if room != dmRoom || erased {
			return
		}
		erased = true
		if _, err := e.db.Privacy().Erase(ctx, member.String(), "", e.now); err != nil {
			t.Error(err)
		}
		if err := e.h.access.FinishErasures(ctx); err != nil {
			t.Error(err)
		}
	}
	e.fm.mu.Unlock()
	if err := e.h.AccessTick(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	if !erased {
		t.Fatal("the member was not told, so not erased meanwhile")
	}
	redacted := e.redactedIn(approvals)
	e.fm.mu.Lock()
	defer e.fm.mu.Unlock()
	for _, m := range e.fm.sent {
		if m.room != approvals || m.content == nil {
			continue
		}
		all := allText(m)
		if _, ok := redacted[id.EventID("$"+m.txn)]; containsAny(all, accessTraces) && !ok {
			t.Errorf("after the erasure the approvals room still shows the member: %q", m.content.Body)
		}
	}
}

// gatedProvisioner holds every EnsureMember until release is closed and
// reports each call on entered (a slow Nextcloud).
type gatedProvisioner struct {
	access.NextcloudProvisioner
	entered chan string
	release chan struct{}
}

func (g *gatedProvisioner) EnsureMember(ctx context.Context, req nextcloud.EnsureRequest) (nextcloud.EnsureResult, error) {
	g.entered <- req.Email
	<-g.release
	return g.NextcloudProvisioner.EnsureMember(ctx, req)
}

// TestErasureWhileJobWaits (mend26a): the access worker runs at most four
// jobs at once; a fifth, read with the others at the start of the tick,
// waits for a free slot (each Nextcloud call may take up to its timeout).
// The member erased their data meanwhile. Before, the job ran from the row
// read at the start: Lotse gave the erased member's name and e-mail to
// Nextcloud and created the account (with its welcome mail). Now the row
// is read again when the job's turn comes. Fails without the fix: the
// fifth account is created.
func TestErasureWhileJobWaits(t *testing.T) {
	e := newAccessEnv(t)
	gate := &gatedProvisioner{entered: make(chan string, 8), release: make(chan struct{})}
	e.reconfigure(func(d *Deps) {
		gate.NextcloudProvisioner = d.Access.Nextcloud
		d.Access.Nextcloud = gate
	})
	ctx := context.Background()
	q := e.db.Access()
	var last *storage.AccessRequest
	for i := range 5 {
		user := fmt.Sprintf("@m%d:test", i)
		r, _, err := q.Create(ctx, &storage.AccessRequest{MemberID: user, MemberRoom: "!dm" + user, Kind: storage.AccessNextcloud,
			Target: "AG Digitales", Email: fmt.Sprintf("m%d@example.org", i), DisplayName: fmt.Sprintf("M %d", i), Reason: "weil", Needed: 1},
			"$req"+user, e.now)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := q.Approve(ctx, r.ID, carol.String(), "$ok"+user, e.now); err != nil {
			t.Fatal(err)
		}
		last = r
	}
	done := make(chan error, 1)
	go func() { done <- e.h.AccessTick(ctx, e.now) }()
	for range 4 {
		<-gate.entered // four jobs are in Nextcloud; the fifth waits for a slot
	}
	if _, err := e.db.Privacy().Erase(ctx, last.MemberID, "", e.now); err != nil {
		t.Fatal(err)
	}
	close(gate.release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	close(gate.entered)
	for email := range gate.entered {
		t.Errorf("Nextcloud was asked for %s, whose data were erased", email)
	}
	for _, u := range e.nc.Users() {
		if strings.Contains(fmt.Sprint(u), last.Email) {
			t.Errorf("an account for the erased member: %+v", u)
		}
	}
}
