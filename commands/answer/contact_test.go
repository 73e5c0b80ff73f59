package answer

import (
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/commands/chat"
)

// TestDefaultContactIsTheChats: without a configured contact, the answer
// decision (as `lotse ask` shows it) names the same sentence as the chat
// (chat.Env.FallbackContact); they were two different sentences (ux20,
// Low).
func TestDefaultContactIsTheChats(t *testing.T) {
	for _, tx := range []*Texts{&German, &English} {
		env := chat.Env{Lang: tx.Lang}
		want := env.FallbackContact()
		if d := Decide("Hier antwortet nur ein Bot? Ich will einen Menschen sprechen", noLibrary{}, Options{Texts: tx}); !strings.HasSuffix(d.Reply, want) {
			t.Errorf("%s: %q does not end with the chat's contact %q", tx.Lang, d.Reply, want)
		}
	}
}
