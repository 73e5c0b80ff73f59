package main

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/crypto/cryptohelper"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// refBot is what the reference bots (echo, relay) share: a mautrix client
// with cryptohelper, logged in with a password, joining every room it is
// invited to, syncing from start until close. Each reference adds its own
// message handler before start.
type refBot struct {
	cli     *mautrix.Client
	helper  *cryptohelper.CryptoHelper
	syncCtx context.Context
	cancel  context.CancelFunc
	done    chan struct{}
}

// newRefBot logs in as userID through homeserverURL (name labels errors and
// the crypto database in dir) and joins rooms on invite.
func newRefBot(ctx context.Context, name, homeserverURL string, userID id.UserID, password, dir string) (*refBot, error) {
	cli, err := mautrix.NewClient(homeserverURL, userID, "")
	if err != nil {
		return nil, fmt.Errorf("failed to create the %s client: %w", name, err)
	}
	cli.Log = zerolog.Nop()
	helper, err := cryptohelper.NewCryptoHelper(cli, []byte(name+"-pickle-key"), filepath.Join(dir, name+"-crypto.db"))
	if err != nil {
		return nil, fmt.Errorf("failed to set up %s encryption: %w", name, err)
	}
	helper.LoginAs = &mautrix.ReqLogin{
		Type:       mautrix.AuthTypePassword,
		Identifier: mautrix.UserIdentifier{Type: mautrix.IdentifierTypeUser, User: userID.String()},
		Password:   password,
	}
	if err := helper.Init(ctx); err != nil {
		return nil, fmt.Errorf("failed to initialise %s encryption: %w", name, err)
	}
	cli.Crypto = helper
	b := &refBot{cli: cli, helper: helper, done: make(chan struct{})}
	b.syncCtx, b.cancel = context.WithCancel(context.WithoutCancel(ctx))
	b.syncer().OnEventType(event.StateMember, func(ctx context.Context, evt *event.Event) {
		if evt.GetStateKey() == userID.String() && evt.Content.AsMember().Membership == event.MembershipInvite {
			go func() { _, _ = cli.JoinRoomByID(b.syncCtx, evt.RoomID) }()
		}
	})
	return b, nil
}

func (b *refBot) syncer() *mautrix.DefaultSyncer { return b.cli.Syncer.(*mautrix.DefaultSyncer) }

// start syncs until close, retrying after errors.
func (b *refBot) start() {
	go func() {
		defer close(b.done)
		for b.syncCtx.Err() == nil {
			if err := b.cli.SyncWithContext(b.syncCtx); err != nil && b.syncCtx.Err() == nil {
				select {
				case <-b.syncCtx.Done():
				case <-time.After(500 * time.Millisecond):
				}
			}
		}
	}()
}

// close stops the bot.
func (b *refBot) close() {
	b.cancel()
	<-b.done
	_ = b.helper.Close()
}
