package commands

import (
	"context"
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// TestTeamApplicationOnlyInDirectChat: `!team beitreten` (and `!team`,
// which shows the member's own status) in a group room is answered with
// the pointer to the direct chat and nothing else: no application is
// recorded, the room reads nothing about the member's role. Without the
// applicant role's check of the direct chat, an application was recorded
// from the group room, and no test noticed (mut35).
func TestTeamApplicationOnlyInDirectChat(t *testing.T) {
	const group = id.RoomID("!group:test")
	for _, cmd := range []string{"!team beitreten", "!team"} {
		t.Run(cmd, func(t *testing.T) {
			e := newSupportEnv(t)
			sent := e.say(t, group, member, cmd, "")
			if len(sent) != 1 || sent[0].room != group || !strings.Contains(sent[0].content.Body, "im Direktchat mit mir") {
				t.Fatalf("want only the pointer to the direct chat in the group room, got:\n%s", bodies(sent))
			}
			if r, err := e.db.Roles().Get(context.Background(), member.String(), storage.RoleTeam); err != nil || r != nil {
				t.Fatalf("an application from the group room was recorded: %+v (err %v)", r, err)
			}
		})
	}
}
