package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// A direct chat is a room the member and Lotse agreed on — Lotse opened it
// with is_direct, the member invited Lotse with is_direct, or it is in
// Lotse's m.direct — that one of the two created and in which only the two
// are (the member possibly still invited). A room a third person created
// never counts, even after that person left: they keep their power in it
// and can come back to read what Lotse sent (the welcome, RSVP
// confirmations, personal meeting links). When in doubt, Lotse opens its own
// direct chat instead.

// directCache remembers verdicts: rooms found to be the direct chat with a
// member (who created a room and the agreement never change; membership is
// still checked per event), and rooms without a recorded agreement that are
// not direct chats, so such a room costs the homeserver look-ups once, not
// per message.
type directCache struct {
	mu  sync.Mutex
	not map[id.RoomID]bool
	yes map[id.RoomID]id.UserID
}

func (c *directCache) agreedWith(roomID id.RoomID) id.UserID {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.yes[roomID]
}

func (c *directCache) setAgreed(roomID id.RoomID, user id.UserID) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.yes == nil || len(c.yes) > 10000 {
		c.yes = map[id.RoomID]id.UserID{}
	}
	c.yes[roomID] = user
}

func (c *directCache) isNot(roomID id.RoomID) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.not[roomID]
}

func (c *directCache) setNot(roomID id.RoomID, not bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.not == nil || len(c.not) > 10000 {
		c.not = map[id.RoomID]bool{}
	}
	if not {
		c.not[roomID] = true
	} else {
		delete(c.not, roomID)
	}
}

// isDirect reports whether roomID is a direct chat between Lotse and a member.
func (b *Bot) isDirect(ctx context.Context, roomID id.RoomID) (bool, error) {
	user, err := b.directMember(ctx, roomID)
	return user != "", err
}

// DirectMember returns the member roomID is Lotse's direct chat with, or ""
// when it is not a direct chat (for commands: chat.Matrix).
func (b *Bot) DirectMember(ctx context.Context, roomID id.RoomID) (id.UserID, error) {
	return b.directMember(ctx, roomID)
}

// directMember returns the member roomID is Lotse's direct chat with, or ""
// when it is not a direct chat.
func (b *Bot) directMember(ctx context.Context, roomID id.RoomID) (id.UserID, error) {
	members, err := b.Client.StateStore.GetRoomJoinedOrInvitedMembers(ctx, roomID)
	if err != nil {
		return "", fmt.Errorf("failed to read room members: %w", err)
	}
	if len(members) != 2 {
		return "", nil
	}
	var other id.UserID
	me := false
	for _, m := range members {
		if m == b.Client.UserID {
			me = true
		} else {
			other = m
		}
	}
	if !me || other == "" {
		return "", nil
	}
	ok, err := b.agreedDirect(ctx, roomID, other)
	if err != nil || !ok {
		return "", err
	}
	return other, nil
}

// agreedDirect reports whether roomID, created by Lotse or user, was agreed
// on as the direct chat with user.
func (b *Bot) agreedDirect(ctx context.Context, roomID id.RoomID, user id.UserID) (bool, error) {
	if b.direct.agreedWith(roomID) == user {
		return true, nil
	}
	create, err := b.createEvent(ctx, roomID)
	if err != nil {
		return false, err
	}
	creator := creatorOf(create)
	if creator != user && creator != b.Client.UserID {
		return false, nil
	}
	agreed, err := b.db.DirectChats.Agreed(ctx, roomID.String())
	if err != nil {
		return false, err
	}
	if agreed != "" {
		if id.UserID(agreed) != user {
			return false, nil
		}
		// Only a full positive verdict is remembered: the creator check
		// above held for this very member.
		b.direct.setAgreed(roomID, user)
		return true, nil
	}
	if b.direct.isNot(roomID) {
		return false, nil
	}
	// No agreement recorded: a direct chat from before Lotse recorded them,
	// or none.
	ok, err := b.legacyAgreement(ctx, roomID, user, create)
	if err != nil {
		// When in doubt, not a direct chat (this time; asked again later).
		b.log.Warn().Err(err).Stringer("room_id", roomID).Msg("Could not check whether a room is a direct chat")
		return false, nil
	}
	if !ok {
		b.direct.setNot(roomID, true)
		return false, nil
	}
	return true, b.agree(ctx, roomID, user)
}

