package commands

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/access"
	"github.com/lotse-bot/lotse/integrations/bbb"
	"github.com/lotse-bot/lotse/storage"
)

// TestAccessLookAlikeEmailRefused: an address with a letter of another
// script that looks like ours („mіa“ with a Cyrillic і, „exаmple“ with a
// Cyrillic а) is not taken: the approvals room showed it as Mia's address,
// and an approval had Nextcloud send the password link of a new account
// to it. The member reads why and may type it again; nothing is filed
// (acc30).
func TestAccessLookAlikeEmailRefused(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	e.say(t, dmRoom, member, "!zugang nextcloud AG Digitales", "")
	for _, look := range []string{"mіa@example.org", "mia@exаmple.org", "mia\u200b@example.org"} {
		got := in(e.say(t, dmRoom, member, look, ""), dmRoom)
		mustContain(t, got, "Buchstaben aus einer anderen Schrift", "noch einmal von Hand")
	}
	// The real address goes on to the reason; a domain with umlauts is
	// kept (and shown) in its xn-- form.
	mustContain(t, in(e.say(t, dmRoom, member, "mia@müller.de", ""), dmRoom), "Wofür")
	mustContain(t, in(e.say(t, dmRoom, member, "AG", ""), dmRoom), "mia@xn--mller-kva.de")
	e.say(t, dmRoom, member, "ja", "")
	r, _ := e.db.Access().Get(ctx, 1)
	if r == nil || r.Email != "mia@xn--mller-kva.de" {
		t.Fatalf("request: %+v", r)
	}
}

// TestAccessRoomNameInvisibleCharacter: „Vorstand“ with a zero-width space
// is the Vorstand's room, so a second member asking for it does not
// become the moderator of a room that shows as „Vorstand“ (acc30).
func TestAccessRoomNameInvisibleCharacter(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	for _, who := range []struct {
		user id.UserID
		room string
	}{{member, "Vorstand"}, {outsider, "Vorstand\u200b"}} {
		for _, body := range []string{"!zugang bbb", who.room, "Sitzungen", "ja"} {
			e.say(t, dmRoom, who.user, body, "")
		}
	}
	e.say(t, approvals, carol, "!genehmigen 1", "")
	e.say(t, approvals, carol, "!genehmigen 2", "")
	if err := e.h.AccessTick(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	r2, _ := e.db.Access().Get(ctx, 2)
	if r2.Target != "Vorstand" || r2.Status == storage.AccessProvisioned {
		t.Fatalf("second request for the look-alike room: %q %s", r2.Target, r2.Status)
	}
	if r1, _ := e.db.Access().Get(ctx, 1); r1.Status != storage.AccessProvisioned {
		t.Fatalf("first request: %s", r1.Status)
	}
}

// TestAccessBadDayTexts: what the approvers read when BigBlueButton is
// down (which server, and when Lotse tries next) and when it answers
// FAILED with HTTP 200 because the shared secret is wrong (what to do,
// not „(checksumError)“ after a full stop). Before, both servers were
// „Der Server“ and the cause stood as a sentence in parentheses (acc30).
func TestAccessBadDayTexts(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	e.requestRoom(t, member, dmRoom)
	e.say(t, approvals, carol, "!genehmigen 1", "")
	e.bbb.FailNext(100, http.StatusBadGateway)
	before := e.fm.count()
	// NotifyAfter is 2, Backoff a minute: the second attempt tells.
	for _, at := range []time.Duration{0, time.Minute} {
		if err := e.h.AccessTick(ctx, e.now.Add(at)); err != nil {
			t.Fatal(err)
		}
	}
	news := in(e.newsSince(before), approvals)
	mustContain(t, news, "2-mal fehlgeschlagen. BigBlueButton ist gerade nicht erreichbar", "das nächste Mal am")
	if b := bodies(news); strings.Contains(b, ".)") || strings.Contains(b, "Der Server") {
		t.Errorf("cause as a sentence in parentheses or without its server:\n%s", b)
	}
	e.bbb.FailNext(0, 0)

	// A wrong shared secret: BigBlueButton answers HTTP 200 with FAILED
	// checksumError; not retried, the approvers read what to check.
	wrong, err := bbb.NewClient(bbb.Options{BaseURL: e.bbb.URL(), Secret: "not-the-secret", HTTPClient: e.bbb.Client()})
	if err != nil {
		t.Fatal(err)
	}
	e.reconfigure(func(d *Deps) { d.Access.BBB = wrong })
	before = e.fm.count()
	if err := e.h.AccessTick(ctx, e.now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if r, _ := e.db.Access().Get(ctx, 1); r.Status != storage.AccessFailed {
		t.Fatalf("after checksumError: %s, want failed", r.Status)
	}
	news = in(e.newsSince(before), approvals)
	mustContain(t, news, "Kennwort für den Videokonferenz-Server", "Bitte die Admins", "Einstellungen zu übernehmen.")
	if b := bodies(news); strings.Contains(b, "checksumError") {
		t.Errorf("BigBlueButton's code shown instead of what to do:\n%s", b)
	}
	e.assertNoSecrets(t)
}

// reactID is react that returns the reaction's event ID too.
func (e *accessEnv) reactID(t *testing.T, sender id.UserID, target id.EventID, key string) (id.EventID, []sentMsg) {
	t.Helper()
	evt := &event.Event{ID: id.EventID(fmt.Sprintf("$acc30r%d", supportEvt.Add(1))), RoomID: approvals, Sender: sender, Type: event.EventReaction,
		Content: event.Content{Parsed: &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: target, Key: key}}}}
	return evt.ID, e.handle(t, evt, false)
}

