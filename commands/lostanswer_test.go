package commands

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/lotse-bot/lotse/integrations/nextcloud"
	"github.com/lotse-bot/lotse/storage"
)

// lostAnswer passes EnsureMember on to the real client (and so to the
// Nextcloud fake), but loses the answer of the first n calls: Nextcloud did
// the work, Lotse got a timeout.
type lostAnswer struct {
	inner NextcloudProvisioner
	lose  atomic.Int32
}

func (l *lostAnswer) EnsureMember(ctx context.Context, req nextcloud.EnsureRequest) (nextcloud.EnsureResult, error) {
	res, err := l.inner.EnsureMember(ctx, req)
	if err == nil && l.lose.Add(-1) >= 0 {
		return nextcloud.EnsureResult{}, fmt.Errorf("answer lost: %w", nextcloud.ErrTemporary)
	}
	return res, err
}

// TestAccessLostCreateAnswer (issue 19 point 10): the account was created
// but its answer was lost; the retry finds the account. The member is told
// about the password mail (and how to get a new one), not "your existing
// account", and exactly one account exists.
func TestAccessLostCreateAnswer(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	lost := &lostAnswer{inner: e.h.Access.Nextcloud}
	lost.lose.Store(1)
	e.reconfigure(func(d *Deps) { d.Access.Nextcloud = lost })
	users := len(e.nc.Users())
	e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	e.say(t, approvals, alice, "!genehmigen 1", "")
	if err := e.h.AccessTick(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	if r, _ := e.db.Access().Get(ctx, 1); r.Status != storage.AccessApproved || r.Attempts != 1 {
		t.Fatalf("after the lost answer: %+v", r)
	}
	before := e.fm.count()
	if err := e.h.AccessTick(ctx, e.now.Add(e.h.Access.Backoff*2)); err != nil {
		t.Fatal(err)
	}
	if got := len(e.nc.Users()) - users; got != 1 {
		t.Fatalf("%d accounts created, want 1", got)
	}
	if len(e.nc.Welcomes()) != 1 {
		t.Fatalf("%d welcome mails", len(e.nc.Welcomes()))
	}
	dm := in(e.fm.sent[before:], dmRoom)
	mustContain(t, dm, "genehmigt", "mia@example.org", "Passwort", "Passwort vergessen?")
	for _, m := range dm {
		if strings.Contains(m.content.Body, "nach der nächsten Anmeldung") {
			t.Errorf("told the member about an existing account: %s", m.content.Body)
		}
	}
}

// TestAccessExistingAccountStaysExisting: an account that existed before
// the request (without the group) is still "your account is now in the
// group" after a retry — the hint is only for a lost create.
func TestAccessExistingAccountStaysExisting(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	if _, err := e.h.Access.Nextcloud.EnsureMember(ctx, nextcloud.EnsureRequest{Email: "mia@example.org", DisplayName: "Mia"}); err != nil {
		t.Fatal(err)
	}
	e.nc.FailNext(1, 503)
	e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	e.say(t, approvals, alice, "!genehmigen 1", "")
	_ = e.h.AccessTick(ctx, e.now)
	before := e.fm.count()
	if err := e.h.AccessTick(ctx, e.now.Add(e.h.Access.Backoff*2)); err != nil {
		t.Fatal(err)
	}
	mustContain(t, in(e.fm.sent[before:], dmRoom), "nach der nächsten Anmeldung")
}
