// Tests of AsksQuestion: a question of its own after the answer to Lotse's
// yes/no question.

package answer

import "testing"

// TestAsksQuestion: a question of its own after the answer to a yes/no
// question (review rv8, finding 13).
func TestAsksQuestion(t *testing.T) {
	for _, tt := range []struct {
		msg  string
		want bool
	}{
		{"nein, wie ändere ich mein Passwort?", true},
		{"nein, wie ändere ich mein Passwort", true},
		{"nein danke, aber wo finde ich die Satzung", true},
		{"nein, kann ich mein Passwort selbst ändern?", true},
		{"no, how do I share my screen", true},
		{"nein, ist schon gut", false},
		{"nein danke, ich komme klar", false},
		{"nein, lieber nicht", false},
		{"nein", false},
		{"nein, ob das geht, weiß ich nicht", false},
	} {
		if got := AsksQuestion(tt.msg); got != tt.want {
			t.Errorf("AsksQuestion(%q) = %v, want %v", tt.msg, got, tt.want)
		}
	}
}
