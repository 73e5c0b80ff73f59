package main

import (
	"slices"
	"testing"

	"github.com/lotse-bot/lotse/commands/access"
	"github.com/lotse-bot/lotse/commands/roundtable"
	"github.com/lotse-bot/lotse/config"
)

// TestConfigDefaultsMatchPackages: config.Defaults repeats the defaults the
// workflows fill in themselves (config may not import the workflows: it is
// a leaf of the import rules in .ci/imports.sh). They must agree, or a key
// left out of the file and a zero value in a test would behave differently.
func TestConfigDefaultsMatchPackages(t *testing.T) {
	d := config.Defaults()
	reminders, err := d.ReminderOffsets()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		key       string
		got, want any
	}{
		{"access_max_attempts", d.AccessMaxAttempts, access.DefaultMaxAttempts},
		{"access_notify_after", d.AccessNotifyAfter, access.DefaultNotifyAfter},
		{"access_retry_backoff", d.AccessRetryBackoff, access.DefaultBackoff},
		{"roundtable_meeting_lead", d.RoundTableMeetingLead, roundtable.DefaultMeetingLead},
		{"roundtable_tick", d.RoundTableTick, roundtable.DefaultTickInterval},
		{"roundtable_reminders", slices.Equal(reminders, roundtable.DefaultReminders), true},
	} {
		if c.got != c.want {
			t.Errorf("%s: config default %v, package default %v", c.key, c.got, c.want)
		}
	}
}
