package chat

import "testing"

// TestCode: text for a code span keeps Markdown's characters as they are
// (a code span shows them literally), replaces the backtick that would
// end the span, and is one line of at most 200 characters and „…“.
func TestCode(t *testing.T) {
	long := ""
	for range 300 {
		long += "a"
	}
	for _, c := range []struct{ in, want string }{
		{"max_muster", "max_muster"},
		{"AG Umwelt (Süd)", "AG Umwelt (Süd)"},
		{"a`b", "a'b"},
		{"zwei\nZeilen", "zwei Zeilen"},
	} {
		if got := Code(c.in); got != c.want {
			t.Errorf("Code(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if n := len([]rune(Code(long))); n > 201 { // 200 and „…“
		t.Errorf("Code of 300 characters has %d", n)
	}
}
