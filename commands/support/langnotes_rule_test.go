package support

import (
	"testing"
	"time"
)

// TestLangNotesRule (rooms33): the bound on the „language switched“
// notes, row by row: without a record a note is due on a switch only; two
// notes within any window, then none until the first of them has left it; a
// language the thread was last told is never told again; the memory keeps
// at most langNotesKept cases.
func TestLangNotesRule(t *testing.T) {
	now := time.UnixMilli(1_700_000_000_000)
	n := newLangNotes()
	if n.due(1, "de", "de", now) || !n.due(1, "de", "en", now) {
		t.Fatal("without a record: due exactly on a switch")
	}
	n.told(1, "en", now)
	if n.due(1, "de", "en", now) {
		t.Error("the language just told is due again")
	}
	if !n.due(1, "en", "de", now.Add(time.Minute)) {
		t.Fatal("the switch back within the window is not due")
	}
	n.told(1, "de", now.Add(time.Minute))
	if n.due(1, "de", "en", now.Add(2*time.Minute)) {
		t.Error("a third note within the window is due")
	}
	if n.due(1, "de", "en", now.Add(langNoteWindow-time.Millisecond)) {
		t.Error("due while two notes are within the window")
	}
	if !n.due(1, "en", "en", now.Add(langNoteWindow)) {
		t.Error("once the first note left the window, the catch-up (the case is English, the thread was told German) is not due")
	}
	for id := range int64(langNotesKept + 100) {
		n.told(id+10, "en", now)
	}
	if got := n.cases.Len(); got != langNotesKept {
		t.Errorf("%d cases kept, want at most %d", got, langNotesKept)
	}
}
