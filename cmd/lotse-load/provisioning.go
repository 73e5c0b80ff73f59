package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/bot"
	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/integrations/bbb"
	"github.com/lotse-bot/lotse/integrations/bbb/bbbtest"
	"github.com/lotse-bot/lotse/integrations/nextcloud/nextcloudtest"
	"github.com/lotse-bot/lotse/internal/chatclient"
	"github.com/lotse-bot/lotse/internal/dendrite"
	"github.com/lotse-bot/lotse/storage"
)

// The provisioning fault: members request Nextcloud accounts and
// BigBlueButton rooms through the real chat dialogue in their encrypted DMs,
// an approver approves each request with !genehmigen in the encrypted
// approvals room, and meanwhile the Nextcloud and BBB fakes first answer
// 5xx and then hold every request beyond Lotse's client timeout. Each
// request must end provisioned exactly once, with exactly one success DM.

const (
	ncAdmin       = "lotse-admin"
	ncAppPassword = "load-nc-app-password"
	bbbSecret     = "load-bbb-shared-secret"
	// dialogueWait bounds the wait for one answer of the access dialogue
	// or of an approval.
	dialogueWait = 60 * time.Second
	// provisionWait bounds the wait for the outcome of an approved
	// request; Lotse's default backoff (1 min, doubled) needs minutes.
	provisionWait = 5 * time.Minute
)

// ncGroups are the Nextcloud groups members may request (one with an
// umlaut, as real district names have).
var ncGroups = []string{"AG Digitales", "Bezirk Nord", "Bezirk Süd"}

// holdFor is how long the fakes hold a request during the timeout part of
// the fault: longer than Lotse's clients wait (integration_timeout, left at
// its default here).
var holdFor = config.Defaults().IntegrationTimeout + 10*time.Second

// provisioningEnv is what the provisioning fault needs before Lotse starts:
// the Nextcloud and BBB fakes, an approver and the encrypted approvals room
// (Lotse invited).
type provisioningEnv struct {
	nc       *nextcloudtest.Fake
	bbb      *bbbtest.Fake
	approver *member
	room     id.RoomID
}

// newProvisioningEnv starts the fakes, registers the approver (crypto store
// in dir) and creates the approvals room.
func newProvisioningEnv(ctx context.Context, srv *dendrite.Server, dir string, lotseID id.UserID) (_ *provisioningEnv, err error) {
	e := &provisioningEnv{nc: nextcloudtest.NewServer(ncAdmin, ncAppPassword), bbb: bbbtest.NewServer(bbbSecret)}
	defer func() {
		if err != nil {
			e.close()
		}
	}()
	e.nc.AddGroup(ncGroups...)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	localpart := dendrite.UniqueLocalpart("approver")
	userID, err := srv.RegisterUser(ctx, localpart, "pw-"+localpart, false)
	if err != nil {
		return nil, fmt.Errorf("failed to register the approver: %w", err)
	}
	c, err := chatclient.New(ctx, chatclient.Options{HomeserverURL: srv.URL, UserID: userID, Password: "pw-" + localpart, DataDir: dir, Log: zerolog.Nop()})
	if err != nil {
		return nil, fmt.Errorf("failed to log in the approver: %w", err)
	}
	e.approver = &member{c: c}
	if e.room, err = c.CreateRoom(ctx, "Genehmigungen", true, lotseID); err != nil {
		return nil, fmt.Errorf("failed to create the approvals room: %w", err)
	}
	return e, nil
}

// lotseEnv configures Lotse for access requests against the fakes.
// backoff 0 leaves access_retry_backoff at Lotse's default.
func (e *provisioningEnv) lotseEnv(backoff time.Duration) []string {
	env := []string{
		"LOTSE_APPROVALS_ROOM=" + e.room.String(), "LOTSE_APPROVERS=" + e.approver.c.Cli.UserID.String(),
		"LOTSE_NEXTCLOUD_URL=" + e.nc.URL(), "LOTSE_NEXTCLOUD_USER=" + ncAdmin, "LOTSE_NEXTCLOUD_APP_PASSWORD=" + ncAppPassword,
		"LOTSE_NEXTCLOUD_GROUPS=" + strings.Join(ncGroups, ","),
		"LOTSE_BBB_URL=" + e.bbb.URL(), "LOTSE_BBB_SECRET=" + bbbSecret,
	}
	if backoff > 0 {
		env = append(env, "LOTSE_ACCESS_RETRY_BACKOFF="+backoff.String())
	}
	return env
}

