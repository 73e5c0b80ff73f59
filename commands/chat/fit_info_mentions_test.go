package chat_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

// TestFitContentInfoAndMentions (sec30): a message whose size comes from
// what the sec29 cut did not touch — a relayed file's info with a 60 KB
// blurhash, mime type or unknown field (a member's crafted image event),
// a mentions list of thousands of people — is cut to the limit too: the
// info keeps its real fields, the mentions their first IDs, once each.
// Fails without fitInfo and fitMentions: the content stays over the limit.
func TestFitContentInfoAndMentions(t *testing.T) {
	huge := strings.Repeat("L", 60_000)
	many := make([]id.UserID, 3000)
	for i := range many {
		many[i] = id.UserID(fmt.Sprintf("@person-%04d:example.org", i))
	}
	tests := []struct {
		name    string
		content func() *event.MessageEventContent
		check   func(t *testing.T, c *event.MessageEventContent)
	}{
		{"blurhash", func() *event.MessageEventContent {
			return &event.MessageEventContent{MsgType: event.MsgImage, Body: "bild.png", URL: "mxc://t/x",
				Info: &event.FileInfo{MimeType: "image/png", Width: 10, Height: 10, Blurhash: huge, AnoaBlurhash: huge}}
		}, func(t *testing.T, c *event.MessageEventContent) {
			if c.Info.MimeType != "image/png" || c.Info.Width != 10 || c.Info.Blurhash != "" {
				t.Errorf("info %+v", *c.Info)
			}
		}},
		{"mime type", func() *event.MessageEventContent {
			return &event.MessageEventContent{MsgType: event.MsgFile, Body: "a.bin", URL: "mxc://t/x",
				Info: &event.FileInfo{MimeType: "text/plain;x=" + huge, Size: 5}}
		}, func(t *testing.T, c *event.MessageEventContent) {
			if c.Info.MimeType != "application/octet-stream" || c.Info.Size != 5 {
				t.Errorf("info %+v", *c.Info)
			}
		}},
		{"unknown field and thumbnail", func() *event.MessageEventContent {
			return &event.MessageEventContent{MsgType: event.MsgImage, Body: "b.png", URL: "mxc://t/x",
				Info: &event.FileInfo{MimeType: "image/png", Extra: map[string]any{"x.crafted": huge[:30_000]},
					ThumbnailInfo: &event.FileInfo{Blurhash: huge[:30_000]}}}
		}, func(t *testing.T, c *event.MessageEventContent) {
			if c.Info.Extra != nil || c.Info.ThumbnailInfo.Blurhash != "" {
				t.Errorf("info kept the crafted fields")
			}
		}},
		{"mentions", func() *event.MessageEventContent {
			return &event.MessageEventContent{MsgType: event.MsgNotice, Body: "Hallo alle", Mentions: &event.Mentions{UserIDs: append(many, many...)}}
		}, func(t *testing.T, c *event.MessageEventContent) {
			ids := c.Mentions.UserIDs
			if len(ids) < 100 || ids[0] != many[0] || ids[len(ids)-1] != many[len(ids)-1] || c.Body != "Hallo alle" {
				t.Errorf("kept %d mentions, body %q", len(ids), c.Body)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.content()
			if !chat.FitContent(c, chat.MaxContentBytes, "[…]") {
				t.Fatal("FitContent did not cut")
			}
			if size := contentSize(t, c); size > chat.MaxContentBytes {
				t.Fatalf("content is %d bytes, over %d", size, chat.MaxContentBytes)
			}
			tt.check(t, c)
		})
	}
}

// TestEnvSendFitsInfoAndMentions (sec30): the Env's Matrix cuts such a
// message on a copy — the caller's info and mentions stay as they were —
// and the fake homeserver takes it. Fails without the deep copy (the
// caller's info loses its blurhash) or without the fit of the info (the
// fake refuses the event).
func TestEnvSendFitsInfoAndMentions(t *testing.T) {
	fake := &chattest.Matrix{Me: "@lotse:test"}
	env := chat.Env{Matrix: fake}.WithDefaults()
	huge := strings.Repeat("L", 64_000)
	content := &event.MessageEventContent{MsgType: event.MsgImage, Body: "bild.png", URL: "mxc://t/x",
		Info: &event.FileInfo{MimeType: "image/png", Blurhash: huge}, Mentions: &event.Mentions{UserIDs: []id.UserID{"@a:t", "@a:t"}}}
	if _, err := env.Matrix.Send(context.Background(), "!team:test", event.EventMessage, content, "t1"); err != nil {
		t.Fatalf("send refused: %v", err)
	}
	if content.Info.Blurhash != huge || len(content.Mentions.UserIDs) != 2 {
		t.Error("the caller's content was changed")
	}
	if sent := fake.Sent(); len(sent) != 1 || sent[0].Content.Info.Blurhash != "" {
		t.Errorf("sent %d messages", len(sent))
	}
}

// TestFitPassesOtherContent (sec30): chat.Fit, which the bot's Sender
// applies to every send, leaves a small message and any content that is
// not a message (a reaction) as they are.
func TestFitPassesOtherContent(t *testing.T) {
	small := &event.MessageEventContent{MsgType: event.MsgNotice, Body: "kurz"}
	if got := chat.Fit(context.Background(), "!r:t", small, "de"); got != any(small) {
		t.Error("a small message was copied")
	}
	react := &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: "$e", Key: "✅"}}
	if got := chat.Fit(context.Background(), "!r:t", react, "de"); got != any(react) {
		t.Error("a reaction was changed")
	}
	long := &event.MessageEventContent{MsgType: event.MsgNotice, Body: strings.Repeat("Wort ", 20_000)}
	got, ok := chat.Fit(context.Background(), "!r:t", long, "en").(*event.MessageEventContent)
	if !ok || got == long || !strings.HasSuffix(got.Body, chat.CutMarker("en")) || contentSize(t, got) > chat.MaxContentBytes {
		t.Error("a long message was not cut on a copy")
	}
}

// BenchmarkFitSmallMessage: what chat.Fit costs a message that fits (every
// send pays it twice: the Env's Matrix and the bot's Sender).
func BenchmarkFitSmallMessage(b *testing.B) {
	c := &event.MessageEventContent{MsgType: event.MsgNotice, Body: strings.Repeat("Antwort ", 200),
		Format: event.FormatHTML, FormattedBody: "<p>" + strings.Repeat("Antwort ", 200) + "</p>", Mentions: &event.Mentions{}}
	for b.Loop() {
		chat.Fit(context.Background(), "!r:t", c, "de")
	}
}

// BenchmarkFitCraftedInfo: the cost of cutting a relayed image whose
// info carries a 60 KB blurhash.
func BenchmarkFitCraftedInfo(b *testing.B) {
	c := &event.MessageEventContent{MsgType: event.MsgImage, Body: "bild.png", URL: "mxc://t/x",
		Info: &event.FileInfo{MimeType: "image/png", Blurhash: strings.Repeat("L", 60_000)}}
	for b.Loop() {
		chat.Fit(context.Background(), "!r:t", c, "de")
	}
}
