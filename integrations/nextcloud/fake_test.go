package nextcloud_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/integrations/nextcloud"
	"github.com/lotse-bot/lotse/integrations/nextcloud/nextcloudtest"
)

func newFake(t *testing.T) (*nextcloudtest.Fake, *nextcloud.Client) {
	t.Helper()
	f := nextcloudtest.New(t, testUser, testPassword)
	f.AddGroup("mitglieder", "kv-nord", "kv-sued")
	return f, newClient(t, f.URL())
}

func TestFakeCurrentUser(t *testing.T) {
	f, _ := newFake(t)
	for _, base := range []string{f.URL(), f.URL() + "/ocs/v1.php", f.URL() + "/ocs/v2.php/"} {
		me, err := newClient(t, base).CurrentUser(context.Background())
		if err != nil {
			t.Fatalf("%s: %v", base, err)
		}
		if me.ID != testUser || !reflect.DeepEqual(me.Groups, []string{"admin"}) || !me.Enabled {
			t.Errorf("%s: got %+v", base, *me)
		}
	}
}

func TestFakeUnauthorizedIsNotRetried(t *testing.T) {
	f, _ := newFake(t)
	c, err := nextcloud.NewClient(nextcloud.Options{BaseURL: f.URL(), User: testUser, AppPassword: "wrong-" + testPassword})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.EnsureMember(context.Background(), nextcloud.EnsureRequest{Email: "a@example.org", Groups: []string{"mitglieder"}})
	if !errors.Is(err, nextcloud.ErrUnauthorized) {
		t.Fatalf("got %v, want ErrUnauthorized", err)
	}
	if nextcloud.Retryable(err) {
		t.Error("401 must not be retryable")
	}
	if n := f.TotalRequests(); n != 1 {
		t.Errorf("fake saw %d requests, want exactly 1 (no retry after 401)", n)
	}
	if strings.Contains(err.Error(), testPassword) {
		t.Errorf("error leaks the password: %v", err)
	}
}

