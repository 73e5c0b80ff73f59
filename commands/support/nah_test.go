package support

import (
	"testing"

	"github.com/lotse-bot/lotse/commands/chat"
)

// TestOpensWithNoNah: "nah" opens a "no" only as the whole message
// ("nah", "nah.") or before a clause break ("nah, no worries"); before a
// word it is the German "nah" (near: „nah an der Tür“, „nah dran“) and
// declines nothing (chat.NoAlone). The other particles open a "no"
// however long the message is.
func TestOpensWithNoNah(t *testing.T) {
	for _, tt := range []struct {
		msg  string
		want bool
	}{
		{"nah", true},
		{"nah.", true},
		{"Nah!", true},
		{"nah an der tür liegt der schlüssel", false},
		{"nah dran, aber es geht nicht", false},
		{"nah, ich komme klar", true},
		{"nah, no worries", true},
		{"nah dran", false},
		{"nah-dran ist es schon", false}, // a compound, no answer (review rvR12)
		{"nah – ich komme klar", true},
		{"nein, ich komme klar", true},
		{"nope, I'm fine", true},
		{"no thanks", true},
	} {
		if got := opensWithNo(chat.NormWords(tt.msg)); got != tt.want {
			t.Errorf("opensWithNo(%q) = %v, want %v", tt.msg, got, tt.want)
		}
	}
}
