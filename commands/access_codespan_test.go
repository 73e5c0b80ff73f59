package commands

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
)

// TestRoomCommandCopiesAsIs (whole26's find): the approval of a room whose
// name has Markdown characters shows the command for a fresh link in a
// code span, where Escape's backslashes stayed visible („`!raum AG
// Umwelt \(Süd\)`“) and a member who copied it asked for a room with
// backslashes in its name. Now the span holds the name as it is. Fails
// without chat.Code in the access worker.
func TestRoomCommandCopiesAsIs(t *testing.T) {
	e := newAccessEnv(t)
	for _, body := range []string{"!zugang bbb", "AG Umwelt (Süd)", "Monatliche Treffen", "ja"} {
		e.handle(t, e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: body}), true)
	}
	e.say(t, approvals, carol, "!genehmigen 1", "")
	if err := e.h.AccessTick(t.Context(), e.now); err != nil {
		t.Fatal(err)
	}
	e.fm.mu.Lock()
	defer e.fm.mu.Unlock()
	found := false
	for _, m := range e.fm.sent {
		if m.room != dmRoom || m.content == nil || !strings.Contains(m.content.Body, "!raum") {
			continue
		}
		if strings.Contains(m.content.Body, `\(`) {
			t.Errorf("the member's command shows Markdown's backslashes: %q", m.content.Body)
		}
		if strings.Contains(m.content.Body, "!raum AG Umwelt (Süd)") {
			found = true
		}
	}
	if !found {
		t.Error("no „!raum AG Umwelt (Süd)“ for a fresh link in the member's approval")
	}
}
