package schedule_test

import (
	"testing"
	"time"

	"github.com/lotse-bot/lotse/schedule"
)

// TestValidDuration pins the bounds of a round table's length that Parse
// accepts (the fuzz test checks every parsed length against it): a
// minute up to a day, both included.
func TestValidDuration(t *testing.T) {
	for _, tt := range []struct {
		d    time.Duration
		want bool
	}{
		{0, false},
		{time.Minute - time.Nanosecond, false},
		{time.Minute, true},
		{90 * time.Minute, true},
		{24 * time.Hour, true},
		{24*time.Hour + time.Nanosecond, false},
		{-time.Hour, false},
	} {
		if got := schedule.ValidDuration(tt.d); got != tt.want {
			t.Errorf("ValidDuration(%v) = %v, want %v", tt.d, got, tt.want)
		}
	}
}
