package chat_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

// contentSize is the JSON length of c as it is sent.
func contentSize(t *testing.T, c any) int {
	t.Helper()
	raw, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return len(raw)
}

// balanced reports whether every element of h is closed, in order (void
// elements aside), and no tag is cut (the tokenizer sees text after the
// last tag, not a half tag).
func balanced(h string) bool {
	void := map[string]bool{"br": true, "hr": true, "img": true}
	var stack []string
	z := html.NewTokenizer(strings.NewReader(h))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return len(stack) == 0 && !strings.Contains(h[strings.LastIndexByte(h, '>')+1:], "<")
		case html.StartTagToken:
			if name, _ := z.TagName(); !void[string(name)] {
				stack = append(stack, string(name))
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if len(stack) == 0 || stack[len(stack)-1] != string(name) {
				return false
			}
			stack = stack[:len(stack)-1]
		}
	}
}

// TestFitContent (sec29): a message built from a member's near-64 KB text
// — with its HTML escaped „<“ four times as long, umlauts and emoji,
// nested elements, an edit with its new content — is cut to the limit:
// every cut text ends with the marker, is valid UTF-8, and its HTML is
// not cut inside a tag or entity and closes every element; a small
// message stays as it is.
func TestFitContent(t *testing.T) {
	const marker = "[… gekürzt: zu lang für eine Chatnachricht]"
	long := strings.Repeat("Fehler <dump> & „Äpfel“ 🙂 line\n", 2000) // ~64 KB
	tests := []struct {
		name    string
		content func() *event.MessageEventContent
		cut     bool
	}{
		{"small", func() *event.MessageEventContent {
			return &event.MessageEventContent{MsgType: event.MsgNotice, Body: "Hallo <du>", Format: event.FormatHTML, FormattedBody: "<p>Hallo &lt;du&gt;</p>"}
		}, false},
		{"escaped text", func() *event.MessageEventContent {
			return &event.MessageEventContent{MsgType: event.MsgNotice, Body: long, Format: event.FormatHTML, FormattedBody: chat.TextHTML(long)}
		}, true},
		{"nested elements", func() *event.MessageEventContent {
			h := "<ul>" + strings.Repeat("<li><strong>Schritt „ä“</strong> <a href=\"https://example.org/?a=1&amp;b=2\">Link</a> &lt;x&gt;</li>", 1500) + "</ul>"
			return &event.MessageEventContent{MsgType: event.MsgNotice, Body: long, Format: event.FormatHTML, FormattedBody: "<blockquote>" + h + "</blockquote>"}
		}, true},
		{"edit", func() *event.MessageEventContent {
			c := &event.MessageEventContent{MsgType: event.MsgNotice, Body: long, Format: event.FormatHTML, FormattedBody: chat.TextHTML(long)}
			c.SetEdit("$old")
			c.Body, c.Format, c.FormattedBody = "* "+long, event.FormatHTML, "* "+chat.TextHTML(long)
			return c
		}, true},
		{"file with a long name", func() *event.MessageEventContent {
			return &event.MessageEventContent{MsgType: event.MsgFile, Body: strings.Repeat("Bildunterschrift ", 600), URL: "mxc://test/f",
				FileName: strings.Repeat("ä", 25_000) + ".pdf"}
		}, true},
		{"only multibyte", func() *event.MessageEventContent {
			return &event.MessageEventContent{MsgType: event.MsgNotice, Body: strings.Repeat("🙂", 20000)}
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.content()
			before := *c
			if got := chat.FitContent(c, chat.MaxContentBytes, marker); got != tt.cut {
				t.Fatalf("FitContent = %v, want %v", got, tt.cut)
			}
			if size := contentSize(t, c); size > chat.MaxContentBytes {
				t.Errorf("content is %d bytes, over %d", size, chat.MaxContentBytes)
			}
			if !tt.cut {
				if c.Body != before.Body || c.FormattedBody != before.FormattedBody {
					t.Error("a small message was changed")
				}
				return
			}
			for cc := c; cc != nil; cc = cc.NewContent {
				for _, s := range []string{cc.Body, cc.FormattedBody} {
					if s == "" {
						continue
					}
					if !utf8.ValidString(s) {
						t.Errorf("cut text is not valid UTF-8: …%q", s[max(0, len(s)-80):])
					}
					if !strings.Contains(s, marker) || len(s) < 1000 {
						t.Errorf("cut text (%d bytes) lacks the marker or kept too little: …%q", len(s), s[max(0, len(s)-80):])
					}
				}
				if cc.FileName != "" && (!utf8.ValidString(cc.FileName) || !strings.HasSuffix(cc.FileName, "….pdf")) {
					t.Errorf("cut file name: …%q", cc.FileName[max(0, len(cc.FileName)-40):])
				}
				if cc.FormattedBody != "" && !balanced(cc.FormattedBody) {
					t.Errorf("cut HTML is not balanced: …%q", cc.FormattedBody[max(0, len(cc.FormattedBody)-200):])
				}
			}
		})
	}
}

