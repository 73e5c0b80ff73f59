// Package nextcloudtest provides an API-faithful fake of the Nextcloud OCS
// Provisioning API (users and groups) served on a loopback port, for tests of
// integrations/nextcloud and of code that uses it (New), and for programs
// that run Lotse against it, such as cmd/lotse-load (NewServer).
//
// It follows section A.9 of docs/integrations-reference.md: it requires
// OCS-APIRequest: true (else 412 {"message":"CSRF check failed"}), HTTP Basic
// auth (else 401 with OCS 997), answers JSON when format=json or Accept asks
// for JSON and XML otherwise, serves /ocs/v1.php and /ocs/v2.php with their
// different status mappings, writes empty data as [], searches users by
// substring over ID, display name and email, runs addUser's validation order,
// records welcome mails, and has switchable failure modes.
package nextcloudtest

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/lotse-bot/lotse/internal/loopback"
)

// User is an account in the fake.
type User struct {
	ID          string
	DisplayName string
	Email       string
	// Password lets the account authenticate (as an app password). Empty
	// means it cannot log in.
	Password string
	Groups   []string
	Subadmin []string
	Quota    string // "" = "default"
	Language string
	Disabled bool
}

// Welcome is a recorded welcome mail.
type Welcome struct {
	UserID string
	Email  string
	// SetPasswordLink is true for the mail sent on creation without a
	// password (it carries a "set your password" link), false for resends.
	SetPasswordLink bool
}

// Fake is a fake Nextcloud server. All methods are safe for concurrent use.
type Fake struct {
	srv *loopback.Server

	mu          sync.Mutex
	users       map[string]*User // key: lower-cased ID (the Database backend is case-insensitive)
	groups      map[string]*group
	welcomes    []Welcome
	requests    map[string]int
	requested   chan struct{} // closed and replaced on every request
	total       int
	failNext    int
	failStatus  int
	rateLimited bool
	retryAfter  string // Retry-After of injected failures (FailNext)
	pwConfirm   bool
	latency     time.Duration
	requireMail bool
	mailFails   bool
	onRequest   func(endpoint string)
}

type group struct {
	id, displayName string
}

// Endpoint keys for Requests. Both /ocs/v1.php and /ocs/v2.php count under the
// same key; rejected requests (412, 401, 429, injected failures) count too.
const (
	EndpointCurrentUser     = "GET /cloud/user"
	EndpointListUsers       = "GET /cloud/users"
	EndpointUserDetails     = "GET /cloud/users/details"
	EndpointAddUser         = "POST /cloud/users"
	EndpointGetUser         = "GET /cloud/users/{userid}"
	EndpointDeleteUser      = "DELETE /cloud/users/{userid}"
	EndpointUserGroups      = "GET /cloud/users/{userid}/groups"
	EndpointAddToGroup      = "POST /cloud/users/{userid}/groups"
	EndpointRemoveFromGroup = "DELETE /cloud/users/{userid}/groups"
	EndpointWelcome         = "POST /cloud/users/{userid}/welcome"
	EndpointDisable         = "PUT /cloud/users/{userid}/disable"
	EndpointEnable          = "PUT /cloud/users/{userid}/enable"
	EndpointListGroups      = "GET /cloud/groups"
	EndpointCreateGroup     = "POST /cloud/groups"
	EndpointGroupUsers      = "GET /cloud/groups/{groupid}/users"
)

// TB is the part of testing.TB that New uses; taking it instead of
// testing.TB keeps package testing out of programs that run the fake with
// NewServer (the demo, the load program).
type TB interface {
	Helper()
	Cleanup(func())
}

// New starts a fake with one admin account (adminUser, in group "admin",
// authenticating with appPassword). It is closed by t.Cleanup.
func New(t TB, adminUser, appPassword string) *Fake {
	t.Helper()
	f := NewServer(adminUser, appPassword)
	t.Cleanup(f.Close)
	return f
}

// NewServer starts a fake like New, for programs that are not tests (the
// load program runs Lotse as a subprocess against it). It listens on a
// plain-HTTP loopback address (127.0.0.1, a free port), which any process on
// the machine can reach at URL. The caller closes it with Close.
func NewServer(adminUser, appPassword string) *Fake {
	f := &Fake{
		users:     map[string]*User{},
		groups:    map[string]*group{"admin": {id: "admin", displayName: "admin"}},
		requests:  map[string]int{},
		requested: make(chan struct{}),
	}
	f.users[strings.ToLower(adminUser)] = &User{
		ID: adminUser, DisplayName: adminUser, Password: appPassword, Groups: []string{"admin"},
	}
	f.srv = loopback.Start(http.HandlerFunc(f.serve))
	return f
}

// Close shuts the server down. It waits for requests in progress, including
// ones held by SetLatency until their client gives up.
func (f *Fake) Close() { f.srv.Close() }

// URL returns the server root (pass it as nextcloud.Options.BaseURL); the
// API lives below URL()+"/ocs/v2.php" and URL()+"/ocs/v1.php".
func (f *Fake) URL() string { return f.srv.URL }

// Client returns an *http.Client for the fake.
func (f *Fake) Client() *http.Client { return f.srv.Client() }