func TestFakeFailureModes(t *testing.T) {
	tests := []struct {
		name       string
		setup      func(f *nextcloudtest.Fake)
		call       func(f *nextcloudtest.Fake, c *nextcloud.Client) error
		want       []error
		notWant    []error
		retryable  bool
		retryAfter time.Duration
	}{
		{
			name:  "rate limited",
			setup: func(f *nextcloudtest.Fake) { f.SetRateLimited(true) },
			call: func(_ *nextcloudtest.Fake, c *nextcloud.Client) error {
				_, err := c.CurrentUser(context.Background())
				return err
			},
			want: []error{nextcloud.ErrRateLimited}, retryable: true, retryAfter: 25 * time.Second,
		},
		{
			name:  "password confirmation bug on create",
			setup: func(f *nextcloudtest.Fake) { f.SetPasswordConfirmationBug(true) },
			call: func(_ *nextcloudtest.Fake, c *nextcloud.Client) error {
				_, err := c.CreateUser(context.Background(), nextcloud.CreateUserRequest{UserID: "anna", Email: "anna@example.org"})
				return err
			},
			want: []error{nextcloud.ErrPasswordConfirmation, nextcloud.ErrForbidden},
		},
		{
			name:  "password confirmation bug does not affect reads",
			setup: func(f *nextcloudtest.Fake) { f.SetPasswordConfirmationBug(true) },
			call: func(_ *nextcloudtest.Fake, c *nextcloud.Client) error {
				_, err := c.ListGroups(context.Background(), "")
				return err
			},
		},
		{
			name:  "502 from the proxy",
			setup: func(f *nextcloudtest.Fake) { f.FailNext(1, http.StatusBadGateway) },
			call: func(_ *nextcloudtest.Fake, c *nextcloud.Client) error {
				_, err := c.GetUser(context.Background(), testUser)
				return err
			},
			want: []error{nextcloud.ErrTemporary}, retryable: true,
		},
		{
			name:  "500 with envelope",
			setup: func(f *nextcloudtest.Fake) { f.FailNext(2, http.StatusInternalServerError) },
			call: func(_ *nextcloudtest.Fake, c *nextcloud.Client) error {
				_, err := c.EnsureMember(context.Background(), nextcloud.EnsureRequest{Email: "a@example.org"})
				return err
			},
			want: []error{nextcloud.ErrTemporary}, notWant: []error{nextcloud.ErrNotFound}, retryable: true,
		},
		{
			name:  "not found",
			setup: func(*nextcloudtest.Fake) {},
			call: func(_ *nextcloudtest.Fake, c *nextcloud.Client) error {
				_, err := c.GetUser(context.Background(), "nobody")
				return err
			},
			want: []error{nextcloud.ErrNotFound},
		},
		{
			name:  "group missing on add",
			setup: func(f *nextcloudtest.Fake) { f.AddUser(nextcloudtest.User{ID: "anna", Email: "anna@example.org"}) },
			call: func(_ *nextcloudtest.Fake, c *nextcloud.Client) error {
				return c.AddToGroup(context.Background(), "anna", "gibtsnicht")
			},
			want: []error{nextcloud.ErrGroupMissing},
		},
		{
			name:  "user missing on add",
			setup: func(*nextcloudtest.Fake) {},
			call: func(_ *nextcloudtest.Fake, c *nextcloud.Client) error {
				return c.AddToGroup(context.Background(), "nobody", "mitglieder")
			},
			want: []error{nextcloud.ErrNotFound},
		},
		{
			name:  "create group twice",
			setup: func(*nextcloudtest.Fake) {},
			call: func(_ *nextcloudtest.Fake, c *nextcloud.Client) error {
				return c.CreateGroup(context.Background(), "mitglieder", "")
			},
			want: []error{nextcloud.ErrGroupExists},
		},
		{
			name: "non-admin caller",
			setup: func(f *nextcloudtest.Fake) {
				f.AddUser(nextcloudtest.User{ID: "helper", Password: "helper-secret-12345"})
			},
			call: func(f *nextcloudtest.Fake, _ *nextcloud.Client) error {
				c2, _ := nextcloud.NewClient(nextcloud.Options{BaseURL: f.URL(), User: "helper", AppPassword: "helper-secret-12345"})
				_, err := c2.ListGroups(context.Background(), "")
				return err
			},
			want: []error{nextcloud.ErrForbidden}, notWant: []error{nextcloud.ErrPasswordConfirmation},
		},
		{
			name:  "welcome without email",
			setup: func(f *nextcloudtest.Fake) { f.AddUser(nextcloudtest.User{ID: "anna"}) },
			call: func(_ *nextcloudtest.Fake, c *nextcloud.Client) error {
				return c.ResendWelcome(context.Background(), "anna")
			},
			want: []error{nextcloud.ErrInvalidInput},
		},
		{
			name: "welcome mail failure",
			setup: func(f *nextcloudtest.Fake) {
				f.AddUser(nextcloudtest.User{ID: "anna", Email: "anna@example.org"})
				f.SetMailFailure(true)
			},
			call: func(_ *nextcloudtest.Fake, c *nextcloud.Client) error {
				return c.ResendWelcome(context.Background(), "anna")
			},
			want: []error{nextcloud.ErrMailFailed},
		},
		{
			name:  "disable yourself",
			setup: func(*nextcloudtest.Fake) {},
			call: func(_ *nextcloudtest.Fake, c *nextcloud.Client) error {
				return c.DisableUser(context.Background(), testUser)
			},
			want: []error{nextcloud.ErrInvalidInput},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, c := newFake(t)
			tt.setup(f)
			err := tt.call(f, c)
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("got %v, want success", err)
				}
				return
			}
			for _, w := range tt.want {
				if !errors.Is(err, w) {
					t.Errorf("got %v, want errors.Is %v", err, w)
				}
			}
			for _, w := range tt.notWant {
				if errors.Is(err, w) {
					t.Errorf("got %v, must not be %v", err, w)
				}
			}
			if got := nextcloud.Retryable(err); got != tt.retryable {
				t.Errorf("Retryable(%v) = %v, want %v", err, got, tt.retryable)
			}
			if got := nextcloud.RetryAfter(err); got != tt.retryAfter {
				t.Errorf("RetryAfter = %v, want %v", got, tt.retryAfter)
			}
		})
	}
}

