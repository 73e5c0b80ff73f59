package bot

import (
	"net/http"
	"testing"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestMembershipFromStateStore (rooms33): Membership tells a ban from a
// leave (IsJoined cannot), so `!team beitreten` invites back after a
// leave and not after a ban; someone the store knows nothing of is leave.
func TestMembershipFromStateStore(t *testing.T) {
	const room = id.RoomID("!team:hs")
	cli := newFakeClient(t, http.NotFoundHandler())
	cli.StateStore = mautrix.NewMemoryStateStore()
	b := &Bot{log: zerolog.Nop(), Client: cli}
	for _, ms := range []event.Membership{event.MembershipJoin, event.MembershipInvite, event.MembershipLeave, event.MembershipBan, event.MembershipKnock, ""} {
		t.Run(string(ms), func(t *testing.T) {
			user := id.UserID("@u" + string(ms) + ":hs")
			if ms != "" {
				if err := cli.StateStore.SetMembership(t.Context(), room, user, ms); err != nil {
					t.Fatal(err)
				}
			}
			want := ms
			if want == "" {
				want = event.MembershipLeave
			}
			if got, err := b.Membership(t.Context(), room, user); err != nil || got != want {
				t.Errorf("Membership = %q, %v; want %q", got, err, want)
			}
		})
	}
}
