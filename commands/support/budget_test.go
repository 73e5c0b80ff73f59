package support

import (
	"testing"
	"time"

	"maunium.net/go/mautrix/id"
)

// TestRelayBudget (relay30): the count per member — the floor per file, a
// file that passes the budget refused (its bytes counted), nothing
// fetched after, the same event's decision standing (a retry), other
// members untouched, and a new window after RelayWindow.
func TestRelayBudget(t *testing.T) {
	const a, b = id.UserID("@a:test"), id.UserID("@b:test")
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	r := newRelayBudget(3 * minRelayCharge)
	steps := []struct {
		member id.UserID
		evt    id.EventID
		n      int64
		at     time.Duration
		allow  bool // before the fetch
		fits   bool // after it
	}{
		{a, "$1", 10, 0, true, true},                          // counts the floor
		{a, "$2", 2 * minRelayCharge, 0, true, true},          // exactly the budget
		{a, "$3", 1, time.Hour, false, false},                 // spent: not fetched
		{a, "$2", 2 * minRelayCharge, time.Hour, true, true},  // a retry: the same decision
		{b, "$4", 4 * minRelayCharge, time.Hour, true, false}, // passes it: refused
		{b, "$5", 1, time.Hour, false, false},
		{a, "$6", 1, RelayWindow, true, true}, // a new window
	}
	for i, s := range steps {
		at := now.Add(s.at)
		if got := r.allows(s.member, s.evt, at); got != s.allow {
			t.Fatalf("step %d: allows = %v", i, got)
		}
		if !s.allow {
			continue
		}
		if got := r.take(s.member, s.evt, s.n, at); got != s.fits {
			t.Fatalf("step %d: take = %v", i, got)
		}
	}
	// a's first window ended and began anew; b's runs on.
	if got := r.spent[a]; got.bytes != minRelayCharge || len(got.events) != 1 || len(r.spent) != 2 {
		t.Errorf("after the window: %+v, %d members", got, len(r.spent))
	}
}
