package support

import (
	"testing"
	"time"

	"maunium.net/go/mautrix/id"
)

// TestAssigneeRings: one member rings one volunteer assigneeRingBurst
// times at once, then once per assigneeRingEvery; another member, or
// another volunteer, has a bucket of their own; a ring given back (the
// relay failed) may ring on the retry.
func TestAssigneeRings(t *testing.T) {
	const m1, m2, v1, v2 = id.UserID("@m1:hs"), id.UserID("@m2:hs"), id.UserID("@v1:hs"), id.UserID("@v2:hs")
	now := time.Date(2026, 12, 7, 23, 0, 0, 0, time.UTC)
	r := newAssigneeRings()
	for i := range assigneeRingBurst {
		if ok, _ := r.take(m1, v1, now); !ok {
			t.Fatalf("ring %d of the burst refused", i+1)
		}
	}
	if ok, _ := r.take(m1, v1, now); ok {
		t.Fatal("a ring beyond the burst was allowed")
	}
	if ok, _ := r.take(m2, v1, now); !ok {
		t.Fatal("another member's first ring refused")
	}
	ok, give := r.take(m1, v2, now)
	if !ok {
		t.Fatal("a ring of another volunteer refused")
	}
	for range assigneeRingBurst - 1 {
		r.take(m1, v2, now)
	}
	give() // the relay failed
	if ok, _ := r.take(m1, v2, now); !ok {
		t.Fatal("a ring given back was not allowed again")
	}
	if ok, _ := r.take(m1, v1, now.Add(assigneeRingEvery-time.Second)); ok {
		t.Fatal("a ring before assigneeRingEvery passed was allowed")
	}
	if ok, _ := r.take(m1, v1, now.Add(assigneeRingEvery)); !ok {
		t.Fatal("no ring after assigneeRingEvery")
	}
	var none *assigneeRings
	if ok, _ := none.take(m1, v1, now); !ok {
		t.Fatal("a nil set refused")
	}
}
