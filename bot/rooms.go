package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

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

// Membership is user's membership in roomID (leave when the state store
// knows none) and, for a leave or a knock, who removed them: the sender of
// their membership event, read from the homeserver (the state store keeps
// no sender), when it is someone else than user (a kick); "" when they left
// themselves or were never in the room. Their own knock, or a leave that
// took one back, does not hide a kick before it (removedBefore).
func (b *Bot) Membership(ctx context.Context, roomID id.RoomID, user id.UserID) (event.Membership, id.UserID, error) {
	m, err := b.Client.StateStore.GetMember(ctx, roomID, user)
	if err != nil {
		return "", "", fmt.Errorf("failed to read membership: %w", err)
	}
	if m != nil && m.Membership != "" && m.Membership != event.MembershipLeave && m.Membership != event.MembershipKnock {
		return m.Membership, "", nil
	}
	fallback := event.MembershipLeave
	if m != nil && m.Membership == event.MembershipKnock {
		fallback = event.MembershipKnock
	}
	evt, err := b.Client.FullStateEvent(ctx, roomID, event.StateMember, user.String())
	switch {
	case errors.Is(err, mautrix.MNotFound):
		return fallback, "", nil // never in the room (or a knock the homeserver does not show)
	case err != nil:
		// The store's leave (or knock) stands; only who removed them is unknown.
		return fallback, "", fmt.Errorf("failed to read who removed %s: %w", user, err)
	}
	ms := membershipOf(&evt.Content)
	switch {
	case ms != "" && ms != event.MembershipLeave && ms != event.MembershipKnock:
		return ms, "", nil // the store is behind the homeserver
	case evt.Sender == "":
		return event.MembershipLeave, "", nil // never there (Dendrite answers an empty event)
	case ms == "":
		ms = event.MembershipLeave
	}
	by, err := b.removedBefore(ctx, roomID, user, evt)
	if err != nil {
		return ms, "", err
	}
	return ms, by, nil
}

// removedLookBack bounds how many of a person's member events
// removedBefore reads (one GET each).
const removedLookBack = 4

// removedBefore is who removed user from roomID, read from their member
// event evt and, through the person's own knocks, the events before it
// (mend33b): a kick is a leave sent by someone else; a leave of one's own
// after a join or an invite is no kick (""); but one's own knock — and a
// leave that takes a knock back — is no decision of anyone in the room:
// after a room admin's kick the person could knock (in a room whose join
// rule allows it) and take it back, and their latest member event was
// their own, the kick hidden. Such events are looked through, via
// unsigned.replaces_state, to the event before them. Someone else's invite
// or a join after the kick ends the search (a room member let them in).
// When the events before a knock cannot be read (no replaces_state, more
// than removedLookBack of them, an error), it is an error: who removed
// them is unknown.
func (b *Bot) removedBefore(ctx context.Context, roomID id.RoomID, user id.UserID, evt *event.Event) (id.UserID, error) {
	knocked := false // a knock of theirs was passed: the event before it must be read
	for range removedLookBack {
		ms := membershipOf(&evt.Content)
		if evt.Sender != user {
			if ms == event.MembershipLeave || ms == event.MembershipBan {
				return evt.Sender, nil
			}
			return "", nil
		}
		var prev event.Membership
		if evt.Unsigned.PrevContent != nil {
			prev = membershipOf(evt.Unsigned.PrevContent)
		}
		switch {
		case ms == event.MembershipKnock:
			knocked = true
		case ms == event.MembershipLeave && prev == event.MembershipKnock:
			knocked = true
		case ms == event.MembershipLeave && prev == "":
			// A leave of their own whose server does not say what it
			// ended: the event before is read when it can be, else —
			// unless a knock of theirs came after it — it is taken as
			// their own leave, as before.
			if evt.Unsigned.ReplacesState == "" && !knocked {
				return "", nil
			}
		default:
			return "", nil // their own leave after a join or an invite, or their join
		}
		if evt.Unsigned.ReplacesState == "" {
			return "", fmt.Errorf("failed to read who removed %s: the event before their knock is not named", user)
		}
		before, err := b.Client.GetEvent(ctx, roomID, evt.Unsigned.ReplacesState)
		switch {
		case err != nil && !knocked:
			return "", nil // their own leave, what it ended unreadable: as before
		case err != nil:
			return "", fmt.Errorf("failed to read who removed %s: %w", user, err)
		}
		evt = before
	}
	return "", fmt.Errorf("failed to read who removed %s: more than %d member events of their own", user, removedLookBack)
}

