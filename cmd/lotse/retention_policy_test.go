package main

import (
	"testing"
	"time"

	"github.com/lotse-bot/lotse/config"
)

// TestRetentionPolicyRoundTableLead (mend24b): the retention knows the
// longest round-table reminder, so that a reminder's record outlives its
// date (storage.RetentionPolicy.RoundTableLead).
func TestRetentionPolicyRoundTableLead(t *testing.T) {
	for _, tt := range []struct {
		reminders []string
		want      time.Duration
	}{
		{[]string{"24h", "15m"}, 24 * time.Hour},
		{[]string{"15m", "168h"}, 168 * time.Hour},
		{nil, 24 * time.Hour},
	} {
		cfg := config.Defaults()
		cfg.RoundTableReminders = tt.reminders
		if got := retentionPolicy(cfg).RoundTableLead; got != tt.want {
			t.Errorf("reminders %v: lead %v, want %v", tt.reminders, got, tt.want)
		}
	}
}
