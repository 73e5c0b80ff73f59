package bot

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
)

// TestWrongHomeserverURLNamed: homeserver_url set to Element's or the
// website's address answers the login or the token check with an HTML
// page (405, 404) and no Matrix error code. Lotse stopped with "failed to
// log in as …: HTTP 405" (exit code 18, whose row in operations.md says to
// check the account and password); now the error names homeserver_url and
// what belongs there (adm27). A real homeserver's refusal keeps its own
// message.
func TestWrongHomeserverURLNamed(t *testing.T) {
	const html = "<html><body>Element</body></html>"
	tests := []struct {
		name        string
		token       string
		status      int
		contentType string
		body        string
		want        string
	}{
		{"password login, Element's nginx", "", http.StatusMethodNotAllowed, "text/html", html, "check homeserver_url"},
		{"password login, a website", "", http.StatusNotFound, "text/html", html, "check homeserver_url"},
		{"token check, a website", "syt_web", http.StatusNotFound, "text/html", html, "check homeserver_url"},
		// A token that was set but has ended: the error says so instead
		// of asking the admin to set it (ops34's finding).
		{"a homeserver rejecting the configured token", "syt_ended", http.StatusUnauthorized, "application/json", `{"errcode":"M_UNKNOWN_TOKEN","error":"Unknown token"}`, "rejected the configured access token"},
		{"a homeserver refusing the password", "", http.StatusForbidden, "application/json", `{"errcode":"M_FORBIDDEN","error":"Invalid password"}`, "was refused: check the user ID and password"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newWatchBot(t, nil, new(bytes.Buffer)).bot
			b.opts.UserID, b.opts.Password, b.opts.AccessToken = "@lotse:hs", "secret", tt.token
			if tt.token != "" {
				b.opts.Password = ""
			}
			b.Client = newFakeClient(t, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				w.WriteHeader(tt.status)
				_, _ = w.Write([]byte(tt.body))
			}))
			err := b.authenticate(t.Context())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v does not say %q", err, tt.want)
			}
			if transientError(err) {
				t.Errorf("error %v is waited for as if the homeserver were down", err)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("error %v quotes the password", err)
			}
			if tt.token != "" && strings.Contains(err.Error(), tt.token) {
				t.Errorf("error %v quotes the access token", err)
			}
		})
	}
}
