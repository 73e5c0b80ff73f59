package chat_test

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"

	"github.com/lotse-bot/lotse/commands/chat"
)

// TestFitContentKeepsSourceKey (mend30b): the cut to fit drops a file
// info's unknown fields but keeps Lotse's own short source key, also when
// the message is over the limit for another reason (a 45 KB file name); a
// source key of crafted length goes like any unknown field. Fails when
// fitInfo drops every unknown field: the key is lost, and every edit with
// the same file uploads it again.
func TestFitContentKeepsSourceKey(t *testing.T) {
	key := strings.Repeat("ab", 32)
	tests := []struct {
		name  string
		extra map[string]any
		want  map[string]any
	}{
		{"own key kept", map[string]any{chat.SourceInfoKey: key, "x.crafted": strings.Repeat("L", 1000)},
			map[string]any{chat.SourceInfoKey: key}},
		{"crafted length dropped", map[string]any{chat.SourceInfoKey: strings.Repeat("L", 30_000)}, nil},
		{"not a string dropped", map[string]any{chat.SourceInfoKey: map[string]any{"a": "b"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &event.MessageEventContent{MsgType: event.MsgImage, Body: "Bild", URL: "mxc://t/x",
				FileName: strings.Repeat("Bildname-", 5000) + ".png", Info: &event.FileInfo{MimeType: "image/png", Extra: tt.extra}}
			if !chat.FitContent(c, chat.MaxContentBytes, "[…]") {
				t.Fatal("FitContent did not cut")
			}
			if size := contentSize(t, c); size > chat.MaxContentBytes {
				t.Fatalf("content is %d bytes, over %d", size, chat.MaxContentBytes)
			}
			if len(c.Info.Extra) != len(tt.want) || (tt.want != nil && c.Info.Extra[chat.SourceInfoKey] != tt.want[chat.SourceInfoKey]) {
				t.Errorf("info's unknown fields after the cut: %d kept, want %v", len(c.Info.Extra), tt.want)
			}
		})
	}
}