func TestFakeTimeout(t *testing.T) {
	f := nextcloudtest.New(t, testUser, testPassword)
	f.SetLatency(time.Minute)
	tests := []struct {
		name string
		opts nextcloud.Options
		ctx  func() (context.Context, context.CancelFunc)
	}{
		{"client timeout", nextcloud.Options{Timeout: 50 * time.Millisecond}, func() (context.Context, context.CancelFunc) {
			return context.WithCancel(context.Background())
		}},
		{"context deadline", nextcloud.Options{}, func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), 50*time.Millisecond)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			opts.BaseURL, opts.User, opts.AppPassword = f.URL(), testUser, testPassword
			c, err := nextcloud.NewClient(opts)
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := tt.ctx()
			defer cancel()
			start := time.Now()
			_, err = c.CurrentUser(ctx)
			if !errors.Is(err, nextcloud.ErrTemporary) || !errors.Is(err, context.DeadlineExceeded) || !nextcloud.Retryable(err) {
				t.Errorf("got %v, want a retryable ErrTemporary wrapping DeadlineExceeded", err)
			}
			t.Logf("gave up after %v", time.Since(start)) // the deadline is asserted through the error, not the clock
			if strings.Contains(err.Error(), testPassword) {
				t.Errorf("error leaks the password: %v", err)
			}
		})
	}
	t.Run("caller cancels", func(t *testing.T) {
		c := newClient(t, f.URL())
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := c.CurrentUser(ctx)
		if err == nil || nextcloud.Retryable(err) || !errors.Is(err, context.Canceled) {
			t.Errorf("got %v, want non-retryable context.Canceled", err)
		}
	})
}

func TestSecretNeverInErrors(t *testing.T) {
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()
	echo := canned{file: "v2_echo_secret.json", status: 400}.server(t)
	f := nextcloudtest.New(t, testUser, "another-password")
	f.SetLatency(time.Minute)

	tests := []struct {
		name string
		base string
		opts nextcloud.Options
	}{
		{"connection refused", closedURL, nextcloud.Options{}},
		{"server echoes the password", echo.URL, nextcloud.Options{}},
		{"timeout", f.URL(), nextcloud.Options{Timeout: 20 * time.Millisecond}},
		{"invalid host", "http://invalid.invalid", nextcloud.Options{Timeout: 2 * time.Second}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			opts.BaseURL, opts.User, opts.AppPassword = tt.base, testUser, testPassword
			c, err := nextcloud.NewClient(opts)
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.CreateUser(context.Background(), nextcloud.CreateUserRequest{UserID: "anna", Email: "anna@example.org"})
			if err == nil {
				t.Fatal("want error")
			}
			for e := err; e != nil; e = errors.Unwrap(e) {
				if strings.Contains(e.Error(), testPassword) {
					t.Errorf("error chain leaks the password: %v", e)
				}
			}
		})
	}
}

