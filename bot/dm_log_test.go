package bot

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/id"
)

// TestDirectChatLogNamesNoMember: the info line of a new direct chat names
// the room, not the member (operations.md: logs are read and shared by the
// team; a member's Matrix ID next to their room ID ties every later log line
// of that room to them).
func TestDirectChatLogNamesNoMember(t *testing.T) {
	const member = id.UserID("@alice:hs")
	hs := &fakeDirectHomeserver{joined: map[id.RoomID]string{}, succeed: true}
	now := time.UnixMilli(1_790_000_000_000)
	b, _ := newFakeDirectBot(t, hs, &now)
	var buf bytes.Buffer
	b.log = zerolog.New(&buf)
	room, err := b.DirectRoom(t.Context(), member)
	if err != nil {
		t.Fatal(err)
	}
	logged := buf.String()
	if !strings.Contains(logged, "Opened direct chat") || !strings.Contains(logged, room.String()) {
		t.Fatalf("no log line for the new direct chat: %s", logged)
	}
	if strings.Contains(logged, "alice") {
		t.Errorf("the log names the member: %s", logged)
	}
}
