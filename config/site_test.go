package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// validBase is a configuration that passes Validate, for tests that change one key.
func validBase() Config {
	cfg := Defaults()
	cfg.HomeserverURL, cfg.UserID, cfg.Password = "https://matrix.verein.de", "@lotse:verein.de", "pw"
	cfg.PickleKey = "0123456789abcdef"
	return cfg
}

func TestSiteFromFileAndEnv(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "lotse.yaml")
	if err := os.WriteFile(file, []byte("site:\n  name: KV Musterstadt\n  cloud_url: https://cloud.file.de\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"LOTSE_SITE_CLOUD_URL": "https://cloud.env.de", "LOTSE_FALLBACK_CONTACT": "Schreib an digital@verein.de."}
	cfg, err := Load(file, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Site.Name != "KV Musterstadt" || cfg.Site.CloudURL != "https://cloud.env.de" || cfg.FallbackContact != "Schreib an digital@verein.de." {
		t.Errorf("got site %+v, fallback %q", cfg.Site, cfg.FallbackContact)
	}
}

func TestSiteUnknownKeyRefused(t *testing.T) {
	file := filepath.Join(t.TempDir(), "lotse.yaml")
	if err := os.WriteFile(file, []byte("site:\n  cloud: https://cloud.verein.de\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(file, func(string) string { return "" }); err == nil || !strings.Contains(err.Error(), "cloud") {
		t.Errorf("got %v, want an error naming the unknown key", err)
	}
}

func TestSiteAndFallbackValidation(t *testing.T) {
	tests := []struct {
		name string
		set  func(*Config)
		want string // "" = valid
	}{
		{"all set", func(c *Config) {
			c.Site = Site{Name: "KV Musterstadt", ContactEmail: "digital@verein.de", WebsiteURL: "https://verein.de",
				CloudURL: "https://cloud.verein.de", MeetURL: "https://meet.verein.de", ChatURL: "https://chat.verein.de",
				MatrixServer: "verein.de", WebTitle: "Hilfe", ImpressumURL: "https://verein.de/impressum", PrivacyURL: "https://verein.de/datenschutz"}
			c.FallbackContact = "Schreib an digital@verein.de oder ruf 0123 456789 an."
		}, ""},
		{"server with port", func(c *Config) { c.Site.MatrixServer = "verein.de:8448" }, ""},
		{"url without scheme", func(c *Config) { c.Site.CloudURL = "cloud.verein.de" }, "site.cloud_url"},
		{"javascript url", func(c *Config) { c.Site.ImpressumURL = "javascript:alert(1)" }, "site.impressum_url"},
		{"mail with name", func(c *Config) { c.Site.ContactEmail = "Team <digital@verein.de>" }, "site.contact_email"},
		{"server with scheme", func(c *Config) { c.Site.MatrixServer = "https://verein.de" }, "site.matrix_server"},
		{"server as user", func(c *Config) { c.Site.MatrixServer = "@lotse:verein.de" }, "site.matrix_server"},
		{"two lines", func(c *Config) { c.Site.Name = "KV\nMusterstadt" }, "site.name must be one line"},
		{"placeholder in value", func(c *Config) { c.Site.WebTitle = "{{site_name}}" }, "site.web_title must be one line"},
		{"fallback two lines", func(c *Config) { c.FallbackContact = "Schreib an\ndigital@verein.de" }, "fallback_contact must be one line"},
		{"fallback example", func(c *Config) { c.FallbackContact = "Schreib an digital@example.org" }, "example.org"},
		{"fallback too long", func(c *Config) { c.FallbackContact = strings.Repeat("x", MaxFallbackContact+1) }, "longer than"},
		{"fallback spaces", func(c *Config) { c.FallbackContact = " Ruf an " }, "spaces"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := validBase()
			tt.set(&cfg)
			err := cfg.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("got %v, want valid", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}
