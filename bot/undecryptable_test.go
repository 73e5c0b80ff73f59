package bot_test

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/bot"
	"github.com/lotse-bot/lotse/internal/dendrite/dendritetest"
)

// TestUndecryptableDoesNotHoldWorkers: encrypted events whose room key
// never comes (bogus session IDs) must not occupy the workers while Lotse
// waits for the key. With one worker and bogus events in four rooms, a
// question in a fifth room is still answered (it used to wait 10 s per
// bogus event, here longer than waitReply's 30 s), and the bogus events are
// retried, not dropped.
func TestUndecryptableDoesNotHoldWorkers(t *testing.T) {
	srv := dendritetest.Shared()
	tb := newTestBot(t, srv, func(o *bot.Options) { o.Workers = 1 })
	m := newMember(t, srv, "member")
	var bogus []id.EventID
	for i := range 4 {
		roomID := openDM(t, m, tb.userID, true)
		evtID, err := m.Cli.SendMessageEvent(t.Context(), roomID, event.EventEncrypted, map[string]any{
			"algorithm":  id.AlgorithmMegolmV1,
			"sender_key": "c2VuZGVya2V5c2VuZGVya2V5c2VuZGVya2V5c2VuZGU",
			"session_id": fmt.Sprintf("bogus-session-%d-%s", i, roomID),
			"device_id":  m.Cli.DeviceID,
			"ciphertext": base64.RawStdEncoding.EncodeToString(bogusMegolm()),
		})
		if err != nil {
			t.Fatal(err)
		}
		bogus = append(bogus, evtID.EventID)
	}
	roomID := openDM(t, m, tb.userID, false)
	askAndWait(t, m, roomID, tb.userID, "kommst du durch?")
	for _, evtID := range bogus {
		if pending, err := tb.db.Inbox.IsPending(t.Context(), evtID.String()); err != nil || !pending {
			t.Errorf("bogus event %s: pending=%v, %v; want it kept for a retry", evtID, pending, err)
		}
	}
}

// bogusMegolm is a well-formed Megolm message (version 3, index, 16 bytes
// of ciphertext, MAC, signature) that no key opens.
func bogusMegolm() []byte {
	msg := []byte{3, 0x08, 0x00, 0x12, 16}
	msg = append(msg, make([]byte, 16)...)
	msg = append(msg, make([]byte, 8+64)...)
	return msg
}

// TestStructuredCommandIsText: a message with an MSC4391 structured command
// (org.matrix.msc4391.command) reaches the handler as its text only, which
// is how Lotse reads commands (the structured form made mautrix's command
// processor panic and the message was lost).
func TestStructuredCommandIsText(t *testing.T) {
	srv := dendritetest.Shared()
	tb := newTestBot(t, srv, nil)
	m := newMember(t, srv, "member")
	roomID := openDM(t, m, tb.userID, false)
	sent, err := m.Cli.SendMessageEvent(t.Context(), roomID, event.EventMessage, map[string]any{
		"msgtype":    "m.text",
		"body":       "!hilfe",
		"m.mentions": map[string]any{"user_ids": []id.UserID{tb.userID}},
		"org.matrix.msc4391.command": map[string]any{
			"command":   "hilfe",
			"arguments": map[string]any{"x": 1},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	reply := waitReply(t, m, roomID, tb.userID, sent.EventID)
	if body := reply.Content.AsMessage().Body; !strings.HasPrefix(body, "echo: !hilfe") {
		t.Fatalf("reply = %q", body)
	}
	if n := tb.handler.structured.Load(); n != 0 {
		t.Fatalf("the handler got %d structured commands, want them as text", n)
	}
}

// TestDownloadBounded: a file over MaxMediaBytes is refused as a permanent
// failure (retrying does not make it smaller) without reading it whole.
func TestDownloadBounded(t *testing.T) {
	srv := dendritetest.Shared()
	tb := newTestBot(t, srv, func(o *bot.Options) { o.MaxMediaBytes = 1000 })
	m := newMember(t, srv, "member")
	small, err := m.Cli.UploadBytes(t.Context(), make([]byte, 1000), "application/octet-stream")
	if err != nil {
		t.Fatal(err)
	}
	large, err := m.Cli.UploadBytes(t.Context(), make([]byte, 4000), "application/octet-stream")
	if err != nil {
		t.Fatal(err)
	}
	if data, err := tb.bot.Download(t.Context(), small.ContentURI.CUString()); err != nil || len(data) != 1000 {
		t.Fatalf("small file: %d bytes, %v", len(data), err)
	}
	_, err = tb.bot.Download(t.Context(), large.ContentURI.CUString())
	if !errors.Is(err, bot.ErrTooLarge) || !errors.Is(err, bot.ErrPermanent) {
		t.Fatalf("large file: %v, want ErrTooLarge (permanent)", err)
	}
	// The workflows (which do not import bot) recognise it by its method.
	var tl interface{ TooLarge() bool }
	if !errors.As(err, &tl) || !tl.TooLarge() {
		t.Fatalf("large file: %v has no TooLarge method", err)
	}
}
