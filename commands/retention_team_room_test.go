package commands

import (
	"context"
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// newRedactions returns the redactions in room that are not in before.
func newRedactions(now, before map[id.EventID]string) map[id.EventID]string {
	out := map[id.EventID]string{}
	for ev, reason := range now {
		if _, ok := before[ev]; !ok {
			out[ev] = reason
		}
	}
	return out
}

// TestRetentionRedactsTeamRoomEvents (priv29, DSGVO Art. 5 (1) e): when a
// resolved case is deleted at the end of support_retention, the support
// worker's next tick redacts Lotse's own messages in the team room that
// show its member — the case message and its edits, the question, the
// relay and its edit, `!offen`, `!fall`, the guide draft — and none of
// the team's or of Lotse's others, with the reason "Aufbewahrungsfrist
// abgelaufen", without a note in the thread, once. The transaction IDs
// of the sends (sent_event) are long forgotten by then (inbox_retention):
// the messages are found by the IDs recorded with the case. Before the
// period ends nothing is redacted. Fails without the fix: the case's rows
// went and its messages stayed in the room's history for good.
func TestRetentionRedactsTeamRoomEvents(t *testing.T) {
	e := newSupportEnv(t)
	showing, other := e.caseWithTraces(t)
	ctx := context.Background()
	policy := storage.RetentionPolicy{Inbox: 7 * day, Cases: 90 * day}
	before := e.redactedIn(teamRoom)

	// Within the period: the case stays and nothing is redacted.
	early := e.now.Add(89 * day)
	if _, err := e.db.Retention(ctx, policy, early, false); err != nil {
		t.Fatal(err)
	}
	if err := e.h.Tick(ctx, early); err != nil {
		t.Fatal(err)
	}
	if c, _ := e.db.Cases.Get(ctx, 1); c == nil {
		t.Fatal("the case went before its period ended")
	}
	if got := newRedactions(e.redactedIn(teamRoom), before); len(got) != 0 {
		t.Fatalf("redacted before the period ended: %v", got)
	}

	later := e.now.Add(91 * day)
	if _, err := e.db.Retention(ctx, policy, later, false); err != nil {
		t.Fatal(err)
	}
	if c, _ := e.db.Cases.Get(ctx, 1); c != nil {
		t.Fatal("the case outlived its period")
	}
	if got := newRedactions(e.redactedIn(teamRoom), before); len(got) != 0 {
		t.Fatalf("the retention in storage redacted by itself: %v", got)
	}
	e.fm.mu.Lock()
	sentBefore := len(e.fm.sent)
	e.fm.mu.Unlock()
	if err := e.h.Tick(ctx, later); err != nil {
		t.Fatal(err)
	}
	e.checkRedacted(t, showing, other)
	for ev, reason := range newRedactions(e.redactedIn(teamRoom), before) {
		if reason != "Aufbewahrungsfrist abgelaufen (Datenschutz)." {
			t.Errorf("the reason on %s is %q, want the end of the retention period", ev, reason)
		}
	}
	e.fm.mu.Lock()
	for _, m := range e.fm.sent[sentBefore:] {
		if m.room == teamRoom {
			t.Errorf("the team room was told about an expired case: %s", allText(m))
		}
	}
	e.fm.mu.Unlock()
	if left, err := e.db.Cases.ExpiredRedactions(ctx, 100); err != nil || len(left) != 0 {
		t.Errorf("redactions left queued: %v %v", left, err)
	}
	n := len(e.redactedIn(teamRoom))
	if err := e.h.Tick(ctx, later); err != nil {
		t.Fatal(err)
	}
	if m := len(e.redactedIn(teamRoom)); m != n {
		t.Errorf("a second tick redacted %d more events", m-n)
	}
}

// TestRetentionKeepsTeamRoomEvents (priv29): with
// retention_redacts_room_messages off (KeepRoomMessages) the case's rows
// go at the end of the period and Lotse's messages stay in the room.
func TestRetentionKeepsTeamRoomEvents(t *testing.T) {
	e := newSupportEnv(t)
	e.caseWithTraces(t)
	ctx := context.Background()
	before := e.redactedIn(teamRoom)
	later := e.now.Add(91 * day)
	if _, err := e.db.Retention(ctx, storage.RetentionPolicy{Cases: 90 * day, KeepRoomMessages: true}, later, false); err != nil {
		t.Fatal(err)
	}
	if c, _ := e.db.Cases.Get(ctx, 1); c != nil {
		t.Fatal("the case outlived its period")
	}
	if err := e.h.Tick(ctx, later); err != nil {
		t.Fatal(err)
	}
	if got := newRedactions(e.redactedIn(teamRoom), before); len(got) != 0 {
		t.Errorf("redacted although the association keeps the room messages: %v", got)
	}
}

// TestRetentionRedactsApprovalsRoom (priv29): when a decided access
// request is deleted at the end of access_retention, the access worker's
// next tick redacts Lotse's request message in the approvals room (name,
// Matrix ID, e-mail, reason) with the reason "Aufbewahrungsfrist
// abgelaufen", once; the support worker leaves it alone. Its edits and
// thread notes are found only through sent_event, which inbox_retention
// forgot long before (here it is kept, and they go as well). Fails without
// the fix: the request's rows went, its message stayed.
func TestRetentionRedactsApprovalsRoom(t *testing.T) {
	e := newAccessEnv(t)
	showing, other := e.requestWithTraces(t)
	ctx := context.Background()
	before := e.redactedIn(approvals)
	later := e.now.Add(366 * day)
	if _, err := e.db.Retention(ctx, storage.RetentionPolicy{Access: 365 * day}, later, false); err != nil {
		t.Fatal(err)
	}
	if r, _ := e.db.Access().Get(ctx, 1); r != nil {
		t.Fatal("the request outlived its period")
	}
	if err := e.h.Tick(ctx, later); err != nil {
		t.Fatal(err)
	}
	if left, _ := e.db.Cases.ExpiredAccessRedactions(ctx, 10); len(left) != 4 { // the request message, two edits, the note (priv30)
		t.Fatalf("the support worker took the approvals room's redactions: %v", left)
	}
	if err := e.h.AccessTick(ctx, later); err != nil {
		t.Fatal(err)
	}
	redacted := newRedactions(e.redactedIn(approvals), before)
	wantRedacted(t, redacted, showing, other, "the retention", "approvals room")
	for ev, reason := range redacted {
		if reason != "Aufbewahrungsfrist abgelaufen (Datenschutz)." {
			t.Errorf("the reason on %s is %q, want the end of the retention period", ev, reason)
		}
	}
	if left, err := e.db.Cases.ExpiredAccessRedactions(ctx, 10); err != nil || len(left) != 0 {
		t.Errorf("approvals-room redactions left queued: %v %v", left, err)
	}
	n := len(e.redactedIn(approvals))
	if err := e.h.AccessTick(ctx, later); err != nil {
		t.Fatal(err)
	}
	if m := len(e.redactedIn(approvals)); m != n {
		t.Errorf("a second tick redacted %d more events", m-n)
	}
}

// TestPrivacyOverviewRoomMessages (priv29): !datenschutz tells the member
// that Lotse also removes its messages about their case from the team
// room when the case is deleted — only when it does
// (retention_redacts_room_messages) and the case has a period.
func TestPrivacyOverviewRoomMessages(t *testing.T) {
	for _, tt := range []struct {
		name   string
		policy storage.RetentionPolicy
		want   bool
	}{
		{"redacts", storage.RetentionPolicy{Cases: 90 * day}, true},
		{"keeps", storage.RetentionPolicy{Cases: 90 * day, KeepRoomMessages: true}, false},
		{"no period", storage.RetentionPolicy{}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newSupportEnv(t)
			e.reconfigure(func(d *Deps) { d.Privacy = Privacy{Retention: tt.policy} })
			sent := in(e.say(t, dmRoom, member, "!datenschutz", ""), dmRoom)
			if got := strings.Contains(bodies(sent), "meine Nachrichten zu deinem Fall im Teamraum"); got != tt.want {
				t.Errorf("room messages named: %v, want %v: %s", got, tt.want, bodies(sent))
			}
		})
	}
}
