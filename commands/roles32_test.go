package commands

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"
)

// TestRoleGrantedAgainInvitesBack: a coordinator granted again („hat die
// Rolle schon“) who had left the approvals room was not invited back — the
// grant answered and did nothing (pass 31's Left; roles32); the same for a
// team member out of the team room. Now Lotse reads the membership and
// invites someone who is not in the room of the role, and says so; someone
// in the room gets no invite.
func TestRoleGrantedAgainInvitesBack(t *testing.T) {
	for _, tt := range []struct {
		name, role string
		user       id.UserID
		room       id.RoomID
		said       string
	}{
		{"coordinator", "koordination", coord, approvRm, "nicht im Genehmigungsraum"},
		{"team", "team", alice, teamRoom, "nicht im Teamraum"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, rooms := newRolesEnv(t)
			e.fm.joined[tt.room][tt.user] = false // left the room
			invited := func() int {
				t.Helper()
				n := 0
				rooms.mu.Lock()
				defer rooms.mu.Unlock()
				for _, s := range rooms.invites {
					if s == tt.room.String()+" "+tt.user.String() {
						n++
					}
				}
				return n
			}
			sent := in(e.say(t, dmRoom, approvr, "!rolle "+tt.user.String()+" "+tt.role, ""), dmRoom)
			mustContain(t, sent, "schon", tt.said)
			if invited() == 0 {
				t.Errorf("not invited back to the room of the role: %v", rooms.invites)
			}
			e.fm.joined[tt.room][tt.user] = true
			before := invited()
			sent = in(e.say(t, dmRoom, approvr, "!rolle "+tt.user.String()+" "+tt.role, ""), dmRoom)
			mustContain(t, sent, "schon")
			if strings.Contains(bodies(sent), "Einladung") || invited() != before {
				t.Errorf("someone in the room was invited again: %s, %v", bodies(sent), rooms.invites)
			}
		})
	}
}
