package schedule_test

import (
	"go/build"
	"slices"
	"testing"
)

// TestPackageEmbedsTimeZones: the package itself (not only its tests, not
// only cmd/lotse) imports time/tzdata, so that every program that writes a
// calendar file or reads a date with it finds Europe/Berlin on a host
// without zoneinfo. Without it, ICS failed there with „failed to load time
// zone“ and a test binary's time.LoadLocation("Europe/Berlin") returned
// nil, on which time.Date panics. The commands tests load Europe/Berlin
// through this package.
func TestPackageEmbedsTimeZones(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(pkg.Imports, "time/tzdata") {
		t.Errorf("package schedule does not import time/tzdata (imports %v)", pkg.Imports)
	}
}