// DisplayName is user's display name in roomID, or the user ID.
func (b *Bot) DisplayName(ctx context.Context, roomID id.RoomID, user id.UserID) string {
	m, err := b.Client.StateStore.GetMember(ctx, roomID, user)
	if err != nil || m == nil || m.Displayname == "" {
		return user.String()
	}
	return m.Displayname
}

// MayWrite reports whether Lotse may send messages in roomID, by the
// room's power levels as the state store holds them (the sync keeps
// them): its level reaches that of m.room.message, or of m.room.encrypted
// in an encrypted room (what it sends there). A room whose power levels
// the store does not hold counts as writable (the homeserver decides).
// The support workflow asks before it sends an answer to a member's
// direct chat (chat.Writable).
func (b *Bot) MayWrite(ctx context.Context, roomID id.RoomID) (bool, error) {
	pl, err := b.Client.StateStore.GetPowerLevels(ctx, roomID)
	if err != nil {
		return false, fmt.Errorf("failed to read the power levels: %w", err)
	}
	if pl == nil {
		return true, nil
	}
	typ := event.EventMessage
	if enc, err := b.Client.StateStore.IsEncrypted(ctx, roomID); err != nil {
		return false, fmt.Errorf("failed to read the encryption state: %w", err)
	} else if enc {
		typ = event.EventEncrypted
	}
	return pl.GetUserLevel(b.Client.UserID) >= pl.GetEventLevel(typ), nil
}

// IsEncrypted reports whether roomID is end-to-end encrypted.
func (b *Bot) IsEncrypted(ctx context.Context, roomID id.RoomID) (bool, error) {
	return b.Client.StateStore.IsEncrypted(ctx, roomID)
}

// ErrTooLarge marks media over Options.MaxMediaBytes (it wraps
// ErrPermanent: retrying does not make the file smaller). It has a
// TooLarge method, so the workflows, which do not import bot, can tell the
// member (chat.IsTooLarge).
var ErrTooLarge error = tooLargeError{}

type tooLargeError struct{}

func (tooLargeError) Error() string  { return ErrPermanent.Error() + ": file too large" }
func (tooLargeError) Unwrap() error  { return ErrPermanent }
func (tooLargeError) TooLarge() bool { return true }

