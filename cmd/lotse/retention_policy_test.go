package main

import (
	"os"
	"path/filepath"
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

// TestRetentionPolicyRoomMessages (priv29): retention redacts Lotse's room
// messages of expired cases and requests by default;
// retention_redacts_room_messages: false in the configuration file keeps
// them (storage.RetentionPolicy.KeepRoomMessages).
func TestRetentionPolicyRoomMessages(t *testing.T) {
	for _, tt := range []struct {
		yaml string
		keep bool
	}{
		{"", false},
		{"retention_redacts_room_messages: true\n", false},
		{"retention_redacts_room_messages: false\n", true},
	} {
		path := filepath.Join(t.TempDir(), "lotse.yaml")
		yaml := "homeserver_url: https://matrix.example.org\nuser_id: \"@lotse:example.org\"\n" + tt.yaml
		if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
			t.Fatal(err)
		}
		cfg, err := config.Load(path, func(string) string { return "" })
		if err != nil {
			t.Fatal(err)
		}
		if got := retentionPolicy(cfg).KeepRoomMessages; got != tt.keep {
			t.Errorf("%q: KeepRoomMessages %v, want %v", tt.yaml, got, tt.keep)
		}
	}
}
