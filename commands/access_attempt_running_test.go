package commands

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/integrations/nextcloud/nextcloudtest"
	"github.com/lotse-bot/lotse/storage"
)

// TestAccessAttemptRunningRefusesLateDeny: Nextcloud was down, and the
// approved request's second attempt is running: Lotse waits for
// Nextcloud to create the account. A denial (and a `!genehmigen` that
// hurries the retry) whose clock was read before the worker's tick, and
// whose UPDATE reaches the row only now (a busy SQLite, a PostgreSQL row
// lock), must be refused: the attempt is claimed. Before, the denial went
// through because the next attempt still lay ahead of its stale clock:
// the member read the denial and had the account, and nobody was warned
// (mend34a).
func TestAccessAttemptRunningRefusesLateDeny(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	mustContain(t, in(e.say(t, approvals, carol, "!genehmigen 1", ""), approvals), "ist genehmigt")

	e.nc.FailNext(100, http.StatusServiceUnavailable)
	start := e.now
	if err := e.h.AccessTick(ctx, start); err != nil {
		t.Fatal(err)
	}
	r, _ := e.db.Access().Get(ctx, 1)
	if r.Status != storage.AccessApproved || r.Attempts != 1 || !r.NextAttempt.After(start) {
		t.Fatalf("after a failure: %s, %d attempts, next %v", r.Status, r.Attempts, r.NextAttempt)
	}
	stale := r.NextAttempt.Add(-time.Second) // read before the tick, written during the attempt

	type late struct {
		denied, hurried bool
		err             error
	}
	got := make(chan late, 1)
	var once sync.Once
	e.nc.SetOnRequest(func(endpoint string) {
		if endpoint != nextcloudtest.EndpointAddUser {
			return
		}
		once.Do(func() {
			denied, _, err := e.db.Access().Deny(ctx, 1, alice.String(), "falsche Gruppe", storage.DenyWithReason, "$late-deny", stale)
			hurried, _, err2 := e.db.Access().RetryNow(ctx, 1, alice.String(), "$late-retry", stale)
			if err == nil {
				err = err2
			}
			got <- late{denied, hurried, err}
		})
	})
	e.nc.FailNext(0, 0)
	if err := e.h.AccessTick(ctx, r.NextAttempt); err != nil {
		t.Fatal(err)
	}
	var l late
	select {
	case l = <-got:
	default:
		t.Fatal("no account was created in the second attempt")
	}
	if l.err != nil {
		t.Fatal(l.err)
	}
	if l.denied || l.hurried {
		t.Errorf("while the attempt ran: denied %v, retry brought forward %v; want both refused", l.denied, l.hurried)
	}
	after, _ := e.db.Access().Get(ctx, 1)
	if after.Status != storage.AccessProvisioned {
		t.Errorf("after the attempt: %s (%q), want provisioned: the account was made", after.Status, after.Result)
	}
	if n := len(e.nc.Users()); n != 2 {
		t.Errorf("%d Nextcloud accounts, want the admin and the member's", n)
	}
}
