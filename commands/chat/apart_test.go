package chat

import "testing"

// TestSetApart: a word stands apart before a clause break, typed or
// typographic, or with no word after it; before the next word it does
// not (the one reading of chat.NoAlone for support and the answer
// decision).
func TestSetApart(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"nah", true},
		{"nah.", true},
		{"nah 🙂", true},
		{"nah, ich komme klar", true},
		{"nah – ich komme klar", true},
		{"nah — ich komme klar", true},
		{"nah - ich komme klar", true},
		{"nah) ich komme klar", true},
		{"nah… ich komme klar", true},
		{"nah\nich komme klar", true},
		{"nah dran", false},
		{"nah an der tür", false},
		{"nah (ich komme klar)", false},
		{"nah 🙂 ich komme klar", false},
	} {
		if got := SetApart(tt.text, len("nah")); got != tt.want {
			t.Errorf("SetApart(%q, 3) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
