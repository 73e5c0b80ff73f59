package schedule_test

import (
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin without system zoneinfo
)

// berlin is the location every test uses.
var berlin = mustLoad("Europe/Berlin")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// at parses "2006-01-02 15:04" as wall-clock time in Berlin.
func at(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, berlin)
	if err != nil {
		t.Fatalf("bad test time %q: %v", s, err)
	}
	return v
}