func TestEnsureMember(t *testing.T) {
	type want struct {
		res      nextcloud.EnsureResult
		err      error
		welcomes []nextcloudtest.Welcome
		groups   []string // groups of res.UserID afterwards
	}
	tests := []struct {
		name  string
		users []nextcloudtest.User
		req   nextcloud.EnsureRequest
		want  want
	}{
		{
			name: "creates a new account",
			req:  nextcloud.EnsureRequest{Email: "Max.Mustermann@example.org", DisplayName: "Max Mustermann", Groups: []string{"mitglieder", "kv-nord"}, Quota: "5 GB", Language: "de"},
			want: want{
				res:      nextcloud.EnsureResult{Created: true, UserID: "max.mustermann"},
				welcomes: []nextcloudtest.Welcome{{UserID: "max.mustermann", Email: "Max.Mustermann@example.org", SetPasswordLink: true}},
				groups:   []string{"mitglieder", "kv-nord"},
			},
		},
		{
			name: "uses the hint",
			req:  nextcloud.EnsureRequest{Email: "mm@example.org", UserIDHint: "Jürgen Groß", Groups: []string{"mitglieder"}},
			want: want{
				res:      nextcloud.EnsureResult{Created: true, UserID: "juergen.gross"},
				welcomes: []nextcloudtest.Welcome{{UserID: "juergen.gross", Email: "mm@example.org", SetPasswordLink: true}},
				groups:   []string{"mitglieder"},
			},
		},
		{
			name:  "existing account gets missing groups",
			users: []nextcloudtest.User{{ID: "anna", Email: "ANNA@example.org", Groups: []string{"mitglieder"}}},
			req:   nextcloud.EnsureRequest{Email: "anna@example.org", Groups: []string{"mitglieder", "kv-sued"}},
			want:  want{res: nextcloud.EnsureResult{UserID: "anna", AddedGroups: []string{"kv-sued"}}, groups: []string{"mitglieder", "kv-sued"}},
		},
		{
			name:  "existing disabled account is reported",
			users: []nextcloudtest.User{{ID: "anna", Email: "anna@example.org", Groups: []string{"mitglieder"}, Disabled: true}},
			req:   nextcloud.EnsureRequest{Email: "anna@example.org", Groups: []string{"mitglieder"}},
			want:  want{res: nextcloud.EnsureResult{UserID: "anna", Disabled: true}, groups: []string{"mitglieder"}},
		},
		{
			name:  "substring matches are not the member",
			users: []nextcloudtest.User{{ID: "joanna", Email: "joanna@example.org"}},
			req:   nextcloud.EnsureRequest{Email: "anna@example.org"},
			want: want{
				res:      nextcloud.EnsureResult{Created: true, UserID: "anna"},
				welcomes: []nextcloudtest.Welcome{{UserID: "anna", Email: "anna@example.org", SetPasswordLink: true}},
			},
		},
		{
			name:  "derived ID taken by somebody else",
			users: []nextcloudtest.User{{ID: "anna", Email: "anna@other.example"}, {ID: "anna-2", Email: "anna2@other.example"}},
			req:   nextcloud.EnsureRequest{Email: "anna@example.org", Groups: []string{"kv-nord"}},
			want: want{
				res:      nextcloud.EnsureResult{Created: true, UserID: "anna-3"},
				welcomes: []nextcloudtest.Welcome{{UserID: "anna-3", Email: "anna@example.org", SetPasswordLink: true}},
				groups:   []string{"kv-nord"},
			},
		},
		{
			name: "ambiguous email",
			users: []nextcloudtest.User{
				{ID: "anna", Email: "anna@example.org"}, {ID: "anna.alt", Email: "Anna@Example.org"},
			},
			req:  nextcloud.EnsureRequest{Email: "anna@example.org", Groups: []string{"mitglieder"}},
			want: want{err: nextcloud.ErrAmbiguousEmail},
		},
		{
			name: "group missing",
			req:  nextcloud.EnsureRequest{Email: "neu@example.org", Groups: []string{"mitglieder", "gibtsnicht"}},
			want: want{err: nextcloud.ErrGroupMissing},
		},
		{
			name: "no email",
			req:  nextcloud.EnsureRequest{DisplayName: "Max"},
			want: want{err: nextcloud.ErrInvalidInput},
		},
		{
			name: "display name too long is shortened",
			req:  nextcloud.EnsureRequest{Email: "lang@example.org", DisplayName: strings.Repeat("Ä", 70)},
			want: want{
				res:      nextcloud.EnsureResult{Created: true, UserID: "lang"},
				welcomes: []nextcloudtest.Welcome{{UserID: "lang", Email: "lang@example.org", SetPasswordLink: true}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, c := newFake(t)
			for _, u := range tt.users {
				f.AddUser(u)
			}
			before := len(f.Users())
			res, err := c.EnsureMember(context.Background(), tt.req)
			if tt.want.err != nil {
				if !errors.Is(err, tt.want.err) {
					t.Fatalf("got %v, want %v", err, tt.want.err)
				}
				if n := len(f.Users()); n != before {
					t.Errorf("users changed from %d to %d on error", before, n)
				}
				if len(f.Welcomes()) != 0 {
					t.Errorf("welcome mail sent on error: %v", f.Welcomes())
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(res, tt.want.res) {
				t.Errorf("result = %+v, want %+v", res, tt.want.res)
			}
			if got := f.Welcomes(); !reflect.DeepEqual(got, tt.want.welcomes) {
				t.Errorf("welcomes = %+v, want %+v", got, tt.want.welcomes)
			}
			u, ok := f.User(res.UserID)
			if !ok {
				t.Fatalf("user %q missing in fake", res.UserID)
			}
			if len(u.Groups) != 0 || len(tt.want.groups) != 0 {
				if !reflect.DeepEqual(u.Groups, tt.want.groups) {
					t.Errorf("groups = %v, want %v", u.Groups, tt.want.groups)
				}
			}
			// Idempotent: a second run changes nothing.
			again, err := c.EnsureMember(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if again.Created || len(again.AddedGroups) != 0 || again.UserID != res.UserID {
				t.Errorf("second run = %+v, want no changes for %q", again, res.UserID)
			}
			if len(f.Welcomes()) != len(tt.want.welcomes) {
				t.Errorf("second run sent another welcome mail")
			}
		})
	}
}

func TestEnsureMemberAmbiguousError(t *testing.T) {
	f, c := newFake(t)
	f.AddUser(nextcloudtest.User{ID: "b", Email: "x@example.org"})
	f.AddUser(nextcloudtest.User{ID: "a", Email: "X@example.org"})
	_, err := c.EnsureMember(context.Background(), nextcloud.EnsureRequest{Email: "x@example.org"})
	var amb *nextcloud.AmbiguousEmailError
	if !errors.As(err, &amb) || !reflect.DeepEqual(amb.UserIDs, []string{"a", "b"}) {
		t.Fatalf("got %v, want AmbiguousEmailError{a b}", err)
	}
	if nextcloud.Retryable(err) {
		t.Error("ambiguous email must not be retryable")
	}
}

// TestEnsureMemberCreateRace makes the account appear between the search
// and the create (a parallel run): the create gets 102 and EnsureMember must
// GET the account and reconcile its groups.
func TestEnsureMemberCreateRace(t *testing.T) {
	f, _ := newFake(t)
	target, _ := url.Parse(f.URL())
	proxy := httputil.NewSingleHostReverseProxy(target)
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/cloud/users") {
			once.Do(func() {
				f.AddUser(nextcloudtest.User{ID: "anna", Email: "anna@example.org", Groups: []string{"mitglieder"}})
			})
		}
		proxy.ServeHTTP(w, r)
	}))
	defer srv.Close()
	c := newClient(t, srv.URL)
	res, err := c.EnsureMember(context.Background(), nextcloud.EnsureRequest{Email: "anna@example.org", Groups: []string{"mitglieder", "kv-nord"}})
	if err != nil {
		t.Fatal(err)
	}
	want := nextcloud.EnsureResult{UserID: "anna", AddedGroups: []string{"kv-nord"}}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("got %+v, want %+v", res, want)
	}
	if f.Requests(nextcloudtest.EndpointAddUser) != 1 || f.Requests(nextcloudtest.EndpointGetUser) != 1 {
		t.Errorf("requests: add %d, get %d", f.Requests(nextcloudtest.EndpointAddUser), f.Requests(nextcloudtest.EndpointGetUser))
	}
}

