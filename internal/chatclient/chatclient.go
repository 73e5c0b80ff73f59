// Package chatclient is a small Matrix client for a *member*: it logs in,
// keeps end-to-end encryption keys, opens a DM with the bot and sends and
// receives messages. The demo's terminal chat and the integration tests use
// it to talk to Lotse through a real homeserver, as Element would.
package chatclient

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/crypto/cryptohelper"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// Client is a logged-in member with a running sync.
type Client struct {
	Cli    *mautrix.Client
	crypto *cryptohelper.CryptoHelper
	log    zerolog.Logger

	mu       sync.Mutex
	received []*event.Event
	invites  map[id.RoomID]id.UserID // rooms this client is invited to, by inviter
	onInvite func(roomID id.RoomID, inviter id.UserID)
	changed  chan struct{}
	cancel   context.CancelFunc
	done     chan struct{}
}

// Options configure a Client.
type Options struct {
	HomeserverURL string
	UserID        id.UserID
	Password      string
	// DataDir holds the crypto store (a SQLite file).
	DataDir string
	Log     zerolog.Logger
}

// New logs in, sets up encryption and starts syncing in the background.
func New(ctx context.Context, opts Options) (*Client, error) {
	cli, err := mautrix.NewClient(opts.HomeserverURL, opts.UserID, "")
	if err != nil {
		return nil, fmt.Errorf("failed to create client: %w", err)
	}
	cli.Log = opts.Log
	c := &Client{Cli: cli, log: opts.Log, changed: make(chan struct{}), invites: map[id.RoomID]id.UserID{}}
	helper, err := cryptohelper.NewCryptoHelper(cli, []byte("chatclient-pickle-key"), filepath.Join(opts.DataDir, "member-crypto.db"))
	if err != nil {
		return nil, fmt.Errorf("failed to set up encryption: %w", err)
	}
	helper.LoginAs = &mautrix.ReqLogin{
		Type:       mautrix.AuthTypePassword,
		Identifier: mautrix.UserIdentifier{Type: mautrix.IdentifierTypeUser, User: opts.UserID.String()},
		Password:   opts.Password,
	}
	if err := helper.Init(ctx); err != nil {
		return nil, fmt.Errorf("failed to initialise encryption: %w", err)
	}
	cli.Crypto = helper
	c.crypto = helper
	syncer := cli.Syncer.(*mautrix.DefaultSyncer)
	syncer.OnEventType(event.EventMessage, c.onEvent)
	syncer.OnEventType(event.EventReaction, c.onEvent)
	syncer.OnEventType(event.EventRedaction, c.onEvent)
	// Membership changes (the bot joining a DM) wake WaitJoined. The state
	// store handler registered by cryptohelper runs before this one.
	syncer.OnEventType(event.StateMember, func(_ context.Context, evt *event.Event) {
		if evt.GetStateKey() == cli.UserID.String() && evt.Content.AsMember().Membership == event.MembershipInvite {
			c.mu.Lock()
			c.invites[evt.RoomID] = evt.Sender
			hook := c.onInvite
			c.mu.Unlock()
			if hook != nil {
				hook(evt.RoomID, evt.Sender)
			}
		}
		c.signal()
	})
	// Device list changes: the crypto machine (registered first) has
	// fetched the new keys when this runs; wake WaitNewDevice.
	syncer.OnSync(func(_ context.Context, resp *mautrix.RespSync, _ string) bool {
		if len(resp.DeviceLists.Changed) > 0 {
			c.signal()
		}
		return true
	})
	syncCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	c.cancel = cancel
	c.done = make(chan struct{})
	go func() {
		defer close(c.done)
		for syncCtx.Err() == nil {
			if err := cli.SyncWithContext(syncCtx); err != nil && syncCtx.Err() == nil {
				c.log.Debug().Err(err).Msg("Member sync failed, retrying")
				select {
				case <-syncCtx.Done():
				case <-time.After(200 * time.Millisecond):
				}
			}
		}
	}()
	return c, nil
}

func (c *Client) onEvent(_ context.Context, evt *event.Event) {
	c.mu.Lock()
	c.received = append(c.received, evt)
	c.mu.Unlock()
	c.signal()
}

// signal wakes everyone waiting in Wait.
func (c *Client) signal() {
	c.mu.Lock()
	close(c.changed)
	c.changed = make(chan struct{})
	c.mu.Unlock()
}

// Close stops the sync and closes the crypto store.
func (c *Client) Close() {
	c.cancel()
	<-c.done
	_ = c.crypto.Close()
}

