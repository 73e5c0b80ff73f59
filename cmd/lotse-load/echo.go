package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/crypto/cryptohelper"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// echoBot is the reference: the least a mautrix bot does for an encrypted
// DM — log in, cryptohelper, join on invite, answer every message with an
// m.notice reply. Whatever Lotse costs beyond it is Lotse's own.
type echoBot struct {
	cli    *mautrix.Client
	helper *cryptohelper.CryptoHelper
	cancel context.CancelFunc
	done   chan struct{}
}

// startEcho logs in as userID through homeserverURL and starts syncing.
// pad > 0 makes every reply that many bytes long (HTML), like a guide
// answer, to compare at equal payload size.
func startEcho(ctx context.Context, homeserverURL string, userID id.UserID, password, dir string, pad int) (*echoBot, error) {
	cli, err := mautrix.NewClient(homeserverURL, userID, "")
	if err != nil {
		return nil, fmt.Errorf("failed to create the echo client: %w", err)
	}
	cli.Log = zerolog.Nop()
	helper, err := cryptohelper.NewCryptoHelper(cli, []byte("echo-pickle-key"), filepath.Join(dir, "echo-crypto.db"))
	if err != nil {
		return nil, fmt.Errorf("failed to set up echo encryption: %w", err)
	}
	helper.LoginAs = &mautrix.ReqLogin{
		Type:       mautrix.AuthTypePassword,
		Identifier: mautrix.UserIdentifier{Type: mautrix.IdentifierTypeUser, User: userID.String()},
		Password:   password,
	}
	if err := helper.Init(ctx); err != nil {
		return nil, fmt.Errorf("failed to initialise echo encryption: %w", err)
	}
	cli.Crypto = helper
	e := &echoBot{cli: cli, helper: helper, done: make(chan struct{})}
	syncCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	e.cancel = cancel
	syncer := cli.Syncer.(*mautrix.DefaultSyncer)
	syncer.OnEventType(event.StateMember, func(ctx context.Context, evt *event.Event) {
		if evt.GetStateKey() == userID.String() && evt.Content.AsMember().Membership == event.MembershipInvite {
			go func() { _, _ = cli.JoinRoomByID(syncCtx, evt.RoomID) }()
		}
	})
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
	go func() {
		defer close(e.done)
		for syncCtx.Err() == nil {
			if err := cli.SyncWithContext(syncCtx); err != nil && syncCtx.Err() == nil {
				select {
				case <-syncCtx.Done():
				case <-time.After(500 * time.Millisecond):
				}
			}
		}
	}()
	return e, nil
}

// close stops the echo bot.
func (e *echoBot) close() {
	e.cancel()
	<-e.done
	_ = e.helper.Close()
}
