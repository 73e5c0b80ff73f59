package commands

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/id"

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
	mustContain(t, news, "Secret", "passt nicht zum Server")
	if b := bodies(news); strings.Contains(b, "checksumError") {
		t.Errorf("BigBlueButton's code shown instead of what to do:\n%s", b)
	}
	e.assertNoSecrets(t)
}
