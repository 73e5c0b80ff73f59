package nextcloudtest_test

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/integrations/nextcloud/nextcloudtest"
)

const (
	admin = "admin"
	pass  = "app-password-123"
)

type rawResp struct {
	status      int
	contentType string
	body        string
}

// do sends a raw request; hdr "-" removes the OCS header, auth "" sends none.
func do(t *testing.T, method, u, form string, ocsHeader bool, user, password, accept string) rawResp {
	t.Helper()
	var body io.Reader
	if form != "" {
		body = strings.NewReader(form)
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if ocsHeader {
		req.Header.Set("OCS-APIRequest", "true")
	}
	if user != "" {
		req.SetBasicAuth(user, password)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return rawResp{resp.StatusCode, resp.Header.Get("Content-Type"), string(b)}
}

type meta struct {
	Status     string `json:"status" xml:"status"`
	StatusCode int    `json:"statuscode" xml:"statuscode"`
	Message    string `json:"message" xml:"message"`
}

func jsonMeta(t *testing.T, body string) (meta, json.RawMessage) {
	t.Helper()
	var env struct {
		OCS struct {
			Meta meta            `json:"meta"`
			Data json.RawMessage `json:"data"`
		} `json:"ocs"`
	}
	if err := json.Unmarshal([]byte(body), &env); err != nil {
		t.Fatalf("not a JSON envelope: %v\n%s", err, body)
	}
	return env.OCS.Meta, env.OCS.Data
}

func TestCSRFAndAuth(t *testing.T) {
	f := nextcloudtest.New(t, admin, pass)
	v2 := f.URL() + "/ocs/v2.php/cloud/user?format=json"

	r := do(t, "GET", v2, "", false, admin, pass, "")
	if r.status != http.StatusPreconditionFailed || r.body != `{"message":"CSRF check failed"}` || !strings.HasPrefix(r.contentType, "application/json") {
		t.Errorf("without OCS-APIRequest: got %d %q %q", r.status, r.contentType, r.body)
	}

	r = do(t, "GET", v2, "", true, "", "", "")
	m, _ := jsonMeta(t, r.body)
	if r.status != http.StatusUnauthorized || m.StatusCode != 997 || m.Status != "failure" {
		t.Errorf("without auth: got %d %+v", r.status, m)
	}
	r = do(t, "GET", v2, "", true, admin, "wrong", "")
	if m, _ := jsonMeta(t, r.body); r.status != 401 || m.StatusCode != 997 {
		t.Errorf("wrong password: got %d %+v", r.status, m)
	}
	// v1 also answers 401 for 997.
	r = do(t, "GET", f.URL()+"/ocs/v1.php/cloud/user?format=json", "", true, admin, "wrong", "")
	if m, _ := jsonMeta(t, r.body); r.status != 401 || m.StatusCode != 997 {
		t.Errorf("v1 wrong password: got %d %+v", r.status, m)
	}
	if got := f.Requests(nextcloudtest.EndpointCurrentUser); got != 4 {
		t.Errorf("Requests(current user) = %d, want 4", got)
	}
}

func TestFormats(t *testing.T) {
	f := nextcloudtest.New(t, admin, pass)
	base := f.URL() + "/ocs/v2.php/cloud/users/details?search=nobody"
	tests := []struct {
		name, url, accept string
		wantJSON          bool
	}{
		{"format=json", base + "&format=json", "", true},
		{"Accept json", base, "application/json", true},
		{"default xml", base, "", false},
		{"format=xml wins", base + "&format=xml", "application/json", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, "GET", tt.url, "", true, admin, pass, tt.accept)
			if r.status != 200 {
				t.Fatalf("status %d", r.status)
			}
			if tt.wantJSON {
				m, data := jsonMeta(t, r.body)
				if m.StatusCode != 200 || string(data) != `{"users":[]}` {
					t.Errorf("got %+v %s, want data {\"users\":[]}", m, data)
				}
				return
			}
			var env struct {
				XMLName xml.Name `xml:"ocs"`
				Meta    meta     `xml:"meta"`
			}
			if err := xml.Unmarshal([]byte(r.body), &env); err != nil || env.Meta.StatusCode != 200 || !strings.Contains(r.contentType, "xml") {
				t.Errorf("got %q %v %s", r.contentType, err, r.body)
			}
		})
	}
}

