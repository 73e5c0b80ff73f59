package commands

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/integrations/bbb"
	"github.com/lotse-bot/lotse/integrations/nextcloud"
	"github.com/lotse-bot/lotse/storage"
)

// loseCreateAnswer passes every call on to the fake Nextcloud, but loses
// the answer to a create call (POST …/cloud/users): the account is made,
// Lotse hears of a broken connection.
type loseCreateAnswer struct{ base http.RoundTripper }

func (l loseCreateAnswer) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := l.base.RoundTrip(r)
	if err == nil && r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/cloud/users") {
		resp.Body.Close()
		return nil, errors.New("connection reset by peer")
	}
	return resp, err
}

// ncClient is a client of the fake Nextcloud with password and transport.
func (e *accessEnv) ncClient(t *testing.T, password string, rt http.RoundTripper) *nextcloud.Client {
	t.Helper()
	hc := *e.nc.Client()
	if rt != nil {
		hc.Transport = rt
	}
	c, err := nextcloud.NewClient(nextcloud.Options{BaseURL: e.nc.URL(), User: "lotse-admin", AppPassword: password, HTTPClient: &hc, Timeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestAccessDenyAfterLostCreate: a create whose answer was lost, then a
// failure that is not retried (401 after the app password changed): the
// request fails while its account exists. The approvers read so in the
// failure note and, when they deny it, in the request's thread, with the
// address and the group to check; the audit log says it beside the
// denial. A request that failed without a create going out is denied
// without the warning. Before, nothing told them (acc30, deny30).
func TestAccessDenyAfterLostCreate(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, e *accessEnv)
		warn  bool
	}{
		{"create answer lost, then 401", func(t *testing.T, e *accessEnv) {
			base := e.nc.Client().Transport
			if base == nil {
				base = http.DefaultTransport
			}
			e.reconfigure(func(d *Deps) { d.Access.Nextcloud = e.ncClient(t, ncSecret, loseCreateAnswer{base}) })
			if err := e.h.AccessTick(context.Background(), e.now); err != nil {
				t.Fatal(err)
			}
			if r, _ := e.db.Access().Get(context.Background(), 1); r.Status != storage.AccessApproved || len(e.nc.Users()) != 2 {
				t.Fatalf("after the lost answer: %s, %d accounts", r.Status, len(e.nc.Users()))
			}
		}, true},
		{"attempt cut off before its outcome was stored, then 401", func(t *testing.T, e *accessEnv) {
			if err := e.db.Access().Audit(context.Background(), storage.AuditEntry{Key: "setup:1", RequestID: 1, At: e.now, Actor: "lotse", Action: "setup"}); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"401 at once", func(*testing.T, *accessEnv) {}, false},
		// A plain failure, approved again later (attempts back at 0, the
		// first round's setup note still there), failing again: no create
		// answer was lost, and no warning says so (mend30c).
		{"401, approved again, 401 again", func(t *testing.T, e *accessEnv) {
			e.reconfigure(func(d *Deps) { d.Access.Nextcloud = e.ncClient(t, "changed-password", nil) })
			if err := e.h.AccessTick(context.Background(), e.now); err != nil {
				t.Fatal(err)
			}
			if r, _ := e.db.Access().Get(context.Background(), 1); r.Status != storage.AccessFailed {
				t.Fatalf("after the first 401: %s, want failed", r.Status)
			}
			e.now = e.now.Add(10 * time.Minute)
			e.say(t, approvals, carol, "!genehmigen 1", "")
			if r, _ := e.db.Access().Get(context.Background(), 1); r.Status != storage.AccessApproved || r.Attempts != 0 {
				t.Fatalf("approved again: %s, %d attempts", r.Status, r.Attempts)
			}
		}, false},
		// Approved again, and that round's attempt cut off: still a
		// warning.
		{"401, approved again, attempt cut off, then 401", func(t *testing.T, e *accessEnv) {
			e.reconfigure(func(d *Deps) { d.Access.Nextcloud = e.ncClient(t, "changed-password", nil) })
			if err := e.h.AccessTick(context.Background(), e.now); err != nil {
				t.Fatal(err)
			}
			e.now = e.now.Add(10 * time.Minute)
			e.say(t, approvals, carol, "!genehmigen 1", "")
			r, _ := e.db.Access().Get(context.Background(), 1)
			if err := e.db.Access().Audit(context.Background(), storage.AuditEntry{Key: fmt.Sprintf("setup:1:v%d", r.Version), RequestID: 1, At: e.now,
				Actor: "lotse", Action: "setup"}); err != nil {
				t.Fatal(err)
			}
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newAccessEnv(t)
			ctx := context.Background()
			e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
			e.say(t, approvals, carol, "!genehmigen 1", "")
			tc.setup(t, e)
			e.reconfigure(func(d *Deps) { d.Access.Nextcloud = e.ncClient(t, "changed-password", nil) })
			before := e.fm.count()
			if err := e.h.AccessTick(ctx, e.now.Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
			if r, _ := e.db.Access().Get(ctx, 1); r.Status != storage.AccessFailed {
				t.Fatalf("after the 401: %s, want failed", r.Status)
			}
			failed := bodies(in(e.newsSince(before), approvals))
			if got := strings.Contains(failed, "kann also schon bestehen"); got != tc.warn {
				t.Errorf("failure note warns of the account: %v, want %v\n%s", got, tc.warn, failed)
			}

			before = e.fm.count()
			news := e.say(t, approvals, carol, "!ablehnen 1 Zu spät", "")
			mustContain(t, in(news, dmRoom), "abgelehnt")
			// The member is told too, plainly, what a lost create means
			// for them (left31): before, they read only „abgelehnt“.
			told := bodies(in(news, dmRoom))
			if got := strings.Contains(told, "vielleicht schon ein Nextcloud-Konto"); got != tc.warn {
				t.Errorf("the member is told of the account: %v, want %v\n%s", got, tc.warn, told)
			}
			if tc.warn {
				mustContain(t, in(news, dmRoom), "mia@example.org", "Du musst dafür nichts tun")
				for _, w := range []string{"maybe-created", "Antwort der Nextcloud", "deaktiviert oder löscht es"} {
					if strings.Contains(told, w) {
						t.Errorf("the member's note has %q:\n%s", w, told)
					}
				}
			}
			var warned []sentMsg
			for _, m := range in(news, approvals) {
				if strings.Contains(m.content.Body, "trotzdem bestehen") {
					warned = append(warned, m)
				}
			}
			if !tc.warn {
				if len(warned) != 0 {
					t.Fatalf("warned although no create went out:\n%s", bodies(warned))
				}
			} else {
				if len(warned) != 1 {
					t.Fatalf("%d warnings after the denial, want 1:\n%s", len(warned), bodies(in(e.newsSince(before), approvals)))
				}
				mustContain(t, warned, "Antrag #1", "mia@example.org", "„AG Digitales“", "deaktiviert oder löscht")
				if rel := warned[0].content.RelatesTo; rel == nil || rel.Type != event.RelThread {
					t.Errorf("warning not in the request's thread: %+v", rel)
				}
				if b := warned[0].content.Body; strings.Contains(b, "maybe-created") || strings.Contains(b, "$") {
					t.Errorf("internal words in the warning: %s", b)
				}
				defer func() {
					// The warning names the member's address: an erasure
					// redacts it with the request's other notes.
					if _, err := e.db.Privacy().Erase(ctx, member.String(), "", e.now); err != nil {
						t.Fatal(err)
					}
					if err := e.h.AccessTick(ctx, e.now.Add(2*time.Hour)); err != nil {
						t.Fatal(err)
					}
					if _, ok := e.redactedIn(approvals)[id.EventID("$"+warned[0].txn)]; !ok {
						t.Errorf("the warning with the address was not redacted by the erasure: %v", e.redactedIn(approvals))
					}
				}()
			}
			log := bodies(in(e.say(t, approvals, carol, "!protokoll 1", ""), approvals))
			for _, w := range []string{"das Konto kann bestehen", "abgelehnt, aber das Nextcloud-Konto kann bestehen"} {
				if got := strings.Contains(log, w); got != tc.warn {
					t.Errorf("audit log has %q: %v, want %v\n%s", w, got, tc.warn, log)
				}
			}
		})
	}
}

// TestAccessRoomRefusedIsLasting: when BigBlueButton refuses the call
// (a wrong shared secret: FAILED with HTTP 200), `!raum` does not send the
// member back „in ein paar Minuten“; it says that a retry does not help
// and whom to turn to. A server that is down still reads as passing
// (acc30 left it, deny30).
func TestAccessRoomRefusedIsLasting(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	e.requestRoom(t, member, dmRoom)
	e.say(t, approvals, carol, "!genehmigen 1", "")
	if err := e.h.AccessTick(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	if r, _ := e.db.Access().Get(ctx, 1); r.Status != storage.AccessProvisioned {
		t.Fatalf("room request: %s", r.Status)
	}

	e.bbb.FailNext(100, http.StatusBadGateway)
	down := in(e.say(t, dmRoom, member, "!raum AG Umwelt Süd", ""), dmRoom)
	mustContain(t, down, "antwortet gerade nicht", "in ein paar Minuten")
	e.bbb.FailNext(0, 0)

	wrong, err := bbb.NewClient(bbb.Options{BaseURL: e.bbb.URL(), Secret: "not-the-secret", HTTPClient: e.bbb.Client()})
	if err != nil {
		t.Fatal(err)
	}
	e.reconfigure(func(d *Deps) { d.Access.BBB = wrong })
	refused := in(e.say(t, dmRoom, member, "!raum AG Umwelt Süd", ""), dmRoom)
	mustContain(t, refused, "„AG Umwelt Süd“", "lehnt meine Anfrage ab", "nicht von selbst vorbei", "Geschäftsstelle")
	if b := bodies(refused); strings.Contains(b, "in ein paar Minuten") || strings.Contains(b, "checksum") || strings.Contains(b, "Secret") {
		t.Errorf("a lasting refusal read as passing, or internal words:\n%s", b)
	}
	e.assertNoSecrets(t)
}
