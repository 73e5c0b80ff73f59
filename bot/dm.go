package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// dmTokenKey is the creation-content key that marks a direct chat Lotse
// created, with the token recorded before the creation. After a crash
// between createRoom and recording the room, the room is found by its token
// instead of creating a second one.
const dmTokenKey = "org.lotse.dm_token"

var directMu sync.Mutex // serialises m.direct updates and DM creation

// dmCooldown is the least time between a direct chat Lotse created with a
// member and the next one. Who rejects each invite and then writes „!dabei
// 1“ in a group room made Lotse create a new encrypted room every time
// (sec20 review, Low 11). Within the cooldown DirectRoom fails with a
// retryable error: the event is tried again (1 s, 2 s, … 256 s later, see
// retryDelay; its tenth attempt comes 511 s after the first) and gets its
// direct chat once the cooldown is over.
//
// Every attempt counts, not only the successful ones: a createRoom that
// fails (a 5xx, a timeout, a rate limit) may still have made a room, and
// was tried again at once on every retry of every event (sec22 review).
// While createRoom runs, the full cooldown holds; once it has failed, the
// shorter dmRetryCooldown replaces it.
const dmCooldown = 5 * time.Minute

// dmRetryCooldown is the least time between a failed createRoom with a
// member and the next try. 30 s keeps the tries per member (over all its
// events) at two a minute, leaves a room the failed call did make time to
// show among the joined rooms (it is found by its token, not made again),
// and gives an event whose createRoom fails five more tries within its ten
// attempts (at 31, 63, 127, 255 and 511 s); the full five minutes left it
// one (whole-change review 22, M2).
const dmRetryCooldown = 30 * time.Second

// errDMCooldown is returned while a new attempt at a direct chat with the
// member would come too soon after the last one.
var errDMCooldown = errors.New("a direct chat with this member was created or tried moments ago; trying again later")

// mayCreateDirect reports (as an error) whether Lotse may create a new
// direct chat with user at now. The caller holds directMu.
func (b *Bot) mayCreateDirect(user id.UserID, now time.Time) error {
	if until, ok := b.dmCreated[user]; ok && now.Before(until) {
		return fmt.Errorf("%w (%s)", errDMCooldown, user)
	}
	return nil
}

// directCreated notes that Lotse tries to create a direct chat with user at
// now: no other before now+dmCooldown. Entries whose time is over go. The
// caller holds directMu.
func (b *Bot) directCreated(user id.UserID, now time.Time) {
	b.directWait(user, now, dmCooldown)
}

// directFailed notes that createRoom with user failed at now: the next try
// may come after dmRetryCooldown. The caller holds directMu.
func (b *Bot) directFailed(user id.UserID, now time.Time) {
	b.directWait(user, now, dmRetryCooldown)
}

func (b *Bot) directWait(user id.UserID, now time.Time, wait time.Duration) {
	if b.dmCreated == nil {
		b.dmCreated = map[id.UserID]time.Time{}
	}
	for u, until := range b.dmCreated {
		if !now.Before(until) {
			delete(b.dmCreated, u)
		}
	}
	b.dmCreated[user] = now.Add(wait)
}

// DirectRoom returns Lotse's direct chat with user: the one it recorded,
// else an agreed direct chat (see direct.go: one the two agreed on, created
// by one of them, with only the two in it — never a room a third person
// made), else a new one (encrypted, is_direct, trusted_private_chat, the member invited),
// recorded in the database and in m.direct. Creation is idempotent across
// crashes: a token is stored before createRoom and put into the room's
// creation content, so an interrupted creation is found again.
func (b *Bot) DirectRoom(ctx context.Context, user id.UserID) (id.RoomID, error) {
	directMu.Lock()
	defer directMu.Unlock()
	dms := b.db.DirectRooms
	room, token, err := dms.Get(ctx, user.String())
	if err != nil {
		return "", err
	}
	if room != "" {
		if member, _ := b.directMember(ctx, id.RoomID(room)); member == user {
			return id.RoomID(room), nil
		}
		// The member left it (or someone else joined): forget it and find
		// or make another.
		if err := dms.Forget(ctx, user.String()); err != nil {
			return "", err
		}
		token = ""
	}
	if token == "" {
		if existing := b.existingDirect(ctx, user); existing != "" {
			if _, err := dms.Begin(ctx, user.String(), "existing", b.opts.Now()); err != nil {
				return "", err
			}
			return existing, dms.Finish(ctx, user.String(), existing.String())
		}
		if err := b.mayCreateDirect(user, b.opts.Now()); err != nil {
			return "", err
		}
		if token, err = dms.Begin(ctx, user.String(), randomToken(), b.opts.Now()); err != nil {
			return "", err
		}
	} else if found := b.roomByToken(ctx, token); found != "" {
		// A creation that was interrupted by a crash.
		b.log.Info().Stringer("room_id", found).Msg("Found direct chat created before a restart")
		if err := b.ensureInvited(ctx, found, user); err != nil {
			return "", err
		}
		if err := b.agree(ctx, found, user); err != nil {
			return "", err
		}
		if err := b.addDirect(ctx, user, found); err != nil {
			return "", err
		}
		return found, dms.Finish(ctx, user.String(), found.String())
	} else if err := b.mayCreateDirect(user, b.opts.Now()); err != nil {
		// A creation begun before and not finished, its room not among the
		// joined ones: it failed, or Lotse stopped. Tried again only after
		// the cooldown.
		return "", err
	}
	// The attempt counts, not the success: a failed createRoom is not
	// repeated within dmRetryCooldown either.
	b.directCreated(user, b.opts.Now())
	resp, err := b.Client.CreateRoom(ctx, &mautrix.ReqCreateRoom{
		Preset:          "trusted_private_chat",
		IsDirect:        true,
		Invite:          []id.UserID{user},
		CreationContent: map[string]any{dmTokenKey: token},
		InitialState: []*event.Event{{
			Type:    event.StateEncryption,
			Content: event.Content{Parsed: &event.EncryptionEventContent{Algorithm: id.AlgorithmMegolmV1}},
		}},
	})
	if err != nil {
		b.directFailed(user, b.opts.Now())
		if errors.Is(err, mautrix.MForbidden) {
			return "", fmt.Errorf("%w: cannot open a direct chat with %s: %v", ErrPermanent, user, err)
		}
		return "", fmt.Errorf("failed to create direct chat: %w", err)
	}
	// Tell the state store at once, so the first message is encrypted and
	// its room key is shared with the invited member.
	ss := b.Client.StateStore
	_ = ss.SetEncryptionEvent(ctx, resp.RoomID, &event.EncryptionEventContent{Algorithm: id.AlgorithmMegolmV1})
	_ = ss.SetMembership(ctx, resp.RoomID, b.Client.UserID, event.MembershipJoin)
	_ = ss.SetMembership(ctx, resp.RoomID, user, event.MembershipInvite)
	if err := b.agree(ctx, resp.RoomID, user); err != nil {
		return "", err
	}
	if err := dms.Finish(ctx, user.String(), resp.RoomID.String()); err != nil {
		return "", err
	}
	// The room, not the member: the log is read by the team (operations.md).
	b.log.Info().Stringer("room_id", resp.RoomID).Msg("Opened direct chat")
	if err := b.addDirect(ctx, user, resp.RoomID); err != nil {
		b.log.Warn().Err(err).Msg("Failed to update m.direct")
	}
	return resp.RoomID, nil
}

