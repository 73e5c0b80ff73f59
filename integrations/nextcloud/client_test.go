package nextcloud_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/integrations/nextcloud"
)

const (
	testUser     = "lotse-bot"
	testPassword = "app-secret-DO-NOT-LEAK"
)

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("read testdata: %v", err)
	}
	return b
}

func newClient(t *testing.T, baseURL string) *nextcloud.Client {
	t.Helper()
	c, err := nextcloud.NewClient(nextcloud.Options{BaseURL: baseURL, User: testUser, AppPassword: testPassword, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

// canned serves one fixed response.
type canned struct {
	file        string
	status      int
	contentType string // default application/json; charset=utf-8
	header      map[string]string
}

func (cr canned) server(t *testing.T) *httptest.Server {
	t.Helper()
	body := readTestdata(t, cr.file)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		ct := cr.contentType
		if ct == "" {
			ct = "application/json; charset=utf-8"
		}
		w.Header().Set("Content-Type", ct)
		for k, v := range cr.header {
			w.Header().Set(k, v)
		}
		status := cr.status
		if status == 0 {
			status = http.StatusOK
		}
		w.WriteHeader(status)
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestCannedResponses(t *testing.T) {
	tests := []struct {
		name       string
		resp       canned
		call       func(c *nextcloud.Client) error
		wantErr    error // sentinel, nil = success
		wantStatus [2]int
		retryable  bool
	}{
		{"create user v2", canned{file: "v2_create_user.json"}, createUser, nil, [2]int{}, false},
		{"create user, old server with data []", canned{file: "v2_empty_array.json"}, createUser, nil, [2]int{}, false},
		{"create user v2 exists", canned{file: "v2_user_exists.json", status: 400}, createUser, nextcloud.ErrUserExists, [2]int{400, 102}, false},
		{"create user v1 exists (HTTP 200)", canned{file: "v1_user_exists.json"}, createUser, nextcloud.ErrUserExists, [2]int{200, 102}, false},
		{"create user group missing", canned{file: "v2_group_missing_create.json", status: 400}, createUser, nextcloud.ErrGroupMissing, [2]int{400, 104}, false},
		{"create user without email", canned{file: "v2_no_email.json", status: 400}, createUser, nextcloud.ErrInvalidInput, [2]int{400, 108}, false},
		{"add to group v2 data []", canned{file: "v2_empty_array.json"}, addToGroup, nil, [2]int{}, false},
		{"add to group v2 data {}", canned{file: "v2_empty_object.json"}, addToGroup, nil, [2]int{}, false},
		{"add to group v1 data []", canned{file: "v1_empty_array.json"}, addToGroup, nil, [2]int{}, false},
		{"add to group v2 group missing", canned{file: "v2_group_missing_add.json", status: 400}, addToGroup, nextcloud.ErrGroupMissing, [2]int{400, 102}, false},
		{"add to group v1 group missing", canned{file: "v1_group_missing_add.json"}, addToGroup, nextcloud.ErrGroupMissing, [2]int{200, 102}, false},
		{"get user v2 not found", canned{file: "v2_not_found.json", status: 404}, getUser, nextcloud.ErrNotFound, [2]int{404, 998}, false},
		{"get user v1 not found (HTTP 200)", canned{file: "v1_not_found.json"}, getUser, nextcloud.ErrNotFound, [2]int{200, 998}, false},
		{"unauthorized", canned{file: "v2_unauthorized.json", status: 401}, getUser, nextcloud.ErrUnauthorized, [2]int{401, 997}, false},
		{"not an admin", canned{file: "v2_not_admin.json", status: 403}, createUser, nextcloud.ErrForbidden, [2]int{403, 403}, false},
		{"password confirmation v2", canned{file: "v2_password_confirmation.json", status: 403}, createUser, nextcloud.ErrPasswordConfirmation, [2]int{403, 403}, false},
		{"password confirmation v1", canned{file: "v1_password_confirmation.json"}, createUser, nextcloud.ErrPasswordConfirmation, [2]int{200, 403}, false},
		{"too many requests", canned{file: "v2_too_many_requests.json", status: 429, header: map[string]string{"X-Nextcloud-Bruteforce-Throttled": "1500ms"}}, getUser, nextcloud.ErrRateLimited, [2]int{429, 429}, true},
		{"server error 996", canned{file: "v2_server_error.json", status: 500}, getUser, nextcloud.ErrTemporary, [2]int{500, 996}, true},
		{"bad gateway html", canned{file: "bad_gateway.html", status: 502, contentType: "text/html"}, getUser, nextcloud.ErrTemporary, [2]int{502, 0}, true},
		{"maintenance 503 html", canned{file: "maintenance.html", status: 503, contentType: "text/html; charset=UTF-8"}, createUser, nextcloud.ErrTemporary, [2]int{503, 0}, true},
		{"html with 200 is an error", canned{file: "maintenance.html", contentType: "text/html"}, getUser, nil, [2]int{200, 0}, false},
		{"csrf 412", canned{file: "csrf.json", status: 412}, getUser, nil, [2]int{412, 0}, false},
		{"welcome without email", canned{file: "v2_welcome_no_email.json", status: 400}, resendWelcome, nextcloud.ErrInvalidInput, [2]int{400, 101}, false},
		{"welcome sending failed", canned{file: "v2_welcome_failed.json", status: 400}, resendWelcome, nextcloud.ErrMailFailed, [2]int{400, 102}, false},
		{"list groups", canned{file: "v2_groups.json"}, listGroups, nil, [2]int{}, false},
		{"current user v1 with object groups", canned{file: "v1_current_user.json"}, currentUser, nil, [2]int{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClient(t, tt.resp.server(t).URL)
			err := tt.call(c)
			wantFailure := tt.wantErr != nil || tt.wantStatus != [2]int{}
			if !wantFailure {
				if err != nil {
					t.Fatalf("got error %v, want success", err)
				}
				return
			}
			if err == nil {
				t.Fatal("got success, want error")
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("got %v, want errors.Is %v", err, tt.wantErr)
			}
			var e *nextcloud.Error
			if !errors.As(err, &e) {
				t.Fatalf("got %T, want *nextcloud.Error", err)
			}
			if got := [2]int{e.HTTPStatus, e.StatusCode}; got != tt.wantStatus {
				t.Errorf("got HTTP/OCS %v, want %v", got, tt.wantStatus)
			}
			if got := nextcloud.Retryable(err); got != tt.retryable {
				t.Errorf("Retryable = %v, want %v", got, tt.retryable)
			}
			if !strings.HasPrefix(err.Error(), "nextcloud: failed to ") {
				t.Errorf("error %q lacks the nextcloud prefix", err)
			}
		})
	}
}

func createUser(c *nextcloud.Client) error {
	_, err := c.CreateUser(context.Background(), nextcloud.CreateUserRequest{UserID: "max.mustermann", Email: "max@example.org"})
	return err
}
func addToGroup(c *nextcloud.Client) error {
	return c.AddToGroup(context.Background(), "max.mustermann", "mitglieder")
}
func getUser(c *nextcloud.Client) error {
	_, err := c.GetUser(context.Background(), "max.mustermann")
	return err
}
func resendWelcome(c *nextcloud.Client) error {
	return c.ResendWelcome(context.Background(), "max.mustermann")
}
func listGroups(c *nextcloud.Client) error {
	_, err := c.ListGroups(context.Background(), "")
	return err
}
func currentUser(c *nextcloud.Client) error {
	_, err := c.CurrentUser(context.Background())
	return err
}

func TestDecodeUser(t *testing.T) {
	c := newClient(t, canned{file: "v2_user.json"}.server(t).URL)
	u, err := c.GetUser(context.Background(), "max.mustermann")
	if err != nil {
		t.Fatal(err)
	}
	want := nextcloud.User{
		ID: "max.mustermann", Enabled: true, Email: "Max.Mustermann@Example.org", DisplayName: "Max Mustermann",
		Groups: []string{"mitglieder", "kv-nord"}, Subadmin: []string{},
		Quota:    nextcloud.Quota{Free: 5368709120, Used: 1024, Total: 5368710144, Quota: "5368709120"},
		Language: "de", Locale: "de_DE", LastLogin: 1732694400000, Backend: "Database",
	}
	if !reflect.DeepEqual(*u, want) {
		t.Errorf("got  %+v\nwant %+v", *u, want)
	}

	c = newClient(t, canned{file: "v1_current_user.json"}.server(t).URL)
	me, err := c.CurrentUser(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if me.ID != "lotse-bot" || me.DisplayName != "Lotse Bot" || me.Email != "" || !reflect.DeepEqual(me.Groups, []string{"admin", "bots"}) || me.Quota.Quota != "none" {
		t.Errorf("current user = %+v", *me)
	}
}

func TestFindUsersByEmailCanned(t *testing.T) {
	tests := []struct {
		file    string
		email   string
		wantIDs []string
	}{
		{"v2_users_details_empty.json", "anna@example.org", nil},
		{"v2_users_details_multi.json", "anna@example.org", []string{"anna", "anna2"}},
		{"v2_users_details_multi.json", "  Anna@Example.ORG ", []string{"anna", "anna2"}},
		{"v2_users_details_multi.json", "joanna@example.org", []string{"joanna"}},
		{"v2_users_details_multi.json", "nobody@example.org", nil},
		{"v2_users_details_list.json", "anna@example.org", []string{"0"}},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.email, func(t *testing.T) {
			c := newClient(t, canned{file: tt.file}.server(t).URL)
			users, err := c.FindUsersByEmail(context.Background(), tt.email)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, u := range users {
				ids = append(ids, u.ID)
			}
			if !reflect.DeepEqual(ids, tt.wantIDs) {
				t.Errorf("got %v, want %v", ids, tt.wantIDs)
			}
		})
	}
}

func TestRetryAfterFromThrottleHeader(t *testing.T) {
	srv := canned{file: "v2_too_many_requests.json", status: 429, header: map[string]string{"X-Nextcloud-Bruteforce-Throttled": "1500ms"}}.server(t)
	_, err := newClient(t, srv.URL).GetUser(context.Background(), "x")
	if got := nextcloud.RetryAfter(err); got != 1500*time.Millisecond {
		t.Errorf("RetryAfter = %v, want 1.5s", got)
	}
}

// TestRequestShape checks headers, query and form encoding of every method.
func TestRequestShape(t *testing.T) {
	type seen struct {
		method, path, rawQuery, body, contentType string
		headers                                   http.Header
		user, pass                                string
		ok                                        bool
	}
	var got seen
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		u, p, ok := r.BasicAuth()
		got = seen{r.Method, r.URL.EscapedPath(), r.URL.RawQuery, string(b), r.Header.Get("Content-Type"), r.Header.Clone(), u, p, ok}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"ocs":{"meta":{"status":"ok","statuscode":200,"message":"OK"},"data":[]}}`)
	}))
	defer srv.Close()
	c := newClient(t, srv.URL+"/nextcloud/")
	ctx := context.Background()
	tests := []struct {
		name                   string
		call                   func() error
		method, path, rawQuery string
		body                   string
	}{
		{"current user", func() error { _, err := c.CurrentUser(ctx); return err }, "GET", "/nextcloud/ocs/v2.php/cloud/user", "format=json", ""},
		{"get user with space", func() error { _, err := c.GetUser(ctx, "max muster"); return err }, "GET", "/nextcloud/ocs/v2.php/cloud/users/max%20muster", "format=json", ""},
		{"find by email", func() error { _, err := c.FindUsersByEmail(ctx, "a+b@example.org"); return err }, "GET", "/nextcloud/ocs/v2.php/cloud/users/details", "format=json&search=a%2Bb%40example.org", ""},
		{"create user", func() error {
			_, err := c.CreateUser(ctx, nextcloud.CreateUserRequest{UserID: "max", Email: "max@example.org", DisplayName: "Max Müller", Groups: []string{"a", "b c"}, Quota: "5 GB", Language: "de"})
			return err
		}, "POST", "/nextcloud/ocs/v2.php/cloud/users", "format=json",
			"userid=max&password=&email=max%40example.org&displayName=Max+M%C3%BCller&groups[]=a&groups[]=b+c&quota=5+GB&language=de"},
		{"add to group", func() error { return c.AddToGroup(ctx, "max", "kv nord") }, "POST", "/nextcloud/ocs/v2.php/cloud/users/max/groups", "format=json", "groupid=kv+nord"},
		{"remove from group", func() error { return c.RemoveFromGroup(ctx, "max", "kv") }, "DELETE", "/nextcloud/ocs/v2.php/cloud/users/max/groups", "format=json", "groupid=kv"},
		{"list groups", func() error { _, err := c.ListGroups(ctx, "kv"); return err }, "GET", "/nextcloud/ocs/v2.php/cloud/groups", "format=json&search=kv", ""},
		{"create group", func() error { return c.CreateGroup(ctx, "kv-sued", "KV Süd") }, "POST", "/nextcloud/ocs/v2.php/cloud/groups", "format=json", "groupid=kv-sued&displayname=KV+S%C3%BCd"},
		{"resend welcome", func() error { return c.ResendWelcome(ctx, "max") }, "POST", "/nextcloud/ocs/v2.php/cloud/users/max/welcome", "format=json", ""},
		{"disable", func() error { return c.DisableUser(ctx, "max") }, "PUT", "/nextcloud/ocs/v2.php/cloud/users/max/disable", "format=json", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got = seen{}
			if err := tt.call(); err != nil {
				t.Fatal(err)
			}
			if got.method != tt.method || got.path != tt.path || got.rawQuery != tt.rawQuery || got.body != tt.body {
				t.Errorf("got %s %s?%s body %q\nwant %s %s?%s body %q", got.method, got.path, got.rawQuery, got.body, tt.method, tt.path, tt.rawQuery, tt.body)
			}
			if got.headers.Get("OCS-APIRequest") != "true" || got.headers.Get("Accept") != "application/json" {
				t.Errorf("missing OCS headers: %v", got.headers)
			}
			if !got.ok || got.user != testUser || got.pass != testPassword {
				t.Errorf("basic auth = %q/%v", got.user, got.ok)
			}
			if tt.method != "GET" && got.contentType != "application/x-www-form-urlencoded" {
				t.Errorf("Content-Type = %q", got.contentType)
			}
		})
	}
}

func TestNewClientValidation(t *testing.T) {
	tests := []struct {
		name string
		opts nextcloud.Options
	}{
		{"no URL", nextcloud.Options{User: "u", AppPassword: testPassword}},
		{"relative URL", nextcloud.Options{BaseURL: "cloud.example.org", User: "u", AppPassword: testPassword}},
		{"credentials in URL", nextcloud.Options{BaseURL: "https://u:" + testPassword + "@cloud.example.org", User: "u", AppPassword: testPassword}},
		{"no password", nextcloud.Options{BaseURL: "https://cloud.example.org", User: "u"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := nextcloud.NewClient(tt.opts)
			if err == nil {
				t.Fatal("want error")
			}
			if strings.Contains(err.Error(), testPassword) {
				t.Errorf("error leaks the password: %v", err)
			}
		})
	}
}

func TestDeriveUserID(t *testing.T) {
	long := strings.Repeat("abcdefghij", 8)
	tests := []struct{ hint, email, want string }{
		{"", "max.mustermann@example.org", "max.mustermann"},
		{"", "Max+Lotse@Example.org", "max.lotse"},
		{"Jürgen Groß", "j@example.org", "juergen.gross"},
		{"  Ödön  von Horváth ", "", "oedoen.von.horvath"},
		{"@anna:matrix.example.org", "", "anna"},
		{"o'brien", "", "o'brien"},
		{"...", "", "member"},
		{"", "@example.org", "member"},
		{"名前", "x@y", "member"},
		{long, "", long[:64]},
		{"a_b-c", "", "a_b-c"},
		// A name that looks like an address gives no user ID that does.
		{"vorstand@verein.de", "", "vorstand.verein.de"},
		{"Anna @ Vorstand", "", "anna.vorstand"},
	}
	for _, tt := range tests {
		t.Run(tt.hint+"|"+tt.email, func(t *testing.T) {
			if got := nextcloud.DeriveUserID(tt.hint, tt.email); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