// agree records roomID as the direct chat agreed on with user.
func (b *Bot) agree(ctx context.Context, roomID id.RoomID, user id.UserID) error {
	b.direct.setNot(roomID, false)
	return b.db.DirectChats.Agree(ctx, roomID.String(), user.String(), b.opts.Now())
}

// legacyAgreement finds the agreement on a room joined before agreements
// were recorded: Lotse created it as a direct chat (its token in the
// creation content), it is in Lotse's m.direct for user, or user invited
// Lotse with is_direct.
func (b *Bot) legacyAgreement(ctx context.Context, roomID id.RoomID, user id.UserID, create *event.Event) (bool, error) {
	if creatorOf(create) == b.Client.UserID {
		var content map[string]any
		if json.Unmarshal(create.Content.VeryRaw, &content) == nil {
			if t, _ := content[dmTokenKey].(string); t != "" {
				return true, nil
			}
		}
	}
	var direct map[id.UserID][]id.RoomID
	if err := b.Client.GetAccountData(ctx, event.AccountDataDirectChats.Type, &direct); err != nil && !errors.Is(err, mautrix.MNotFound) {
		return false, fmt.Errorf("failed to read m.direct: %w", err)
	}
	for _, r := range direct[user] {
		if r == roomID {
			return true, nil
		}
	}
	if creatorOf(create) != user {
		return false, nil
	}
	// Lotse's join replaced the invite; the event itself (not its state
	// entry) carries the invite as prev_content and its sender.
	own, err := b.Client.FullStateEvent(ctx, roomID, event.StateMember, b.Client.UserID.String())
	if err != nil {
		return false, fmt.Errorf("failed to read Lotse's membership: %w", err)
	}
	joined, err := b.Client.GetEvent(ctx, roomID, own.ID)
	if err != nil {
		return false, fmt.Errorf("failed to read Lotse's join: %w", err)
	}
	if joined.Unsigned.PrevContent == nil || (joined.Unsigned.PrevSender != "" && joined.Unsigned.PrevSender != user) {
		return false, nil
	}
	var prev event.MemberEventContent
	if json.Unmarshal(joined.Unsigned.PrevContent.VeryRaw, &prev) != nil {
		return false, nil
	}
	return prev.Membership == event.MembershipInvite && prev.IsDirect, nil
}

// createEvent returns roomID's m.room.create event from the state store,
// else from the homeserver (and stores it).
func (b *Bot) createEvent(ctx context.Context, roomID id.RoomID) (*event.Event, error) {
	create, err := b.Client.StateStore.GetCreate(ctx, roomID)
	if err != nil {
		return nil, fmt.Errorf("failed to read the room's creation: %w", err)
	}
	if create != nil {
		return create, nil
	}
	// Fetching it also stores it in the state store.
	create, err = b.Client.FullStateEvent(ctx, roomID, event.StateCreate, "")
	if err != nil {
		return nil, fmt.Errorf("failed to fetch the room's creation: %w", err)
	}
	return create, nil
}

// creatorOf returns who created the room: the create event's sender (the
// creator field is gone since room version 11), or "".
func creatorOf(create *event.Event) id.UserID {
	if create == nil {
		return ""
	}
	if create.Sender != "" {
		return create.Sender
	}
	var content struct {
		Creator id.UserID `json:"creator"`
	}
	_ = json.Unmarshal(create.Content.VeryRaw, &content)
	return content.Creator
}
