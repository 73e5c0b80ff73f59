package commands

import (
	"context"
	"errors"
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

// refusingInvites is fakeRooms whose invites fail (Lotse lacks the power
// to invite there).
type refusingInvites struct{ *fakeRooms }

func (refusingInvites) Invite(context.Context, id.RoomID, id.UserID, string) error {
	return errors.New("M_FORBIDDEN: not allowed to invite")
}

// TestTeamActiveSaysWhenNotInvited: a team role activated through the gate
// told the manager „… freigeschaltet und in den Teamraum eingeladen“ and
// the person „Ich habe dich in den Teamraum eingeladen“ also when the
// invite failed; nobody invited them (roles32). Now both are told it did
// not happen, and the manager what to do.
func TestTeamActiveSaysWhenNotInvited(t *testing.T) {
	e, rooms := newRolesEnv(t)
	e.reconfigure(func(d *Deps) { d.Rooms = refusingInvites{rooms} })
	e.fm.joined[dmRoom][approvr] = true
	e.say(t, approvRm, approvr, "!rolle @member:test team", "")
	e.say(t, approvRm, approvr, "!erklärung @member:test erhalten 01.03.2026", "")
	sent := e.say(t, approvRm, approvr, "!schulung @member:test 15.02.2026", "")
	mustContain(t, in(sent, approvRm), "freigeschaltet", "nicht einladen", "von Hand ein")
	mustContain(t, in(sent, dmRoom), "von jemandem aus dem Team")
	if b := bodies(sent); strings.Contains(b, "in den Teamraum eingeladen") {
		t.Errorf("said invited, the invite failed: %s", b)
	}
}
