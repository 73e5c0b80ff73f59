package bot

import (
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestInviteOnlyWhenOut: Invite sent an invite to someone already invited
// and not yet answered — a notification each time a manager granted a role
// again (roles32). Joined or invited: nothing is sent; left, declined,
// removed or never there: invited.
func TestInviteOnlyWhenOut(t *testing.T) {
	const room = id.RoomID("!approvals:hs")
	var mu sync.Mutex
	var invites []string
	cli := newFakeClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/invite") {
			mu.Lock()
			invites = append(invites, r.URL.Path)
			mu.Unlock()
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{}`))
	}))
	cli.StateStore = mautrix.NewMemoryStateStore()
	b := &Bot{log: zerolog.Nop(), Client: cli}
	for _, tt := range []struct {
		membership event.Membership
		want       int
	}{
		{event.MembershipJoin, 0},
		{event.MembershipInvite, 0},
		{event.MembershipLeave, 1},
		{event.MembershipBan, 1}, // the homeserver refuses it; Lotse asks
		{"", 1},                  // never there
	} {
		t.Run(string(tt.membership), func(t *testing.T) {
			user := id.UserID("@u" + string(tt.membership) + ":hs")
			if tt.membership != "" {
				if err := cli.StateStore.SetMembership(t.Context(), room, user, tt.membership); err != nil {
					t.Fatal(err)
				}
			}
			mu.Lock()
			before := len(invites)
			mu.Unlock()
			if err := b.Invite(t.Context(), room, user, "test"); err != nil {
				t.Fatal(err)
			}
			mu.Lock()
			got := len(invites) - before
			mu.Unlock()
			if got != tt.want {
				t.Errorf("%d invites sent, want %d", got, tt.want)
			}
		})
	}
}
