package commands

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/access"
	"github.com/lotse-bot/lotse/integrations/nextcloud"
	"github.com/lotse-bot/lotse/integrations/nextcloud/nextcloudtest"
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

// killedAfterCreate is Lotse killed right after Nextcloud answered the
// first EnsureMember: the account exists, nothing of it is stored (a
// panic, which the worker recovers, stands for the kill).
type killedAfterCreate struct {
	access.NextcloudProvisioner
	killed bool
}

func (k *killedAfterCreate) EnsureMember(ctx context.Context, req nextcloud.EnsureRequest) (nextcloud.EnsureResult, error) {
	res, err := k.NextcloudProvisioner.EnsureMember(ctx, req)
	if !k.killed {
		k.killed = true
		panic("SIGKILL")
	}
	return res, err
}

// TestKilledBetweenCreateAndRecord: Lotse dies after Nextcloud created the
// account and before it stored that. The next run creates no second
// account, tells the member of the new account and its password mail, and
// the audit log says a new account. Before, the attempt count was 0, so the
// account found by its address counted as one that existed before: the
// member read „Dein Nextcloud-Konto … ist jetzt in der Gruppe“ without a
// word about the password mail, the audit log „vorhandenes Nextcloud-Konto“.
func TestKilledBetweenCreateAndRecord(t *testing.T) {
	e := newAccessEnv(t)
	e.reconfigure(func(d *Deps) { d.Access.Nextcloud = &killedAfterCreate{NextcloudProvisioner: d.Access.Nextcloud} })
	e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	e.say(t, approvals, carol, "!genehmigen 1", "")
	if err := e.h.AccessTick(t.Context(), e.now); err == nil {
		t.Fatal("the killed run reported no error")
	}
	before := e.fm.count()
	if err := e.h.AccessTick(t.Context(), e.now); err != nil {
		t.Fatal(err)
	}
	if n := e.nc.Requests(nextcloudtest.EndpointAddUser); n != 1 || len(e.nc.Users()) != 2 {
		t.Fatalf("%d account creations, %d accounts; want 1 and 2", n, len(e.nc.Users()))
	}
	e.fm.mu.Lock()
	news := append([]sentMsg(nil), e.fm.sent[before:]...)
	e.fm.mu.Unlock()
	mustContain(t, in(news, dmRoom), "Benutzername mia.mitglied", "Passwort vergessen?")
	mustContain(t, in(e.say(t, approvals, carol, "!protokoll 1", ""), approvals), "Einrichten begonnen", "neues Nextcloud-Konto mia.mitglied")
}

