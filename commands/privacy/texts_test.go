package privacy

import (
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

func TestTexts(t *testing.T) {
	chattest.CheckTexts(t, German, English)
	chattest.CheckStyle(t, German, English)
	chattest.CheckCounts(t, German, English)
}

// TestRoomNames: the overview names the approvals room with the word every
// other text of Lotse uses for it („Genehmigungsraum“, "approvals room";
// the retention report says so too), so a member does not look for a
// second room (mend29c: priv29 wrote „Raum der Genehmigenden“ and
// "approvers' room" here only).
func TestRoomNames(t *testing.T) {
	for _, tt := range []struct {
		lang, got, want string
	}{
		{"de", German.RoomAccess, "Genehmigungsraum"},
		{"en", English.RoomAccess, "approvals room"},
		{"de", German.RoomCases, "Teamraum"},
		{"en", English.RoomCases, "team room"},
	} {
		if !strings.Contains(tt.got, tt.want) {
			t.Errorf("%s: %q does not name the room %q", tt.lang, tt.got, tt.want)
		}
	}
}
