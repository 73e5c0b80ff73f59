package support

import (
	"testing"
	"time"
)

// TestAge: a case's age in minutes, hours or days, in both languages; an
// age below zero (the clock was set back after the case's time was stored)
// reads as 0 minutes, not as a negative number.
func TestAge(t *testing.T) {
	for _, tt := range []struct {
		name string
		tx   *Texts
		d    time.Duration
		want string
	}{
		{"minutes", &German, 42 * time.Minute, "42 Min."},
		{"hours", &German, 5 * time.Hour, "5 Std."},
		{"one day and more in hours", &German, 47 * time.Hour, "47 Std."},
		{"days", &German, 73 * time.Hour, "3 Tagen"},
		{"clock set back", &German, -42 * time.Minute, "0 Min."},
		{"clock set back an hour and more", &German, -90 * time.Minute, "0 Min."},
		{"clock set back, English", &English, -time.Minute, "0 min"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := age(tt.tx, tt.d); got != tt.want {
				t.Errorf("age(%v) = %q, want %q", tt.d, got, tt.want)
			}
		})
	}
}
