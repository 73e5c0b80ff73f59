package commands

import (
	"context"
	"testing"

	"github.com/lotse-bot/lotse/storage"
)

// TestApprovalOfRevokedApproverVoid: a request that needs two approvers
// (Bezirk Nord) has Alice's approval; her approver role is revoked; Bob's
// approval is then the first of two, not the second. Before, Alice's
// approval counted and Bob's set the request up (security review 22, left
// as it was; twenty-sixth pass). !protokoll says why.
func TestApprovalOfRevokedApproverVoid(t *testing.T) {
	e := newAccessEnv(t)
	e.fm.names[alice], e.fm.names[bob] = "Alice", "Bob"
	e.requestNextcloud(t, member, "Bezirk Nord", "mia@example.org")
	mustContain(t, in(e.say(t, approvals, alice, "!genehmigen 1", ""), approvals), "noch 1 weitere Genehmigung")
	setRole(t, e.db, alice, storage.RoleApprover, storage.RoleRemoved)
	mustContain(t, in(e.say(t, approvals, bob, "!genehmigen 1", ""), approvals), "noch 1 weitere Genehmigung", "[1/2 GENEHMIGT von Bob]")
	if r, _ := e.db.Access().Get(context.Background(), 1); r.Status != storage.AccessPending {
		t.Fatalf("request %s after one current approver; want pending", r.Status)
	}
	mustContain(t, in(e.say(t, approvals, carol, "!protokoll 1", ""), approvals), "Genehmigung verfallen (keine Genehmigungsrolle mehr) – Lotse @alice:test")
	mustContain(t, in(e.say(t, approvals, carol, "!genehmigen 1", ""), approvals), "ist genehmigt (Bob, Carol)")
}