// AddGroup creates groups (display name = ID); existing ones are kept.
func (f *Fake) AddGroup(ids ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, id := range ids {
		if _, ok := f.groups[id]; !ok {
			f.groups[id] = &group{id: id, displayName: id}
		}
	}
}

// AddUser adds or replaces an account directly (no validation, no mail).
// Its groups are created if missing.
func (f *Fake) AddUser(u User) {
	f.mu.Lock()
	defer f.mu.Unlock()
	u.Groups = append([]string(nil), u.Groups...)
	u.Subadmin = append([]string(nil), u.Subadmin...)
	for _, g := range u.Groups {
		if _, ok := f.groups[g]; !ok {
			f.groups[g] = &group{id: g, displayName: g}
		}
	}
	if u.DisplayName == "" {
		u.DisplayName = u.ID
	}
	f.users[strings.ToLower(u.ID)] = &u
}

// Users returns a copy of all accounts (including the admin), sorted by ID.
func (f *Fake) Users() []User {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]User, 0, len(f.users))
	for _, u := range f.users {
		c := *u
		c.Groups = append([]string(nil), u.Groups...)
		c.Subadmin = append([]string(nil), u.Subadmin...)
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// User returns a copy of one account.
func (f *Fake) User(id string) (User, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	u, ok := f.users[strings.ToLower(id)]
	if !ok {
		return User{}, false
	}
	c := *u
	c.Groups = append([]string(nil), u.Groups...)
	return c, true
}

// Groups returns all group IDs, sorted.
func (f *Fake) Groups() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]string, 0, len(f.groups))
	for id := range f.groups {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// Welcomes returns the welcome mails sent so far, in order.
func (f *Fake) Welcomes() []Welcome {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Welcome(nil), f.welcomes...)
}

// FailNext makes the next n requests fail with HTTP status before any other
// processing (as a proxy or a crashing server would): 500 answers with an
// OCS envelope (statuscode 996; on v1 with HTTP 200, as Nextcloud's
// V1Response sends every code but 997), any other status with an HTML page.
func (f *Fake) FailNext(n, status int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failNext, f.failStatus = n, status
}

// SetRetryAfter makes the failures of FailNext carry a Retry-After header
// with value v (seconds or an HTTP date), as a reverse proxy's 429 or 503
// does; "" sends none. Nextcloud's own throttling sends
// X-Nextcloud-Bruteforce-Throttled instead (SetRateLimited).
func (f *Fake) SetRetryAfter(v string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.retryAfter = v
}

// SetRateLimited makes every request answer like brute-force throttling at
// its maximum: OCS 429 (HTTP 429 on v2) with X-Nextcloud-Bruteforce-Throttled.
func (f *Fake) SetRateLimited(on bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rateLimited = on
}

// SetPasswordConfirmationBug makes write requests (POST, PUT, DELETE) fail
// like the NC 34 regression: OCS 403 "Password confirmation is required".
func (f *Fake) SetPasswordConfirmationBug(on bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pwConfirm = on
}

// SetLatency delays every response by d (or until the request's context is
// done, e.g. because the client gave up).
func (f *Fake) SetLatency(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.latency = d
}

// SetOnRequest makes the fake call fn with the endpoint key (EndpointAddUser
// …) of every request before it answers it, outside the fake's lock: a
// test does there what happens elsewhere while Lotse waits for Nextcloud
// (a denial while the account is being made). nil removes it.
func (f *Fake) SetOnRequest(fn func(endpoint string)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.onRequest = fn
}

// SetRequireEmail emulates newUser.requireEmail=yes (addUser without email → 110).
func (f *Fake) SetRequireEmail(on bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requireMail = on
}

// SetMailFailure makes sending mail fail: addUser still succeeds (the error
// is only logged by current servers, so no Welcome is recorded) and
// POST /users/{id}/welcome answers 102.
func (f *Fake) SetMailFailure(on bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.mailFails = on
}

// WaitRequests waits until endpoint was requested at least n times.
func (f *Fake) WaitRequests(ctx context.Context, endpoint string, n int) error {
	for {
		f.mu.Lock()
		got, ch := f.requests[endpoint], f.requested
		f.mu.Unlock()
		if got >= n {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s was requested %d times, not %d: %w", endpoint, got, n, ctx.Err())
		case <-ch:
		}
	}
}

// WaitTotal waits until the fake received at least n requests in all.
func (f *Fake) WaitTotal(ctx context.Context, n int) error {
	for {
		f.mu.Lock()
		got, ch := f.total, f.requested
		f.mu.Unlock()
		if got >= n {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("the fake received %d requests, not %d: %w", got, n, ctx.Err())
		case <-ch:
		}
	}
}

// Requests returns how many requests reached the endpoint key (see the
// Endpoint constants; unknown routes count as "METHOD /path").
func (f *Fake) Requests(endpoint string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.requests[endpoint]
}

// TotalRequests returns how many requests the fake received.
func (f *Fake) TotalRequests() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.total
}

// wait sleeps for d unless ctx ends first.
func wait(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// errf is an OCS failure raised by a handler.
type ocsError struct {
	code int
	msg  string
}

func (e *ocsError) Error() string { return fmt.Sprintf("OCS %d: %s", e.code, e.msg) }

func fail(code int, format string, args ...any) *ocsError {
	return &ocsError{code: code, msg: fmt.Sprintf(format, args...)}
}