// waitJoined waits until Lotse has joined the approvals room.
func (e *provisioningEnv) waitJoined(ctx context.Context, lotseID id.UserID) error {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := e.approver.c.WaitJoined(ctx, e.room, lotseID); err != nil {
		return fmt.Errorf("lotse did not join the approvals room: %w", err)
	}
	return nil
}

// close stops the approver's client and the fakes.
func (e *provisioningEnv) close() {
	if e.approver != nil {
		e.approver.c.Close()
	}
	e.nc.Close()
	e.bbb.Close()
}

// accessRequest is one member's request and what became of it.
type accessRequest struct {
	m      *member
	kind   string // storage.AccessNextcloud or storage.AccessBBB
	target string // group or room name
	email  string // Nextcloud only
	n      int64  // the request number Lotse gave it
	told   *event.Event
	q      *question
}

// command is how the member starts the request.
func (a *accessRequest) command() string {
	if a.kind == storage.AccessNextcloud {
		return "!zugang nextcloud " + a.target
	}
	return "!zugang bbb " + a.target
}

// newAccessRequests gives every member one request, Nextcloud and BBB
// alternating (so that both services meet the fault), each with its own
// e-mail address or room; the Nextcloud group is chosen at random.
func newAccessRequests(r *rand.Rand, members []*member, seed uint64) []*accessRequest {
	out := make([]*accessRequest, len(members))
	for i, m := range members {
		a := &accessRequest{m: m, kind: storage.AccessBBB, target: fmt.Sprintf("AG Last %02d", i+1)}
		if i%2 == 0 {
			a.kind, a.target = storage.AccessNextcloud, ncGroups[r.IntN(len(ncGroups))]
			a.email = fmt.Sprintf("lastmitglied%02d.%d@example.org", i+1, seed)
		}
		out[i] = a
	}
	return out
}

// filedRe reads the request number from Lotse's "Antrag #N ist eingereicht".
var filedRe = regexp.MustCompile(`#(\d+) ist eingereicht`)

// fileRequest walks through the access dialogue in the member's DM,
// answering what Lotse asks (e-mail, reason, confirmation), and returns
// the request number.
func fileRequest(ctx context.Context, a *accessRequest, lotseID id.UserID) (int64, error) {
	say := a.command()
	for step := 0; step < 6; step++ {
		reply, err := ask(ctx, a.m, a.m.lotseRoom, lotseID, say)
		if err != nil {
			return 0, fmt.Errorf("access dialogue after %q: %w", say, err)
		}
		b := reply.Content.AsMessage().Body
		switch {
		case filedRe.MatchString(b):
			return strconv.ParseInt(filedRe.FindStringSubmatch(b)[1], 10, 64)
		case strings.Contains(b, "E-Mail-Adresse"):
			say = a.email
		case strings.Contains(b, "Wofür"):
			say = "Ich mache bei " + a.target + " mit"
		case strings.Contains(b, "Bitte prüf"):
			say = "ja"
		default:
			return 0, fmt.Errorf("access dialogue: unexpected answer to %q: %q", say, b)
		}
	}
	return 0, errors.New("access dialogue: no request after 6 steps")
}

// ask sends text and waits (up to dialogueWait) for the bot's reply to it.
func ask(ctx context.Context, m *member, room id.RoomID, botID id.UserID, text string) (*event.Event, error) {
	evtID, _, err := m.send(ctx, room, text)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, dialogueWait)
	defer cancel()
	return m.c.Wait(ctx, room, botID, chatclient.ReplyTo(evtID))
}

