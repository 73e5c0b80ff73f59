package support

import (
	"fmt"
	"testing"
	"time"
)

// TestLangNotesCatchUps (mend33b): a switch the bound silences marks the
// case for a catch-up; the tick's list holds it only once the bound allows
// a note; a note (told) or a settle takes it off.
func TestLangNotesCatchUps(t *testing.T) {
	n := newLangNotes()
	t0 := time.Unix(1_800_000_000, 0)
	n.told(1, "en", t0)
	n.told(1, "de", t0.Add(time.Minute))
	if n.due(1, "de", "en", t0.Add(2*time.Minute)) {
		t.Fatal("a third note within the hour")
	}
	if got := n.catchUps(t0.Add(30 * time.Minute)); len(got) != 0 {
		t.Fatalf("catch-ups within the hour: %v", got)
	}
	if got := fmt.Sprint(n.catchUps(t0.Add(time.Hour))); got != "[1]" {
		t.Fatalf("catch-ups after the hour: %s, want [1]", got)
	}
	n.told(1, "en", t0.Add(time.Hour))
	if got := n.catchUps(t0.Add(3 * time.Hour)); len(got) != 0 {
		t.Fatalf("catch-ups after the note: %v", got)
	}
	n.told(1, "de", t0.Add(3*time.Hour))
	n.told(1, "en", t0.Add(3*time.Hour+time.Minute))
	if n.due(1, "en", "de", t0.Add(3*time.Hour+2*time.Minute)) {
		t.Fatal("a third note within the hour")
	}
	if got := fmt.Sprint(n.catchUps(t0.Add(5 * time.Hour))); got != "[1]" {
		t.Fatalf("catch-ups before the settle: %s, want [1]", got)
	}
	n.settle(1)
	if got := n.catchUps(t0.Add(5 * time.Hour)); len(got) != 0 {
		t.Fatalf("catch-ups after a settle: %v", got)
	}
}
