package commands

import (
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/integrations/bbb"
	"github.com/lotse-bot/lotse/integrations/bbb/bbbtest"
	"github.com/lotse-bot/lotse/integrations/nextcloud"
	"github.com/lotse-bot/lotse/integrations/nextcloud/nextcloudtest"
	"github.com/lotse-bot/lotse/storage"
)

const (
	approvals = id.RoomID("!approvals:test")
	carol     = id.UserID("@carol:test") // approver
	ncSecret  = "nc-app-password-SECRET-123"
	bbbSecret = "bbb-shared-SECRET-456"
)

type accessEnv struct {
	*supportEnv
	nc  *nextcloudtest.Fake
	bbb *bbbtest.Fake
}

func newAccessEnv(t *testing.T) *accessEnv {
	t.Helper()
	e := &accessEnv{supportEnv: newSupportEnv(t)}
	e.nc = nextcloudtest.New(t, "lotse-admin", ncSecret)
	e.nc.AddGroup("AG Digitales", "Bezirk Nord")
	ncc, err := nextcloud.NewClient(nextcloud.Options{BaseURL: e.nc.URL(), User: "lotse-admin", AppPassword: ncSecret, HTTPClient: e.nc.Client(), Timeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	e.bbb = bbbtest.New(t, bbbSecret)
	bc, err := bbb.NewClient(bbb.Options{BaseURL: e.bbb.URL(), Secret: bbbSecret, HTTPClient: e.bbb.Client()})
	if err != nil {
		t.Fatal(err)
	}
	e.reconfigure(func(d *Deps) {
		d.Access = Access{ApprovalsRoom: approvals, NextcloudGroups: []string{"AG Digitales", "Bezirk Nord"}, TwoApprovers: []string{"Bezirk Nord"},
			Nextcloud: ncc, NextcloudQuota: "5 GB", NextcloudLanguage: "de", NextcloudGuide: "nextcloud/erste-anmeldung.md",
			BBB: bc, BBBWelcome: "Willkommen!", MaxAttempts: 5, NotifyAfter: 2, Backoff: time.Minute}
	})
	e.fm.joined[approvals] = map[id.UserID]bool{alice: true, bob: true, carol: true, botID: true}
	// Being in the approvals room is not enough: the approver role is.
	for _, u := range []id.UserID{alice, bob, carol} {
		setRole(t, e.db, u, storage.RoleApprover, storage.RoleActive)
	}
	e.fm.encrypted[approvals] = true
	e.fm.names[carol] = "Carol"
	return e
}

// request runs the DM conversation for a Nextcloud request and returns its approvals-room message.
func (e *accessEnv) requestNextcloud(t *testing.T, who id.UserID, group, email string) id.EventID {
	t.Helper()
	mustContain(t, in(e.say(t, dmRoom, who, "!zugang nextcloud "+group, ""), dmRoom), "E-Mail-Adresse")
	mustContain(t, in(e.say(t, dmRoom, who, "keine mail", ""), dmRoom), "sieht nicht wie eine E-Mail-Adresse aus")
	mustContain(t, in(e.say(t, dmRoom, who, email, ""), dmRoom), "Wofür")
	sum := in(e.say(t, dmRoom, who, "Ich mache in der AG mit <b>@room</b>", ""), dmRoom)
	mustContain(t, sum, "Bitte prüf", group, email, "Anzeigename: Mia Mitglied")
	sent := e.say(t, dmRoom, who, "ja", "")
	mustContain(t, in(sent, dmRoom), "eingereicht")
	board := in(sent, approvals)
	if len(board) != 1 {
		t.Fatalf("approvals room got %d messages", len(board))
	}
	mustContain(t, board, "[OFFEN]", "Nextcloud", group, "@member:test", email, "Begründung")
	if strings.Contains(board[0].content.FormattedBody, "<b>@room") || board[0].content.Mentions == nil || board[0].content.Mentions.Room {
		t.Errorf("member input not escaped in the approvals room: %s", board[0].content.FormattedBody)
	}
	return id.EventID("$" + board[0].txn)
}

func TestAccessNextcloudFlow(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	root := e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")

	// Permissions: the member, a non-approver, the wrong room.
	e.fm.joined[approvals][member] = true // even as an approver, not their own request
	setRole(t, e.db, member, storage.RoleApprover, storage.RoleActive)
	mustContain(t, in(e.say(t, approvals, member, "!genehmigen 1", ""), approvals), "eigenen Antrag")
	mustContain(t, in(e.react(t, approvals, member, root, "✅"), approvals), "eigenen Antrag")
	delete(e.fm.joined[approvals], member)
	setRole(t, e.db, member, storage.RoleApprover, storage.RoleRemoved)
	mustContain(t, in(e.say(t, approvals, outsider, "!genehmigen 1", ""), approvals), "nur Genehmigende")
	mustContain(t, in(e.react(t, approvals, outsider, root, "✅"), approvals), "nur Genehmigende")
	mustContain(t, in(e.say(t, teamRoom, alice, "!genehmigen 1", ""), teamRoom), "Genehmigungsraum")
	if r, _ := e.db.Access().Get(ctx, 1); r.Status != storage.AccessPending {
		t.Fatalf("request changed by refused approvals: %s", r.Status)
	}

	// Approve by reaction; approving again is refused politely. Lotse's
	// own ✅/❌ buttons go once the request is decided.
	if len(e.fm.redacted) != 0 {
		t.Fatalf("buttons removed before a decision: %v", e.fm.redacted)
	}
	sent := e.react(t, approvals, alice, root, "✅")
	mustContain(t, in(sent, approvals), "ist genehmigt (Alice)", "[GENEHMIGT von Alice – wird eingerichtet]")
	if len(e.fm.redacted) != 2 || !strings.HasPrefix(e.fm.redacted[0], approvals.String()+" ") || !strings.Contains(e.fm.redacted[0]+e.fm.redacted[1], "access-button") {
		t.Fatalf("decision buttons after approval: %v", e.fm.redacted)
	}
	mustContain(t, in(e.say(t, approvals, bob, "!genehmigen 1", ""), approvals), "schon entschieden")
	if len(e.nc.Users()) != 1 {
		t.Fatal("provisioned before the worker ran")
	}

	// The worker provisions exactly once; ticking again does nothing.
	before := e.fm.count()
	if err := e.h.AccessTick(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	u, ok := e.nc.User("mia.mitglied")
	if !ok || len(e.nc.Users()) != 2 || u.Email != "mia@example.org" || u.Language != "de" || u.Quota != "5 GB" || strings.Join(u.Groups, ",") != "AG Digitales" {
		t.Fatalf("nextcloud user: %+v (%d users)", u, len(e.nc.Users()))
	}
	if w := e.nc.Welcomes(); len(w) != 1 || !w[0].SetPasswordLink {
		t.Fatalf("welcome mails: %+v", w)
	}
	e.fm.mu.Lock()
	news := append([]sentMsg(nil), e.fm.sent[before:]...)
	e.fm.mu.Unlock()
	mustContain(t, in(news, dmRoom), "Nextcloud-Konto", "Benutzername mia.mitglied", "Passwort", "Willkommensmail erhalten")
	mustContain(t, in(news, approvals), "ist eingerichtet", "[GENEHMIGT von Alice – eingerichtet]")
	mid := e.fm.count()
	if err := e.h.AccessTick(ctx, e.now.Add(time.Hour)); err != nil || e.fm.count() != mid || e.nc.Requests(nextcloudtest.EndpointAddUser) != 1 {
		t.Fatalf("second tick: err %v, sent %d, addUser %d", err, e.fm.count()-mid, e.nc.Requests(nextcloudtest.EndpointAddUser))
	}

	// A second request of the same member for another group reuses the account.
	e.requestNextcloud(t, member, "Bezirk Nord", "MIA@example.org")
	mustContain(t, in(e.say(t, approvals, alice, "!genehmigen 2", ""), approvals), "noch 1 weitere Genehmigung", "[1/2 GENEHMIGT von Alice]")
	mustContain(t, in(e.say(t, approvals, alice, "!genehmigen 2", ""), approvals), "schon genehmigt")
	mustContain(t, in(e.say(t, approvals, bob, "!approve 2", ""), approvals), "ist genehmigt (Alice, Bob)")
	if err := e.h.AccessTick(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	if u, _ := e.nc.User("mia.mitglied"); len(e.nc.Users()) != 2 || strings.Join(u.Groups, ",") != "AG Digitales,Bezirk Nord" {
		t.Fatalf("existing account not reused: %+v", u)
	}

	// !anträge, the audit log and its export.
	mustContain(t, in(e.say(t, dmRoom, member, "!anträge", ""), dmRoom), "#1", "#2", "eingerichtet")
	mustContain(t, in(e.say(t, approvals, carol, "!protokoll 1", ""), approvals), "beantragt", "genehmigt", "eingerichtet", "neues Nextcloud-Konto mia.mitglied")
	mustContain(t, in(e.say(t, approvals, carol, "!protokoll @member:test", ""), approvals), "#2")
	sent = e.say(t, approvals, carol, "!protokoll export csv", "")
	var file *sentMsg
	for i := range sent {
		if sent[i].content != nil && sent[i].content.FileName != "" {
			file = &sent[i]
		}
	}
	if file == nil || file.content.File == nil || file.content.URL != "" {
		t.Fatalf("export is not an encrypted file: %+v", file)
	}
	data := append([]byte(nil), e.fm.media[file.content.File.URL]...)
	raw, _ := json.Marshal(file.content.File) // as a client receives it
	var ef event.EncryptedFileInfo
	if err := json.Unmarshal(raw, &ef); err != nil {
		t.Fatal(err)
	}
	if err := ef.DecryptInPlace(data); err != nil {
		t.Fatal(err)
	}
	if csv := string(data); !strings.HasPrefix(csv, "time,request,actor,action,detail") || !strings.Contains(csv, "provisioned") || strings.Count(csv, "\n") < 8 {
		t.Fatalf("csv export:\n%s", csv)
	}
	mustContain(t, in(e.say(t, approvals, carol, "!audit export json", ""), approvals), "hochgeladen")
	mustContain(t, in(e.say(t, dmRoom, member, "!protokoll", ""), dmRoom), "nur Genehmigende")
	e.assertNoSecrets(t)
}

// requestRoom has who ask for the BBB room „AG Umwelt Süd“ in their
// direct chat room, through the whole dialogue.
func (e *accessEnv) requestRoom(t *testing.T, who id.UserID, room id.RoomID) {
	t.Helper()
	for _, body := range []string{"!zugang bbb", "AG Umwelt Süd", "Monatliche Treffen", "ja"} {
		e.handle(t, e.event(room, who, &event.MessageEventContent{MsgType: event.MsgText, Body: body}), true)
	}
}

// assertNoSecrets checks every sent message and the database for secrets and join links.
func (e *accessEnv) assertNoSecrets(t *testing.T) {
	t.Helper()
	e.fm.mu.Lock()
	defer e.fm.mu.Unlock()
	for _, m := range e.fm.sent {
		if m.content != nil && (strings.Contains(m.content.Body, ncSecret) || strings.Contains(m.content.Body, bbbSecret)) {
			t.Fatalf("a secret was sent: %s", m.content.Body)
		}
	}
	entries, _ := e.db.Access().AuditLog(context.Background(), 0, "")
	for _, en := range entries {
		if strings.Contains(en.Detail, "checksum=") || strings.Contains(en.Detail, "SECRET") {
			t.Fatalf("audit holds a credential: %+v", en)
		}
	}
}

func TestAccessDenyWithdrawCancel(t *testing.T) {
	e := newAccessEnv(t)
	root := e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	sent := e.say(t, approvals, bob, "!ablehnen 1 Bitte erst <i>Mitglied</i> werden", "")
	mustContain(t, in(sent, dmRoom), "abgelehnt", "Bitte erst")
	mustContain(t, in(sent, approvals), "abgelehnt (Bob)", "[ABGELEHNT: Bitte erst")
	if strings.Contains(in(sent, dmRoom)[0].content.FormattedBody, "<i>") {
		t.Error("deny reason not escaped")
	}
	mustContain(t, in(e.react(t, approvals, alice, root, "✅"), approvals), "schon entschieden")
	if err := e.h.AccessTick(context.Background(), e.now); err != nil || len(e.nc.Users()) != 1 {
		t.Fatalf("denied request provisioned: %v", err)
	}

	// Withdraw: only own, only pending.
	e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	mustContain(t, in(e.say(t, dmRoom, outsider, "!zurückziehen 2", ""), dmRoom), "finde ich nicht")
	sent = e.say(t, dmRoom, member, "!zurückziehen 2", "")
	mustContain(t, in(sent, dmRoom), "zurückgezogen")
	mustContain(t, in(sent, approvals), "[ZURÜCKGEZOGEN]")
	mustContain(t, in(e.say(t, dmRoom, member, "!withdraw 2", ""), dmRoom), "schon entschieden")

	// Cancel a draft; "nein" is then not a question.
	e.say(t, dmRoom, member, "!zugang nextcloud", "")
	mustContain(t, in(e.say(t, dmRoom, member, "9", ""), dmRoom), "kenne ich nicht")
	mustContain(t, in(e.say(t, dmRoom, member, "2", ""), dmRoom), "E-Mail")
	mustContain(t, in(e.say(t, dmRoom, member, "abbrechen", ""), dmRoom), "keinen Antrag")
	if list, _ := e.db.Access().ListForMember(context.Background(), member.String(), 10); len(list) != 2 {
		t.Fatalf("%d requests", len(list))
	}
}

func TestAccessProvisioningFailures(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	e.say(t, approvals, alice, "!genehmigen 1", "")

	// Nextcloud down (5xx): retried with backoff; approvers told after NotifyAfter.
	e.nc.FailNext(100, 503)
	if err := e.h.AccessTick(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	r, _ := e.db.Access().Get(ctx, 1)
	if r.Status != storage.AccessApproved || r.Attempts != 1 || !r.NextAttempt.After(e.now) {
		t.Fatalf("after a 503: %+v", r)
	}
	before := e.fm.count()
	_ = e.h.AccessTick(ctx, e.now.Add(30*time.Second)) // not due yet
	if e.fm.count() != before {
		t.Fatal("retried before the backoff")
	}
	_ = e.h.AccessTick(ctx, e.now.Add(time.Minute))
	mustContain(t, e.fm.sent[before:], "2-mal fehlgeschlagen", "nicht erreichbar")
	// Back up: the next due tick provisions exactly one account.
	e.nc.FailNext(0, 0)
	if err := e.h.AccessTick(ctx, e.now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if len(e.nc.Users()) != 2 {
		t.Fatalf("%d users after recovery", len(e.nc.Users()))
	}

	// 401: never retried, approvers told the cause; approving again retries.
	e.requestNextcloud(t, member, "AG Digitales", "other@example.org")
	e.say(t, approvals, alice, "!genehmigen 2", "")
	bad, _ := nextcloud.NewClient(nextcloud.Options{BaseURL: e.nc.URL(), User: "lotse-admin", AppPassword: "wrong", HTTPClient: e.nc.Client()})
	good := e.h.Access.Nextcloud
	e.reconfigure(func(d *Deps) { d.Access.Nextcloud = bad })
	before = e.fm.count()
	calls := e.nc.TotalRequests()
	_ = e.h.AccessTick(ctx, e.now.Add(2*time.Hour))
	_ = e.h.AccessTick(ctx, e.now.Add(5*time.Hour))
	if got := e.nc.TotalRequests() - calls; got != 1 {
		t.Fatalf("401 was retried: %d calls", got)
	}
	mustContain(t, e.fm.sent[before:], "401", "App-Passwort", "[GENEHMIGT von Alice – FEHLER]")
	e.reconfigure(func(d *Deps) { d.Access.Nextcloud = good })
	mustContain(t, in(e.say(t, approvals, bob, "!genehmigen 2", ""), approvals), "ist genehmigt")
	_ = e.h.AccessTick(ctx, e.now.Add(6*time.Hour))
	if r, _ := e.db.Access().Get(ctx, 2); r.Status != storage.AccessProvisioned || len(e.nc.Users()) != 3 {
		t.Fatalf("retry after 401: %+v", r)
	}

	// Password confirmation bug and missing group: clear messages, no retry.
	e.requestNextcloud(t, member, "AG Digitales", "third@example.org")
	e.say(t, approvals, alice, "!genehmigen 3", "")
	e.nc.SetPasswordConfirmationBug(true)
	before = e.fm.count()
	_ = e.h.AccessTick(ctx, e.now.Add(7*time.Hour))
	mustContain(t, e.fm.sent[before:], "Passwortbestätigung")
	e.assertNoSecrets(t)
}

func TestAccessCrashBetweenApprovalAndProvisioning(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	e.say(t, approvals, alice, "!genehmigen 1", "")
	// The account got created, but the process died before recording it.
	if _, err := e.h.Access.Nextcloud.EnsureMember(ctx, nextcloud.EnsureRequest{Email: "mia@example.org", Groups: []string{"AG Digitales"}}); err != nil {
		t.Fatal(err)
	}
	// "Restart": a new handler on the same database ticks.
	h2 := New(e.h.Deps)
	if err := h2.AccessTick(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	if len(e.nc.Users()) != 2 {
		t.Fatalf("%d accounts after the restart", len(e.nc.Users()))
	}
	r, _ := e.db.Access().Get(ctx, 1)
	if r.Status != storage.AccessProvisioned || !r.Notified || r.Result != "existing mia" {
		t.Fatalf("after restart: %+v", r)
	}
}

// joinLink finds a BigBlueButton join link in a plain body, where it
// stands in parentheses after its label („Raum betreten (https://…)“).
var joinLink = regexp.MustCompile(`https?://[^\s()]+/join\?[^\s()]+`)

func TestAccessBBBRoom(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	mustContain(t, in(e.say(t, dmRoom, member, "!zugang bbb", ""), dmRoom), "Gremium")
	mustContain(t, in(e.say(t, dmRoom, member, "AG Umwelt Süd", ""), dmRoom), "Wofür")
	mustContain(t, in(e.say(t, dmRoom, member, "Monatliche Treffen", ""), dmRoom), "BigBlueButton-Raum", "AG Umwelt Süd")
	mustContain(t, in(e.say(t, dmRoom, member, "ja", ""), dmRoom), "#1")
	mustContain(t, in(e.say(t, dmRoom, member, "!raum AG Umwelt Süd", ""), dmRoom), "keinen Zugang")
	e.say(t, approvals, carol, "!genehmigen 1", "")
	before := e.fm.count()
	if err := e.h.AccessTick(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	dm := in(e.fm.sent[before:], dmRoom)
	mustContain(t, dm, "AG Umwelt Süd", "Moderationslink", "5 Minuten", "!raum AG Umwelt Süd")
	link := joinLink.FindString(dm[0].content.Body)
	info, err := e.bbb.VerifyJoinURL(strings.TrimRight(link, ">"))
	if err != nil || info.Role != bbb.RoleModerator || info.MeetingID != bbb.MeetingID("AG Umwelt Süd") || info.CreateTime == 0 {
		t.Fatalf("join link %q: %+v %v", link, info, err)
	}
	if m, ok := e.bbb.Meeting(info.MeetingID); !ok || m.Params.Get("welcome") != "Willkommen!" {
		t.Fatalf("room not created with the welcome text: %+v", m)
	}
	for _, m := range in(e.fm.sent, approvals) {
		if joinLink.MatchString(m.content.Body) {
			t.Fatal("a join link reached the approvals room")
		}
	}
	// A fresh link any time.
	dm = in(e.say(t, dmRoom, member, "!raum ag umwelt süd", ""), dmRoom)
	if _, err := e.bbb.VerifyJoinURL(strings.TrimRight(joinLink.FindString(dm[0].content.Body), ">")); err != nil {
		t.Fatalf("fresh link: %v\n%s", err, dm[0].content.Body)
	}
	mustContain(t, in(e.say(t, teamRoom, alice, "!raum AG Umwelt Süd", ""), teamRoom), "Direktchat")
	e.assertNoSecrets(t)
}

// TestAccessConfirmPoliteYes: the confirmation of a request reads a yes as
// the case offer does (chat.SaysYes) — "ja, gerne!", "yep", "ja klar"
// file the request instead of asking again how to confirm (review
// rvP11, finding 6), and "nope" cancels it as "nein" does.
func TestAccessConfirmPoliteYes(t *testing.T) {
	for _, yes := range []string{"ja, gerne!", "yep", "ja klar"} {
		t.Run(yes, func(t *testing.T) {
			e := newAccessEnv(t)
			mustContain(t, in(e.say(t, dmRoom, member, "!zugang bbb", ""), dmRoom), "Gremium")
			mustContain(t, in(e.say(t, dmRoom, member, "AG Umwelt Süd", ""), dmRoom), "Wofür")
			mustContain(t, in(e.say(t, dmRoom, member, "Monatliche Treffen", ""), dmRoom), "BigBlueButton-Raum", "AG Umwelt Süd")
			sent := e.say(t, dmRoom, member, yes, "")
			mustContain(t, in(sent, dmRoom), "#1")
			if board := in(sent, approvals); len(board) != 1 {
				t.Fatalf("approvals room got %d messages, want the request", len(board))
			}
		})
	}
	e := newAccessEnv(t)
	mustContain(t, in(e.say(t, dmRoom, member, "!zugang bbb", ""), dmRoom), "Gremium")
	mustContain(t, in(e.say(t, dmRoom, member, "nope", ""), dmRoom), "keinen Antrag")
}

// TestAccessDenialToldToMember (ux20 H5): a denial by ❌ or 👎 carries no
// reason; the member is told so, not shown the approvers' note „ohne
// Begründung (per Reaktion)“ – neither in the message nor in !anträge. A
// written reason reaches the member as it was.
func TestAccessDenialToldToMember(t *testing.T) {
	tests := []struct {
		name string
		deny func(e *accessEnv, root id.EventID) []sentMsg
		// want in the member's message and their !anträge; never shown.
		told, mine []string
		never      []string
	}{
		{"❌", func(e *accessEnv, root id.EventID) []sentMsg { return e.react(t, approvals, bob, root, "❌") },
			[]string{"abgelehnt", "Einen Grund haben die Genehmigenden nicht angegeben", "Bei Fragen"}, []string{"#1 [ABGELEHNT] –"},
			[]string{"per Reaktion", "Begründung", "Grund:"}},
		{"👎", func(e *accessEnv, root id.EventID) []sentMsg { return e.react(t, approvals, bob, root, "👎") },
			[]string{"abgelehnt", "Einen Grund haben die Genehmigenden nicht angegeben"}, []string{"#1 [ABGELEHNT] –"},
			[]string{"per Reaktion", "Begründung", "Grund:"}},
		{"!ablehnen with a reason", func(e *accessEnv, _ id.EventID) []sentMsg {
			return e.say(t, approvals, bob, "!ablehnen 1 Bitte erst Mitglied werden", "")
		}, []string{"abgelehnt", "Grund: Bitte erst Mitglied werden"}, []string{"[ABGELEHNT: Bitte erst Mitglied werden]"},
			[]string{"per Reaktion", "nicht angegeben"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newAccessEnv(t)
			root := e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
			sent := tt.deny(e, root)
			mustContain(t, in(sent, approvals), "abgelehnt (Bob)")
			told := in(sent, dmRoom)
			mustContain(t, told, tt.told...)
			mine := in(e.say(t, dmRoom, member, "!anträge", ""), dmRoom)
			mustContain(t, mine, tt.mine...)
			for _, text := range []string{bodies(told), bodies(mine)} {
				for _, w := range tt.never {
					if strings.Contains(text, w) {
						t.Errorf("the member reads %q:\n%s", w, text)
					}
				}
			}
		})
	}
}

// TestAccessFailureToldToMember (ux20 H4): when setting up an approved
// request fails for good, the member is told once that it is stuck –
// without the cause, which only the approvers see – and !anträge shows the
// state without an approver's name or „FEHLER“. Approving again retries
// without telling the member again; once it works, they hear so.
func TestAccessFailureToldToMember(t *testing.T) {
	tests := []struct {
		name string
		// fail breaks setting up, and returns what mends it.
		fail  func(t *testing.T, e *accessEnv) (heal func())
		cause string // in the approvals room only
	}{
		{"401: wrong app password", func(t *testing.T, e *accessEnv) func() {
			bad, err := nextcloud.NewClient(nextcloud.Options{BaseURL: e.nc.URL(), User: "lotse-admin", AppPassword: "wrong", HTTPClient: e.nc.Client()})
			if err != nil {
				t.Fatal(err)
			}
			good := e.h.Access.Nextcloud
			e.reconfigure(func(d *Deps) { d.Access.Nextcloud = bad })
			return func() { e.reconfigure(func(d *Deps) { d.Access.Nextcloud = good }) }
		}, "App-Passwort"},
		{"password confirmation bug", func(_ *testing.T, e *accessEnv) func() {
			e.nc.SetPasswordConfirmationBug(true)
			return func() { e.nc.SetPasswordConfirmationBug(false) }
		}, "Passwortbestätigung"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newAccessEnv(t)
			ctx := context.Background()
			e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
			e.say(t, approvals, alice, "!genehmigen 1", "")
			mustContain(t, in(e.say(t, dmRoom, member, "!anträge", ""), dmRoom), "#1 [GENEHMIGT – wird eingerichtet] –")
			heal := tt.fail(t, e)
			before := e.fm.count()
			if err := e.h.AccessTick(ctx, e.now); err != nil {
				t.Fatal(err)
			}
			e.fm.mu.Lock()
			news := append([]sentMsg(nil), e.fm.sent[before:]...)
			e.fm.mu.Unlock()
			mustContain(t, in(news, approvals), tt.cause, "Das Mitglied weiß")
			told := in(news, dmRoom)
			if len(told) != 1 {
				t.Fatalf("the member got %d messages about the failure:\n%s", len(told), bodies(told))
			}
			mustContain(t, told, "#1", "genehmigt", "hakt es noch", "Sobald es eingerichtet ist")
			mine := in(e.say(t, dmRoom, member, "!anträge", ""), dmRoom)
			mustContain(t, mine, "#1 [GENEHMIGT – wird noch eingerichtet] –")
			for _, text := range []string{bodies(told), bodies(mine)} {
				for _, w := range []string{tt.cause, "Alice", "FEHLER", "Fehler"} {
					if strings.Contains(text, w) {
						t.Errorf("the member reads %q:\n%s", w, text)
					}
				}
			}

			// Approving again while still broken: the approvers hear, the member not again.
			e.say(t, approvals, bob, "!genehmigen 1", "")
			before = e.fm.count()
			if err := e.h.AccessTick(ctx, e.now.Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
			e.fm.mu.Lock()
			news = append([]sentMsg(nil), e.fm.sent[before:]...)
			e.fm.mu.Unlock()
			mustContain(t, in(news, approvals), tt.cause)
			if again := in(news, dmRoom); len(again) != 0 {
				t.Errorf("the member was told again:\n%s", bodies(again))
			}

			// Fixed and approved again: the member hears that it is set up.
			heal()
			e.say(t, approvals, bob, "!genehmigen 1", "")
			before = e.fm.count()
			if err := e.h.AccessTick(ctx, e.now.Add(2*time.Hour)); err != nil {
				t.Fatal(err)
			}
			e.fm.mu.Lock()
			news = append([]sentMsg(nil), e.fm.sent[before:]...)
			e.fm.mu.Unlock()
			mustContain(t, in(news, dmRoom), "Nextcloud-Konto")
			mustContain(t, in(e.say(t, dmRoom, member, "!anträge", ""), dmRoom), "#1 [GENEHMIGT – eingerichtet] –")
		})
	}
}

// TestRequestsOnlyInDirectChat: !anträge and !zurückziehen work only in
// the member's direct chat; elsewhere they point there, show nothing and
// change nothing (security review 20, finding 6).
func TestRequestsOnlyInDirectChat(t *testing.T) {
	e := newAccessEnv(t)
	e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	const group = id.RoomID("!group:test")
	for _, cmd := range []string{"!anträge", "!zurückziehen 1"} {
		sent := in(e.say(t, group, member, cmd, ""), group)
		mustContain(t, sent, "nur im Direktchat")
		if strings.Contains(bodies(sent), "AG Digitales") || strings.Contains(bodies(sent), "zurückgezogen") {
			t.Fatalf("%s answered in a group room: %s", cmd, bodies(sent))
		}
	}
	if r, err := e.db.Access().Get(context.Background(), 1); err != nil || r.Status != storage.AccessPending {
		t.Fatalf("the request changed from a group room: %+v %v", r, err)
	}
	mustContain(t, in(e.say(t, dmRoom, member, "!anträge", ""), dmRoom), "#1", "AG Digitales")
}

// TestAccessNoticesGoToDirectChat: the denial, the BBB moderator link and
// the notice that setting up is stuck go to the member's direct chat as
// Lotse knows it now, not to the room stored with the request (security
// review 20, finding 13).
func TestAccessNoticesGoToDirectChat(t *testing.T) {
	const stored = id.RoomID("!stored-elsewhere:test")
	e := newAccessEnv(t)
	ctx := context.Background()
	moveRequests := func() {
		t.Helper()
		if _, err := e.db.Lotse.Exec(ctx, `UPDATE access_request SET member_room='`+stored.String()+`'`); err != nil {
			t.Fatal(err)
		}
	}
	e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	moveRequests()
	sent := e.say(t, approvals, bob, "!ablehnen 1 Bitte erst Mitglied werden", "")
	mustContain(t, in(sent, dmRoom), "abgelehnt")
	if got := in(sent, stored); len(got) != 0 {
		t.Fatalf("the denial went to the stored room: %s", bodies(got))
	}
	e.say(t, dmRoom, member, "!zugang bbb", "")
	e.say(t, dmRoom, member, "AG Umwelt Süd", "")
	e.say(t, dmRoom, member, "Monatliche Treffen", "")
	mustContain(t, in(e.say(t, dmRoom, member, "ja", ""), dmRoom), "#2")
	moveRequests()
	e.say(t, approvals, carol, "!genehmigen 2", "")
	before := e.fm.count()
	if err := e.h.AccessTick(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	mustContain(t, in(e.fm.sent[before:], dmRoom), "Moderationslink")
	if got := in(e.fm.sent[before:], stored); len(got) != 0 {
		t.Fatalf("the moderator link went to the stored room: %s", bodies(got))
	}
	// Setting up gets stuck: the member hears it in the direct chat too.
	e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
	moveRequests()
	e.say(t, approvals, carol, "!genehmigen 3", "")
	e.nc.SetPasswordConfirmationBug(true)
	before = e.fm.count()
	if err := e.h.AccessTick(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	mustContain(t, in(e.fm.sent[before:], dmRoom), "hakt es noch")
	if got := in(e.fm.sent[before:], stored); len(got) != 0 {
		t.Fatalf("the stuck notice went to the stored room: %s", bodies(got))
	}
}

// permanentErr is a permanent error as the runtime marks it (bot.ErrPermanent
// has a Permanent method).
type permanentErr struct{}

func (permanentErr) Error() string   { return "permanent failure: cannot open a direct chat" }
func (permanentErr) Permanent() bool { return true }

// dmFails is the fake Matrix whose DirectRoom with member fails with err.
type dmFails struct {
	*fakeMatrix
	err error
}

func (f dmFails) DirectRoom(ctx context.Context, user id.UserID) (id.RoomID, error) {
	if user == member {
		return "", f.err
	}
	return f.fakeMatrix.DirectRoom(ctx, user)
}

// TestAccessMemberUnreachable: a requester Lotse cannot open a direct chat
// with does not keep the approvers uninformed or the request due. A
// permanent refusal is told to the approvers (the member was not told),
// and the request counts as announced; a retryable one (the cooldown
// between two new direct chats) puts the announcement off, so that it
// does not hold up other requests, and it is sent later (whole-change
// review 20, people, M1).
func TestAccessMemberUnreachable(t *testing.T) {
	ctx := context.Background()
	news := func(e *accessEnv, before int) []sentMsg {
		e.fm.mu.Lock()
		defer e.fm.mu.Unlock()
		return append([]sentMsg(nil), e.fm.sent[before:]...)
	}
	for _, tt := range []struct {
		name   string
		broken bool   // setting up fails (password confirmation bug)
		want   string // in the approvals room
	}{
		{"failed", true, "weiß also nicht, dass es noch hakt"},
		{"done", false, "ist eingerichtet"},
	} {
		t.Run(tt.name+" permanent", func(t *testing.T) {
			e := newAccessEnv(t)
			e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
			e.say(t, approvals, alice, "!genehmigen 1", "")
			e.nc.SetPasswordConfirmationBug(tt.broken)
			e.reconfigure(func(d *Deps) { d.Matrix = dmFails{e.fm, permanentErr{}} })
			before := e.fm.count()
			if err := e.h.AccessTick(ctx, e.now); err != nil {
				t.Fatal(err)
			}
			got := news(e, before)
			mustContain(t, in(got, approvals), tt.want, "bitte gebt ihm selbst Bescheid")
			if r, _ := e.db.Access().Get(ctx, 1); !r.Notified {
				t.Errorf("request not marked announced: %+v", r)
			}
			if due, _ := e.db.Access().Due(ctx, e.now.Add(time.Hour), 20); len(due) != 0 {
				t.Errorf("%d requests still due", len(due))
			}
		})
		t.Run(tt.name+" retryable", func(t *testing.T) {
			e := newAccessEnv(t)
			e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
			e.say(t, approvals, alice, "!genehmigen 1", "")
			e.nc.SetPasswordConfirmationBug(tt.broken)
			e.reconfigure(func(d *Deps) { d.Matrix = dmFails{e.fm, errors.New("a direct chat was created moments ago")} })
			_ = e.h.AccessTick(ctx, e.now) // the error is the runtime's to log
			if due, _ := e.db.Access().Due(ctx, e.now.Add(time.Minute), 20); len(due) != 0 {
				t.Errorf("the announcement is not put off: %d requests due at once", len(due))
			}
			e.reconfigure(func(d *Deps) { d.Matrix = e.fm })
			before := e.fm.count()
			if err := e.h.AccessTick(ctx, e.now.Add(10*time.Minute)); err != nil {
				t.Fatal(err)
			}
			got := news(e, before)
			mustContain(t, in(got, approvals), "Das Mitglied")
			if len(in(got, dmRoom)) != 1 {
				t.Errorf("the member got %d messages later:\n%s", len(in(got, dmRoom)), bodies(got))
			}
			if r, _ := e.db.Access().Get(ctx, 1); !r.Notified {
				t.Errorf("request not marked announced: %+v", r)
			}
		})
	}
	t.Run("deny permanent", func(t *testing.T) {
		e := newAccessEnv(t)
		e.requestNextcloud(t, member, "AG Digitales", "mia@example.org")
		e.reconfigure(func(d *Deps) { d.Matrix = dmFails{e.fm, permanentErr{}} })
		sent := e.say(t, approvals, bob, "!ablehnen 1 kein Mitglied", "")
		mustContain(t, in(sent, approvals), "ist abgelehnt", "bitte gebt ihm selbst Bescheid")
		if r, _ := e.db.Access().Get(ctx, 1); r.Status != storage.AccessDenied {
			t.Errorf("status %s", r.Status)
		}
	})
}

// TestDirectOnlyCommandsNotSuggestedInGroups: !ticket, !zugang and !raum
// work only in the direct chat by their role (chat.Role.DirectOnly), so a
// typo in a group room is not answered with „Meintest du …?“ for a command
// that would then refuse; the command itself still answers with its
// pointer to the direct chat (whole-change review 20, people, Low 1).
func TestDirectOnlyCommandsNotSuggestedInGroups(t *testing.T) {
	e := newAccessEnv(t)
	const group = id.RoomID("!group:test")
	e.fm.joined[group] = map[id.UserID]bool{member: true, botID: true}
	for _, tt := range []struct{ typo, cmd, want string }{
		{"!tiket Drucker", "!ticket Drucker", "Supportfälle öffne ich nur im Direktchat"},
		{"!zugnag nextcloud", "!zugang nextcloud", "in einem Direktchat"},
		{"!rau AG Digitales", "!raum AG Digitales", "in einem Direktchat"},
	} {
		if sent := bodies(in(e.say(t, group, member, tt.typo, ""), group)); strings.Contains(sent, "Meintest du") {
			t.Errorf("%s in a group room: %s", tt.typo, sent)
		}
		mustContain(t, in(e.say(t, group, member, tt.cmd, ""), group), tt.want)
	}
	// In the direct chat they still work, and a typo is still helped.
	mustContain(t, in(e.say(t, dmRoom, member, "!zugnag", ""), dmRoom), "Meintest du !zugang")
	mustContain(t, in(e.say(t, dmRoom, member, "!ticket Drucker", ""), dmRoom), "Drucker")
}

// TestAccessFailureMemberMustAct: when approving again cannot set the
// request up, the member is not promised to hear once it is set up: a
// room name another member has is told with the way out (another name)
// (whole-change review 20, people, Low 5).
func TestAccessFailureMemberMustAct(t *testing.T) {
	e := newAccessEnv(t)
	ctx := context.Background()
	e.requestRoom(t, member, dmRoom)
	e.say(t, approvals, carol, "!genehmigen 1", "")
	if err := e.h.AccessTick(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	e.requestRoom(t, mem2, dmOf(mem2))
	e.say(t, approvals, carol, "!genehmigen 2", "")
	before := e.fm.count()
	if err := e.h.AccessTick(ctx, e.now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	e.fm.mu.Lock()
	news := append([]sentMsg(nil), e.fm.sent[before:]...)
	e.fm.mu.Unlock()
	mustContain(t, in(news, approvals), "anderen Namen")
	told := in(news, dmOf(mem2))
	mustContain(t, told, "#2", "anderen Namen", "!zugang bbb")
	if strings.Contains(bodies(told), "melde ich mich") {
		t.Errorf("the member is promised a notice that will not come:\n%s", bodies(told))
	}
}
