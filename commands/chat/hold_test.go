package chat_test

import (
	"context"
	"errors"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

type heldErr struct{}

func (heldErr) Error() string { return "held" }
func (heldErr) Busy() bool    { return true }
func (heldErr) Held() bool    { return true }

// guarded is the fake runtime with a RoomGuard that holds one room and
// counts uploads.
type guarded struct {
	*chattest.Matrix
	room    id.RoomID
	uploads int
}

func (g *guarded) Hold(_ context.Context, room id.RoomID) error {
	if room == g.room {
		return heldErr{}
	}
	return nil
}

func (g *guarded) Upload(ctx context.Context, data []byte, mime string) (id.ContentURIString, error) {
	g.uploads++
	return g.Matrix.Upload(ctx, data, mime)
}

// TestAttachFileHeld (open32): a file for a held room (open to everyone,
// or its encryption replaced, where it would go up unencrypted) is not
// uploaded; another room's is. Fails without the hold in AttachFile.
func TestAttachFileHeld(t *testing.T) {
	const team = id.RoomID("!team:test")
	g := &guarded{Matrix: &chattest.Matrix{Me: "@lotse:test"}, room: team}
	env := chat.Env{Matrix: g, TxnID: chattest.TxnID}.WithDefaults()
	ctx := context.Background()
	if _, err := env.AttachFile(ctx, team, &event.MessageEventContent{}, []byte("draft"), "text/markdown"); !chat.IsHeld(err) || g.uploads != 0 {
		t.Fatalf("AttachFile into the held room: %v, %d uploads; want held, none", err, g.uploads)
	}
	if _, err := env.AttachFile(ctx, "!dm:test", &event.MessageEventContent{}, []byte("ics"), "text/calendar"); err != nil || g.uploads != 1 {
		t.Fatalf("AttachFile into another room: %v, %d uploads", err, g.uploads)
	}
	if _, err := env.Matrix.Send(ctx, team, event.EventMessage, &event.MessageEventContent{Body: "x"}, "t1"); !errors.As(err, new(heldErr)) {
		t.Fatalf("Send into the held room: %v", err)
	}
}
