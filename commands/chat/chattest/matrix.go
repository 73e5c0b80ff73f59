package chattest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
)

// Sent is one message the fake sent.
type Sent struct {
	Room    id.RoomID
	Txn     string
	Content *event.MessageEventContent
}

// Matrix is a fake chat.Matrix: it records sends (once per transaction ID,
// like a homeserver), answers membership from Joined and fetches messages
// from Events.
type Matrix struct {
	mu     sync.Mutex
	Me     id.UserID
	Joined map[id.RoomID]map[id.UserID]bool
	// Events are the messages the homeserver has (FetchMessage).
	Events map[id.EventID]*event.Event
	sent   []Sent
	txns   map[string]bool
}

var _ chat.Matrix = (*Matrix)(nil)

// UserID is Me.
func (f *Matrix) UserID() id.UserID { return f.Me }

// EventLimit is a homeserver's limit on one event (65,536 bytes, the
// Matrix specification's); EventEnvelope is what the event around the
// content takes at least (sender, room, hashes, signatures, the previous
// and authorising events).
const (
	EventLimit    = 65536
	EventEnvelope = 1024
)

// ErrTooLarge is the fake's answer to a message too large for a
// homeserver (M_TOO_LARGE): nothing is recorded, as nothing would arrive.
var ErrTooLarge = errors.New("M_TOO_LARGE: event too large")

// Send records a message; the same transaction ID sends nothing new. A
// content whose JSON and EventEnvelope exceed EventLimit is refused
// (ErrTooLarge), as a homeserver refuses it.
func (f *Matrix) Send(_ context.Context, roomID id.RoomID, _ event.Type, content any, txnID string) (id.EventID, error) {
	if raw, err := json.Marshal(content); err != nil {
		return "", err
	} else if len(raw)+EventEnvelope > EventLimit {
		return "", fmt.Errorf("%w: %d bytes of content", ErrTooLarge, len(raw))
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.txns == nil {
		f.txns = map[string]bool{}
	}
	if !f.txns[txnID] {
		f.txns[txnID] = true
		mc, _ := content.(*event.MessageEventContent)
		f.sent = append(f.sent, Sent{Room: roomID, Txn: txnID, Content: mc})
	}
	return id.EventID("$" + txnID), nil
}

// Sent returns what was sent so far.
func (f *Matrix) Sent() []Sent {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Sent(nil), f.sent...)
}

// IsJoined answers from Joined.
func (f *Matrix) IsJoined(_ context.Context, roomID id.RoomID, user id.UserID) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.Joined[roomID][user], nil
}

// DirectMember is the one member of roomID beside the bot in Joined, when
// there are exactly two.
func (f *Matrix) DirectMember(_ context.Context, roomID id.RoomID) (id.UserID, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return DirectMemberOf(f.Joined[roomID], f.Me), nil
}

// DirectMemberOf is the one member beside me in joined (user → joined),
// when there are exactly two joined: a fake's chat.Matrix.DirectMember.
func DirectMemberOf(joined map[id.UserID]bool, me id.UserID) id.UserID {
	var other id.UserID
	n, withMe := 0, false
	for u, in := range joined {
		if !in {
			continue
		}
		n++
		if u == me {
			withMe = true
		} else {
			other = u
		}
	}
	if n != 2 || !withMe {
		return ""
	}
	return other
}

// DisplayName is the user ID.
func (f *Matrix) DisplayName(_ context.Context, _ id.RoomID, user id.UserID) string {
	return user.String()
}

// IsEncrypted is always false.
func (f *Matrix) IsEncrypted(context.Context, id.RoomID) (bool, error) { return false, nil }

// Download has no media.
func (f *Matrix) Download(context.Context, id.ContentURIString) ([]byte, error) {
	return nil, errors.New("no media in the fake")
}

// Upload pretends to store media.
func (f *Matrix) Upload(context.Context, []byte, string) (id.ContentURIString, error) {
	return "mxc://test/m", nil
}

// DirectRoom is "!dm-" plus the user ID.
func (f *Matrix) DirectRoom(_ context.Context, user id.UserID) (id.RoomID, error) {
	return id.RoomID("!dm-" + user.String()), nil
}

// Redact does nothing.
func (f *Matrix) Redact(context.Context, id.RoomID, id.EventID, string, string) error { return nil }

// FetchMessage returns the message of Events in roomID.
func (f *Matrix) FetchMessage(_ context.Context, roomID id.RoomID, eventID id.EventID) (*event.Event, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	evt := f.Events[eventID]
	if evt == nil || evt.RoomID != roomID {
		return nil, errors.New("no such event in the fake")
	}
	return evt, nil
}

// TxnID is a readable transaction ID for tests.
func TxnID(cause id.EventID, purpose string, n int) string {
	return cause.String() + "/" + purpose + "/" + string(rune('0'+n))
}