// TestEnsureMemberParallel runs the same provisioning concurrently: exactly
// one account and one welcome mail may result.
func TestEnsureMemberParallel(t *testing.T) {
	f, c := newFake(t)
	const n = 8
	var wg sync.WaitGroup
	results := make([]nextcloud.EnsureResult, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = c.EnsureMember(context.Background(), nextcloud.EnsureRequest{Email: "neu@example.org", Groups: []string{"mitglieder"}})
		}()
	}
	wg.Wait()
	created := 0
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("run %d: %v", i, errs[i])
		}
		if results[i].UserID != "neu" {
			t.Errorf("run %d: user %q", i, results[i].UserID)
		}
		if results[i].Created {
			created++
		}
	}
	if created != 1 || len(f.Welcomes()) != 1 {
		t.Errorf("created %d times, %d welcome mails; want 1 and 1", created, len(f.Welcomes()))
	}
}

func TestFakeFindUsersByEmail(t *testing.T) {
	f, c := newFake(t)
	f.AddUser(nextcloudtest.User{ID: "anna", Email: "anna@example.org"})
	f.AddUser(nextcloudtest.User{ID: "joanna", Email: "joanna@example.org"})
	f.AddUser(nextcloudtest.User{ID: "anna@example.org", Email: "other@example.org"})
	users, err := c.FindUsersByEmail(context.Background(), "Anna@Example.org")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	if !reflect.DeepEqual(ids, []string{"anna"}) {
		t.Errorf("got %v, want [anna]", ids)
	}
	groups, err := c.ListGroups(context.Background(), "KV")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(groups)
	if !reflect.DeepEqual(groups, []string{"kv-nord", "kv-sued"}) {
		t.Errorf("groups = %v", groups)
	}
	if err := c.RemoveFromGroup(context.Background(), "anna", "kv-nord"); err != nil {
		t.Errorf("remove non-member: %v", err)
	}
	if err := c.DisableUser(context.Background(), "anna"); err != nil {
		t.Fatal(err)
	}
	if u, _ := c.GetUser(context.Background(), "anna"); u == nil || u.Enabled {
		t.Errorf("anna still enabled: %+v", u)
	}
}

