package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAdminMistakesNameTheFix: the mistakes of a first install are refused
// by config check with a message that names the key and how to write it
// (adm27): a typo'd key names the key meant, a duration without its unit
// says to add one.
func TestAdminMistakesNameTheFix(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"typo'd key", "aprovers: [\"@du:verein.de\"]\n", []string{"line 1: aprovers is not a known key (did you mean approvers?)", "lotse config example"}},
		{"typo'd site key", "site:\n  cloud_ulr: https://cloud.verein.de\n", []string{"site.cloud_ulr is not a known key (did you mean site.cloud_url?)"}},
		{"unknown key far from any", "homeserver: x\n", []string{"homeserver is not a known key (did you mean homeserver_url?)"}},
		{"nothing near", "zzzzzzzzzzzz: 1\n", []string{"zzzzzzzzzzzz is not a known key; `lotse config example`"}},
		{"duration without unit", "onboarding_reminder_after: 3\n", []string{"onboarding_reminder_after is not of type time.Duration: write a duration with its unit, like 30m, 72h"}},
		{"word for a number", "workers: vier\n", []string{"workers is not of type int: write a whole number"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := loadFileOnly(t, tt.yaml)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

// TestRoomsWithTwoJobsRefused: one room as team room and approvals room
// would let approvers (no recorded declaration needed) read every support
// case; the team or approvals room as a lobby would greet members there.
func TestRoomsWithTwoJobsRefused(t *testing.T) {
	tests := []struct {
		name string
		mut  func(*Config)
		want string
	}{
		{"team room is approvals room", func(c *Config) { c.ApprovalsRoom = c.TeamRoom }, "team_room and approvals_room must be two different rooms"},
		{"team room as lobby", func(c *Config) { c.LobbyRooms = []string{"!lobby:hs", c.TeamRoom} }, "lobby_rooms must not list the team_room"},
		{"approvals room as lobby", func(c *Config) { c.LobbyRooms = []string{c.ApprovalsRoom} }, "lobby_rooms must not list the approvals_room"},
		{"all different", func(*Config) {}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Defaults()
			cfg.HomeserverURL, cfg.UserID, cfg.Password, cfg.PickleKey = "https://hs", "@l:hs", "pw", "0123456789abcdef"
			cfg.TeamRoom, cfg.ApprovalsRoom, cfg.LobbyRooms = "!team:hs", "!approvals:hs", []string{"!lobby:hs"}
			cfg.BBBURL, cfg.BBBSecret = "https://bbb.example.org/bigbluebutton/api/", "s"
			tt.mut(&cfg)
			err := cfg.Validate()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("valid config refused: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v does not say %q", err, tt.want)
			}
		})
	}
}

// TestEmptySecretFileNamed: a secret file left empty (Ctrl-D before the
// paste) is named as such, with the variable and the path; before, the
// admin read that LOTSE_BBB_SECRET "or _FILE" must be set, though it was.
// A trailing newline or CRLF is no mistake: the value is trimmed.
func TestEmptySecretFileNamed(t *testing.T) {
	dir := t.TempDir()
	empty, crlf := filepath.Join(dir, "bbb_secret"), filepath.Join(dir, "password")
	if err := os.WriteFile(empty, []byte("\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(crlf, []byte("hunter2Secret\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"LOTSE_BBB_SECRET_FILE": empty}
	_, err := Load("", func(k string) string { return env[k] })
	if err == nil || !strings.Contains(err.Error(), "LOTSE_BBB_SECRET_FILE names "+empty+", which is empty") {
		t.Fatalf("error %v does not name the empty file", err)
	}
	env = map[string]string{"LOTSE_PASSWORD_FILE": crlf}
	cfg, err := Load("", func(k string) string { return env[k] })
	if err != nil || cfg.Password != "hunter2Secret" {
		t.Fatalf("CRLF password file: err %v, password trimmed: %v", err, cfg.Password == "hunter2Secret")
	}
}

// TestMissingSecretNamedOnce: a bbb_url without its secret (deployment.md's
// full config checked before the secret files exist) was reported twice,
// once as "bbb_url needs the shared secret" and once as "bbb_url and
// bbb_secret must be set together" (fresh30); one missing thing is one
// problem, and a secret without a URL names what is missing.
func TestMissingSecretNamedOnce(t *testing.T) {
	tests := []struct {
		name                  string
		url, secret, approval string
		want                  string
	}{
		{"url without secret, access on", "https://meet.verein.de/bigbluebutton/api/", "", "!genehmigung:verein.de", "bbb_url needs the shared secret"},
		{"url without secret, access off", "https://meet.verein.de/bigbluebutton/api/", "", "", "bbb_url needs the shared secret"},
		{"secret without url", "", "s3cret", "", "is set but bbb_url is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Defaults()
			cfg.HomeserverURL, cfg.UserID, cfg.Password, cfg.PickleKey = "https://hs", "@l:hs", "pw", "0123456789abcdef"
			cfg.BBBURL, cfg.BBBSecret, cfg.ApprovalsRoom = tt.url, tt.secret, tt.approval
			if tt.approval != "" {
				cfg.Approvers = []string{"@du:verein.de"}
			}
			err := cfg.Validate()
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) {
				t.Fatalf("error %q does not say %q", msg, tt.want)
			}
			if n := strings.Count(msg, "bbb_url"); n != 1 {
				t.Errorf("bbb_url named %d times, want once: %q", n, msg)
			}
			if strings.Contains(msg, "s3cret") {
				t.Errorf("error shows the secret: %q", msg)
			}
		})
	}
}
