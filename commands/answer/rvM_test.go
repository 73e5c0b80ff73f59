package answer

import "testing"

// TestDeclineAsked: the words of a decline asked as a question ("ist das
// schon erledigt?", "I can do it myself?") are no closing: they are
// searched or answered like any question, never "Alles klar!" (review
// rvM: declineOnly took them for a decline). The same words said are
// still one.
func TestDeclineAsked(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg       string
		smallTalk bool
	}{
		{"ist das schon erledigt?", false},
		{"ist das nicht nötig?", false},
		{"I can do it myself?", false},
		{"kommen wir klar?", false},
		{"nicht nötig?", false},
		{"I'm fine?", false},
		{"das ist schon erledigt", true},
		{"nicht nötig", true},
		{"I can do it myself", true},
		{"I'm fine", true},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		if got := d.Outcome == SmallTalk; got != tt.smallTalk {
			t.Errorf("%q: %s %s %q, want small talk %v", tt.msg, d.Outcome, d.Talk, d.Reply, tt.smallTalk)
		}
	}
}