// TestAccessRemovedApprovalTakenBack: an approver who removes their ✅
// from a request that needs two approvers takes the approval back (the
// message shows it open again, the audit log says so, the approvers read
// it); a second approver's ✅ then does not set it up alone. Someone else
// removing it (a moderator) changes nothing; removing it again changes
// nothing. Removing the ✅ that decided a request tells the approvers that
// this no longer undoes it. Before, a removed ✅ did nothing and went on
// counting (acc30).
func TestAccessRemovedApprovalTakenBack(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	root := e.requestNextcloud(t, member, "Bezirk Nord", "mia@example.org") // needs two
	aliceOK, sent := e.reactID(t, alice, root, "✅")
	mustContain(t, in(sent, approvals), "[1/2 GENEHMIGT von Alice]")

	// Not Alice's deletion (a moderator's, Bob's): nothing.
	if got := in(e.handle(t, e.redaction(approvals, bob, aliceOK), false), approvals); len(got) != 0 {
		t.Fatalf("someone else's deletion answered: %s", bodies(got))
	}
	if a, _ := e.db.Access().Approvers(ctx, 1); len(a) != 1 {
		t.Fatalf("approvers after someone else's deletion: %v", a)
	}

	// Alice's own deletion takes it back; once.
	got := in(e.handle(t, e.redaction(approvals, alice, aliceOK), false), approvals)
	mustContain(t, got, "Alice hat die Genehmigung zurückgenommen", "[OFFEN]")
	if a, _ := e.db.Access().Approvers(ctx, 1); len(a) != 0 {
		t.Fatalf("approvers after the deletion: %v", a)
	}
	if again := in(e.handle(t, e.redaction(approvals, alice, aliceOK), false), approvals); len(again) != 0 {
		t.Fatalf("a second deletion answered: %s", bodies(again))
	}
	mustContain(t, in(e.say(t, approvals, carol, "!protokoll 1", ""), approvals), "Genehmigung zurückgenommen")

	// Bob's ✅ is the first of two again: nothing is set up.
	mustContain(t, in(e.react(t, approvals, bob, root, "✅"), approvals), "noch 1 weitere Genehmigung")
	if err := e.h.AccessTick(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	if r, _ := e.db.Access().Get(ctx, 1); r.Status != storage.AccessPending || len(e.nc.Users()) != 1 {
		t.Fatalf("after the taken-back approval and one more: %s, %d users", r.Status, len(e.nc.Users()))
	}

	// Carol's ✅ decides it; deleting it then only tells the approvers.
	carolOK, _ := e.reactID(t, carol, root, "✅")
	got = in(e.handle(t, e.redaction(approvals, carol, carolOK), false), approvals)
	mustContain(t, got, "schon entschieden", "nicht mehr zurück")
	if r, _ := e.db.Access().Get(ctx, 1); r.Status != storage.AccessApproved {
		t.Fatalf("a deletion undid a decision: %s", r.Status)
	}
}

// TestAccessFileWithdrawLoopBounded: a member who files and withdraws
// requests in a loop stops at MaxRequestsPerDay a day, also with a
// dialogue begun before the limit; each request had been a message in
// the approvals room. The next day they may file again (acc30).
func TestAccessFileWithdrawLoopBounded(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	second := id.RoomID("!second-dm:test")
	e.newDirectChat(t, second, member)
	for i := 1; i <= access.MaxRequestsPerDay; i++ {
		if i == access.MaxRequestsPerDay {
			// A dialogue begun in another direct chat before the limit,
			// confirmed after it.
			e.sayIn(t, second, member, "!zugang bbb Spät", true)
			mustContain(t, in(e.sayIn(t, second, member, "Treffen", true), second), "Bitte prüf")
		}
		for _, body := range []string{fmt.Sprintf("!zugang bbb Raum %d", i), "Treffen", "ja"} {
			e.say(t, dmRoom, member, body, "")
		}
		mustContain(t, in(e.say(t, dmRoom, member, fmt.Sprintf("!zurückziehen %d", i), ""), dmRoom), "zurückgezogen")
	}
	before := e.fm.count()
	mustContain(t, in(e.say(t, dmRoom, member, "!zugang bbb Noch einer", ""), dmRoom), "in den letzten 24 Stunden schon 10 Anträge")
	mustContain(t, in(e.sayIn(t, second, member, "ja", true), second), "in den letzten 24 Stunden schon 10 Anträge")
	if got := in(e.newsSince(before), approvals); len(got) != 0 {
		t.Fatalf("the approvals room got %d messages beyond the limit", len(got))
	}
	if list, _ := e.db.Access().ListForMember(ctx, member.String(), 50); len(list) != access.MaxRequestsPerDay {
		t.Fatalf("%d requests filed, want %d", len(list), access.MaxRequestsPerDay)
	}
	// Another member is not held back by this one; the next day the
	// member may file again.
	e.say(t, dmRoom, outsider, "!zugang bbb Anderer Raum", "")
	e.say(t, dmRoom, outsider, "Treffen", "")
	mustContain(t, in(e.say(t, dmRoom, outsider, "ja", ""), dmRoom), "eingereicht")
	e.now = e.now.Add(25 * time.Hour)
	mustContain(t, in(e.say(t, dmRoom, member, "!zugang bbb Noch einer", ""), dmRoom), "Wofür")
}
