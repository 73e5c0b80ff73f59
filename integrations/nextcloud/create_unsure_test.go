package nextcloud_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/lotse-bot/lotse/integrations/nextcloud"
)

// TestCreateUnsure: only a create call that went out and got no answer, or
// a server error, leaves it open whether the account exists (deny30).
func TestCreateUnsure(t *testing.T) {
	hangUp := func(t *testing.T) string {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close() // the request arrived; the answer is lost
			}
		}))
		t.Cleanup(srv.Close)
		return srv.URL
	}
	fixed := func(cr canned) func(t *testing.T) string {
		return func(t *testing.T) string { return cr.server(t).URL }
	}
	v1 := func(cr canned) func(t *testing.T) string {
		return func(t *testing.T) string { return cr.server(t).URL + "/ocs/v1.php" }
	}
	tests := []struct {
		name   string
		server func(t *testing.T) string
		call   func(c *nextcloud.Client) error
		want   bool
	}{
		{"create, connection lost", hangUp, createUser, true},
		{"create, 503 maintenance", fixed(canned{file: "maintenance.html", status: 503, contentType: "text/html"}), createUser, true},
		{"create, 500 server error", fixed(canned{file: "v2_server_error.json", status: 500}), createUser, true},
		// The same server error on /ocs/v1.php: HTTP 200, OCS 996 (acc34).
		{"create, v1 server error (HTTP 200, OCS 996)", v1(canned{file: "v1_server_error.json"}), createUser, true},
		{"create, v1 user exists (HTTP 200, OCS 102)", v1(canned{file: "v1_user_exists.json"}), createUser, false},
		{"get user, v1 server error", v1(canned{file: "v1_server_error.json"}), getUser, false},
		{"create, user exists", fixed(canned{file: "v2_user_exists.json", status: 400}), createUser, false},
		{"create, not an admin", fixed(canned{file: "v2_not_admin.json", status: 403}), createUser, false},
		{"create, done", fixed(canned{file: "v2_create_user.json"}), createUser, false},
		{"get user, connection lost", hangUp, getUser, false},
		{"get user, 500", fixed(canned{file: "v2_server_error.json", status: 500}), getUser, false},
		{"add to group, connection lost", hangUp, addToGroup, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call(newClient(t, tt.server(t)))
			if got := nextcloud.CreateUnsure(err); got != tt.want {
				t.Fatalf("CreateUnsure(%v) = %v, want %v", err, got, tt.want)
			}
		})
	}
}
