package bot

import (
	"context"
	"errors"
	"fmt"

	"maunium.net/go/mautrix"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// Room membership, display names and media for commands (support cases),
// read from mautrix's state store, which the sync loop keeps current.

// IsJoined reports whether user is a joined member of roomID.
func (b *Bot) IsJoined(ctx context.Context, roomID id.RoomID, user id.UserID) (bool, error) {
	m, err := b.Client.StateStore.GetMember(ctx, roomID, user)
	if err != nil {
		return false, fmt.Errorf("failed to read membership: %w", err)
	}
	return m != nil && m.Membership == event.MembershipJoin, nil
}

// DisplayName is user's display name in roomID, or the user ID.
func (b *Bot) DisplayName(ctx context.Context, roomID id.RoomID, user id.UserID) string {
	m, err := b.Client.StateStore.GetMember(ctx, roomID, user)
	if err != nil || m == nil || m.Displayname == "" {
		return user.String()
	}
	return m.Displayname
}

// IsEncrypted reports whether roomID is end-to-end encrypted.
func (b *Bot) IsEncrypted(ctx context.Context, roomID id.RoomID) (bool, error) {
	return b.Client.StateStore.IsEncrypted(ctx, roomID)
}

// Download fetches the media at uri as stored (encrypted media stays encrypted).
func (b *Bot) Download(ctx context.Context, uri id.ContentURIString) ([]byte, error) {
	parsed, err := uri.Parse()
	if err != nil {
		return nil, fmt.Errorf("invalid media URI: %w", err)
	}
	return b.Client.DownloadBytes(ctx, parsed)
}

// Upload stores data on the homeserver and returns its mxc:// URI.
func (b *Bot) Upload(ctx context.Context, data []byte, mimeType string) (id.ContentURIString, error) {
	resp, err := b.Client.UploadBytes(ctx, data, mimeType)
	if err != nil {
		return "", err
	}
	return resp.ContentURI.CUString(), nil
}

// Invite invites user to roomID. Inviting someone who is already in the
// room is not an error.
func (b *Bot) Invite(ctx context.Context, roomID id.RoomID, user id.UserID, reason string) error {
	if joined, err := b.IsJoined(ctx, roomID, user); err == nil && joined {
		return nil
	}
	_, err := b.Client.InviteUser(ctx, roomID, &mautrix.ReqInviteUser{UserID: user, Reason: reason})
	if err != nil {
		return fmt.Errorf("failed to invite %s to %s (does Lotse have the power to invite there?): %w", user, roomID, err)
	}
	return nil
}

// Kick removes user from roomID. Someone who is not in the room is not an error.
func (b *Bot) Kick(ctx context.Context, roomID id.RoomID, user id.UserID, reason string) error {
	m, err := b.Client.StateStore.GetMember(ctx, roomID, user)
	if err == nil && (m == nil || (m.Membership != event.MembershipJoin && m.Membership != event.MembershipInvite)) {
		return nil
	}
	if _, err := b.Client.KickUser(ctx, roomID, &mautrix.ReqKickUser{UserID: user, Reason: reason}); err != nil {
		return fmt.Errorf("failed to remove %s from %s (Lotse needs the power to kick there): %w", user, roomID, err)
	}
	return nil
}

// OpenDM returns the direct chat with user from m.direct if Lotse still
// shares it with them, or creates an encrypted one and records it there.
func (b *Bot) OpenDM(ctx context.Context, user id.UserID) (id.RoomID, error) {
	var direct event.DirectChatsEventContent
	if err := b.Client.GetAccountData(ctx, event.AccountDataDirectChats.Type, &direct); err != nil && !errors.Is(err, mautrix.MNotFound) {
		return "", fmt.Errorf("failed to read direct chats: %w", err)
	}
	for _, roomID := range direct[user] {
		me, _ := b.IsJoined(ctx, roomID, b.Client.UserID)
		m, _ := b.Client.StateStore.GetMember(ctx, roomID, user)
		if me && m != nil && (m.Membership == event.MembershipJoin || m.Membership == event.MembershipInvite) {
			return roomID, nil
		}
	}
	resp, err := b.Client.CreateRoom(ctx, &mautrix.ReqCreateRoom{
		Preset: "trusted_private_chat", IsDirect: true, Invite: []id.UserID{user},
		InitialState: []*event.Event{{Type: event.StateEncryption, Content: event.Content{
			Parsed: &event.EncryptionEventContent{Algorithm: id.AlgorithmMegolmV1}}}},
	})
	if err != nil {
		return "", fmt.Errorf("failed to create a direct chat: %w", err)
	}
	// Tell the state store at once, so the first message is encrypted and
	// its room key is shared with the invited member.
	ss := b.Client.StateStore
	_ = ss.SetEncryptionEvent(ctx, resp.RoomID, &event.EncryptionEventContent{Algorithm: id.AlgorithmMegolmV1})
	_ = ss.SetMembership(ctx, resp.RoomID, b.Client.UserID, event.MembershipJoin)
	_ = ss.SetMembership(ctx, resp.RoomID, user, event.MembershipInvite)
	if direct == nil {
		direct = event.DirectChatsEventContent{}
	}
	direct[user] = append(direct[user], resp.RoomID)
	if err := b.Client.SetAccountData(ctx, event.AccountDataDirectChats.Type, direct); err != nil {
		b.log.Warn().Err(err).Msg("Failed to record the direct chat in m.direct")
	}
	return resp.RoomID, nil
}