// TestRetryAfterBounded: a 429 whose Retry-After asks for a year (a
// reverse proxy's) puts the approved request off for at most an hour, the
// longest backoff. Before, the next attempt was a year ahead.
func TestRetryAfterBounded(t *testing.T) {
	e := newAccessEnv(t)
	e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	e.say(t, approvals, carol, "!genehmigen 1", "")
	e.nc.SetRetryAfter("31536000")
	e.nc.FailNext(1, http.StatusTooManyRequests)
	if err := e.h.AccessTick(t.Context(), e.now); err != nil {
		t.Fatal(err)
	}
	r, err := e.db.Access().Get(t.Context(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != storage.AccessApproved || r.Attempts != 1 || r.NextAttempt.After(e.now.Add(time.Hour)) {
		t.Fatalf("after a 429 with Retry-After of a year: %s, attempt %d, next %v; want approved, retried within an hour of %v",
			r.Status, r.Attempts, r.NextAttempt, e.now)
	}
	e.nc.SetRetryAfter("")
	if err := e.h.AccessTick(t.Context(), e.now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, ok := e.nc.User("mia.mitglied"); !ok {
		t.Fatal("no account an hour later")
	}
}

// TestLongInputNotEchoedWhole: a reply quotes at most a short, one-line
// piece of what was typed (chat.Escape: 200 characters): 60 KB of input,
// doubled by the escaping and the HTML part, would be over Matrix's 64 KiB
// per event. A guard, read in the twenty-sixth pass and found fine.
func TestLongInputNotEchoedWhole(t *testing.T) {
	long := strings.Repeat("*AG_", 15000) // 60 KB; every character escaped
	tests := []struct {
		name  string
		room  id.RoomID
		who   id.UserID
		setup []string
		body  string
		want  string
	}{
		{"group with !zugang", dmRoom, member, nil, "!zugang nextcloud " + long, "kenne ich nicht"},
		{"group asked for", dmRoom, member, []string{"!zugang nextcloud"}, long, "kenne ich nicht"},
		{"e-mail", dmRoom, member, []string{"!zugang nextcloud 1"}, long, "E-Mail-Adresse"},
		{"withdraw", dmRoom, member, nil, "!zurückziehen " + long, "finde ich nicht"},
		{"room link", dmRoom, member, nil, "!raum " + long, "keinen Zugang"},
		{"approve", approvals, carol, nil, "!genehmigen #" + strings.Repeat("9", 60000), ""},
		{"audit filter", approvals, carol, nil, "!protokoll " + long, "weder eine Antragsnummer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newAccessEnv(t)
			for _, s := range tt.setup {
				e.say(t, tt.room, tt.who, s, "")
			}
			got := in(e.say(t, tt.room, tt.who, tt.body, ""), tt.room)
			if len(got) != 1 {
				t.Fatalf("%d replies", len(got))
			}
			if tt.want != "" {
				mustContain(t, got, tt.want)
			}
			if c := got[0].content; len(c.Body)+len(c.FormattedBody) > 4000 {
				t.Errorf("reply of %d+%d bytes to %d bytes of input:\n%.300s", len(c.Body), len(c.FormattedBody), len(tt.body), c.Body)
			}
		})
	}
}

// newsSince returns the messages sent since the count before.
func (e *accessEnv) newsSince(before int) []sentMsg {
	e.fm.mu.Lock()
	defer e.fm.mu.Unlock()
	return append([]sentMsg(nil), e.fm.sent[before:]...)
}

// TestDisabledAccountTold: the account found by the member's address is
// disabled in Nextcloud. Lotse adds the group (it does not enable
// accounts), and tells the member that they cannot log in with it and the
// approvers that it is disabled. Before, the member read that they would
// see the group folders „after the next login“, and nobody learnt of it.
func TestDisabledAccountTold(t *testing.T) {
	e := newAccessEnv(t)
	e.nc.AddUser(nextcloudtest.User{ID: "mia.alt", Email: "mia@example.org", Disabled: true})
	e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	e.say(t, approvals, carol, "!genehmigen 1", "")
	before := e.fm.count()
	if err := e.h.AccessTick(t.Context(), e.now); err != nil {
		t.Fatal(err)
	}
	if u, _ := e.nc.User("mia.alt"); !u.Disabled || len(u.Groups) != 1 {
		t.Fatalf("account afterwards: %+v", u)
	}
	news := e.newsSince(before)
	mustContain(t, in(news, dmRoom), "in der Nextcloud aber deaktiviert", "anmelden kannst du dich damit gerade nicht")
	mustContain(t, in(news, approvals), "mia.alt – das Konto ist in der Nextcloud deaktiviert")
	if b := bodies(in(news, dmRoom)); strings.Contains(b, "nächsten Anmeldung") || strings.Contains(b, "mia.alt") {
		t.Errorf("member told of a login, or the account's user ID:\n%s", b)
	}
	mustContain(t, in(e.say(t, approvals, carol, "!protokoll 1", ""), approvals), "vorhandenes, deaktiviertes Nextcloud-Konto mia.alt")
}

// TestWelcomeMailLostHint: Nextcloud creates the account but its mail
// fails (current servers only log that and answer success). The member is
// told where to go when no mail comes: „Passwort vergessen?“.
func TestWelcomeMailLostHint(t *testing.T) {
	e := newAccessEnv(t)
	e.nc.SetMailFailure(true)
	e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	e.say(t, approvals, carol, "!genehmigen 1", "")
	before := e.fm.count()
	if err := e.h.AccessTick(t.Context(), e.now); err != nil {
		t.Fatal(err)
	}
	if len(e.nc.Welcomes()) != 0 {
		t.Fatal("a welcome mail was recorded")
	}
	mustContain(t, in(e.newsSince(before), dmRoom), "Benutzername mia.mitglied", "„Passwort vergessen?“")
}

// TestBBBProxyErrors: a proxy in front of BigBlueButton answers 429 (its
// rate limit): the room is tried again later, not failed. A refusal that
// is no BigBlueButton answer (a 403 page) fails with the approvers' text
// alone, without an empty „()“ for the missing messageKey.
func TestBBBProxyErrors(t *testing.T) {
	e := newAccessEnv(t)
	e.requestRoom(t, member, dmRoom)
	e.say(t, approvals, carol, "!genehmigen 1", "")
	e.bbb.FailNext(1, http.StatusTooManyRequests)
	if err := e.h.AccessTick(t.Context(), e.now); err != nil {
		t.Fatal(err)
	}
	if r, _ := e.db.Access().Get(t.Context(), 1); r.Status != storage.AccessApproved || r.Attempts != 1 {
		t.Fatalf("after a 429: %s, attempt %d; want approved, tried again later", r.Status, r.Attempts)
	}
	if err := e.h.AccessTick(t.Context(), e.now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if r, _ := e.db.Access().Get(t.Context(), 1); r.Status != storage.AccessProvisioned {
		t.Fatalf("an hour later: %s; want provisioned", r.Status)
	}

	for _, body := range []string{"!zugang bbb Vorstand Nord", "Sitzungen", "ja"} {
		e.say(t, dmRoom, member, body, "")
	}
	e.say(t, approvals, carol, "!genehmigen 2", "")
	e.bbb.FailNext(1, http.StatusForbidden)
	before := e.fm.count()
	if err := e.h.AccessTick(t.Context(), e.now.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	news := in(e.newsSince(before), approvals)
	mustContain(t, news, "BigBlueButton hat die Anfrage abgelehnt.")
	if b := bodies(news); strings.Contains(b, "()") {
		t.Errorf("empty messageKey shown:\n%s", b)
	}
}
