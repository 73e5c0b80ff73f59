package chat

import (
	"fmt"
	"testing"
	"time"

	"maunium.net/go/mautrix/id"
)

// TestRingLogBounded: many senders keep the log at most maxRingEntries;
// the sender rung longest ago goes first, and a sender the log forgot is rung
// again (nothing worse than one more ring).
func TestRingLogBounded(t *testing.T) {
	r := newRingLog()
	now := time.Unix(0, 0)
	for i := range maxRingEntries + 500 {
		if !r.ring("!g:test", id.UserID(fmt.Sprintf("@u%d:test", i)), now) {
			t.Fatalf("sender %d not rung the first time", i)
		}
		if r.last.Len() > maxRingEntries {
			t.Fatalf("%d entries, at most %d", r.last.Len(), maxRingEntries)
		}
	}
	if r.ring("!g:test", id.UserID(fmt.Sprintf("@u%d:test", maxRingEntries+499)), now) {
		t.Fatal("the last sender was rung twice within the window")
	}
	if !r.ring("!g:test", "@u0:test", now) {
		t.Fatal("the sender rung longest ago was not forgotten when the log was full")
	}
	later := now.Add(ringWindow)
	for i := range maxRingEntries {
		r.ring("!h:test", id.UserID(fmt.Sprintf("@v%d:test", i)), later)
	}
	if r.last.Len() > maxRingEntries {
		t.Fatalf("%d entries, at most %d", r.last.Len(), maxRingEntries)
	}
	var nilLog *ringLog
	for range 2 {
		if !nilLog.ring("!g:test", "@a:test", now) {
			t.Fatal("a nil log must always ring")
		}
	}
}

// TestRingLogForget: a ring taken back (the reply failed) lets the retry
// ring; a later ring of the same person is not taken back by an older
// failure.
func TestRingLogForget(t *testing.T) {
	r := newRingLog()
	now := time.Unix(0, 0)
	r.ring("!g:test", "@a:test", now)
	r.forget("!g:test", "@a:test", now)
	if !r.ring("!g:test", "@a:test", now) {
		t.Fatal("the retry of a failed reply was not rung")
	}
	r.forget("!g:test", "@a:test", now.Add(-time.Second))
	if r.ring("!g:test", "@a:test", now) {
		t.Fatal("an older failure took back a newer ring")
	}
}
