package config

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

// TestFeatures: the features a config switches on, by the names guides
// require them by.
func TestFeatures(t *testing.T) {
	tests := []struct {
		name string
		set  func(*Config)
		want []string
	}{
		{"nothing set", func(*Config) {}, nil},
		{"team room", func(c *Config) { c.TeamRoom = "!t:x" }, []string{"cases"}},
		{"nextcloud without approvals room", func(c *Config) { c.NextcloudURL = "https://cloud.x" }, nil},
		{"approvals room without an integration", func(c *Config) { c.ApprovalsRoom = "!a:x" }, nil},
		{"approvals room and nextcloud", func(c *Config) { c.ApprovalsRoom, c.NextcloudURL = "!a:x", "https://cloud.x" }, []string{"nextcloud"}},
		{"approvals room and bbb", func(c *Config) { c.ApprovalsRoom, c.BBBURL = "!a:x", "https://meet.x/bigbluebutton/api/" }, []string{"bbb"}},
		{"bbb for round tables only", func(c *Config) { c.BBBURL = "https://meet.x/bigbluebutton/api/" }, nil},
		{"coordinators", func(c *Config) { c.Coordinators = []string{"@k:x"} }, []string{"roundtables"}},
		{"announcement rooms", func(c *Config) { c.AnnouncementRooms = []string{"!r:x"} }, []string{"roundtables"}},
		{"everything", func(c *Config) {
			c.TeamRoom, c.ApprovalsRoom, c.NextcloudURL, c.BBBURL = "!t:x", "!a:x", "https://cloud.x", "https://meet.x/bigbluebutton/api/"
			c.Coordinators = []string{"@k:x"}
		}, guides.FeatureNames()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Defaults()
			tt.set(&cfg)
			if got := cfg.Features(); !slices.Equal(got, tt.want) {
				t.Errorf("Features() = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPlaceholderValuesCoverGuides: every value a guide placeholder shows
// comes from a config key.
func TestPlaceholderValuesCoverGuides(t *testing.T) {
	got := slices.Sorted(maps.Keys(validBase().PlaceholderValues()))
	if want := guides.VarNames(); !slices.Equal(got, want) {
		t.Errorf("PlaceholderValues has %q, the guides know %q", got, want)
	}
}

// TestPlaceholderProblems: `lotse config check` names every key a loaded
// guide needs and the config leaves unset – with the guides of the
// features that are on, as Lotse loads them.
func TestPlaceholderProblems(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("konto/a.md", "---\ntitle: A\ntags: [a]\nsummary: S\n---\nÖffne {{cloud_url}} im Browser ({{ cloud_host }}).\n")
	write("konto/b.md", "---\ntitle: B\ntags: [b]\nsummary: S\n---\nDie Cloud: {{cloud_host}}. Schreib Lotse ({{bot_id}}).\n")
	write("lotse/fall.md", "---\ntitle: Fall\ntags: [f]\nsummary: S\nrequires: [cases]\n---\nOder schreib an {{contact_email}} bei {{site_name}}.\n")
	for _, name := range []string{"c", "d", "e"} {
		write("meet/"+name+".md", "---\ntitle: "+name+"\ntags: [m]\nsummary: S\n---\nKonferenzen auf {{meet_url}}.\n")
	}
	tests := []struct {
		name string
		set  func(*Config)
		want []string
	}{
		{"nothing set, cases off", func(*Config) {}, []string{
			"site.cloud_url is not set (LOTSE_SITE_CLOUD_URL), but guides use it: konto/a.md, konto/b.md",
			"site.meet_url is not set (LOTSE_SITE_MEET_URL), but guides use it: meet/c.md, meet/d.md, meet/e.md",
		}},
		{"nothing set, cases on", func(c *Config) { c.TeamRoom = "!t:x" }, []string{
			"site.name is not set (LOTSE_SITE_NAME), but guides use it: lotse/fall.md",
			"site.contact_email is not set (LOTSE_SITE_CONTACT_EMAIL), but guides use it: lotse/fall.md",
			"site.cloud_url is not set (LOTSE_SITE_CLOUD_URL), but guides use it: konto/a.md, konto/b.md",
			"site.meet_url is not set (LOTSE_SITE_MEET_URL), but guides use it: meet/c.md, meet/d.md, meet/e.md",
		}},
		{"what the guides use is set", func(c *Config) {
			c.Site.CloudURL, c.Site.MeetURL = "https://cloud.verein.de", "https://meet.verein.de"
		}, nil},
		{"a blank value is unset", func(c *Config) {
			c.Site.CloudURL, c.Site.MeetURL = "  ", "https://meet.verein.de"
		}, []string{"site.cloud_url is not set (LOTSE_SITE_CLOUD_URL), but guides use it: konto/a.md, konto/b.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := validBase()
			tt.set(&cfg)
			lib, problems, err := guides.Load(dir, guides.WithFeatures(cfg.Features()...), guides.WithVars(cfg.PlaceholderValues()))
			if err != nil || len(problems) != 0 {
				t.Fatalf("Load: %v %v", err, problems)
			}
			got := cfg.PlaceholderProblems(lib.Placeholders())
			if len(got) != len(tt.want) {
				t.Fatalf("got %d problems, want %d: %v", len(got), len(tt.want), got)
			}
			for i, p := range got {
				if s := p.String(); !strings.HasPrefix(s, tt.want[i]) || !strings.Contains(s, "stand-in") {
					t.Errorf("problem %d:\n got %s\nwant %s …", i, s, tt.want[i])
				}
			}
		})
	}
	// More than three guides: the list is cut.
	many := map[string][]string{"meet_url": {"e.md", "d.md", "c.md", "b.md", "a.md"}}
	if got := validBase().PlaceholderProblems(many); len(got) != 1 || !strings.Contains(got[0].String(), "a.md, b.md, c.md and 2 more") {
		t.Errorf("got %q", got)
	}
}