// OpenDM creates a direct chat with other, as Element does: private,
// is_direct, and end-to-end encrypted when encrypted is true.
func (c *Client) OpenDM(ctx context.Context, other id.UserID, encrypted bool) (id.RoomID, error) {
	req := &mautrix.ReqCreateRoom{
		Preset:   "trusted_private_chat",
		IsDirect: true,
		Invite:   []id.UserID{other},
	}
	if encrypted {
		req.InitialState = []*event.Event{{
			Type:    event.StateEncryption,
			Content: event.Content{Parsed: &event.EncryptionEventContent{Algorithm: id.AlgorithmMegolmV1}},
		}}
	}
	resp, err := c.Cli.CreateRoom(ctx, req)
	if err != nil {
		return "", fmt.Errorf("failed to create DM: %w", err)
	}
	return resp.RoomID, nil
}

// CreateRoom creates a group room and invites users.
func (c *Client) CreateRoom(ctx context.Context, name string, encrypted bool, invite ...id.UserID) (id.RoomID, error) {
	req := &mautrix.ReqCreateRoom{Preset: "private_chat", Name: name, Invite: invite}
	if encrypted {
		req.InitialState = []*event.Event{{
			Type:    event.StateEncryption,
			Content: event.Content{Parsed: &event.EncryptionEventContent{Algorithm: id.AlgorithmMegolmV1}},
		}}
	}
	resp, err := c.Cli.CreateRoom(ctx, req)
	if err != nil {
		return "", fmt.Errorf("failed to create room: %w", err)
	}
	return resp.RoomID, nil
}

// WaitJoined waits until user is joined to roomID (as this client sees it).
func (c *Client) WaitJoined(ctx context.Context, roomID id.RoomID, user id.UserID) error {
	return c.WaitMembership(ctx, roomID, user, event.MembershipJoin)
}

// OnInvite sets fn to be called (on the sync goroutine) for every invite
// of this client that arrives from now on. Handlers cannot be added to the
// running syncer itself: mautrix's DefaultSyncer does not lock its
// listener list, so registering one while it syncs is a data race.
func (c *Client) OnInvite(fn func(roomID id.RoomID, inviter id.UserID)) {
	c.mu.Lock()
	c.onInvite = fn
	c.mu.Unlock()
}

// WaitInvite waits until this client is invited to a room by from and
// returns the room.
func (c *Client) WaitInvite(ctx context.Context, from id.UserID) (id.RoomID, error) {
	var room id.RoomID
	err := c.waitUntil(ctx, nil, func(bool) (bool, error) {
		c.mu.Lock()
		defer c.mu.Unlock()
		for roomID, inviter := range c.invites {
			if inviter == from {
				room = roomID
				return true, nil
			}
		}
		return false, nil
	})
	if err != nil {
		return "", fmt.Errorf("no invite from %s: %w", from, err)
	}
	return room, nil
}

// Devices returns the IDs of user's devices this client would encrypt to.
func (c *Client) Devices(ctx context.Context, user id.UserID) ([]id.DeviceID, error) {
	devs, err := c.crypto.Machine().CryptoStore.GetDevices(ctx, user)
	if err != nil {
		return nil, fmt.Errorf("failed to read %s's devices: %w", user, err)
	}
	ids := make([]id.DeviceID, 0, len(devs))
	for deviceID := range devs {
		ids = append(ids, deviceID)
	}
	return ids, nil
}

// WaitNewDevice waits until this client knows a device of user that is not
// one of known, and returns it.
func (c *Client) WaitNewDevice(ctx context.Context, user id.UserID, known ...id.DeviceID) (id.DeviceID, error) {
	var found id.DeviceID
	err := c.waitUntil(ctx, nil, func(bool) (bool, error) {
		devs, err := c.Devices(ctx, user)
		for _, d := range devs {
			if !slices.Contains(known, d) {
				found = d
				return true, nil
			}
		}
		return false, err
	})
	if err != nil {
		return "", fmt.Errorf("no new device of %s: %w", user, err)
	}
	return found, nil
}

// WaitMembership waits until user's membership in roomID (as this client
// sees it) is want: an invite to this client shows as its own "invite",
// a kick as "leave".
func (c *Client) WaitMembership(ctx context.Context, roomID id.RoomID, user id.UserID, want event.Membership) error {
	err := c.WaitMember(ctx, roomID, user, func(m event.Membership) (bool, error) { return m == want, nil })
	if err != nil {
		return fmt.Errorf("%s never had membership %q in %s: %w", user, want, roomID, err)
	}
	return nil
}

// WaitMember calls done with user's membership in roomID (as this client
// sees it; "leave" while it knows none) after every change this client
// sees, until done reports true or an error, or ctx ends.
func (c *Client) WaitMember(ctx context.Context, roomID id.RoomID, user id.UserID, done func(event.Membership) (bool, error)) error {
	// Now and then the room's members are also fetched from the homeserver
	// into the state store: under load the sync that carries a membership
	// change was seen to leave this client's store behind (TestGroupRoom).
	// Fetching updates the same store the crypto machine encrypts for.
	refresh := time.NewTicker(2 * time.Second)
	defer refresh.Stop()
	return c.waitUntil(ctx, refresh.C, func(ticked bool) (bool, error) {
		if ticked {
			if _, err := c.Cli.Members(ctx, roomID); err != nil {
				c.log.Debug().Err(err).Stringer("room_id", roomID).Msg("Fetching members failed")
			}
		}
		m, err := c.Cli.StateStore.GetMember(ctx, roomID, user)
		if err != nil || m == nil {
			return false, nil
		}
		return done(m.Membership)
	})
}

