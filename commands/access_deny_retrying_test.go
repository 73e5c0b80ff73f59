package commands

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestAccessDenyWhileRetrying: Nextcloud is down and the setup of an
// approved request waits for its next attempt. An approver who sees that
// it should not be set up after all denies it with `!ablehnen`: it is
// denied, the member is told, and when Nextcloud is back no account is
// made. While an attempt is due (the worker may be running it), the
// denial is refused as before. Before, `!ablehnen` answered „schon
// entschieden“ for the hours Lotse kept trying, and the account was made
// (acc30's leftover; acc34).
func TestAccessDenyWhileRetrying(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	mustContain(t, in(e.say(t, approvals, carol, "!genehmigen 1", ""), approvals), "ist genehmigt")

	// Due, first attempt not made: the worker may be running it.
	mustContain(t, in(e.say(t, approvals, alice, "!ablehnen 1 falsche Gruppe", ""), approvals), "schon entschieden")

	e.nc.FailNext(100, http.StatusServiceUnavailable)
	start := e.now
	if err := e.h.AccessTick(ctx, start); err != nil {
		t.Fatal(err)
	}
	if r, _ := e.db.Access().Get(ctx, 1); r.Status != storage.AccessApproved || r.Attempts != 1 {
		t.Fatalf("after a failure: %s, %d attempts", r.Status, r.Attempts)
	}
	e.now = start.Add(30 * time.Second) // the next attempt lies ahead
	sent := e.say(t, approvals, alice, "!ablehnen 1 falsche Gruppe", "")
	mustContain(t, in(sent, approvals), "Antrag #1 ist abgelehnt")
	mustContain(t, in(sent, dmRoom), "abgelehnt", "falsche Gruppe")
	if r, _ := e.db.Access().Get(ctx, 1); r.Status != storage.AccessDenied {
		t.Fatalf("after the denial: %s, want denied", r.Status)
	}

	e.nc.FailNext(0, 0)
	for _, at := range []time.Duration{time.Minute, time.Hour} {
		if err := e.h.AccessTick(ctx, start.Add(at)); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(e.nc.Users()); n != 1 {
		t.Fatalf("%d Nextcloud accounts after the denial, want only the admin", n)
	}
	if r, _ := e.db.Access().Get(ctx, 1); r.Status != storage.AccessDenied {
		t.Fatalf("after the ticks: %s, want denied", r.Status)
	}
}