// TestEnsureMemberErrorsNameNoUserIDs: the errors of EnsureMember, which
// land in logs, name neither the accounts sharing an address nor the user
// IDs tried, all derived from people's names (security review 20,
// finding 15); the accounts stay readable for the caller.
func TestEnsureMemberErrorsNameNoUserIDs(t *testing.T) {
	f, c := newFake(t)
	f.AddUser(nextcloudtest.User{ID: "anna.schmidt", Email: "x@example.org"})
	f.AddUser(nextcloudtest.User{ID: "anna.schmidt2", Email: "x@example.org"})
	_, err := c.EnsureMember(context.Background(), nextcloud.EnsureRequest{Email: "x@example.org"})
	var amb *nextcloud.AmbiguousEmailError
	if !errors.As(err, &amb) || len(amb.UserIDs) != 2 || strings.Contains(err.Error(), "anna") {
		t.Fatalf("ambiguous: %v", err)
	}
	// Every ID derived from the name is taken by someone else.
	f.AddUser(nextcloudtest.User{ID: "bernd.meier", Email: "other@example.org"})
	for i := 2; i <= 20; i++ {
		f.AddUser(nextcloudtest.User{ID: "bernd.meier-" + strconv.Itoa(i), Email: "other" + strconv.Itoa(i) + "@example.org"})
	}
	_, err = c.EnsureMember(context.Background(), nextcloud.EnsureRequest{Email: "bernd@example.org", UserIDHint: "bernd.meier"})
	if !errors.Is(err, nextcloud.ErrUserExists) || strings.Contains(err.Error(), "bernd") {
		t.Fatalf("no free ID: %v", err)
	}
}
