package commands

import (
	"context"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// TestAuditListingOfGoneRequestGoes (left31): the audit log is kept
// longer than the requests (audit_retention three years, access_retention
// one), so `!protokoll` still names the member (their Matrix ID as the one
// who filed the request) after their request was deleted. Such a listing,
// and the `!protokoll export` file, are redacted by the retention a day
// after they were sent (storage.AuditListingKept) — not before. Fails
// without the fix: the listing was recorded only with requests still kept
// (none here), the file not at all, and both stayed for good.
func TestAuditListingOfGoneRequestGoes(t *testing.T) {
	e := newAccessEnv(t)
	e.requestWithTraces(t)
	ctx := context.Background()
	e.now = e.now.Add(366 * day)
	if _, err := e.db.Retention(ctx, storage.RetentionPolicy{Access: 365 * day}, e.now, false); err != nil {
		t.Fatal(err)
	}
	if err := e.h.AccessTick(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	if r, err := e.db.Access().Get(ctx, 1); err != nil || r != nil {
		t.Fatalf("request #1 still kept (%v, %v): the test would show nothing", r, err)
	}
	listing := e.auditListing(t)
	var file id.EventID
	for _, m := range in(e.say(t, approvals, alice, "!protokoll export csv", ""), approvals) {
		if m.content.MsgType == event.MsgFile {
			file = id.EventID("$" + m.txn)
		}
	}
	if file == "" {
		t.Fatal("`!protokoll export` sent no file")
	}
	for _, c := range []struct {
		after time.Duration
		gone  bool
	}{{time.Hour, false}, {storage.AuditListingKept + time.Hour, true}} {
		at := e.now.Add(c.after)
		if _, err := e.db.Retention(ctx, storage.RetentionPolicy{Access: 365 * day}, at, false); err != nil {
			t.Fatal(err)
		}
		if err := e.h.AccessTick(ctx, at); err != nil {
			t.Fatal(err)
		}
		redacted := e.redactedIn(approvals)
		for what, ev := range map[string]id.EventID{"listing": listing, "export file": file} {
			if _, ok := redacted[ev]; ok != c.gone {
				t.Errorf("%v after: the %s of !protokoll redacted: %v, want %v", c.after, what, ok, c.gone)
			}
		}
	}
	var left int
	if err := e.db.Lotse.QueryRow(ctx, `SELECT COUNT(*) FROM access_listing`).Scan(&left); err != nil || left != 0 {
		t.Errorf("%d answers still recorded (%v), want 0", left, err)
	}
}
