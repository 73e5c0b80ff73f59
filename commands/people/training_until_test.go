package people

import (
	"testing"
	"time"

	"github.com/lotse-bot/lotse/commands/chat"
)

// TestTrainingUntil: when a training stops counting, for configured
// validities other than the default year, in the association's time zone
// (not only Berlin): whole multiples of 365 days are calendar years, also
// from and across a 29 February; other whole days are calendar days at
// the same time of day across the switch to or from summer time; any
// other duration is exact.
func TestTrainingUntil(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	auckland, err := time.LoadLocation("Pacific/Auckland")
	if err != nil {
		t.Fatal(err)
	}
	const day = 24 * time.Hour
	for _, tt := range []struct {
		name     string
		loc      *time.Location
		validity time.Duration
		at, want string // local time in loc
	}{
		{"one year across a 29 February", berlin, 365 * day, "2027-03-01 10:00", "2028-03-01 10:00"},
		{"one year from a 29 February", berlin, 365 * day, "2028-02-29 10:00", "2029-03-01 10:00"},
		{"two years", berlin, 2 * 365 * day, "2027-03-01 10:00", "2029-03-01 10:00"},
		{"two years from a 29 February", berlin, 2 * 365 * day, "2028-02-29 10:00", "2030-03-01 10:00"},
		{"30 days across the switch to summer time", berlin, 30 * day, "2027-03-15 10:00", "2027-04-14 10:00"},
		{"30 days across the switch to winter time", berlin, 30 * day, "2027-10-15 10:00", "2027-11-14 10:00"},
		{"366 days are days, not a year", berlin, 366 * day, "2027-03-01 10:00", "2028-03-01 10:00"},
		{"an exact duration", berlin, 36 * time.Hour, "2027-03-15 10:00", "2027-03-16 22:00"},
		{"one year in another zone, across its 29 February", auckland, 365 * day, "2027-03-01 00:30", "2028-03-01 00:30"},
		{"30 days in another zone, across its switch to winter time", auckland, 30 * day, "2027-03-20 10:00", "2027-04-19 10:00"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := New(&chat.Env{Lang: "de", Location: tt.loc}, Config{Roles: Roles{TrainingValidity: tt.validity}})
			at, err := time.ParseInLocation("2006-01-02 15:04", tt.at, tt.loc)
			if err != nil {
				t.Fatal(err)
			}
			if got := w.trainingUntil(at.UTC()).In(tt.loc).Format("2006-01-02 15:04"); got != tt.want {
				t.Errorf("trainingUntil(%s) with %v = %s, want %s", tt.at, tt.validity, got, tt.want)
			}
		})
	}
}