// approve approves request n with !genehmigen in the approvals room and
// waits for Lotse's confirmation. It returns when the command was sent.
func (e *provisioningEnv) approve(ctx context.Context, n int64, lotseID id.UserID) (time.Time, error) {
	sent := time.Now()
	reply, err := ask(ctx, e.approver, e.room, lotseID, "!genehmigen "+strconv.FormatInt(n, 10))
	if err != nil {
		return sent, fmt.Errorf("approving #%d: %w", n, err)
	}
	if b := reply.Content.AsMessage().Body; !strings.Contains(b, fmt.Sprintf("Antrag #%d ist genehmigt", n)) {
		return sent, fmt.Errorf("approving #%d: unexpected answer %q", n, b)
	}
	return sent, nil
}

// isTold matches the member's success DM of request n.
func isTold(n int64) func(*event.Event) bool {
	want := fmt.Sprintf("Dein Antrag #%d ist genehmigt", n)
	return func(evt *event.Event) bool {
		mc := evt.Content.AsMessage()
		return mc != nil && strings.Contains(mc.Body, want)
	}
}

// faultStretch bounds how long a part of the provisioning fault waits, past
// its planned length, for a request to meet it.
const faultStretch = 3 * time.Minute

// injectFaults runs the fault schedule: 5xx for failFor, then every request
// held for holdFor (beyond Lotse's client timeout) during hangFor, then
// normal service. Each part lasts at least until Nextcloud met one request
// in it (at most faultStretch longer): on a busy machine the first
// approval can come after failFor, and a part no request met measures
// nothing. The window's note says how long each part lasted and how many
// requests it took.
func (e *provisioningEnv) injectFaults(ctx context.Context, failFor, hangFor time.Duration, backoff string) faultWindow {
	start := time.Now()
	nc0, bbb0 := e.nc.TotalRequests(), e.bbb.Requests("create")
	e.nc.FailNext(math.MaxInt32, http.StatusServiceUnavailable)
	e.bbb.FailNext(math.MaxInt32, http.StatusInternalServerError)
	pause(ctx, failFor)
	e.awaitNextcloud(ctx, nc0+1)
	failed := time.Since(start)
	// Latency first, then no more failures: nothing slips through between.
	e.nc.SetLatency(holdFor)
	e.bbb.SetLatency(holdFor)
	e.nc.FailNext(0, 0)
	e.bbb.FailNext(0, 0)
	nc1, bbb1 := e.nc.TotalRequests(), e.bbb.Requests("create")
	pause(ctx, hangFor)
	e.awaitNextcloud(ctx, nc1+1)
	hung := time.Since(start) - failed
	e.nc.SetLatency(0)
	e.bbb.SetLatency(0)
	nc2, bbb2 := e.nc.TotalRequests(), e.bbb.Requests("create")
	return faultWindow{start: start, end: time.Now(), failed: nc1 - nc0 + bbb1 - bbb0, held: nc2 - nc1 + bbb2 - bbb1, note: fmt.Sprintf(
		"one access request per member (Nextcloud and BBB alternating); Nextcloud 503 and BBB 500 for %v (%d / %d requests), then both held %v (Lotse's client timeout %v) for %v (%d / %d requests); access_retry_backoff %s",
		failed.Round(100*time.Millisecond), nc1-nc0, bbb1-bbb0, holdFor, config.Defaults().IntegrationTimeout, hung.Round(100*time.Millisecond), nc2-nc1, bbb2-bbb1, backoff)}
}

// awaitNextcloud waits until the Nextcloud fake received n requests in
// all, at most faultStretch; a run whose requests never come is reported
// by the counts, not here.
func (e *provisioningEnv) awaitNextcloud(ctx context.Context, n int) {
	ctx, cancel := context.WithTimeout(ctx, faultStretch)
	defer cancel()
	_ = e.nc.WaitTotal(ctx, n)
}

