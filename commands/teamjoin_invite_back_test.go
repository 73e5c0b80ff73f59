package commands

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// memberMatrix is fakeMatrix with memberships beyond joined (a ban, an
// invite not yet answered), as chat.MembershipReader.
type memberMatrix struct {
	*fakeMatrix
	mu sync.Mutex
	ms map[id.UserID]event.Membership // in every room; unset: joined or leave
	by map[id.UserID]id.UserID        // who made a leave
}

func (m *memberMatrix) Membership(ctx context.Context, room id.RoomID, user id.UserID) (event.Membership, id.UserID, error) {
	m.mu.Lock()
	ms, ok := m.ms[user]
	by := m.by[user]
	m.mu.Unlock()
	if ok {
		return ms, by, nil
	}
	if joined, err := m.IsJoined(ctx, room, user); err != nil || joined {
		return event.MembershipJoin, "", err
	}
	return event.MembershipLeave, by, nil
}

func (m *memberMatrix) set(user id.UserID, ms event.Membership, by id.UserID) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.ms[user], m.by[user] = ms, by
}

// TestTeamJoinInvitesBack (rooms33): a team member whose role is active
// and who left the team room got „Du bist schon im Digitalisierungsteam
// freigeschaltet“ for `!team beitreten` and no way back in but asking an
// admin. Now Lotse reads their membership of the team room: joined → as
// before, nothing sent; left (or declined) → invited again, and told so;
// an invite waiting → told to accept it, none sent; invited back a short
// while ago → not again within the hour (each invite is an event in the
// team room: no leave-and-ask storm); banned, or kicked, by a room admin
// → not invited, told to ask the coordinators; removed by Lotse (a role
// paused, active again) → invited. A manager's `!rolle … team` for
// a banned person sends no invite either and says why. Fails without the
// fix: no invite, no „wieder eingeladen“.
func TestTeamJoinInvitesBack(t *testing.T) {
	e, rooms := newRolesEnv(t)
	mm := &memberMatrix{fakeMatrix: e.fm, ms: map[id.UserID]event.Membership{}, by: map[id.UserID]id.UserID{}}
	e.reconfigure(func(d *Deps) { d.Matrix = mm })
	invites := func() int {
		rooms.mu.Lock()
		defer rooms.mu.Unlock()
		n := 0
		for _, s := range rooms.invites {
			if s == teamRoom.String()+" "+alice.String() {
				n++
			}
		}
		return n
	}
	join := func(t *testing.T, invited int, want ...string) {
		t.Helper()
		sent := in(e.say(t, dmRoom, alice, "!team beitreten", ""), dmRoom)
		mustContain(t, sent, append([]string{"schon im Digitalisierungsteam freigeschaltet"}, want...)...)
		if got := invites(); got != invited {
			t.Fatalf("%d invites to the team room, want %d: %v", got, invited, rooms.invites)
		}
		if len(in(sent, teamRoom)) != 0 {
			t.Fatalf("a post in the team room: %s", bodies(in(sent, teamRoom)))
		}
	}
	mm.set(alice, event.MembershipJoin, "")
	join(t, 0)
	if b := bodies(in(e.say(t, dmRoom, alice, "!team beitreten", ""), dmRoom)); strings.Contains(b, "Einladung") || strings.Contains(b, "eingeladen") {
		t.Errorf("someone in the team room was told about an invite: %s", b)
	}
	mm.set(alice, event.MembershipLeave, "")
	join(t, 1, "wieder eingeladen")
	e.now = e.now.Add(time.Minute) // declined, asks again at once
	join(t, 1, "vor Kurzem", "frühestens eine Stunde")
	mm.set(alice, event.MembershipInvite, "")
	join(t, 1, "liegt schon bei dir")
	mm.set(alice, event.MembershipLeave, "")
	e.now = e.now.Add(time.Hour)
	join(t, 2, "wieder eingeladen")
	mm.set(alice, event.MembershipBan, "")
	e.now = e.now.Add(2 * time.Hour)
	join(t, 2, "gesperrt", "Koordination")
	// Kicked by a room admin: not undone at her own request; removed by
	// Lotse (a paused role, now active again): invited.
	mm.set(alice, event.MembershipLeave, admin)
	join(t, 2, "jemand entfernt", "Koordination")
	mm.set(alice, event.MembershipLeave, botID)
	join(t, 3, "wieder eingeladen")
	mm.set(alice, event.MembershipBan, "")
	// The manager's re-grant (roles32) does not invite a banned person.
	sent := in(e.say(t, dmRoom, approvr, "!rolle "+alice.String()+" team", ""), dmRoom)
	mustContain(t, sent, "schon", "im Teamraum gesperrt", "Sperre aufheben")
	if invites() != 3 {
		t.Errorf("the manager's grant invited a banned person: %v", rooms.invites)
	}
}
