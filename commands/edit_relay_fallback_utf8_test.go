package commands

import (
	"strings"
	"testing"
	"unicode/utf8"

	"maunium.net/go/mautrix/event"
)

// TestEditedRelayFallbackUTF8: the team room's edit of a relay (support's
// own edit, not chat.Env.EditTo) has a fallback body of whole characters.
// mautrix cuts a long fallback at byte 50; with „x“ and umlauts after the
// relay's head that byte falls inside an „ä“, and the fallback ended in an
// invalid byte (sec29 repaired EditTo only; mend29c).
func TestEditedRelayFallbackUTF8(t *testing.T) {
	for _, text := range []string{"x" + strings.Repeat("ä", 60), strings.Repeat("ä", 60)} {
		e := newSupportEnv(t)
		e.openCase(t)
		msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Mein Drucker druckt nicht"})
		relay := in(e.handle(t, msg, true), teamRoom)
		if len(relay) != 1 {
			t.Fatalf("precondition: relayed once, got %d", len(relay))
		}
		sent := e.handle(t, e.editText(dmRoom, member, msg.ID, text), true)
		relayEdit(t, sent, relay[0])
		edit := in(sent, teamRoom)[0].content
		if !utf8.ValidString(edit.Body) || !strings.HasSuffix(edit.Body, "[edit fallback cut…]") {
			t.Errorf("edit's fallback body %q", edit.Body)
		}
	}
}
