package bot

import (
	"context"
	"errors"
	"fmt"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// FetchMessage fetches the message eventID of roomID from the homeserver,
// decrypted if it is encrypted (with the room keys Lotse holds; nobody is
// asked for a missing one, the caller has a fallback). It is an error if
// the homeserver does not have it (never sent, or gone), if it is not in
// roomID, if it is not a message (a redacted one has no type left inside
// its encryption) or if it cannot be decrypted. The caller checks its
// sender: the homeserver vouches for the room and the sender, the
// decryption for the room of the key (mautrix: ErrWrongRoom). An error that
// may pass by itself (the homeserver not reached, 5xx, rate-limited) has a
// Transient method (chat.IsTransient), so the caller can retry rather than
// fall back.
func (b *Bot) FetchMessage(ctx context.Context, roomID id.RoomID, eventID id.EventID) (*event.Event, error) {
	evt, err := b.Client.GetEvent(ctx, roomID, eventID)
	if err != nil {
		return nil, fetchError(err)
	}
	if evt.ID != eventID || evt.RoomID != roomID {
		return nil, errors.New("the homeserver answered with another event")
	}
	if err := evt.Content.ParseRaw(evt.Type); err != nil && !errors.Is(err, event.ErrContentAlreadyParsed) {
		return nil, fmt.Errorf("failed to parse the event: %w", err)
	}
	if evt.Type == event.EventEncrypted {
		if b.crypto == nil {
			return nil, fmt.Errorf("%w: no end-to-end encryption", ErrUndecryptable)
		}
		decrypted, err := b.crypto.Decrypt(ctx, evt)
		if err != nil {
			return nil, fmt.Errorf("%w: failed to decrypt the event: %v", ErrUndecryptable, err)
		}
		evt = decrypted
	}
	if _, ok := evt.Content.Parsed.(*event.MessageEventContent); !ok || evt.Type != event.EventMessage || evt.StateKey != nil {
		return nil, fmt.Errorf("the event is not a message (%s)", evt.Type.Type)
	}
	return evt, nil
}

// fetchError wraps a failed /event request, marked transient if it may
// pass by itself.
func fetchError(err error) error {
	err = fmt.Errorf("failed to fetch the event: %w", err)
	if transientError(err) {
		return transientFetchError{err}
	}
	return err
}

// transientFetchError is a fetch that may succeed when tried again.
type transientFetchError struct{ error }

func (transientFetchError) Transient() bool { return true }
func (e transientFetchError) Unwrap() error { return e.error }
