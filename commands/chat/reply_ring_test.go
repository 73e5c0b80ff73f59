package chat_test

import (
	"context"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

// TestReplyRingsOncePerWindow: another bot in a group room that answers
// every message mentioning it (or replying to it) must not talk with
// Lotse without end. Lotse's first reply to a sender in a room rings
// them (m.text with the mention); the further replies to the same sender
// there within ten minutes are quiet notices without a mention, which a
// bot does not answer. Another sender, another room and the same sender
// after the window are rung again.
func TestReplyRingsOncePerWindow(t *testing.T) {
	fm := &chattest.Matrix{Me: "@lotse:test"}
	now := time.Date(2026, 12, 7, 20, 0, 0, 0, time.UTC)
	env := chat.Env{Matrix: fm, TxnID: chattest.TxnID, Now: func() time.Time { return now }}.WithDefaults()
	ctx := context.Background()
	reply := func(n int, room id.RoomID, sender id.UserID) {
		t.Helper()
		evt := &event.Event{ID: id.EventID("$q" + string(rune('a'+n))), RoomID: room, Sender: sender, Type: event.EventMessage,
			Content: event.Content{Parsed: &event.MessageEventContent{MsgType: event.MsgText, Body: "@lotse hallo?"}}}
		if _, err := env.Reply(chat.WithTurn(ctx, &chat.Turn{Event: evt}), "Hallo!", ""); err != nil {
			t.Fatal(err)
		}
	}
	const group, other = id.RoomID("!group:test"), id.RoomID("!other:test")
	const bot, bob = id.UserID("@echo:test"), id.UserID("@bob:test")
	steps := []struct {
		room    id.RoomID
		sender  id.UserID
		advance time.Duration
		rings   bool
	}{
		{group, bot, 0, true},
		{group, bot, time.Second, false}, // the bot answered Lotse's reply: no ring, no m.text
		{group, bot, time.Second, false},
		{group, bob, 0, true},
		{other, bot, 0, true},
		{group, bot, 10 * time.Minute, true},
		{group, bot, time.Second, false},
	}
	for i, s := range steps {
		now = now.Add(s.advance)
		reply(i, s.room, s.sender)
		got := fm.Sent()[i].Content
		mentioned := got.Mentions != nil && len(got.Mentions.UserIDs) == 1 && got.Mentions.UserIDs[0] == s.sender
		if s.rings {
			if got.MsgType != event.MsgText || !mentioned {
				t.Errorf("reply %d to %s in %s: %s mentioning %v, want m.text mentioning them", i, s.sender, s.room, got.MsgType, got.Mentions)
			}
			continue
		}
		if got.MsgType != event.MsgNotice || got.Mentions == nil || len(got.Mentions.UserIDs) != 0 {
			t.Errorf("reply %d to %s in %s: %s mentioning %v, want a notice mentioning nobody", i, s.sender, s.room, got.MsgType, got.Mentions)
		}
	}
}