func TestStatusMappingV1V2(t *testing.T) {
	tests := []struct {
		name, method, path, form string
		wantV1, wantV2           int // HTTP status
		wantCode                 int // OCS status code (on failure)
	}{
		{"success", "GET", "/cloud/users/admin", "", 200, 200, 0},
		{"not found", "GET", "/cloud/users/nobody", "", 200, 404, 998},
		{"user exists", "POST", "/cloud/users", "userid=admin&email=a%40example.org", 200, 400, 102},
		{"group missing on add", "POST", "/cloud/users/admin/groups", "groupid=nope", 200, 400, 102},
		{"no groupid", "POST", "/cloud/users/admin/groups", "groupid=", 200, 400, 101},
		{"user missing on add", "POST", "/cloud/users/nobody/groups", "groupid=admin", 200, 400, 103},
		{"remove self from admin", "DELETE", "/cloud/users/admin/groups", "groupid=admin", 200, 400, 105},
		{"unknown route", "GET", "/cloud/nothing", "", 200, 404, 998},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := nextcloudtest.New(t, admin, pass)
			for v, want := range map[string]int{"v1": tt.wantV1, "v2": tt.wantV2} {
				r := do(t, tt.method, f.URL()+"/ocs/"+v+".php"+tt.path+"?format=json", tt.form, true, admin, pass, "")
				m, _ := jsonMeta(t, r.body)
				if r.status != want {
					t.Errorf("%s: HTTP %d, want %d (%s)", v, r.status, want, r.body)
				}
				wantCode := tt.wantCode
				if wantCode == 0 {
					wantCode = map[string]int{"v1": 100, "v2": 200}[v]
				}
				if m.StatusCode != wantCode {
					t.Errorf("%s: statuscode %d, want %d", v, m.StatusCode, wantCode)
				}
			}
		})
	}
}

// TestAddUserValidationOrder checks that the first failing rule wins, in
// UsersController::addUser's order.
func TestAddUserValidationOrder(t *testing.T) {
	tests := []struct {
		name     string
		form     url.Values
		require  bool
		wantCode int
	}{
		{"exists beats missing group", url.Values{"userid": {"ADMIN"}, "groups[]": {"nope"}}, false, 102},
		{"missing group beats missing email", url.Values{"userid": {"neu"}, "groups[]": {"nope"}}, false, 104},
		{"subadmin group missing", url.Values{"userid": {"neu"}, "subadmin[]": {"nope"}}, false, 102},
		{"subadmin of admin", url.Values{"userid": {"neu"}, "subadmin[]": {"admin"}}, false, 103},
		{"no password and no email", url.Values{"userid": {"neu"}}, false, 108},
		{"require email", url.Values{"userid": {"neu"}, "password": {"long-enough-pw"}}, true, 110},
		{"bad user id", url.Values{"userid": {"neu/x"}, "email": {"n@example.org"}}, false, 101},
		{"user id with trailing space", url.Values{"userid": {"neu "}, "email": {"n@example.org"}}, false, 101},
		{"user id too long", url.Values{"userid": {strings.Repeat("a", 65)}, "email": {"n@example.org"}}, false, 101},
		{"display name too long", url.Values{"userid": {"neu"}, "email": {"n@example.org"}, "displayName": {strings.Repeat("x", 65)}}, false, 101},
		{"bad email", url.Values{"userid": {"neu"}, "email": {"not-an-email"}}, false, 101},
		{"weak password", url.Values{"userid": {"neu"}, "password": {"123"}}, false, 107},
		{"groups not an array", url.Values{"userid": {"neu"}, "email": {"n@example.org"}, "groups": {"admin"}}, false, 101},
		{"ok", url.Values{"userid": {"neu"}, "email": {"n@example.org"}, "groups[]": {"admin"}}, false, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := nextcloudtest.New(t, admin, pass)
			f.SetRequireEmail(tt.require)
			r := do(t, "POST", f.URL()+"/ocs/v2.php/cloud/users?format=json", tt.form.Encode(), true, admin, pass, "")
			m, data := jsonMeta(t, r.body)
			if m.StatusCode != tt.wantCode {
				t.Fatalf("statuscode %d (%s), want %d", m.StatusCode, m.Message, tt.wantCode)
			}
			if tt.wantCode == 200 {
				if string(data) != `{"id":"neu"}` {
					t.Errorf("data = %s", data)
				}
				if w := f.Welcomes(); len(w) != 1 || w[0] != (nextcloudtest.Welcome{UserID: "neu", Email: "n@example.org", SetPasswordLink: true}) {
					t.Errorf("welcomes = %+v", w)
				}
				return
			}
			if r.status != 400 || string(data) != "[]" {
				t.Errorf("HTTP %d data %s, want 400 and []", r.status, data)
			}
			if len(f.Users()) != 1 || len(f.Welcomes()) != 0 {
				t.Errorf("side effects on failure: %d users, %d welcomes", len(f.Users()), len(f.Welcomes()))
			}
		})
	}
}

