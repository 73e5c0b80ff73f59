package commands

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// TestUnknownCommandLong (sec29): an unknown command of 60,000 characters
// is answered with a short reply that names only its beginning (cut at a
// whole character, „…“), and no command is suggested for it — without
// computing one edit distance: a word longer than every command name by
// more than two letters is near none. Fails without the bound: about
// 100 edit distances of 60,000 × 10 letters, 150 ms of CPU per message.
func TestUnknownCommandLong(t *testing.T) {
	h, fm, _ := newTestHandler(t)
	calls := 0
	defer func(d func(a, b string) int) { editDistance = d }(editDistance)
	editDistance = func(a, b string) int { calls++; return levenshtein.ComputeDistance(a, b) }
	for _, word := range []string{strings.Repeat("x", 60_000), strings.Repeat("ä", 30_000), "hilfx" + strings.Repeat("ü", 20_000)} {
		handle(t, h, msgEvent("!"+word), true)
		body := fm.last(t).Body
		if len(body) > 500 || !strings.Contains(body, "kenne ich nicht") || !strings.Contains(body, "…") || !utf8.ValidString(body) {
			t.Errorf("reply to a %d-byte command (%d bytes): %q", len(word), len(body), body[:min(len(body), 300)])
		}
		if calls != 0 {
			t.Errorf("%d edit distances for a %d-byte word", calls, len(word))
		}
		calls = 0
		if strings.Contains(body, "Meintest du") {
			t.Errorf("suggested a command for a %d-byte word: %q", len(word), body[:min(len(body), 300)])
		}
	}
}

// BenchmarkUnknownCommandLong: the cost of one unknown command of 60,000
// characters (parsing, the search for a close command, the reply).
func BenchmarkUnknownCommandLong(b *testing.B) {
	h, _, _ := newTestHandler(b)
	word := "!" + strings.Repeat("x", 60_000)
	for b.Loop() {
		if err := h.Handle(context.Background(), Message{Event: msgEvent(word), Direct: true}); err != nil {
			b.Fatal(err)
		}
	}
}
