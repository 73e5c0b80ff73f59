package config

import (
	"strings"
	"testing"
)

// TestNextcloudGroupsNotAdmin: nextcloud_groups listing Nextcloud's admin
// group (in any case) is a config error: every member may request a listed
// group, and one approval grants it (twenty-sixth pass).
func TestNextcloudGroupsNotAdmin(t *testing.T) {
	for _, groups := range [][]string{{"AG Digitales", "admin"}, {"Admin"}} {
		cfg := Defaults()
		cfg.HomeserverURL, cfg.UserID, cfg.Password, cfg.PickleKey = "https://hs", "@l:hs", "pw", "0123456789abcdef"
		cfg.ApprovalsRoom, cfg.NextcloudURL, cfg.NextcloudUser, cfg.NextcloudAppPassword = "!a:hs", "https://cloud.example.org", "lotse", "app"
		cfg.NextcloudGroups = groups
		if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "admin group") {
			t.Errorf("%v: %v, want an error naming the admin group", groups, err)
		}
		cfg.NextcloudGroups = []string{"AG Digitales", "Administration"}
		if err := cfg.Validate(); err != nil {
			t.Errorf("ordinary groups: %v", err)
		}
	}
}
