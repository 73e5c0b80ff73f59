package commands

import (
	"context"
	"regexp"
	"testing"
	"time"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// TestRetentionRedactsApprovalsRoomEdits (priv30, DSGVO Art. 5 (1) e):
// when a decided access request is deleted at the end of access_retention,
// the access worker redacts not only the request message but Lotse's
// edits of it („GENEHMIGT von …“ with the member's name, e-mail and
// reason) and its note in the request's thread (the account set up) —
// although inbox_retention forgot the record of their sends (sent_event)
// long before, as it does in every installation with the defaults. Fails
// without the fix: the edits and the note were found only through
// sent_event and stayed in the approvals room for good.
func TestRetentionRedactsApprovalsRoomEdits(t *testing.T) {
	e := newAccessEnv(t)
	showing, other := e.requestWithTraces(t)
	ctx := context.Background()
	e.sendsRecorded(t)
	before := e.redactedIn(approvals)
	later := e.now.Add(366 * day)
	e.forgetSends(t)
	if _, err := e.db.Retention(ctx, storage.RetentionPolicy{Access: 365 * day}, later, false); err != nil {
		t.Fatal(err)
	}
	if err := e.h.AccessTick(ctx, later); err != nil {
		t.Fatal(err)
	}
	redacted := newRedactions(e.redactedIn(approvals), before)
	wantRedacted(t, redacted, showing, other, "the retention", "approvals room")
	if left, err := e.db.Cases.ExpiredAccessRedactions(ctx, 10); err != nil || len(left) != 0 {
		t.Errorf("approvals-room redactions left queued: %v %v", left, err)
	}
}

// TestErasureRedactsApprovalsRoomEdits (priv30, DSGVO Art. 17): an
// erasure a month after the request was set up — inbox_retention has
// forgotten the record of the sends — still redacts Lotse's edits of the
// request message and its note in the thread, not only the request
// message. Fails without the fix: they were found only through sent_event.
func TestErasureRedactsApprovalsRoomEdits(t *testing.T) {
	e := newAccessEnv(t)
	showing, other := e.requestWithTraces(t)
	e.sendsRecorded(t)
	e.now = e.now.Add(30 * day)
	e.forgetSends(t)
	sent := in(e.say(t, dmRoom, member, "!daten-löschen", ""), dmRoom)
	m := regexp.MustCompile("!daten-löschen ([A-Za-zÄÖÜäöüß]+)").FindStringSubmatch(bodies(sent))
	if m == nil {
		t.Fatalf("no confirmation token: %s", bodies(sent))
	}
	mustContain(t, in(e.say(t, dmRoom, member, "!daten-löschen "+m[1], ""), dmRoom), "Erledigt")
	e.checkApprovalsErased(t, showing, other)
}

// sentEvents counts the records of Lotse's sends (sent_event).
func (e *accessEnv) sentEvents(t *testing.T) int {
	t.Helper()
	var n int
	if err := e.db.Lotse.QueryRow(context.Background(), `SELECT COUNT(*) FROM sent_event`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// sendsRecorded fails unless the sends are recorded (as they are until
// inbox_retention): the test's later check is not empty.
func (e *accessEnv) sendsRecorded(t *testing.T) {
	t.Helper()
	if e.sentEvents(t) == 0 {
		t.Fatal("no send recorded: the test would show nothing")
	}
}

// forgetSends runs inbox_retention so that it forgets every send so far,
// as it has long done when a request's year is over. The records carry the
// wall clock's time, not the test's (bot.Sender): the rule runs far ahead.
func (e *accessEnv) forgetSends(t *testing.T) {
	t.Helper()
	far := time.Now().Add(100 * 365 * day)
	if _, err := e.db.Retention(context.Background(), storage.RetentionPolicy{Inbox: 7 * day}, far, false); err != nil {
		t.Fatal(err)
	}
	if n := e.sentEvents(t); n != 0 {
		t.Fatalf("%d sends still recorded after inbox_retention", n)
	}
}

// auditListing has the approver ask `!protokoll` in the approvals room and
// returns Lotse's listing: it names the member (their Matrix ID as the one
// who filed the request, the account set up).
func (e *accessEnv) auditListing(t *testing.T) id.EventID {
	t.Helper()
	for _, m := range in(e.say(t, approvals, alice, "!protokoll", ""), approvals) {
		if containsAny(allText(m), accessTraces) {
			return id.EventID("$" + m.txn)
		}
	}
	t.Fatal("the listing of !protokoll names nobody")
	return ""
}

// TestAuditListingGoesWithRequest (priv30): Lotse's answer to
// `!protokoll` in the approvals room names the member of each request it
// shows; it is redacted when the retention deletes the request (after
// inbox_retention forgot the send) and when the member has their data
// erased. Fails without the fix: the listing stayed in the approvals room
// for good, with the member's Matrix ID.
func TestAuditListingGoesWithRequest(t *testing.T) {
	for _, erase := range []bool{false, true} {
		name := "retention"
		if erase {
			name = "erasure"
		}
		t.Run(name, func(t *testing.T) {
			e := newAccessEnv(t)
			e.requestWithTraces(t)
			listing := e.auditListing(t)
			ctx := context.Background()
			e.forgetSends(t)
			if erase {
				if _, err := e.db.Privacy().Erase(ctx, member.String(), "", e.now); err != nil {
					t.Fatal(err)
				}
				if err := e.h.AccessTick(ctx, e.now); err != nil {
					t.Fatal(err)
				}
			} else {
				later := e.now.Add(366 * day)
				if _, err := e.db.Retention(ctx, storage.RetentionPolicy{Access: 365 * day}, later, false); err != nil {
					t.Fatal(err)
				}
				if err := e.h.AccessTick(ctx, later); err != nil {
					t.Fatal(err)
				}
			}
			if _, ok := e.redactedIn(approvals)[listing]; !ok {
				t.Errorf("the listing of !protokoll (%s) still names the member after the %s", listing, name)
			}
		})
	}
}
