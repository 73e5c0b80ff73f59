package main

import (
	"context"
	"strings"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// echoBot is the reference: the least a mautrix bot does for an encrypted
// DM — log in, cryptohelper, join on invite, answer every message with an
// m.notice reply. Whatever Lotse costs beyond it is Lotse's own.
type echoBot struct{ *refBot }

// startEcho logs in as userID through homeserverURL and starts syncing.
// pad > 0 makes every reply that many bytes long (HTML), like a guide
// answer, to compare at equal payload size.
func startEcho(ctx context.Context, homeserverURL string, userID id.UserID, password, dir string, pad int) (*echoBot, error) {
	b, err := newRefBot(ctx, "echo", homeserverURL, userID, password, dir)
	if err != nil {
		return nil, err
	}
	cli, syncCtx, syncer := b.cli, b.syncCtx, b.syncer()
	syncer.OnEventType(event.EventMessage, func(ctx context.Context, evt *event.Event) {
		if evt.Sender == userID {
			return
		}
		msg := evt.Content.AsMessage()
		if msg == nil || msg.MsgType == event.MsgNotice {
			return
		}
		go func() {
			content := &event.MessageEventContent{MsgType: event.MsgNotice, Body: "echo: " + msg.Body}
			if pad > 0 {
				filler := strings.Repeat("Lorem ipsum dolor sit amet. ", pad/28+1)[:pad/2]
				content.Body += "\n" + filler
				content.Format, content.FormattedBody = event.FormatHTML, "<p>"+filler+"</p>"
			}
			content.SetReply(evt)
			for attempt := 0; attempt < 20 && syncCtx.Err() == nil; attempt++ {
				// A stable transaction ID per event: retries are deduplicated.
				if _, err := cli.SendMessageEvent(syncCtx, evt.RoomID, event.EventMessage, content,
					mautrix.ReqSendEvent{TransactionID: "echo." + evt.ID.String()}); err == nil {
					return
				}
				select {
				case <-syncCtx.Done():
				case <-time.After(500 * time.Millisecond):
				}
			}
		}()
	})
	b.start()
	return &echoBot{b}, nil
}