// Download fetches the media at uri as stored (encrypted media stays
// encrypted), at most Options.MaxMediaBytes (ErrTooLarge beyond), and at
// most two at a time: a file is held in memory whole (decrypted, encrypted
// again for the other room), and a few members sending large files at once
// must not push Lotse past its memory limit.
func (b *Bot) Download(ctx context.Context, uri id.ContentURIString) ([]byte, error) {
	parsed, err := uri.Parse()
	if err != nil {
		return nil, fmt.Errorf("invalid media URI: %w", err)
	}
	select {
	case b.downloads <- struct{}{}:
		defer func() { <-b.downloads }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	limit := b.opts.MaxMediaBytes
	resp, err := b.Client.Download(ctx, parsed)
	if err != nil {
		return nil, fmt.Errorf("failed to download media: %w", err)
	}
	defer resp.Body.Close()
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("%w: %d bytes, at most %d", ErrTooLarge, resp.ContentLength, limit)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("failed to download media: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	return data, nil
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
// room, or invited and not yet answered, is not an error and sends
// nothing: every invite is a notification for the person, and a grant
// repeated for someone who has not joined yet (roles32) would send one
// each time. Someone who left, declined or was removed is invited again.
func (b *Bot) Invite(ctx context.Context, roomID id.RoomID, user id.UserID, reason string) error {
	if m, err := b.Client.StateStore.GetMember(ctx, roomID, user); err == nil && m != nil &&
		(m.Membership == event.MembershipJoin || m.Membership == event.MembershipInvite) {
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

// OpenDM returns the direct chat with user, opening one if needed
// (see DirectRoom: crash-safe, reuses recorded and m.direct rooms).
func (b *Bot) OpenDM(ctx context.Context, user id.UserID) (id.RoomID, error) {
	return b.DirectRoom(ctx, user)
}

// Redact removes the content of an event (the bot's own, or one it may
// moderate). txnID makes a repeated call one redaction.
func (b *Bot) Redact(ctx context.Context, roomID id.RoomID, eventID id.EventID, reason, txnID string) error {
	if _, err := b.Client.RedactEvent(ctx, roomID, eventID, mautrix.ReqRedact{Reason: reason, TxnID: txnID}); err != nil {
		return fmt.Errorf("failed to redact %s: %w", eventID, err)
	}
	return nil
}

// typingTimeout bounds how long a typing notification shows if Lotse never
// stops it (it stops it when the answer is sent).
const typingTimeout = 30 * time.Second

// Typing shows (or stops showing) that Lotse is typing in roomID.
func (b *Bot) Typing(ctx context.Context, roomID id.RoomID, typing bool) error {
	if _, err := b.Client.UserTyping(ctx, roomID, typing, typingTimeout); err != nil {
		return fmt.Errorf("failed to send typing notification: %w", err)
	}
	return nil
}

// MarkRead sends a read receipt for eventID in roomID.
func (b *Bot) MarkRead(ctx context.Context, roomID id.RoomID, eventID id.EventID) error {
	if err := b.Client.MarkRead(ctx, roomID, eventID); err != nil {
		return fmt.Errorf("failed to send read receipt: %w", err)
	}
	return nil
}

// maxAvatar bounds the avatar file Lotse uploads.
const maxAvatar = 1 << 20

// kvAvatar remembers which avatar file was uploaded (its SHA-256 and
// mxc:// URI), so that a restart does not upload it again.
const kvAvatar = "profile_avatar"

// SetProfile sets Lotse's display name and avatar when they differ from
// its profile ("": leave it). avatar is an image file or an mxc:// URI.
func (b *Bot) SetProfile(ctx context.Context, displayName, avatar string) error {
	if displayName != "" {
		current, err := b.Client.GetOwnDisplayName(ctx)
		if err != nil || current.DisplayName != displayName {
			if err := b.Client.SetDisplayName(ctx, displayName); err != nil {
				return fmt.Errorf("failed to set the display name: %w", err)
			}
		}
	}
	if avatar == "" {
		return nil
	}
	uri, err := b.avatarURI(ctx, avatar)
	if err != nil {
		return err
	}
	current, err := b.Client.GetAvatarURL(ctx, b.Client.UserID)
	if err == nil && current.String() == uri.String() {
		return nil
	}
	if err := b.Client.SetAvatarURL(ctx, uri); err != nil {
		return fmt.Errorf("failed to set the avatar: %w", err)
	}
	return nil
}

// avatarURI is avatar as an mxc:// URI, uploading the file when it changed.
func (b *Bot) avatarURI(ctx context.Context, avatar string) (id.ContentURI, error) {
	if strings.HasPrefix(avatar, "mxc://") {
		uri, err := id.ParseContentURI(avatar)
		if err != nil {
			return id.ContentURI{}, fmt.Errorf("avatar %q is not a valid mxc:// URI: %w", avatar, err)
		}
		return uri, nil
	}
	f, err := os.Open(avatar)
	if err != nil {
		return id.ContentURI{}, fmt.Errorf("failed to open the avatar: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxAvatar+1))
	if err != nil {
		return id.ContentURI{}, fmt.Errorf("failed to read the avatar: %w", err)
	}
	if len(data) > maxAvatar {
		return id.ContentURI{}, fmt.Errorf("avatar %s is larger than 1 MB", avatar)
	}
	mime := http.DetectContentType(data)
	switch mime {
	case "image/png", "image/jpeg", "image/gif", "image/webp":
	default:
		return id.ContentURI{}, fmt.Errorf("avatar %s is not a PNG, JPEG, GIF or WebP image (%s)", avatar, mime)
	}
	sum := sha256.Sum256(data)
	key := hex.EncodeToString(sum[:])
	if stored, err := b.db.KV.Get(ctx, kvAvatar); err == nil {
		if hash, uri, ok := strings.Cut(stored, " "); ok && hash == key {
			if parsed, err := id.ParseContentURI(uri); err == nil {
				return parsed, nil
			}
		}
	}
	resp, err := b.Client.UploadBytes(ctx, data, mime)
	if err != nil {
		return id.ContentURI{}, fmt.Errorf("failed to upload the avatar: %w", err)
	}
	if err := b.db.KV.Set(ctx, kvAvatar, key+" "+resp.ContentURI.String()); err != nil {
		return id.ContentURI{}, err
	}
	return resp.ContentURI, nil
}
