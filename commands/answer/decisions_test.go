package answer

import (
	"slices"
	"testing"
)

// checkDecision decides msg on lib (cases on) and reports an outcome other
// than want, or — when guide is set and the outcome is right — guide
// missing from the guides offered. ok is whether the outcome was want, so
// a table test can check more of d (its exit) only then.
func checkDecision(t *testing.T, lib Library, msg string, want Outcome, guide string) (d Decision, ok bool) {
	t.Helper()
	d = Decide(msg, lib, Options{Cases: true})
	if d.Outcome != want {
		t.Errorf("%q: outcome %s %v, want %s", msg, d.Outcome, d.Guides(), want)
		return d, false
	}
	if guide != "" && !slices.Contains(d.Guides(), guide) {
		t.Errorf("%q: guides %v, want %s among them", msg, d.Guides(), guide)
	}
	return d, true
}
