package chat_test

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"

	"github.com/lotse-bot/lotse/commands/chat"
)

// TestFitContentKeepsOwnInfo (whole30): the cut keeps Lotse's own short
// info fields (chat.OwnInfoPrefix, support's source key of a relayed
// file) and drops every other one, also one under Lotse's prefix that is
// not a short text. Fails without ownInfo: the source key goes with the
// rest, and an edit with the same file is uploaded again.
func TestFitContentKeepsOwnInfo(t *testing.T) {
	key := chat.OwnInfoPrefix + "source"
	c := &event.MessageEventContent{MsgType: event.MsgImage, Body: "bild.png", URL: "mxc://t/x",
		FileName: strings.Repeat("<", 8_000) + ".png",
		Info: &event.FileInfo{MimeType: "image/png", Extra: map[string]any{
			key:                         strings.Repeat("a", 64),
			chat.OwnInfoPrefix + "long": strings.Repeat("b", 300),
			chat.OwnInfoPrefix + "map":  map[string]any{"x": 1},
			"x.crafted":                 "c",
		}}}
	if !chat.FitContent(c, chat.MaxContentBytes, "…") {
		t.Fatal("precondition: the content needs the cut")
	}
	want := map[string]any{key: strings.Repeat("a", 64)}
	if len(c.Info.Extra) != len(want) || c.Info.Extra[key] != want[key] {
		t.Errorf("info fields after the cut: %v, want only %s", c.Info.Extra, key)
	}
}