// pause waits d or until ctx ends: the length of a fault, not a wait for
// something to happen.
func pause(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// runProvisioningFault lets members request access while the fakes fail,
// then checks every request against the fakes and the members' DMs.
func runProvisioningFault(ctx context.Context, e *provisioningEnv, r *rand.Rand, members []*member, lotseID id.UserID,
	o Options, dbPath string, logf func(string, ...any)) (*phase, error) {
	p := &phase{name: "provisioning", botID: lotseID, members: len(members), perMember: 1}
	reqs := newAccessRequests(r, members, o.Seed)
	backoff := config.Defaults().AccessRetryBackoff.String() + " (Lotse's default)"
	if o.AccessBackoff > 0 {
		backoff = o.AccessBackoff.String()
	}
	var window faultWindow
	faultDone := make(chan struct{})
	go func() {
		defer close(faultDone)
		window = e.injectFaults(ctx, o.ProvFail, o.ProvHang, backoff)
	}()
	// Requests are filed over the first part of the fault (5xx and half the
	// timeouts), so that approvals meet both.
	spread := o.ProvFail + o.ProvHang/2
	var (
		wg sync.WaitGroup
		mu sync.Mutex
	)
	start := time.Now()
	for i, a := range reqs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pause(ctx, time.Until(start.Add(spread*time.Duration(i)/time.Duration(len(reqs)))))
			if err := e.follow(ctx, a, lotseID); err != nil {
				mu.Lock()
				p.incomplete++
				p.notes = append(p.notes, err.Error())
				mu.Unlock()
				return
			}
			mu.Lock()
			p.qs = append(p.qs, a.q)
			mu.Unlock()
		}()
	}
	wg.Wait()
	<-faultDone
	p.faults = []faultWindow{window}
	p.wall = time.Since(start)
	logf("provisioning: %d requests approved, settling", len(p.qs))
	e.settle(ctx, reqs, members, lotseID)
	e.check(reqs, lotseID)
	if err := classifyLostRequests(ctx, dbPath, reqs); err != nil {
		return p, err
	}
	logf("fault run provisioning done")
	return p, nil
}

// follow files a's request, approves it and waits for the success DM.
func (e *provisioningEnv) follow(ctx context.Context, a *accessRequest, lotseID id.UserID) error {
	n, err := fileRequest(ctx, a, lotseID)
	if err != nil {
		return err
	}
	a.n = n
	sent, err := e.approve(ctx, n, lotseID)
	if err != nil {
		return err
	}
	a.q = &question{m: a.m, room: a.m.lotseRoom, sentAt: sent, label: fmt.Sprintf("#%d (%s %s)", n, a.kind, a.target)}
	wctx, cancel := context.WithTimeout(ctx, provisionWait)
	defer cancel()
	if _, err := a.m.c.Wait(wctx, a.m.lotseRoom, lotseID, isTold(n)); err == nil {
		a.q.answeredAt = time.Now()
	}
	return nil
}

// settle waits (up to 60 s) until Lotse has reported every approved request
// as set up in the approvals room (it does so after the member's DM), then
// lets every member send a marker, so that a second success DM sent before
// would have arrived.
func (e *provisioningEnv) settle(ctx context.Context, reqs []*accessRequest, members []*member, lotseID id.UserID) {
	deadline := time.Now().Add(60 * time.Second)
	for _, a := range reqs {
		if a.q == nil {
			continue
		}
		want := fmt.Sprintf("Antrag #%d ist eingerichtet", a.n)
		wctx, cancel := context.WithDeadline(ctx, deadline)
		_, _ = e.approver.c.Wait(wctx, e.room, lotseID, func(evt *event.Event) bool {
			mc := evt.Content.AsMessage()
			return mc != nil && strings.Contains(mc.Body, want)
		})
		cancel()
	}
	askMarkers(ctx, members, func(m *member) id.RoomID { return m.lotseRoom }, lotseID)
}

// joinLinkRe finds the moderator link in the success message's plain body,
// where it follows its words label in parentheses („Raum betreten (https://…)“):
// a closing parenthesis ends it (a BBB join URL's query never holds one).
var joinLinkRe = regexp.MustCompile(`https?://[^\s)]+/bigbluebutton/api/join\?[^\s)]+`)

