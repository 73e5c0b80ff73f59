package roundtable

import (
	"testing"

	"github.com/lotse-bot/lotse/commands/chat"
)

// TestLinkWorksFromPlural: "1 Minute", "10 Minuten" — a text test that
// fails on a wrong plural (issue 17 point 8).
func TestLinkWorksFromPlural(t *testing.T) {
	for n, want := range map[int]string{1: "ab etwa 1 Minute vor Beginn.", 10: "ab etwa 10 Minuten vor Beginn."} {
		if got := chat.Format(chat.Plural(German.LinkWorksFrom, n), n); got != "Der Link funktioniert "+want {
			t.Errorf("%d: %q", n, got)
		}
	}
}
