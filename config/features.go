package config

import (
	"fmt"
	"slices"
	"strings"
)

// Features returns the names of the features this configuration switches
// on, as guides require them (front matter "requires", guides.FeatureNames):
// "cases" (team_room), "nextcloud" and "bbb" (approvals_room with
// nextcloud_url or bbb_url), "roundtables" (coordinators or
// announcement_rooms). The names are written out because config may not
// import guides (.ci/imports.sh; config's tests check them against
// guides.FeatureNames). The command handler switches its workflows on from
// the same keys (commands.Handler.Features; TestFeaturesOneSource ties the
// two): a guide is shown exactly when its commands work.
func (c Config) Features() []string {
	var on []string
	if c.ApprovalsRoom != "" && c.BBBURL != "" {
		on = append(on, "bbb")
	}
	if c.TeamRoom != "" {
		on = append(on, "cases")
	}
	if c.ApprovalsRoom != "" && c.NextcloudURL != "" {
		on = append(on, "nextcloud")
	}
	if len(c.Coordinators) > 0 || len(c.AnnouncementRooms) > 0 {
		on = append(on, "roundtables")
	}
	return on
}

// placeholder is a value the guides show through a placeholder
// ({{cloud_url}}, library/README.md) and the config key it comes from.
type placeholder struct {
	name, key string
	value     func(Config) string
}

// placeholders are every value a guide placeholder shows (guides.VarNames;
// the *_host forms are derived from the *_url values).
var placeholders = []placeholder{
	{"site_name", "site.name", func(c Config) string { return c.Site.Name }},
	{"contact_email", "site.contact_email", func(c Config) string { return c.Site.ContactEmail }},
	{"website_url", "site.website_url", func(c Config) string { return c.Site.WebsiteURL }},
	{"cloud_url", "site.cloud_url", func(c Config) string { return c.Site.CloudURL }},
	{"meet_url", "site.meet_url", func(c Config) string { return c.Site.MeetURL }},
	{"chat_url", "site.chat_url", func(c Config) string { return c.Site.ChatURL }},
	{"matrix_server", "site.matrix_server", func(c Config) string { return c.Site.MatrixServer }},
	{"bot_id", "user_id", func(c Config) string { return c.UserID }},
}

// PlaceholderValues returns the value of every guide placeholder (the
// guides' Vars), by placeholder name; "" where the config leaves it unset.
func (c Config) PlaceholderValues() map[string]string {
	out := make(map[string]string, len(placeholders))
	for _, p := range placeholders {
		out[p.name] = p.value(c)
	}
	return out
}

// PlaceholderProblem is a config key that loaded guides need and the
// config leaves unset: they would show members a stand-in
// (https://cloud.example.org, "unser Verband") instead of the
// association's address or name.
type PlaceholderProblem struct {
	// Key is the config key (site.cloud_url), Env its variable
	// (LOTSE_SITE_CLOUD_URL).
	Key, Env string
	// Guides are the IDs of the guides that use it, sorted.
	Guides []string
}

// GuideList names the first three guides and, with more (a format such
// as "and %d more"), how many more there are.
func (p PlaceholderProblem) GuideList(more string) string {
	list := strings.Join(p.Guides[:min(len(p.Guides), 3)], ", ")
	if len(p.Guides) > 3 {
		list += " " + fmt.Sprintf(more, len(p.Guides)-3)
	}
	return list
}

// String says what is wrong, in English, for the admin.
func (p PlaceholderProblem) String() string {
	return fmt.Sprintf("%s is not set (%s), but guides use it: %s – members would read a stand-in there (example.org, \"unser Verband\")",
		p.Key, p.Env, p.GuideList("and %d more"))
}

// PlaceholderProblems lists every config key that a loaded guide needs
// and the config leaves unset, in the order of the site block; used maps
// placeholder names (cloud_url) to the guides using them
// (guides.Library.Placeholders). `lotse config check` and `lotse setup`
// report them as errors; `lotse run` starts and logs them.
func (c Config) PlaceholderProblems(used map[string][]string) []PlaceholderProblem {
	var problems []PlaceholderProblem
	for _, p := range placeholders {
		ids := used[p.name]
		if len(ids) == 0 || strings.TrimSpace(p.value(c)) != "" {
			continue
		}
		problems = append(problems, PlaceholderProblem{Key: p.key, Env: EnvName(strings.ReplaceAll(p.key, ".", "_")),
			Guides: slices.Sorted(slices.Values(ids))})
	}
	return problems
}
