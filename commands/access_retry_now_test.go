package commands

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestAccessApproverRetriesNow: Nextcloud was down, the setup of an
// approved request failed twice and waits for its next attempt. An
// approver who knows it is back writes `!genehmigen 1` (or adds ✅ again):
// they read how often it failed and why, the next attempt is due at once,
// and the next tick sets it up. Before, they read „schon entschieden“ and
// the request waited for its backoff (acc34). A request that is set up
// answers „schon entschieden“ as before; one whose first attempt has not
// failed is not brought forward.
func TestAccessApproverRetriesNow(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	root := e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	mustContain(t, in(e.say(t, approvals, carol, "!genehmigen 1", ""), approvals), "ist genehmigt")

	// Approved, first attempt not failed yet: no retry to bring forward.
	mustContain(t, in(e.say(t, approvals, alice, "!genehmigen 1", ""), approvals), "schon entschieden")

	e.nc.FailNext(100, http.StatusServiceUnavailable)
	start := e.now
	before := e.fm.count()
	for _, at := range []time.Duration{0, time.Minute} { // Backoff a minute, doubling
		if err := e.h.AccessTick(ctx, start.Add(at)); err != nil {
			t.Fatal(err)
		}
	}
	// NotifyAfter is 2: the note says what the approvers can do meanwhile.
	mustContain(t, in(e.newsSince(before), approvals), "2-mal fehlgeschlagen", "!genehmigen 1 es sofort", "!ablehnen 1 <Grund>")
	r, _ := e.db.Access().Get(ctx, 1)
	if r.Status != storage.AccessApproved || r.Attempts != 2 || !r.NextAttempt.After(start.Add(time.Minute+30*time.Second)) {
		t.Fatalf("after two failures: %s, %d attempts, next %v", r.Status, r.Attempts, r.NextAttempt.Sub(start))
	}
	e.nc.FailNext(0, 0) // Nextcloud is back

	e.now = start.Add(time.Minute + time.Second)
	got := in(e.say(t, approvals, alice, "!genehmigen 1", ""), approvals)
	mustContain(t, got, "2-mal fehlgeschlagen", "Die Nextcloud ist gerade nicht erreichbar", "jetzt gleich noch einmal")
	if b := bodies(got); strings.Contains(b, "schon entschieden") {
		t.Errorf("the approver read only „schon entschieden“:\n%s", b)
	}
	if r, _ := e.db.Access().Get(ctx, 1); r.NextAttempt.After(e.now) || r.Attempts != 2 {
		t.Fatalf("next attempt %v after the approver's retry, attempts %d", r.NextAttempt.Sub(e.now), r.Attempts)
	}
	// ✅ again says the same (the request's own buttons are gone).
	mustContain(t, in(e.react(t, approvals, bob, root, "✅"), approvals), "jetzt gleich noch einmal")

	if err := e.h.AccessTick(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	if r, _ := e.db.Access().Get(ctx, 1); r.Status != storage.AccessProvisioned {
		t.Fatalf("after the retry: %s, want provisioned", r.Status)
	}
	if n := len(e.nc.Welcomes()); n != 1 {
		t.Fatalf("%d welcome mails, want 1", n)
	}
	mustContain(t, in(e.say(t, approvals, alice, "!genehmigen 1", ""), approvals), "schon entschieden")

	entries, err := e.db.Access().AuditLog(ctx, 1, "")
	if err != nil {
		t.Fatal(err)
	}
	var asked int
	for _, a := range entries {
		if a.Action == "retry-now" {
			asked++
		}
	}
	if asked != 1 {
		// The ✅ found the attempt due already: nothing changed, no entry.
		t.Errorf("%d retry-now audit entries, want 1", asked)
	}
	mustContain(t, in(e.say(t, approvals, alice, "!protokoll 1", ""), approvals), "neuer Versuch sofort verlangt")
}