// existingDirect finds an agreed direct chat with user: from m.direct
// first, then among the joined rooms (a DM the member opened).
func (b *Bot) existingDirect(ctx context.Context, user id.UserID) id.RoomID {
	var direct map[id.UserID][]id.RoomID
	if err := b.Client.GetAccountData(ctx, event.AccountDataDirectChats.Type, &direct); err == nil {
		for _, r := range direct[user] {
			if member, _ := b.directMember(ctx, r); member == user {
				return r
			}
		}
	}
	joined, err := b.Client.JoinedRooms(ctx)
	if err != nil {
		return ""
	}
	for _, r := range joined.JoinedRooms {
		if member, _ := b.directMember(ctx, r); member == user {
			return r
		}
	}
	return ""
}

// ensureInvited invites user into roomID, a direct chat a creation made
// before it failed or was interrupted, unless the homeserver already has a
// membership of user there: a createRoom whose invite failed (the member's
// homeserver refused or could not be reached) leaves a room with Lotse
// alone, and a message sent there reaches nobody. A refused invite is
// permanent; any other failure is retried with the event.
func (b *Bot) ensureInvited(ctx context.Context, roomID id.RoomID, user id.UserID) error {
	var member event.MemberEventContent
	err := b.Client.StateEvent(ctx, roomID, event.StateMember, user.String(), &member)
	if err == nil {
		return nil
	}
	if !errors.Is(err, mautrix.MNotFound) {
		return fmt.Errorf("failed to read %s's membership of the direct chat: %w", user, err)
	}
	if _, err := b.Client.InviteUser(ctx, roomID, &mautrix.ReqInviteUser{UserID: user}); err != nil {
		if errors.Is(err, mautrix.MForbidden) {
			return fmt.Errorf("%w: cannot invite %s into the direct chat: %v", ErrPermanent, user, err)
		}
		return fmt.Errorf("failed to invite %s into the direct chat: %w", user, err)
	}
	_ = b.Client.StateStore.SetMembership(ctx, roomID, user, event.MembershipInvite)
	return nil
}

// roomByToken finds the joined room whose creation content carries token.
func (b *Bot) roomByToken(ctx context.Context, token string) id.RoomID {
	joined, err := b.Client.JoinedRooms(ctx)
	if err != nil {
		return ""
	}
	for _, r := range joined.JoinedRooms {
		var content map[string]any
		if err := b.Client.StateEvent(ctx, r, event.StateCreate, "", &content); err != nil {
			continue
		}
		if t, _ := content[dmTokenKey].(string); t == token {
			return r
		}
	}
	return ""
}

// addDirect records roomID as a direct chat with user in m.direct.
func (b *Bot) addDirect(ctx context.Context, user id.UserID, roomID id.RoomID) error {
	direct := map[id.UserID][]id.RoomID{}
	if err := b.Client.GetAccountData(ctx, event.AccountDataDirectChats.Type, &direct); err != nil && !errors.Is(err, mautrix.MNotFound) {
		return fmt.Errorf("failed to read m.direct: %w", err)
	}
	for _, r := range direct[user] {
		if r == roomID {
			return nil
		}
	}
	direct[user] = append(direct[user], roomID)
	if err := b.Client.SetAccountData(ctx, event.AccountDataDirectChats.Type, direct); err != nil {
		return fmt.Errorf("failed to write m.direct: %w", err)
	}
	return nil
}

func randomToken() string {
	buf := make([]byte, 12)
	_, _ = rand.Read(buf)
	return hex.EncodeToString(buf)
}
