package commands

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// failingOnceMatrix fails the first send whose body contains word.
type failingOnceMatrix struct {
	*fakeMatrix
	word   string
	failed atomic.Bool
}

func (f *failingOnceMatrix) Send(ctx context.Context, roomID id.RoomID, t event.Type, content any, txnID string) (id.EventID, error) {
	if c, ok := content.(*event.MessageEventContent); ok && strings.Contains(c.Body, f.word) && f.failed.CompareAndSwap(false, true) {
		return "", errors.New("homeserver busy")
	}
	return f.fakeMatrix.Send(ctx, roomID, t, content, txnID)
}

// TestUnknownIDWarningRetried (whole27, finding for commands/people):
// the warning about an ID Lotse never heard of is a reply numbered like
// the command's answer (chat.Env.Reply: one transaction ID per reply of
// the event, counted). When the confirmation's send fails and the worker
// handles the event again, the ID is known by then (the declaration is on
// file), no warning comes first, and the confirmation gets the warning's
// transaction ID: the homeserver takes it for the warning sent before,
// and the approver never reads that the declaration was recorded.
func TestUnknownIDWarningRetried(t *testing.T) {
	e, _ := newRolesEnv(t)
	f := &failingOnceMatrix{fakeMatrix: e.fm, word: "eingetragen"}
	e.reconfigure(func(d *Deps) { d.Matrix = f })
	evt := e.event(approvRm, approvr, &event.MessageEventContent{MsgType: event.MsgText, Body: "!erklärung @neu:test erhalten"})
	item := storage.InboxItem{EventID: evt.ID.String(), RoomID: evt.RoomID.String(), Sender: evt.Sender.String(),
		EventType: evt.Type.Type, ReceivedAt: e.now, State: storage.InboxDone}
	if err := e.db.Inbox.Commit(context.Background(), []storage.InboxItem{item}, nil, ""); err != nil {
		t.Fatal(err)
	}
	e.fm.store(evt)
	if err := e.h.Handle(context.Background(), Message{Event: evt}); err == nil {
		t.Fatal("the confirmation's send did not fail")
	}
	if err := e.h.Handle(context.Background(), Message{Event: evt}); err != nil {
		t.Fatalf("retry: %v", err)
	}
	got := in(e.fm.sent, approvRm)
	mustContain(t, got, "noch nie etwas gehört")
	mustContain(t, got, "Verpflichtungserklärung von @neu:test eingetragen")
}
