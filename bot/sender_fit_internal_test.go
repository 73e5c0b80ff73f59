package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// TestSenderAppliesFit (sec30): the Sender applies Options.Fit to every
// content it sends, so that a send that does not go through the
// workflows' Env (the bot's own notices, the start-up warnings, the
// instance guard's notice) is cut to the homeserver's limit too. Fails
// without the fit in Send: the fake homeserver refuses the 70 KB notice
// and the Sender returns the error.
func TestSenderAppliesFit(t *testing.T) {
	room := &fakeRoom{sends: map[string]int{}, maxBody: 65_536}
	s := newFakeSender(t, room, &fakeSentLog{rows: map[string]storage.SentEvent{}})
	var fitted []id.RoomID
	s.fit = func(_ context.Context, roomID id.RoomID, content any) any {
		fitted = append(fitted, roomID)
		if mc, ok := content.(*event.MessageEventContent); ok && len(mc.Body) > 1000 {
			cp := *mc
			cp.Body = mc.Body[:1000]
			return &cp
		}
		return content
	}
	long := &event.MessageEventContent{MsgType: event.MsgNotice, Body: strings.Repeat("Warnung ", 9000)}
	if _, err := s.Send(t.Context(), "!team:hs", event.EventMessage, long, "lotse.warn.1"); err != nil {
		t.Fatalf("a 70 KB notice was not cut to fit: %v", err)
	}
	if len(long.Body) != 8*9000 {
		t.Error("the caller's content was changed")
	}
	if len(fitted) != 1 || fitted[0] != "!team:hs" {
		t.Errorf("fit called for %v", fitted)
	}
	// Without a fit the fake refuses it, as a homeserver does.
	s.fit = nil
	s.MaxWait = time.Second
	if _, err := s.Send(t.Context(), "!team:hs", event.EventMessage, long, "lotse.warn.2"); err == nil {
		t.Error("the fake homeserver took a 70 KB event")
	}
}