// check compares every approved request with the fakes and the member's
// DMs: answers counts success DMs, extraDups second accounts and second
// welcome mails, lostBy says what is missing.
func (e *provisioningEnv) check(reqs []*accessRequest, lotseID id.UserID) {
	users, welcomes := e.nc.Users(), e.nc.Welcomes()
	for _, a := range reqs {
		if a.q == nil {
			continue
		}
		a.q.answers, a.told = 0, nil
		for _, evt := range a.m.c.Received(a.m.lotseRoom, lotseID) {
			if isTold(a.n)(evt) {
				a.q.answers++
				if a.told == nil {
					a.told = evt
				}
			}
		}
		if a.told == nil {
			continue // lost: classifyLostRequests says where
		}
		switch a.kind {
		case storage.AccessNextcloud:
			a.q.lostBy = checkAccount(a, users, welcomes)
		case storage.AccessBBB:
			a.q.lostBy = e.checkRoom(a)
		}
	}
}

// checkAccount checks a Nextcloud request: exactly one account with the
// e-mail, in the group, one welcome mail; duplicates go to extraDups.
func checkAccount(a *accessRequest, users []nextcloudtest.User, welcomes []nextcloudtest.Welcome) string {
	var accounts []nextcloudtest.User
	for _, u := range users {
		if strings.EqualFold(u.Email, a.email) {
			accounts = append(accounts, u)
		}
	}
	mails := 0
	for _, w := range welcomes {
		if strings.EqualFold(w.Email, a.email) {
			mails++
		}
	}
	a.q.extraDups = max(0, len(accounts)-1) + max(0, mails-1)
	switch {
	case len(accounts) == 0:
		return "lotse: success DM, but no Nextcloud account"
	case !containsFold(accounts[0].Groups, a.target):
		return fmt.Sprintf("lotse: account %s is not in group %q (groups %v)", accounts[0].ID, a.target, accounts[0].Groups)
	case mails == 0:
		return "lotse: account " + accounts[0].ID + " without a welcome mail"
	}
	return ""
}

// checkRoom checks a BBB request: the room exists and the DM's moderator
// link is valid for it.
func (e *provisioningEnv) checkRoom(a *accessRequest) string {
	meetingID := bbb.MeetingID(a.target)
	if m, ok := e.bbb.Meeting(meetingID); !ok || m.Ended {
		return "lotse: success DM, but no BBB room " + meetingID
	}
	link := joinLinkRe.FindString(a.told.Content.AsMessage().Body)
	if link == "" {
		return "lotse: success DM without a join link"
	}
	info, err := e.bbb.VerifyJoinURL(link)
	switch {
	case err != nil:
		return "lotse: invalid join link: " + err.Error()
	case info.MeetingID != meetingID || info.Role != "MODERATOR":
		return fmt.Sprintf("lotse: join link for %s as %s, want %s as MODERATOR", info.MeetingID, info.Role, meetingID)
	}
	return ""
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// classifyLostRequests looks up requests without a success DM in Lotse's
// database: a DM recorded as sent was lost by the homeserver; otherwise the
// request's state says how far Lotse got.
func classifyLostRequests(ctx context.Context, dbPath string, reqs []*accessRequest) error {
	var lost []*accessRequest
	for _, a := range reqs {
		if a.q != nil && a.q.answers == 0 {
			lost = append(lost, a)
		}
	}
	if len(lost) == 0 {
		return nil
	}
	db, err := openSent(dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, a := range lost {
		sent, err := db.Inbox.SentEventID(ctx, bot.TxnID(id.EventID("lotse-access/"+strconv.FormatInt(a.n, 10)), "done-member", 0))
		if err != nil {
			return err
		}
		if sent != "" {
			a.q.lostBy = "homeserver (success DM " + sent + " sent, never delivered)"
			continue
		}
		r, err := db.Access().Get(ctx, a.n)
		if err != nil {
			return err
		}
		if r == nil {
			a.q.lostBy = "lotse: request not in the database"
			continue
		}
		a.q.lostBy = fmt.Sprintf("lotse: status %s after %d failed attempts, next %s, last error %q",
			r.Status, r.Attempts, r.NextAttempt.Format(time.TimeOnly), r.LastError)
	}
	return nil
}