func TestFailureModes(t *testing.T) {
	f := nextcloudtest.New(t, admin, pass)
	u := f.URL() + "/ocs/v2.php/cloud/user?format=json"

	f.FailNext(2, http.StatusBadGateway)
	for range 2 {
		if r := do(t, "GET", u, "", true, admin, pass, ""); r.status != 502 || !strings.HasPrefix(r.contentType, "text/html") {
			t.Errorf("FailNext: got %d %q", r.status, r.contentType)
		}
	}
	if r := do(t, "GET", u, "", true, admin, pass, ""); r.status != 200 {
		t.Errorf("after FailNext: got %d", r.status)
	}

	f.SetRateLimited(true)
	req, _ := http.NewRequest("GET", u, nil)
	req.Header.Set("OCS-APIRequest", "true")
	req.SetBasicAuth(admin, pass)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 429 || resp.Header.Get("X-Nextcloud-Bruteforce-Throttled") == "" {
		t.Errorf("rate limited: got %d %v", resp.StatusCode, resp.Header)
	}
	f.SetRateLimited(false)

	f.SetPasswordConfirmationBug(true)
	r := do(t, "POST", f.URL()+"/ocs/v2.php/cloud/groups?format=json", "groupid=neu", true, admin, pass, "")
	if m, _ := jsonMeta(t, r.body); r.status != 403 || m.StatusCode != 403 || m.Message != "Password confirmation is required" {
		t.Errorf("password confirmation: got %d %+v", r.status, m)
	}
	r = do(t, "POST", f.URL()+"/ocs/v1.php/cloud/groups?format=json", "groupid=neu", true, admin, pass, "")
	if m, _ := jsonMeta(t, r.body); r.status != 200 || m.StatusCode != 403 {
		t.Errorf("password confirmation v1: got %d %+v", r.status, m)
	}
}

// TestNewServer: the constructor for programs serves plain HTTP on loopback
// (a subprocess can reach it without trusting a test certificate) and stops
// answering after Close.
func TestNewServer(t *testing.T) {
	f := nextcloudtest.NewServer(admin, pass)
	if !strings.HasPrefix(f.URL(), "http://127.0.0.1:") {
		t.Fatalf("URL() = %q, want plain HTTP on 127.0.0.1", f.URL())
	}
	r := do(t, "GET", f.URL()+"/ocs/v2.php/cloud/user?format=json", "", true, admin, pass, "")
	if m, _ := jsonMeta(t, r.body); r.status != http.StatusOK || m.StatusCode != 200 {
		t.Fatalf("current user: %d %s", r.status, r.body)
	}
	f.Close()
	if resp, err := http.Get(f.URL() + "/ocs/v2.php/cloud/user"); err == nil {
		resp.Body.Close()
		t.Fatal("the server still answers after Close")
	}
}

// TestInjectedServerErrorPerVersion: an injected server error is an
// OCSException 996 as Nextcloud sends it — HTTP 500 on v2, HTTP 200 on v1
// with the code only in the envelope (V1Response answers every code but
// 997 with 200). Before, v1 got HTTP 500 too (acc34).
func TestInjectedServerErrorPerVersion(t *testing.T) {
	f := nextcloudtest.New(t, admin, pass)
	for _, tt := range []struct {
		version    string
		wantStatus int
	}{{"v1", http.StatusOK}, {"v2", http.StatusInternalServerError}} {
		f.FailNext(1, http.StatusInternalServerError)
		r := do(t, "GET", f.URL()+"/ocs/"+tt.version+".php/cloud/user?format=json", "", true, admin, pass, "")
		var env struct {
			OCS struct {
				Meta struct {
					Status     string `json:"status"`
					StatusCode int    `json:"statuscode"`
				} `json:"meta"`
			} `json:"ocs"`
		}
		if err := json.Unmarshal([]byte(r.body), &env); err != nil {
			t.Fatalf("%s: not an OCS envelope: %v\n%s", tt.version, err, r.body)
		}
		if r.status != tt.wantStatus || env.OCS.Meta.StatusCode != 996 || env.OCS.Meta.Status != "failure" {
			t.Errorf("%s: HTTP %d, OCS %d %q; want HTTP %d, OCS 996 failure", tt.version, r.status, env.OCS.Meta.StatusCode, env.OCS.Meta.Status, tt.wantStatus)
		}
	}
}