// SendText sends a plain text message (encrypted in encrypted rooms).
func (c *Client) SendText(ctx context.Context, roomID id.RoomID, text string) (id.EventID, error) {
	return c.SendContent(ctx, roomID, &event.MessageEventContent{MsgType: event.MsgText, Body: text})
}

// SendContent sends any message content.
func (c *Client) SendContent(ctx context.Context, roomID id.RoomID, content *event.MessageEventContent) (id.EventID, error) {
	resp, err := c.Cli.SendMessageEvent(ctx, roomID, event.EventMessage, content)
	if err != nil {
		return "", fmt.Errorf("failed to send message: %w", err)
	}
	return resp.EventID, nil
}

// React sends a reaction to target.
func (c *Client) React(ctx context.Context, roomID id.RoomID, target id.EventID, key string) (id.EventID, error) {
	resp, err := c.Cli.SendReaction(ctx, roomID, target, key)
	if err != nil {
		return "", fmt.Errorf("failed to react: %w", err)
	}
	return resp.EventID, nil
}

// Received returns the messages received in roomID from sender so far.
func (c *Client) Received(roomID id.RoomID, sender id.UserID) []*event.Event {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []*event.Event
	for _, evt := range c.received {
		if evt.RoomID == roomID && evt.Sender == sender && evt.Type == event.EventMessage {
			out = append(out, evt)
		}
	}
	return out
}

// All returns every event (messages, reactions, redactions, state)
// received in roomID from sender so far.
func (c *Client) All(roomID id.RoomID, sender id.UserID) []*event.Event {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []*event.Event
	for _, evt := range c.received {
		if evt.RoomID == roomID && evt.Sender == sender {
			out = append(out, evt)
		}
	}
	return out
}

// WaitRedaction waits until sender has redacted target in roomID.
func (c *Client) WaitRedaction(ctx context.Context, roomID id.RoomID, sender id.UserID, target id.EventID) error {
	err := c.waitUntil(ctx, nil, func(bool) (bool, error) {
		c.mu.Lock()
		defer c.mu.Unlock()
		for _, evt := range c.received {
			if evt.RoomID != roomID || evt.Sender != sender || evt.Type != event.EventRedaction {
				continue
			}
			redacts := evt.Redacts
			if rc, ok := evt.Content.Parsed.(*event.RedactionEventContent); ok && rc.Redacts != "" {
				redacts = rc.Redacts
			}
			if redacts == target {
				return true, nil
			}
		}
		return false, nil
	})
	if err != nil {
		return fmt.Errorf("%s never redacted %s: %w", sender, target, err)
	}
	return nil
}

// ErrTimeout is returned by Wait when the deadline passes.
var ErrTimeout = errors.New("timed out waiting for a message")

// Wait returns the first message in roomID from sender for which match is
// true, waiting until ctx ends.
func (c *Client) Wait(ctx context.Context, roomID id.RoomID, sender id.UserID, match func(*event.Event) bool) (*event.Event, error) {
	var found *event.Event
	err := c.waitUntil(ctx, nil, func(bool) (bool, error) {
		for _, evt := range c.Received(roomID, sender) {
			if match == nil || match(evt) {
				found = evt
				return true, nil
			}
		}
		return false, nil
	})
	if err != nil {
		return nil, ErrTimeout
	}
	return found, nil
}

// waitUntil calls check after every event this client sees (and each time
// tick fires, with ticked set) until it reports done or an error, or ctx
// ends. The change signal is taken before check runs, so nothing that
// happens during check is missed.
func (c *Client) waitUntil(ctx context.Context, tick <-chan time.Time, check func(ticked bool) (bool, error)) error {
	ticked := false
	for {
		c.mu.Lock()
		ch := c.changed
		c.mu.Unlock()
		if done, err := check(ticked); err != nil || done {
			return err
		}
		ticked = false
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ch:
		case <-tick:
			ticked = true
		}
	}
}

// ReplyTo matches a message that is a reply to eventID.
func ReplyTo(eventID id.EventID) func(*event.Event) bool {
	return func(evt *event.Event) bool {
		mc := evt.Content.AsMessage()
		return mc != nil && mc.RelatesTo != nil && mc.RelatesTo.GetReplyTo() == eventID
	}
}

// RepliesTo counts the messages from sender in roomID that reply to eventID.
func (c *Client) RepliesTo(roomID id.RoomID, sender id.UserID, eventID id.EventID) int {
	n := 0
	match := ReplyTo(eventID)
	for _, evt := range c.Received(roomID, sender) {
		if match(evt) {
			n++
		}
	}
	return n
}