// TestEnvSendFits (sec29): every message a workflow sends through the
// Env fits the homeserver's limit, cut with the marker of the Env's
// language; the caller's content is not changed. Fails without the fit in
// the Env's Matrix: the fake homeserver refuses the too-large event, and
// the message is lost.
func TestEnvSendFits(t *testing.T) {
	long := strings.Repeat("<Fehler> & „Äpfel“ ", 3500) // 70 KB plain, 120 KB as HTML
	for _, lang := range []string{"de", "en"} {
		t.Run(lang, func(t *testing.T) {
			fake := &chattest.Matrix{Me: "@lotse:test"}
			env := chat.Env{Matrix: fake, Lang: lang}.WithDefaults()
			content := &event.MessageEventContent{MsgType: event.MsgNotice, Body: long, Format: event.FormatHTML, FormattedBody: chat.TextHTML(long)}
			if _, err := env.Matrix.Send(context.Background(), "!team:test", event.EventMessage, content, "t1"); err != nil {
				t.Fatalf("send refused: %v", err)
			}
			if content.Body != long {
				t.Error("the caller's content was cut")
			}
			sent := fake.Sent()
			if len(sent) != 1 {
				t.Fatalf("want one message, got %d", len(sent))
			}
			if !strings.HasSuffix(sent[0].Content.Body, chat.CutMarker(lang)) {
				t.Errorf("no %s marker at the end: …%q", lang, sent[0].Content.Body[max(0, len(sent[0].Content.Body)-80):])
			}
			if _, err := env.SendTo(context.Background(), "!team:test", long, chat.TextHTML(long), nil, nil, "t2"); err != nil {
				t.Errorf("SendTo refused: %v", err)
			}
		})
	}
	// The fake itself refuses what a homeserver refuses.
	fake := &chattest.Matrix{Me: "@lotse:test"}
	if _, err := fake.Send(context.Background(), id.RoomID("!r:test"), event.EventMessage, &event.MessageEventContent{Body: long}, "x"); !errors.Is(err, chattest.ErrTooLarge) {
		t.Errorf("the fake sent a %d-byte message: %v", len(long), err)
	}
}

// BenchmarkFitContent: the cost of cutting a message built from a 64 KB
// member text (plain and escaped HTML) to the limit.
func BenchmarkFitContent(b *testing.B) {
	long := strings.Repeat("Fehler <dump> & „Äpfel“ 🙂 line\n", 2000)
	for b.Loop() {
		c := &event.MessageEventContent{MsgType: event.MsgNotice, Body: long, Format: event.FormatHTML, FormattedBody: chat.TextHTML(long)}
		chat.FitContent(c, chat.MaxContentBytes, "[…]")
	}
}

// TestEditToFallbackUTF8 (sec29): the fallback body of an edit (mautrix
// cuts a long one at byte 50) never ends in half a character. Fails
// without the repair in EditTo: the body ends in the first byte of „ä“.
func TestEditToFallbackUTF8(t *testing.T) {
	fake := &chattest.Matrix{Me: "@lotse:test"}
	env := chat.Env{Matrix: fake}.WithDefaults()
	content := &event.MessageEventContent{MsgType: event.MsgNotice, Body: "x" + strings.Repeat("ä", 100)}
	if _, err := env.EditTo(context.Background(), "!r:test", "$old", content, "e1"); err != nil {
		t.Fatal(err)
	}
	sent := fake.Sent()
	if len(sent) != 1 || !utf8.ValidString(sent[0].Content.Body) || !strings.HasSuffix(sent[0].Content.Body, "[edit fallback cut…]") {
		t.Errorf("edit fallback body %q", sent[0].Content.Body)
	}
}
