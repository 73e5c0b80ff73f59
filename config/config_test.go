package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

func TestExampleConfigParses(t *testing.T) {
	var cfg Config
	dec := yaml.NewDecoder(strings.NewReader(ExampleConfig))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil {
		t.Fatalf("example config does not parse: %v", err)
	}
	if cfg.HomeserverURL == "" || cfg.ChoiceTTL != 30*time.Minute {
		t.Fatalf("example config lost values: %+v", cfg)
	}
}

func TestEnvWinsOverFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "lotse.yaml")
	_ = os.WriteFile(file, []byte("homeserver_url: https://file.example\nuser_id: \"@bot:file.example\"\nworkers: 3\n"), 0o600)
	secret := filepath.Join(dir, "pw")
	_ = os.WriteFile(secret, []byte("s3cret\n"), 0o600)
	env := map[string]string{
		"LOTSE_HOMESERVER_URL":   "https://env.example",
		"LOTSE_PASSWORD_FILE":    secret,
		"LOTSE_ALLOWED_INVITERS": "example.org, @a:b.org",
		"LOTSE_CHOICE_TTL":       "5m",
		"LOTSE_PICKLE_KEY":       "0123456789abcdef",
	}
	cfg, err := Load(file, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"env wins", cfg.HomeserverURL, "https://env.example"},
		{"file kept", cfg.UserID, "@bot:file.example"},
		{"int from file", cfg.Workers, 3},
		{"secret from file", cfg.Password, "s3cret"},
		{"list", strings.Join(cfg.AllowedInviters, "|"), "example.org|@a:b.org"},
		{"duration", cfg.ChoiceTTL, 5 * time.Minute},
		{"default", cfg.Language, "de"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if err := cfg.Validate(); err != nil {
		t.Fatalf("valid config rejected: %v", err)
	}
}

func TestEnvAloneIsEnough(t *testing.T) {
	env := map[string]string{
		"LOTSE_HOMESERVER_URL": "http://127.0.0.1:8008",
		"LOTSE_USER_ID":        "@lotse:localhost",
		"LOTSE_PASSWORD":       "pw",
		"LOTSE_DATABASE":       "/data/lotse.db",
		"LOTSE_GUIDES_DIR":     "/guides",
		"LOTSE_PICKLE_KEY":     "a-long-random-pickle-key",
	}
	cfg, err := Load("", func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatalf("env-only config rejected: %v", err)
	}
}

func TestValidateExplains(t *testing.T) {
	tests := []struct {
		name string
		mut  func(*Config)
		want string
	}{
		{"no homeserver", func(c *Config) { c.HomeserverURL = "" }, "LOTSE_HOMESERVER_URL"},
		{"bad user", func(c *Config) { c.UserID = "lotse" }, "full Matrix ID"},
		{"no secret", func(c *Config) { c.Password, c.AccessToken = "", "" }, "LOTSE_PASSWORD"},
		{"short pickle key", func(c *Config) { c.PickleKey = "x" }, "pickle_key"},
		{"language", func(c *Config) { c.Language = "fr" }, "de or en"},
		{"no retention of questions kept earlier", func(c *Config) { c.KeepFailedQuestions, c.FailedQuestionRetention = false, 0 }, "failed_question_retention"},
		{"unknown time zone", func(c *Config) { c.SupportTimezone = "Europe/Atlantis" }, "support_timezone must be a time zone name"},
		// A base64 password (openssl rand -base64) with a "/" breaks the
		// URI; the problem names the key, never the password.
		{"unreadable postgres URI", func(c *Config) { c.Database = "postgres://lotse:Zq/x+Kw9@db.example.org/lotse" }, "database (LOTSE_DATABASE) is not a connection string"},
		// The driver's own parser (mend26b): net/url let these through to a
		// connection retried once a second, forever.
		{"unknown sslmode", func(c *Config) { c.Database = "postgres://lotse:Kw9@db.example.org/lotse?sslmode=on" }, "database (LOTSE_DATABASE) is not a connection string"},
		{"key/value form the driver cannot read", func(c *Config) { c.Database = "host=/var/run/postgresql user=lotse password=Kw9 x" }, "database (LOTSE_DATABASE) is not a connection string"},
		{"no integration timeout", func(c *Config) {
			c.BBBURL, c.BBBSecret, c.IntegrationTimeout = "https://bbb.example.org/bigbluebutton/", "s", 0
		}, "integration_timeout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Defaults()
			cfg.HomeserverURL, cfg.UserID, cfg.Password, cfg.PickleKey = "https://hs", "@l:hs", "pw", "0123456789abcdef"
			tt.mut(&cfg)
			err := cfg.Validate()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v does not mention %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "Kw9") {
				t.Fatalf("error %v quotes the password", err)
			}
		})
	}
}

func TestUnknownKeyRejected(t *testing.T) {
	file := filepath.Join(t.TempDir(), "c.yaml")
	_ = os.WriteFile(file, []byte("homeserver: x\n"), 0o600)
	if _, err := Load(file, func(string) string { return "" }); err == nil {
		t.Fatal("unknown key accepted")
	}
}

// TestLocation: support_timezone loads as a zone ("" is UTC); an unknown
// one is an error that names the setting and the value.
func TestLocation(t *testing.T) {
	cfg := Defaults()
	if loc, err := cfg.Location(); err != nil || loc.String() != "Europe/Berlin" {
		t.Errorf("default: %v, %v", loc, err)
	}
	cfg.SupportTimezone = ""
	if loc, err := cfg.Location(); err != nil || loc != time.UTC {
		t.Errorf("empty: %v, %v", loc, err)
	}
	cfg.SupportTimezone = "Mars/Olympus"
	if _, err := cfg.Location(); err == nil || !strings.Contains(err.Error(), "support_timezone") || !strings.Contains(err.Error(), "Mars/Olympus") {
		t.Errorf("unknown zone: %v", err)
	}
}
