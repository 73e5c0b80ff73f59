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

// TestDeclineInverted: the words of a decline asked by their order alone,
// as chat often does without a question mark ("can I do it myself",
// "schaffe ich das", "hat sich das erledigt"), are no closing either
// (review rvM); the declaratives that put the verb first and drop the
// object ("mach ich selbst", "krieg ich hin", "brauch ich nicht", "hat
// sich erledigt") still are.
func TestDeclineInverted(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg       string
		smallTalk bool
	}{
		{"can I do it myself", false},
		{"will I manage", false},
		{"am I fine", false},
		{"schaffe ich das", false},
		{"krieg ich das hin", false},
		{"mach ich das selbst", false},
		{"hat sich das erledigt", false},
		{"ist das erledigt", false},
		{"werde ich das schaffen", false},
		{"nein danke, mach ich selbst", true},
		{"danke, schaff ich schon", true},
		{"krieg ich hin", true},
		{"brauch ich nicht", true},
		{"hat sich erledigt", true},
		{"das schaffe ich", true},
		{"I can do it myself", true},
		{"no thanks, I'll manage", true},
		{"ok, das mach ich selbst", true},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		if got := d.Outcome == SmallTalk; got != tt.smallTalk {
			t.Errorf("%q: %s %s %q, want small talk %v", tt.msg, d.Outcome, d.Talk, d.Reply, tt.smallTalk)
		}
	}
}
